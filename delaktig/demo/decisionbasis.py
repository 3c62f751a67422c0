"""Demo data for decisionbasis: one generated version on the closed dialogue with the most themes."""

from django.conf import settings
from django.db.models import Case, Count, IntegerField, When

from delaktig.decisionbasis import services
from delaktig.decisionbasis.models import DecisionBasis
from delaktig.decisionbasis.views import STATES
from delaktig.dialogues.models import Dialogue

ASSESSMENT = (
    "Dialogen gav många konkreta synpunkter som går att använda i ärendet. De teman som kom fram oftast "
    "ryms inom ärendets ramar och budget. Förvaltningen föreslår att nämnden tar med dem i beslutet och "
    "återkopplar till deltagarna om vilka förslag som genomförs och varför.\n\n"
    "Unga och boende utanför centralorten deltog i mindre utsträckning än andra. Förvaltningen föreslår "
    "en kompletterande dialog med skolornas elevråd innan det slutliga förslaget."
)
REPRESENTATIVENESS = "Få deltagare under 18 år. Vi nådde inte boende i de norra byarna."
CONSULTATION = "Samråd hölls med länsstyrelsen och grannkommunerna. Inga invändningar mot förslagen i sak."


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
    if settings.DEMO_DOCUMENTS_AT_ONCE:  # so `make run` shows the downloads at once; else the worker makes them
        services.decision_basis_generate(basis_id=basis.pk)


def _dialogue_with_results(muni):
    """The dialogue from "closed" onwards with a case number and the most themes (results' demo adds them);
    among equals the one whose results are compiled, as a decision basis follows that step."""
    candidates = (
        Dialogue.objects.filter(municipality=muni, state__in=STATES)
        .exclude(case_number="")
        .annotate(
            theme_count=Count("themes"),
            compiled=Case(When(state="results_compiled", then=1), default=0, output_field=IntegerField()),
        )
        .order_by("-theme_count", "-compiled", "-closed_at", "pk")
    )
    return candidates.first()
