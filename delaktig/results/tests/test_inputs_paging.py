"""The list of inputs is read a page at a time in the database and shows exactly what filtering every input in
Python shows: the same inputs, in the same order, on the same pages."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from delaktig.participation.models import Channel, Module, Phase
from delaktig.results import services
from delaktig.results.selectors_workspace import workspace_inputs
from delaktig.results.views.inputs import PER_PAGE
from tests.dummy_method.selectors import KEY
from tests.dummy_method.services import dummy_input_enter

from .conftest import enter
from .helpers import rurl

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(client, staff):
    client.force_login(staff["officer"])
    return client


@pytest.fixture
def second_module(module):
    second = Module.objects.create(dialogue=module.dialogue, method=KEY, name="Synpunkter på mötet", order=1)
    phase = module.phases.first()
    Phase.objects.create(
        module=second, phase_type="collect", name="Möte", starts_at=phase.starts_at, ends_at=phase.ends_at
    )
    return second


def shown_refs(client, dialogue, filters):
    refs, page = [], 1
    while True:
        response = client.get(rurl("inputs", dialogue), {**filters, "page": page})
        refs += [record.ref for record, *_rest in response.context["rows"]]
        if not response.context["page"].has_next():
            return refs, response.context["page"].paginator.count
        page += 1


def test_pages_show_what_the_whole_filtered_list_shows(officer, dialogue, module, second_module, staff):
    for i in range(40):
        target = module if i % 3 else second_module
        channel = Channel.MEETING if i % 4 == 0 else Channel.PAPER
        dummy_input_enter(
            module=target, entered_by=staff["officer"], channel=channel, title=f"Inlägg {i}", text="Om parken"
        )
    theme = services.theme_create(dialogue=dialogue, actor=staff["officer"], name="Parken")
    tagged = {record.ref: {theme.pk} for record in workspace_inputs(dialogue, {})[::3]}
    services.tags_set(dialogue=dialogue, actor=staff["officer"], assignments=tagged)
    for filters in (
        {},
        {"theme": str(theme.pk)},
        {"theme": "none"},
        {"channel": Channel.MEETING},
        {"method": str(second_module.pk)},
        {"method": str(module.pk), "channel": Channel.PAPER, "theme": "none"},
    ):
        expected = [record.ref for record in workspace_inputs(dialogue, {"q": "", **filters})]
        refs, count = shown_refs(officer, dialogue, filters)
        assert (refs, count) == (expected, len(expected)), filters


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return response, len(captured)


def test_a_page_costs_the_same_for_3_and_for_60_inputs(officer, dialogue, module, staff):
    services.theme_create(dialogue=dialogue, actor=staff["officer"], name="Parken")
    for i in range(3):
        enter(module, staff["officer"], f"Först {i}", "Text")
    queries(officer, rurl("inputs", dialogue))
    _response, few = queries(officer, rurl("inputs", dialogue))
    for i in range(57):
        enter(module, staff["officer"], f"Sedan {i}", "Text")
    response, many = queries(officer, rurl("inputs", dialogue))
    assert many == few
    assert len(response.context["rows"]) == PER_PAGE and response.context["page"].paginator.count == 60
    _response, last = queries(officer, rurl("inputs", dialogue) + "?page=3")
    assert last == few
