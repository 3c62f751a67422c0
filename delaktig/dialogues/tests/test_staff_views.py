"""The staff workspace pages: whole journeys through the lifecycle, invalid input, odd requests."""

import csv
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from delaktig.core.audit import audit_events_for, audit_record
from delaktig.dialogues.models import ChecklistAnswer, Dialogue, Kind, State
from delaktig.dialogues.tests.factories import dialogue_in_state
from delaktig.dialogues.tests.staff_support import (
    METHOD_KEY,
    add_module,
    method_registered,
    moderation_item,
    plan_data,
    staff_url,
)
from delaktig.dialogues.tests.test_workflow_permissions import DIALOGUE_PAGES
from delaktig.organisations.models import Role

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def test_method():
    with method_registered() as manifest:
        yield manifest


@pytest.fixture
def officer(client, staff):
    client.force_login(staff[Role.DEMOCRACY_OFFICER])
    return staff[Role.DEMOCRACY_OFFICER]


def create(client, municipality, **data):
    data = {"kind": Kind.CITIZEN_DIALOGUE, "title": "Parken", "question": "Vad vill du göra i parken?", **data}
    response = client.post(staff_url("staff_create", municipality=municipality), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    return Dialogue.objects.get(title=data["title"])


def post(client, name, dialogue, data, *args):
    response = client.post(staff_url(name, dialogue, *args), data)
    assert response.status_code == 302, _errors(response)
    dialogue.refresh_from_db()
    return response


def _errors(response):
    page = response.content.decode()
    return page[page.find("<main") : page.find("<main") + 3000]


def close(client, dialogue):
    """Closing asks first: the step sends the officer to the confirmation page, which closes on POST."""
    response = client.post(staff_url("staff_step", dialogue, "close"))
    assert response.status_code == 302 and response["Location"] == staff_url("staff_close", dialogue)
    dialogue.refresh_from_db()
    assert dialogue.state == State.OPEN
    assert client.get(response["Location"]).status_code == 200
    post(client, "staff_close", dialogue, {})


def add_way_to_take_part(client, dialogue):
    response = post(client, "staff_module_add", dialogue, {"method": METHOD_KEY, "name": "Tyck till"})
    module = dialogue.modules.get()
    assert response["Location"] == staff_url("staff_phase_add", dialogue, module.pk)
    phase = {
        "phase_type": "collect",
        "name": "Insamling",
        "starts_at": "2026-03-01T09:00",
        "ends_at": "2026-03-31T23:00",
    }
    post(client, "staff_phase_add", dialogue, phase, module.pk)
    assert module.phases.count() == 1


def afterwards(client, dialogue, *, matter=True):
    council = dialogue.municipality.get_deciding_body()
    close(client, dialogue)
    assert dialogue.state == State.CLOSED and dialogue.feedback_due_on
    post(
        client,
        "staff_results",
        dialogue,
        {"results_summary": "Fler bänkar.", "offline_participant_count": "12", "step": "compile_results"},
    )
    assert dialogue.state == State.RESULTS_COMPILED
    if matter:
        matter_data = {
            "matter_body": council.pk,
            "matter_decision_date": TODAY.isoformat(),
            "matter_minute_item": "§ 3",
            "matter_decision": "Parken rustas.",
            "input_influence": "Bänkarna kom från dialogen.",
            "step": "record_matter_decision",
        }
        post(client, "staff_matter_decision", dialogue, matter_data)
        assert dialogue.state == State.MATTER_DECIDED
    step = "publish_feedback" if matter else "publish_feedback_directly"
    post(client, "staff_feedback", dialogue, {"feedback": "Tack! Så här blev det.", "step": step})
    assert dialogue.state == State.FEEDBACK_PUBLISHED and dialogue.feedback_published_at
    group = dialogue.target_groups.get()
    evaluation = {
        "purpose_achieved": "yes",
        "methods_right": "partly",
        "methods_comment": "Fler borde ha fått svara på papper.",
        f"reach_{group.pk}": "reached",
        "lessons": "Vi nådde många unga.",
        "step": "evaluate",
    }
    post(client, "staff_evaluation", dialogue, evaluation)
    assert dialogue.state == State.EVALUATED


# --- Whole journeys ---------------------------------------------------------------------------


def test_a_citizen_dialogue_from_initiative_to_evaluation(client, municipality, officer, test_method):
    council = municipality.get_deciding_body()
    dialogue = create(client, municipality, proposed_by=council.pk, case_number="KS 2026/1")
    assert audit_events_for(dialogue).get(action="dialogue.create").actor == officer

    answers = {f"q{q.pk}": "Ja." for q in municipality.checklist_questions.all()}
    post(client, "staff_checklist", dialogue, {**answers, "is_influenceable": "yes", "step": "assess"})
    assert dialogue.state == State.ASSESSED
    assert ChecklistAnswer.objects.filter(dialogue=dialogue).count() == municipality.checklist_questions.count()

    decision = {
        "deciding_body": council.pk,
        "decision_date": TODAY.isoformat(),
        "decision_minute_item": "§ 45",
        "decision_registration_number": "KS 2026/123",
        "step": "decide",
    }
    post(client, "staff_decision", dialogue, decision)
    assert dialogue.state == State.DECIDED

    post(client, "staff_plan", dialogue, {**plan_data(municipality), "step": "plan"})
    assert dialogue.state == State.PLANNED
    add_way_to_take_part(client, dialogue)
    post(client, "staff_step", dialogue, {}, "open")
    assert dialogue.state == State.OPEN and dialogue.opened_at
    afterwards(client, dialogue)

    actions = list(audit_events_for(dialogue).values_list("action", flat=True))
    for action in ("create", "assess", "decide", "plan", "open", "close", "compile_results", "evaluate"):
        assert f"dialogue.{action}" in actions


def test_a_user_dialogue_needs_no_checklist_or_decision(client, municipality, officer, test_method):
    dialogue = create(client, municipality, kind=Kind.USER_DIALOGUE, title="Skolmaten")
    post(client, "staff_plan", dialogue, {**plan_data(municipality), "step": "plan_directly"})
    assert dialogue.state == State.PLANNED
    add_way_to_take_part(client, dialogue)
    post(client, "staff_step", dialogue, {}, "open")
    afterwards(client, dialogue, matter=False)


def test_an_information_activity_opens_without_a_way_to_take_part(client, municipality, officer):
    dialogue = create(client, municipality, kind=Kind.INFORMATION, title="Nya öppettider")
    post(
        client,
        "staff_plan",
        dialogue,
        {**plan_data(municipality), "ladder_level": "information", "step": "plan_directly"},
    )
    post(client, "staff_step", dialogue, {}, "open")
    close(client, dialogue)
    assert dialogue.state == State.CLOSED
    assert client.get(staff_url("staff_results", dialogue)).status_code == 409


def test_the_body_can_decline(client, municipality, officer):
    dialogue = dialogue_in_state(State.DECIDED, municipality=municipality)
    dialogue.state = State.ASSESSED
    dialogue.save()
    post(client, "staff_decision", dialogue, {**_decision_of(dialogue), "step": "decline"})
    assert dialogue.state == State.DECLINED


def _decision_of(dialogue):
    return {
        "deciding_body": dialogue.decision_to_hold.body_id,
        "decision_date": dialogue.decision_to_hold.date.isoformat(),
        "decision_minute_item": dialogue.decision_to_hold.minute_item,
        "decision_registration_number": dialogue.decision_to_hold.number,
    }


def test_editing_the_initiative(client, municipality, officer):
    dialogue = dialogue_in_state(
        State.INITIATIVE, municipality=municipality, proposed_by=municipality.get_deciding_body()
    )
    data = {"title": "Ny titel", "question": "Ny fråga?", "proposed_by": dialogue.proposed_by_id}
    post(client, "staff_edit", dialogue, data)
    assert (dialogue.title, dialogue.question) == ("Ny titel", "Ny fråga?")
    assert audit_events_for(dialogue).get(action="dialogue.update").data["fields"]


def test_cancelling(client, municipality, officer):
    dialogue = dialogue_in_state(State.PLANNED, municipality=municipality)
    post(client, "staff_cancel", dialogue, {"cancel_reason": "Budgeten drogs in."})
    assert dialogue.state == State.CANCELLED
    assert audit_events_for(dialogue).get(action="dialogue.cancel").public
    assert client.get(staff_url("staff_cancel", dialogue)).status_code == 409


def test_saving_without_taking_the_step(client, municipality, officer):
    dialogue = dialogue_in_state(State.DECIDED, municipality=municipality)
    post(client, "staff_plan", dialogue, {"purpose": "Bara ett utkast.", "moderation": "post"})
    assert dialogue.state == State.DECIDED and dialogue.purpose == "Bara ett utkast."


# --- Refused steps explain themselves ---------------------------------------------------------


def test_save_and_continue_refused_lists_what_is_missing(client, municipality, officer):
    dialogue = dialogue_in_state(State.DECIDED, municipality=municipality)
    response = client.post(
        staff_url("staff_plan", dialogue), {"purpose": "Utkast", "moderation": "post", "step": "plan"}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "missing-list" in page and "Utkast" in page
    dialogue.refresh_from_db()
    assert dialogue.state == State.DECIDED and dialogue.purpose == "Utkast"


def test_detail_shows_what_is_missing_and_links_to_the_page_for_it(client, municipality, officer):
    dialogue = dialogue_in_state(State.DECIDED, municipality=municipality)
    page = client.get(staff_url("staff_detail", dialogue)).content.decode()
    assert 'class="missing-list"' in page
    assert f'class="button" href="{staff_url("staff_plan", dialogue)}"' in page


def test_detail_offers_the_step_when_nothing_is_missing(client, municipality, officer):
    dialogue = dialogue_in_state(State.PLANNED, municipality=municipality)
    add_module(dialogue)
    page = client.get(staff_url("staff_detail", dialogue)).content.decode()
    assert f'action="{staff_url("staff_step", dialogue, "open")}"' in page


def test_detail_explains_a_step_the_role_may_not_take(client, municipality, staff):
    client.force_login(staff[Role.ELECTED_OFFICIAL])
    dialogue = dialogue_in_state(State.PLANNED, municipality=municipality)
    page = client.get(staff_url("staff_detail", dialogue)).content.decode()
    assert staff_url("staff_step", dialogue, "open") not in page
    assert "Officer" in page or "Tjänsteperson" in page


def test_a_step_that_is_not_possible_now_is_explained(client, municipality, officer):
    dialogue = dialogue_in_state(State.PLANNED, municipality=municipality)  # no way to take part yet
    response = client.post(staff_url("staff_step", dialogue, "open"))
    assert response.status_code == 200
    assert "missing-list" in response.content.decode()
    dialogue.refresh_from_db()
    assert dialogue.state == State.PLANNED
    for step in ("close", "no-such-step"):
        assert client.post(staff_url("staff_step", dialogue, step)).status_code == 200
    dialogue.refresh_from_db()
    assert dialogue.state == State.PLANNED


@pytest.mark.parametrize("kind", Kind.values)
def test_every_page_in_every_state_and_kind_answers(client, municipality, officer, test_method, kind):
    """200 where the page makes sense, 409 with an explanation where it does not; never an error. The pages only
    read, so one dialogue in each state and kind serves them all (the phase page, which needs a way of taking part,
    comes last). One test per kind, so that the test processes share them."""
    names = sorted(DIALOGUE_PAGES, key=lambda name: (name == "staff_phase_add", name))
    wrong = []
    for state in State.values:
        dialogue = dialogue_in_state(state, municipality=municipality, kind=kind)
        for name in names:
            args = [add_module(dialogue).pk] if name == "staff_phase_add" else []
            status = client.get(staff_url(name, dialogue, *args)).status_code
            wrong += [(name, kind, state, status)] if status not in (200, 409) else []
    assert not wrong


# --- Lists and other pages -------------------------------------------------------------------


def test_the_list_searches_filters_sorts_and_pages(client, municipality, officer):
    for n in range(30):
        dialogue_in_state(State.INITIATIVE, municipality=municipality, title=f"Cykelväg {n:02d}")
    dialogue_in_state(State.OPEN, municipality=municipality, title="Badhuset", kind=Kind.USER_DIALOGUE)
    url = staff_url("staff_list", municipality=municipality)

    first = client.get(url, {"sort": "title"}).content.decode()
    assert "Badhuset" in first and "Cykelväg 23" in first and "Cykelväg 24" not in first
    assert "Cykelväg 24" in client.get(url, {"sort": "title", "page": "2"}).content.decode()
    assert "Cykelväg 29" in client.get(url, {"sort": "-title"}).content.decode()

    found = client.get(url, {"q": "badhus"}).content.decode()
    assert "Badhuset" in found and "Cykelväg" not in found
    assert "Cykelväg" not in client.get(url, {"state": State.OPEN}).content.decode()
    assert "Badhuset" not in client.get(url, {"kind": Kind.CITIZEN_DIALOGUE}).content.decode()
    assert "Badhuset" in client.get(url, {"year": TODAY.year - 0}).content.decode()


@pytest.mark.parametrize(
    "query",
    [
        {"year": "abc"},
        {"state": "nonsense"},
        {"body": "x"},
        {"sort": "password"},
        {"sort": "-" * 50},
        {"page": "999"},
        {"page": "-1"},
        {"q": "x" * 10_000},
    ],
)
def test_the_list_shrugs_off_bad_parameters(client, municipality, officer, query):
    dialogue_in_state(State.INITIATIVE, municipality=municipality, title="Parken")
    for name in ("staff_list", "staff_dashboard"):
        response = client.get(staff_url(name, municipality=municipality), query)
        assert response.status_code == 200


def test_list_csv(client, municipality, officer):
    dialogue_in_state(State.OPEN, municipality=municipality, title="Badhuset, nytt")
    response = client.get(staff_url("staff_list", municipality=municipality), {"format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    body = response.content.decode("utf-8-sig")
    assert body.startswith("Dialognummer,Rubrik,Typ,Status") and "Öppen" in body and '"Badhuset, nytt"' in body


def test_empty_states(client, municipality, officer):
    for name in ("staff_dashboard", "staff_list", "staff_moderation", "council_overview_current"):
        response = client.get(staff_url(name, municipality=municipality))
        assert response.status_code == 200
    assert (
        staff_url("staff_create", municipality=municipality)
        in client.get(staff_url("staff_dashboard", municipality=municipality)).content.decode()
    )


def test_dashboard_groups_by_state_and_shows_my_dialogues(client, municipality, officer):
    mine = dialogue_in_state(State.OPEN, municipality=municipality, title="Min dialog", responsible_officer=officer)
    dialogue_in_state(State.PLANNED, municipality=municipality, title="Annans dialog")
    other_kind = dialogue_in_state(State.PLANNED, municipality=municipality, title="Info", kind=Kind.INFORMATION)
    url = staff_url("staff_dashboard", municipality=municipality)
    page = client.get(url).content.decode()
    mine_section = page.split('id="mine-title"')[1].split("</section>")[0]
    assert mine.title in mine_section and "Annans dialog" not in mine_section
    assert 'id="state-open"' in page and 'id="state-planned"' in page
    filtered = client.get(url, {"kind": Kind.INFORMATION}).content.decode()
    assert other_kind.title in filtered and "Annans dialog" not in filtered


def test_moderation_groups_waiting_items_by_dialogue(client, municipality, other_municipality, staff, test_method):
    park = dialogue_in_state(State.OPEN, municipality=municipality, title="Parken")
    bath = dialogue_in_state(State.OPEN, municipality=municipality, title="Badhuset")
    theirs = dialogue_in_state(State.OPEN, municipality=other_municipality, title="Deras dialog")
    moderation_item(park, "Bänkar")
    moderation_item(park, "Lekplats")
    moderation_item(bath, "Bastu")
    moderation_item(theirs, "Hemligt")
    client.force_login(staff[Role.MODERATOR])
    page = client.get(staff_url("staff_moderation", municipality=municipality)).content.decode()
    assert page.count(f'id="dialogue-{park.pk}"') == 1
    assert "Bänkar" in page and "Lekplats" in page and "Bastu" in page and f"/test/moderate/{park.pk}/" in page
    assert "Hemligt" not in page and "Deras dialog" not in page


def test_results_page_shows_each_ways_figures(client, municipality, officer, test_method):
    dialogue = dialogue_in_state(State.CLOSED, municipality=municipality)
    add_module(dialogue)
    page = client.get(staff_url("staff_results", dialogue)).content.decode()
    assert "Bidrag" in page and "Tyck till" in page and "contributions" not in page  # the label, never the key


def test_each_way_of_taking_part_links_its_methods_staff_pages(client, municipality, officer, test_method):
    dialogue = dialogue_in_state(State.OPEN, municipality=municipality)
    add_module(dialogue)
    page = client.get(staff_url("staff_detail", dialogue)).content.decode()
    assert f'href="/{municipality.slug}/personal/testmetod/">Skriv in' in page


def test_the_staff_menu_has_the_handbook_and_for_administrators_the_settings(client, municipality, staff):
    client.force_login(staff[Role.ADMINISTRATOR])
    page = client.get(staff_url("staff_dashboard", municipality=municipality)).content.decode()
    assert reverse("foundation:handbook", args=[municipality.slug]) in page
    assert reverse("organisations:settings", args=[municipality.slug]) in page
    client.force_login(staff[Role.OFFICER])
    page = client.get(staff_url("staff_dashboard", municipality=municipality)).content.decode()
    assert reverse("foundation:handbook", args=[municipality.slug]) in page
    assert reverse("organisations:settings", args=[municipality.slug]) not in page


def test_the_decision_form_tells_which_body_decides_before_it_is_sent(client, municipality, officer):
    council = municipality.get_deciding_body() or municipality.bodies.create(name="Kommunfullmäktige", kind="council")
    dialogue = dialogue_in_state(State.ASSESSED, municipality=municipality)
    page = client.get(staff_url("staff_decision", dialogue)).content.decode()
    assert f"I den här kommunen är det bara {council.name} som beslutar om medborgardialoger." in page
    assert "error-summary" not in page


def test_audit_log_says_who_did_what(client, municipality, officer):
    dialogue = create(client, municipality, kind=Kind.USER_DIALOGUE)
    page = client.get(staff_url("staff_audit", dialogue)).content.decode()
    assert officer.name in page and "Skapade initiativet" in page
    assert "dialogue.create" not in page


def test_the_audit_log_names_fields_and_unknown_events_in_words(client, municipality, officer):
    dialogue = dialogue_in_state(State.INITIATIVE, municipality=municipality)
    audit_record(municipality=municipality, actor=officer, action="dialogue.update", target=dialogue,
                 data={"fields": ["title", "responsible_officer", "gone_field"]})  # fmt: skip
    audit_record(municipality=municipality, actor=officer, action="somewhere.something_new", target=dialogue)
    page = client.get(staff_url("staff_audit", dialogue)).content.decode()
    assert "Ändrade dialogen" in page and "Annan ändring" in page
    assert "responsible_officer" not in page and "gone_field" not in page and "something_new" not in page


def test_create_suggests_the_officer_as_responsible(client, municipality, staff):
    client.force_login(staff[Role.OFFICER])
    page = client.get(staff_url("staff_create", municipality=municipality)).content.decode()
    assert f'value="{staff[Role.OFFICER].pk}" selected' in page


def test_list_csv_keeps_a_formula_as_text(client, municipality, officer):
    formula = '=HYPERLINK("https://example.com","Klicka")'
    dialogue_in_state(State.OPEN, municipality=municipality, title=formula)
    response = client.get(staff_url("staff_list", municipality=municipality), {"format": "csv"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[1][1] == "'" + formula
