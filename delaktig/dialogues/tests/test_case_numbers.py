"""One case number per matter: from the initiative through the decision basis to the decision in the matter."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from delaktig.core.audit import action_label
from delaktig.core.models import AuditEvent
from delaktig.decisionbasis import services as basis_services
from delaktig.decisionbasis.tests.support import report
from delaktig.dialogues.models import State
from delaktig.dialogues.tests.factories import dialogue_in_state
from delaktig.dialogues.tests.staff_support import staff_url
from delaktig.matters import services as matter_services
from delaktig.matters.tests.factories import MatterFactory
from delaktig.organisations.models import Role

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def officer(client, staff):
    client.force_login(staff[Role.DEMOCRACY_OFFICER])
    return staff[Role.DEMOCRACY_OFFICER]


def _initiative(dialogue, **changes):
    return {"title": dialogue.title, "question": dialogue.question, "proposed_by": dialogue.proposed_by_id, **changes}


def _matter_decision(council, **changes):
    return {
        "matter_body": council.pk,
        "matter_decision_date": TODAY.isoformat(),
        "matter_minute_item": "§ 3",
        "matter_decision": "Parken rustas.",
        "input_influence": "Bänkarna kom från dialogen.",
        "step": "record_matter_decision",
        **changes,
    }


def test_a_wrong_case_number_is_refused_with_the_form_named_and_kept(client, municipality, officer):
    dialogue = dialogue_in_state(
        State.INITIATIVE, municipality=municipality, proposed_by=municipality.get_deciding_body()
    )
    response = client.post(staff_url("staff_edit", dialogue), _initiative(dialogue, case_number="KS 12"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "är inte ett diarienummer av formen" in html and 'value="KS 12"' in html
    dialogue.refresh_from_db()
    assert dialogue.case_number == ""


def test_changing_a_set_case_number_asks_why_and_leaves_an_audit_event(client, municipality, officer):
    dialogue = dialogue_in_state(
        State.INITIATIVE,
        municipality=municipality,
        proposed_by=municipality.get_deciding_body(),
        case_number="KS 2026/5",
    )
    url = staff_url("staff_edit", dialogue)
    response = client.post(url, _initiative(dialogue, case_number="KS 2026/6"))
    assert (
        response.status_code == 200 and "Skriv varför diarienumret ändras från KS 2026/5" in response.content.decode()
    )
    dialogue.refresh_from_db()
    assert dialogue.case_number == "KS 2026/5"

    data = _initiative(dialogue, case_number="ks 2026/6", case_number_reason="Fel år i registret.")
    assert client.post(url, data).status_code == 302
    dialogue.refresh_from_db()
    assert dialogue.case_number == "KS 2026/6"
    event = AuditEvent.objects.get(action="dialogue.case_number_change", target_id=dialogue.pk)
    assert event.data == {"from": "KS 2026/5", "to": "KS 2026/6", "reason": "Fel år i registret."}
    assert event.actor == officer
    assert str(action_label("dialogue.case_number_change")) == "Ändrade diarienumret"


def test_the_first_case_number_needs_no_reason(client, municipality, officer):
    dialogue = dialogue_in_state(
        State.INITIATIVE, municipality=municipality, proposed_by=municipality.get_deciding_body()
    )
    assert "case_number_reason" not in client.get(staff_url("staff_edit", dialogue)).content.decode()
    assert (
        client.post(staff_url("staff_edit", dialogue), _initiative(dialogue, case_number="KS 2026/9")).status_code
        == 302
    )
    assert not AuditEvent.objects.filter(action="dialogue.case_number_change").exists()


def test_every_step_page_shows_the_case_number(client, municipality, officer):
    dialogue = dialogue_in_state(State.RESULTS_COMPILED, municipality=municipality, case_number="KS 2026/44")
    for name in ("staff_detail", "staff_matter_decision", "staff_feedback"):
        assert "KS 2026/44" in client.get(staff_url(name, dialogue)).content.decode(), name


def test_the_case_number_is_carried_from_the_initiative_to_the_decision_in_the_matter(client, municipality, officer):
    dialogue = dialogue_in_state(State.RESULTS_COMPILED, municipality=municipality, case_number="KS 2026/44")
    matter = MatterFactory(municipality=municipality, case_number="KS 2026/44")
    matter_services.matter_link(matter=matter, actor=officer, dialogue=dialogue)

    basis = basis_services.decision_basis_request(
        dialogue=dialogue, actor=officer, assessment="Bygg bänkarna.", **report(dialogue, officer)
    )
    assert basis.registration_number == "KS 2026/44"

    form_html = client.get(staff_url("staff_matter_decision", dialogue)).content.decode()
    assert 'name="matter_registration_number" value="KS 2026/44"' in form_html
    council = municipality.get_deciding_body()
    response = client.post(
        staff_url("staff_matter_decision", dialogue), _matter_decision(council, matter_registration_number="KS 2026/44")
    )
    assert response.status_code == 302
    dialogue.refresh_from_db()
    assert dialogue.state == State.MATTER_DECIDED
    assert dialogue.decision_in_matter.number == dialogue.case_number == matter.case_number == "KS 2026/44"


def test_a_decision_under_another_number_warns_and_saves_only_when_confirmed(client, municipality, officer):
    dialogue = dialogue_in_state(State.RESULTS_COMPILED, municipality=municipality, case_number="KS 2026/44")
    url, council = staff_url("staff_matter_decision", dialogue), municipality.get_deciding_body()
    response = client.post(url, _matter_decision(council, matter_registration_number="KS 2026/45"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Beslutet har numret KS 2026/45, men ärendet har KS 2026/44" in html
    assert 'name="confirm_other_number"' in html and 'value="KS 2026/45"' in html and "Parken rustas." in html
    dialogue.refresh_from_db()
    assert dialogue.state == State.RESULTS_COMPILED and dialogue.decision_in_matter is None

    data = _matter_decision(council, matter_registration_number="KS 2026/45", confirm_other_number="on")
    assert client.post(url, data).status_code == 302
    dialogue.refresh_from_db()
    assert dialogue.state == State.MATTER_DECIDED and dialogue.decision_in_matter.number == "KS 2026/45"


def test_a_decision_dated_before_the_initiative_is_refused(client, municipality, officer):
    dialogue = dialogue_in_state(State.RESULTS_COMPILED, municipality=municipality, case_number="KS 2026/44")
    before = timezone.localtime(dialogue.created_at).date() - datetime.timedelta(days=1)
    url, council = staff_url("staff_matter_decision", dialogue), municipality.get_deciding_body()
    response = client.post(url, _matter_decision(council, matter_decision_date=before.isoformat()))
    assert response.status_code == 200
    assert "Beslutet kan inte vara fattat före" in response.content.decode()
    dialogue.refresh_from_db()
    assert dialogue.decision_in_matter is None


def test_the_decision_basis_takes_a_typed_number_only_in_the_pattern_and_carries_it(municipality, staff):
    dialogue = dialogue_in_state(State.CLOSED, municipality=municipality)
    with pytest.raises(ValidationError) as error:
        basis_services.decision_basis_request(
            dialogue=dialogue,
            actor=staff[Role.OFFICER],
            assessment="Bra.",
            registration_number="nummer 7",
            **report(dialogue, staff[Role.OFFICER]),
        )
    assert "registration_number" in error.value.message_dict
    basis = basis_services.decision_basis_request(
        dialogue=dialogue,
        actor=staff[Role.OFFICER],
        assessment="Bra.",
        registration_number="ks 2026/70",
        **report(dialogue, staff[Role.OFFICER]),
    )
    dialogue.refresh_from_db()
    assert basis.registration_number == dialogue.case_number == "KS 2026/70"


def test_a_matter_linked_to_a_dialogue_shares_its_number(municipality, staff):
    officer = staff[Role.OFFICER]
    without = dialogue_in_state(State.INITIATIVE, municipality=municipality)
    matter = MatterFactory(municipality=municipality, case_number="KS 2026/300")
    matter_services.matter_link(matter=matter, actor=officer, dialogue=without)
    without.refresh_from_db()
    assert without.case_number == "KS 2026/300"

    other = dialogue_in_state(State.INITIATIVE, municipality=municipality, case_number="KS 2026/301")
    with pytest.raises(matter_services.OtherCaseNumber):
        matter_services.matter_link(matter=MatterFactory(municipality=municipality, case_number="KS 2026/302"),
                                    actor=officer, dialogue=other)  # fmt: skip

    matter_services.matter_update(matter=matter, actor=officer, reason="Skrivfel.", case_number="KS 2026/303")
    without.refresh_from_db()
    assert without.case_number == "KS 2026/303"
    event = AuditEvent.objects.get(action="matters.case_number_change", target_id=matter.pk)
    assert event.data == {"from": "KS 2026/300", "to": "KS 2026/303", "reason": "Skrivfel."}


def test_the_audit_log_shows_the_old_and_new_number_and_why(client, municipality, officer):
    dialogue = dialogue_in_state(
        State.INITIATIVE,
        municipality=municipality,
        proposed_by=municipality.get_deciding_body(),
        case_number="KS 2026/5",
    )
    data = _initiative(dialogue, case_number="KS 2026/6", case_number_reason="Fel år i registret.")
    client.post(staff_url("staff_edit", dialogue), data)
    html = client.get(staff_url("staff_audit", dialogue)).content.decode()
    assert "Från KS 2026/5 till KS 2026/6. Skäl: Fel år i registret." in html
