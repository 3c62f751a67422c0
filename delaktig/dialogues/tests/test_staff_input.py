"""The staff workspace refuses bad input politely: typed values kept, an error summary, never a 500."""

import pytest

from delaktig.dialogues.models import Dialogue, Kind, State
from delaktig.dialogues.tests.factories import dialogue_in_state
from delaktig.dialogues.tests.staff_support import add_module, method_registered, plan_data, staff_url
from delaktig.followup.models import Outcome
from delaktig.organisations.models import Role

pytestmark = pytest.mark.django_db
HUGE = "x" * 1_000_000


@pytest.fixture
def test_method():
    with method_registered() as manifest:
        yield manifest


@pytest.fixture
def officer(client, staff):
    client.force_login(staff[Role.DEMOCRACY_OFFICER])
    return staff[Role.DEMOCRACY_OFFICER]


# --- Invalid input ---------------------------------------------------------------------------


def _rerendered(response, *typed):
    assert response.status_code == 200
    page = response.content.decode()
    assert 'class="error-summary"' in page
    for value in typed:
        assert value in page
    return page


def test_create_keeps_what_was_typed(client, municipality, officer):
    data = {"kind": Kind.CITIZEN_DIALOGUE, "title": "", "question": "Min fråga om parken", "case_number": "KS 1"}
    _rerendered(client.post(staff_url("staff_create", municipality=municipality), data), "Min fråga om parken", "KS 1")
    assert not Dialogue.objects.exists()


def test_a_citizen_dialogue_needs_a_political_body(client, municipality, officer):
    data = {"kind": Kind.CITIZEN_DIALOGUE, "title": "Parken", "question": "Vad vill du?"}
    _rerendered(client.post(staff_url("staff_create", municipality=municipality), data), "Parken")
    data["kind"] = Kind.INFORMATION
    assert client.post(staff_url("staff_create", municipality=municipality), data).status_code == 302
    assert Dialogue.objects.get(title="Parken").kind == Kind.INFORMATION


def test_a_body_of_another_municipality_cannot_be_chosen(client, municipality, other_municipality, officer):
    theirs = other_municipality.get_deciding_body()
    data = {"kind": Kind.CITIZEN_DIALOGUE, "title": "Parken", "question": "Vad vill du?", "proposed_by": theirs.pk}
    _rerendered(client.post(staff_url("staff_create", municipality=municipality), data))


def test_decision_with_a_bad_date(client, municipality, officer):
    dialogue = dialogue_in_state(State.ASSESSED, municipality=municipality)
    data = {"decision_date": "2026-13-45", "decision_minute_item": "§ 99", "step": "decide"}
    _rerendered(client.post(staff_url("staff_decision", dialogue), data), "§ 99", "2026-13-45")
    dialogue.refresh_from_db()
    assert dialogue.state == State.ASSESSED and dialogue.decision_to_hold is None


def test_plan_that_closes_before_it_opens(client, municipality, officer):
    dialogue = dialogue_in_state(State.DECIDED, municipality=municipality)
    data = plan_data(municipality, starts_on="2026-05-01", ends_on="2026-04-01", purpose="Mitt syfte")
    _rerendered(client.post(staff_url("staff_plan", dialogue), {**data, "step": "plan"}), "Mitt syfte")
    dialogue.refresh_from_db()
    assert dialogue.state == State.DECIDED and not dialogue.purpose


def test_plan_offers_only_the_municipalitys_ladder(client, municipality, officer):
    municipality.ladder_profile = "boverket"
    municipality.save()
    dialogue = dialogue_in_state(State.DECIDED, municipality=municipality)
    page = client.get(staff_url("staff_plan", dialogue)).content.decode()
    assert 'value="influence"' in page and 'value="co_decision"' not in page
    _rerendered(client.post(staff_url("staff_plan", dialogue), plan_data(municipality, ladder_level="co_decision")))


def test_phase_that_ends_before_it_starts(client, municipality, officer, test_method):
    dialogue = dialogue_in_state(State.PLANNED, municipality=municipality)
    module = add_module(dialogue, with_phase=False)
    data = {"phase_type": "collect", "name": "Fas ett", "starts_at": "2026-03-01T09:00", "ends_at": "2026-03-01T08:00"}
    _rerendered(client.post(staff_url("staff_phase_add", dialogue, module.pk), data), "Fas ett")
    assert not module.phases.exists()


