"""The dialogue's step pages keep their fields for the texts results and followup now keep: saved into
CompiledResults and Outcome, listed in the same change-log entry, and missing in the same words."""

import pytest

from delaktig.core.audit import audit_events_for
from delaktig.dialogues.models import State
from delaktig.dialogues.tests.factories import dialogue_in_state
from delaktig.dialogues.tests.staff_support import staff_url
from delaktig.followup.models import Outcome
from delaktig.followup.services import outcome_save
from delaktig.results.models import CompiledResults
from delaktig.results.services import compiled_results_save

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(client, staff):
    client.force_login(staff["officer"])
    return client


def test_the_results_page_saves_into_compiled_results(client, municipality, officer):
    dialogue = dialogue_in_state(State.CLOSED, municipality=municipality)
    html = client.get(staff_url("staff_results", dialogue)).content.decode()
    assert 'name="results_summary"' in html and 'name="offline_participant_count"' in html
    assert "Skriv en sammanfattning av resultatet." in html  # missing before the next step, as before
    data = {"results_summary": "Fler bänkar.", "offline_participant_count": "12", "step": "compile_results"}
    assert client.post(staff_url("staff_results", dialogue), data).status_code == 302
    dialogue.refresh_from_db()
    assert dialogue.state == State.RESULTS_COMPILED
    compiled = CompiledResults.objects.get(dialogue=dialogue)
    assert (compiled.summary, compiled.offline_participant_count) == ("Fler bänkar.", 12)
    update = audit_events_for(dialogue).get(action="dialogue.update")
    assert update.data["fields"] == ["offline_participant_count", "results_summary"]


def test_a_draft_without_text_makes_no_row_and_the_step_is_refused_in_words(client, municipality, officer):
    dialogue = dialogue_in_state(State.CLOSED, municipality=municipality)
    response = client.post(staff_url("staff_results", dialogue), {"results_summary": "", "step": "compile_results"})
    assert "Skriv en sammanfattning av resultatet." in response.content.decode()
    assert not CompiledResults.objects.filter(dialogue=dialogue).exists()


def test_the_matter_decision_page_keeps_how_the_input_mattered_last(client, municipality, officer):
    dialogue = dialogue_in_state(State.RESULTS_COMPILED, municipality=municipality)
    html = client.get(staff_url("staff_matter_decision", dialogue)).content.decode()
    names = ["matter_body", "matter_decision_date", "matter_minute_item", "matter_decision", "input_influence"]
    positions = [html.index(f'name="{name}"') for name in names]
    assert positions == sorted(positions)
    client.post(staff_url("staff_matter_decision", dialogue), {"input_influence": "Bänkarna kom härifrån.", "step": ""})
    assert Outcome.objects.get(dialogue=dialogue).input_influence == "Bänkarna kom härifrån."


def test_a_second_save_over_a_row_made_meanwhile_updates_it_and_the_step_sees_it(client, municipality, officer):
    dialogue = dialogue_in_state(State.CLOSED, municipality=municipality)
    client.post(staff_url("staff_results", dialogue), {"results_summary": "", "offline_participant_count": "3"})
    assert CompiledResults.objects.get(dialogue=dialogue).summary == ""  # a row with the count only
    data = {"results_summary": "Fler bänkar.", "offline_participant_count": "3", "step": "compile_results"}
    assert client.post(staff_url("staff_results", dialogue), data).status_code == 302
    dialogue.refresh_from_db()
    assert dialogue.state == State.RESULTS_COMPILED  # the guard read the summary just saved


def test_saving_the_first_text_when_another_request_just_made_the_row_is_no_error(municipality):
    dialogue = dialogue_in_state(State.CLOSED, municipality=municipality)
    compiled, outcome = CompiledResults.of(dialogue), Outcome.of(dialogue)  # read before the other request saved
    CompiledResults.objects.create(dialogue_id=dialogue.pk, summary="Först.")
    Outcome.objects.create(dialogue_id=dialogue.pk, feedback="Först.", input_influence="Kvar.")
    compiled_results_save(compiled=compiled, summary="Sist.", offline_participant_count=None)
    outcome_save(outcome=outcome, values={"feedback": "Sist."})
    assert CompiledResults.objects.get(dialogue=dialogue).summary == "Sist."
    stored = Outcome.objects.get(dialogue=dialogue)
    assert (stored.feedback, stored.input_influence) == ("Sist.", "Kvar.")  # only the page's own field changed
