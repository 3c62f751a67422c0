"""Measures from a module's result (manifest `measures_offered`): follow-up offers them on its staff page and
creates each once, with an audit event; tested with the dummy method, which suggests one measure per published input."""

import pytest

from delaktig.core.models import AuditEvent
from delaktig.dialogues.models import State
from delaktig.followup import selectors, services
from delaktig.followup.models import Measure
from delaktig.organisations.models import Role
from tests.dummy_method.factories import dialogue_with_inputs, ref

from .support import url

pytestmark = pytest.mark.django_db


@pytest.fixture
def module(municipality):
    return dialogue_with_inputs(municipality=municipality, n=2, state=State.MATTER_DECIDED)


@pytest.fixture
def officer_client(client, staff):
    client.force_login(staff[Role.OFFICER])
    return client


def test_the_measures_page_offers_what_the_result_suggests(officer_client, module):
    page = officer_client.get(url("measures", module.dialogue)).content.decode()
    for item in module.dummy_inputs.all():
        assert item.title in page
    assert url("measures", module.dialogue) in page


def test_creating_measures_from_the_result_makes_each_once_with_an_audit_event(officer_client, module):
    response = officer_client.post(url("measures", module.dialogue))
    assert response.status_code == 302
    inputs = list(module.dummy_inputs.order_by("id"))
    measures = list(Measure.objects.filter(dialogue=module.dialogue).order_by("id"))
    assert [m.title for m in measures] == [item.title for item in inputs]
    assert [m.input_refs for m in measures] == [[ref(item)] for item in inputs]
    assert "1\u00a0000" in measures[0].description
    events = AuditEvent.objects.filter(action="measure.create")
    assert sorted(event.data["from_result"] for event in events) == sorted(ref(item) for item in inputs)
    officer_client.post(url("measures", module.dialogue))  # again: nothing new
    assert Measure.objects.filter(dialogue=module.dialogue).count() == 2
    assert selectors.measures_offered(module.dialogue) == []


def test_a_measure_already_made_by_hand_from_the_same_input_is_not_made_again(module, staff):
    first = module.dummy_inputs.order_by("id").first()
    Measure.objects.create(dialogue=module.dialogue, title="Egen åtgärd", input_refs=[ref(first)])
    made = services.measures_from_results_create(dialogue=module.dialogue, actor=staff[Role.OFFICER])
    assert len(made) == 1 and made[0].input_refs != [ref(first)]


def test_only_trackers_create_measures_and_only_once_decided(client, municipality, staff):
    client.force_login(staff[Role.MODERATOR])
    decided = dialogue_with_inputs(municipality=municipality, n=1, state=State.MATTER_DECIDED)
    assert client.post(url("measures", decided.dialogue)).status_code == 403
    client.force_login(staff[Role.OFFICER])
    closed = dialogue_with_inputs(municipality=municipality, n=1, state=State.CLOSED)
    assert client.post(url("measures", closed.dialogue)).status_code == 409
    assert not Measure.objects.exists()


def test_another_municipalitys_dialogue_is_a_404(officer_client, other_municipality):
    other = dialogue_with_inputs(municipality=other_municipality, n=1, state=State.MATTER_DECIDED)
    assert officer_client.post(url("measures", other.dialogue)).status_code == 404
    assert not Measure.objects.exists()


def test_the_audit_log_names_follow_up_actions_in_words():
    from delaktig.core.audit import action_label

    for action in ("measure.create", "measure.edit", "measure.update", "followup.feedback_mailing",
                   "followup.feedback_new_date", "followup.settings_update"):  # fmt: skip
        assert str(action_label(action)) != "Other change", action
