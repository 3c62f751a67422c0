"""The demo shows follow-up: measures with history after the decision, and a feedback mailing that is done."""

import io

import pytest
from django.core.management import call_command

from delaktig.demo.tests.site import demo_data  # noqa: F401 (a fixture)
from delaktig.dialogues.models import Dialogue, State
from delaktig.followup.models import Measure, MeasureStatus
from delaktig.followup.selectors import feedback_mailing_for
from delaktig.mailings.models import Mailing

pytestmark = pytest.mark.usefixtures("demo_data")  # the demo, loaded once for the module


@pytest.mark.django_db
def test_the_demo_has_measures_and_a_finished_feedback_mailing():
    measures = Measure.objects.filter(dialogue__municipality__slug="hagfors")
    assert set(measures.values_list("status", flat=True)) == set(MeasureStatus.values)
    assert all(m.dialogue.state in (State.MATTER_DECIDED, State.FEEDBACK_PUBLISHED, State.EVALUATED) for m in measures)
    assert measures.filter(updates__isnull=False).distinct().count() >= 3
    published = Dialogue.objects.get(municipality__slug="hagfors", title="Medborgarbudget för unga 2026")
    mailing = feedback_mailing_for(published)
    assert mailing.status == Mailing.Status.DONE and mailing.total >= 1
    assert not mailing.recipients.filter(sent_at__isnull=True).exists()
    before = Measure.objects.count()
    call_command("load_demo", stdout=io.StringIO())
    assert Measure.objects.count() == before


@pytest.mark.django_db
def test_the_demos_evaluated_dialogues_have_complete_evaluations_shown_in_their_years_report(client):
    from delaktig.followup.report import evaluation_section
    from delaktig.followup.selectors import evaluation_missing

    evaluated = Dialogue.objects.filter(municipality__slug="hagfors", state=State.EVALUATED)
    assert {"Säkra skolvägar 2025", "Bemötande i kundtjänst"} <= set(evaluated.values_list("title", flat=True))
    for dialogue in evaluated:
        assert evaluation_missing(dialogue) == [], dialogue.title
        lessons = evaluation_section(dialogue.municipality, dialogue.year).tables[3]
        assert dialogue.title in {row[0].text for row in lessons.rows}
    schoolways = evaluated.get(title="Säkra skolvägar 2025")
    page = client.get(schoolways.get_absolute_url()).content.decode()
    assert "Hur gick dialogen? Vår utvärdering" in page and "Inte nådd" in page and "Unga" in page
    by_group = evaluation_section(schoolways.municipality, schoolways.year).tables[2]
    assert ("Personer med funktionsnedsättning", 0, 0, 1) in by_group.rows
