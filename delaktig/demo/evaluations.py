"""The participants' evaluation of every closed demo dialogue: made, its participants invited, and answers from
paper at the library, so follow-up, the council overview and the yearly report have figures to show."""

from delaktig.dialogues.models import Dialogue, Kind
from delaktig.followup.participant_evaluation import ASKABLE
from delaktig.methods.surveys.demo import evaluation_populate


def load(muni, bodies, people):
    """Idempotent: a dialogue evaluated already by its participants is left as it is."""
    officer = people["handlaggare"]
    closed = Dialogue.objects.filter(municipality=muni, state__in=ASKABLE).exclude(kind=Kind.INFORMATION)
    for index, dialogue in enumerate(closed.order_by("id")):
        evaluation_populate(dialogue, officer=officer, invited=16 + 4 * (index % 3), seed=index)
