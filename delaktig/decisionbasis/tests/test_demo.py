"""The demo: one generated version on the closed dialogue with the most themes; loading twice adds nothing."""

import pytest

from delaktig.decisionbasis.models import DecisionBasis, Letterhead, Status
from delaktig.demo import decisionbasis as demo
from delaktig.dialogues.models import State

from .support import closed_dialogue


@pytest.mark.django_db
def test_the_demo_generates_one_version_on_the_dialogue_with_results(dialogue, municipality, staff, settings):
    settings.DEMO_DOCUMENTS_AT_ONCE = True
    closed_dialogue(municipality, state=State.RESULTS_COMPILED)  # closed too, but without themes
    closed_dialogue(municipality, state=State.OPEN, case_number="KS 1")
    people = {"handlaggare": staff["officer"]}
    demo.load(municipality, {}, people)
    demo.load(municipality, {}, people)
    basis = DecisionBasis.objects.get()
    assert basis.dialogue == dialogue and basis.status == Status.DONE and basis.pdf
    assert basis.is_sent and basis.signer == staff["officer"] and basis.signer_title == "Utredare"
    assert len(basis.proposed_points) == 3
    assert Letterhead.objects.get(municipality=municipality).logo.open("rb").read(4) == b"\x89PNG"


@pytest.mark.django_db
def test_the_demo_skips_a_municipality_without_a_closed_dialogue(municipality, staff):
    closed_dialogue(municipality, state=State.OPEN)
    demo.load(municipality, {}, {"handlaggare": staff["officer"]})
    assert not DecisionBasis.objects.exists()
