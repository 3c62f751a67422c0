"""Demo data for decisionbasis: one generated version on the closed dialogue with the most themes."""

from django.db.models import Count

from delaktig.decisionbasis import services
from delaktig.decisionbasis.models import DecisionBasis
from delaktig.decisionbasis.views import STATES
from delaktig.dialogues.models import Dialogue

ASSESSMENT = (
    "Dialogen visar att många vill ha tryggare och mer sammanhängande cykelvägar, särskilt längs skolvägarna. "
    "Förvaltningen bedömer att förslagen ryms inom den planerade investeringen och föreslår att nämnden "
    "prioriterar sträckan förbi skolan först.\n\n"
    "Unga och äldre deltog i mindre utsträckning än andra. Förvaltningen föreslår en kompletterande "
    "dialog med skolans elevråd innan detaljplaneringen."
)
REPRESENTATIVENESS = "Få deltagare under 18 år. Vi nådde inte boende i de norra byarna."
CONSULTATION = "Samråd hölls med Trafikverket och skolan. Inga invändningar mot förslagen i sak."


def load(muni, bodies, people):
    """Idempotent: called once per demo municipality, after its dialogues and proposals exist."""
    dialogue = _dialogue_with_results(muni)
    if dialogue is None or DecisionBasis.objects.filter(dialogue=dialogue).exists():
        return
    basis = services.decision_basis_request(
        dialogue=dialogue,
        actor=people["handlaggare"],
        assessment=ASSESSMENT,
        representativeness_text=REPRESENTATIVENESS,
        consultation_text=CONSULTATION,
    )
    services.decision_basis_generate(basis_id=basis.pk)  # now, so `make run` shows the downloads at once


def _dialogue_with_results(muni):
    """The dialogue from "closed" onwards with a case number and the most themes (results' demo adds them)."""
    candidates = (
        Dialogue.objects.filter(municipality=muni, state__in=STATES)
        .exclude(case_number="")
        .annotate(theme_count=Count("themes"))
        .order_by("-theme_count", "-closed_at", "pk")
    )
    return candidates.first()