def test_module_with_an_unknown_method(client, municipality, officer, test_method):
    dialogue = dialogue_in_state(State.PLANNED, municipality=municipality)
    _rerendered(
        client.post(staff_url("staff_module_add", dialogue), {"method": "nope", "name": "Mitt namn"}), "Mitt namn"
    )
    assert not dialogue.modules.exists()


@pytest.mark.parametrize("count", ["-1", "många", "99999999999999999999"])
def test_results_with_a_bad_number(client, municipality, officer, count):
    dialogue = dialogue_in_state(State.CLOSED, municipality=municipality)
    data = {"results_summary": "Sammanfattat", "offline_participant_count": count, "step": "compile_results"}
    _rerendered(client.post(staff_url("staff_results", dialogue), data), "Sammanfattat")


def test_cancel_needs_a_reason(client, municipality, officer):
    dialogue = dialogue_in_state(State.INITIATIVE, municipality=municipality)
    _rerendered(client.post(staff_url("staff_cancel", dialogue), {"cancel_reason": "  "}))
    dialogue.refresh_from_db()
    assert dialogue.state == State.INITIATIVE


@pytest.mark.parametrize(
    ("name", "state", "field"),
    [
        ("staff_edit", State.INITIATIVE, "title"),
        ("staff_edit", State.INITIATIVE, "officer_report"),
        ("staff_plan", State.DECIDED, "purpose"),
        ("staff_feedback", State.MATTER_DECIDED, "feedback"),
        ("staff_cancel", State.PLANNED, "cancel_reason"),
    ],
)
def test_huge_fields_are_refused_politely(client, municipality, officer, name, state, field):
    dialogue = dialogue_in_state(state, municipality=municipality)
    data = {"title": "Titel", "question": "Fråga?", "moderation": "post", field: HUGE}
    _rerendered(client.post(staff_url(name, dialogue), data))
    dialogue.refresh_from_db()
    kept = Outcome.of(dialogue) if field == "feedback" else dialogue  # followup keeps the feedback
    assert getattr(kept, field) != HUGE


def test_huge_checklist_answer(client, municipality, officer):
    dialogue = dialogue_in_state(State.INITIATIVE, municipality=municipality)
    question = municipality.checklist_questions.first()
    _rerendered(client.post(staff_url("staff_checklist", dialogue), {f"q{question.pk}": HUGE}))


# --- Odd requests ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path", ["dialoger/abc/", "dialoger/99999999999999999999/", "dialoger/0/plan/", "dialoger/-1/"]
)
def test_malformed_ids_are_not_found(client, municipality, officer, path):
    assert client.get(f"/{municipality.slug}/personal/{path}").status_code == 404


def test_unknown_ids_are_not_found(client, municipality, officer, test_method):
    dialogue = dialogue_in_state(State.PLANNED, municipality=municipality)
    assert client.get(staff_url("staff_phase_add", dialogue, 99999999999999999999)).status_code == 404
    assert (
        client.post(staff_url("staff_step", dialogue, "open").replace(str(dialogue.pk), "99999999")).status_code == 404
    )


@pytest.mark.parametrize("name", ["staff_detail", "staff_audit", "staff_step"])
def test_wrong_method_on_dialogue_pages(client, municipality, officer, name):
    dialogue = dialogue_in_state(State.PLANNED, municipality=municipality)
    args = ["open"] if name == "staff_step" else []
    url = staff_url(name, dialogue, *args)
    assert (client.get(url) if name == "staff_step" else client.post(url)).status_code == 405
    assert client.put(url).status_code == 405


@pytest.mark.parametrize("name", ["staff_edit", "staff_plan", "staff_cancel", "staff_module_add"])
def test_wrong_method_on_forms(client, municipality, officer, name):
    dialogue = dialogue_in_state(State.INITIATIVE, municipality=municipality, kind=Kind.USER_DIALOGUE)
    assert client.put(staff_url(name, dialogue)).status_code == 405
    assert client.delete(staff_url(name, dialogue)).status_code == 405


@pytest.mark.parametrize("name", ["staff_dashboard", "staff_list", "council_overview_current", "staff_moderation"])
def test_wrong_method_on_workspace_pages(client, municipality, officer, name):
    assert client.post(staff_url(name, municipality=municipality)).status_code == 405


@pytest.mark.parametrize("year", [0, 1899, 2201, 99999999])
def test_overview_of_an_impossible_year(client, municipality, officer, year):
    assert client.get(staff_url("council_overview", None, year, municipality=municipality)).status_code == 404
    assert client.get(staff_url("council_overview_csv", None, year, municipality=municipality)).status_code == 404
