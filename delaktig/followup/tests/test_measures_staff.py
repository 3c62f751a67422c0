"""Staff pages for measures: list, create, edit, add an update, change status; roles, tenancy, bad input."""

import datetime

import pytest
from django.utils import timezone

from delaktig.accounts.tests.factories import UserFactory
from delaktig.core.audit import audit_events_for
from delaktig.dialogues.models import State
from delaktig.dialogues.tests.factories import dialogue_in_state
from delaktig.followup.models import Measure, MeasureStatus
from delaktig.organisations.models import Role
from delaktig.organisations.tests.factories import staff_for
from delaktig.results.models import Theme

from .support import url

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def dialogue(municipality):
    return dialogue_in_state(State.MATTER_DECIDED, municipality=municipality)


@pytest.fixture
def themes(dialogue):
    return [Theme.objects.create(dialogue=dialogue, name=name) for name in ("Lek", "Trygghet")]


@pytest.fixture
def measure(dialogue, themes):
    measure = Measure.objects.create(dialogue=dialogue, title="Ny lekplats", progress=10)
    measure.themes.set(themes[:1])
    return measure


def valid(**overrides):
    data = {
        "title": "Fler bänkar i parken",
        "description": "Tio nya bänkar.",
        "progress": "0",
        "starts_on": "2027-01-10",
        "due_on": "2027-06-01",
        "public_note": "",
    }
    return {**data, **overrides}


@pytest.fixture
def officer_client(client, staff):
    client.force_login(staff[Role.OFFICER])
    return client


def test_an_officer_adds_a_measure_linked_to_themes(officer_client, dialogue, themes):
    response = officer_client.post(url("measure_create", dialogue), valid(themes=[themes[1].pk]))
    measure = Measure.objects.get()
    assert response.status_code == 302 and response["Location"] == url("measure", dialogue, measure.pk)
    assert list(measure.themes.all()) == [themes[1]]
    assert measure.status == MeasureStatus.PLANNED and measure.due_on == datetime.date(2027, 6, 1)
    assert audit_events_for(measure).filter(action="measure.create").exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("progress", "120", "0 till 100"),
        ("progress", "-5", "0 till 100"),
        ("progress", "mycket", "0 till 100"),
        ("due_on", "2027-01-01", "kan inte vara före startdatumet"),
        ("themes", "999999", "är inte ett tema i den här dialogen"),
        ("input_refs", "dummy_method:999", "är inte ett inlägg i den här dialogen"),
        ("title", "", "Detta fält måste fyllas i."),
    ],
)
def test_bad_input_is_explained_and_nothing_is_lost(officer_client, dialogue, field, value, message):
    response = officer_client.post(url("measure_create", dialogue), valid(**{field: value}))
    html = response.content.decode()
    assert response.status_code == 200 and message in html
    assert 'class="error-summary"' in html and "Fler bänkar i parken" in html or field == "title"
    assert not Measure.objects.exists()


def test_another_dialogues_theme_is_refused(officer_client, dialogue, municipality):
    elsewhere = dialogue_in_state(State.MATTER_DECIDED, municipality=municipality)
    foreign = Theme.objects.create(dialogue=elsewhere, name="Annat")
    response = officer_client.post(url("measure_create", dialogue), valid(themes=[foreign.pk]))
    assert "är inte ett tema i den här dialogen" in response.content.decode()
    assert not Measure.objects.exists()


def test_measures_wait_for_the_decision(officer_client, municipality):
    early = dialogue_in_state(State.RESULTS_COMPILED, municipality=municipality)
    response = officer_client.get(url("measure_create", early))
    assert response.status_code == 409 and "beslutet i ärendet" in response.content.decode()
    assert officer_client.post(url("measure_create", early), valid()).status_code == 409
    assert not Measure.objects.exists()


def test_editing_saves_and_leaves_an_audit_event(officer_client, dialogue, measure, themes):
    response = officer_client.post(
        url("measure", dialogue, measure.pk), valid(title="Ny lekplats vid skolan", themes=[t.pk for t in themes])
    )
    assert response.status_code == 302
    measure.refresh_from_db()
    assert measure.title == "Ny lekplats vid skolan" and measure.themes.count() == 2
    event = audit_events_for(measure).get(action="measure.edit")
    assert "title" in event.data and "themes" in event.data


def test_a_bad_edit_keeps_what_was_typed_and_the_saved_measure(officer_client, dialogue, measure):
    response = officer_client.post(url("measure", dialogue, measure.pk), valid(title="Ändrad", progress="120"))
    assert response.status_code == 400 and "Ändrad" in response.content.decode()
    measure.refresh_from_db()
    assert measure.title == "Ny lekplats" and measure.progress == 10


def test_an_update_goes_into_the_history_and_moves_the_progress(officer_client, dialogue, measure):
    data = {"update-date": TODAY.isoformat(), "update-text": "Marken är förberedd.", "update-progress": "35"}
    response = officer_client.post(url("measure_update", dialogue, measure.pk), data)
    assert response.status_code == 302
    measure.refresh_from_db()
    assert measure.progress == 35 and measure.updates.get().text == "Marken är förberedd."


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"update-text": "Klart", "update-progress": "150"}, "0 till 100"),
        ({"update-text": ""}, "Detta fält måste fyllas i."),
        ({"update-text": "Framtid", "update-date": "2999-01-01"}, "kan inte vara i framtiden"),
    ],
)
def test_a_bad_update_is_explained(officer_client, dialogue, measure, data, message):
    response = officer_client.post(url("measure_update", dialogue, measure.pk), {"update-date": TODAY, **data})
    assert response.status_code == 400 and message in response.content.decode()
    assert not measure.updates.exists()


def test_status_steps_through_the_page(officer_client, dialogue, measure):
    response = officer_client.post(url("measure_step", dialogue, measure.pk, "start"))
    assert response.status_code == 302
    measure.refresh_from_db()
    assert measure.status == MeasureStatus.IN_PROGRESS
    refused = officer_client.post(url("measure_step", dialogue, measure.pk, "cancel"), {"step-note": ""})
    assert refused.status_code == 400 and "varför" in refused.content.decode()
    officer_client.post(url("measure_step", dialogue, measure.pk, "cancel"), {"step-note": "Ingen budget."})
    measure.refresh_from_db()
    assert measure.status == MeasureStatus.CANCELLED
    again = officer_client.post(url("measure_step", dialogue, measure.pk, "start"))
    assert again.status_code == 400 and "inte möjligt" in again.content.decode()


def test_the_list_and_the_measure_page_render(officer_client, dialogue, measure):
    html = officer_client.get(url("measures", dialogue)).content.decode()
    assert "Ny lekplats" in html and url("measure_create", dialogue) in html
    assert officer_client.get(url("measure", dialogue, measure.pk)).status_code == 200


# --- Who may --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", [Role.ELECTED_OFFICIAL, Role.REGISTRAR, Role.MODERATOR, Role.ADMINISTRATOR])
def test_other_staff_see_the_list_but_may_not_change_anything(client, staff, dialogue, measure, role):
    client.force_login(staff[role])
    assert client.get(url("measures", dialogue)).status_code == 200
    assert client.get(url("measure_create", dialogue)).status_code == 403
    assert client.post(url("measure_create", dialogue), valid()).status_code == 403
    assert client.post(url("measure", dialogue, measure.pk), valid()).status_code == 403
    assert client.post(url("measure_step", dialogue, measure.pk, "start")).status_code == 403
    assert client.post(url("measure_update", dialogue, measure.pk), {"update-text": "x"}).status_code == 403
    assert Measure.objects.count() == 1 and not measure.updates.exists()


def test_another_municipality_gets_404(client, dialogue, measure, other_municipality):
    client.force_login(staff_for(other_municipality)[Role.OFFICER])
    for response in (
        client.get(url("measures", dialogue)),
        client.get(url("measure", dialogue, measure.pk)),
        client.post(url("measure_step", dialogue, measure.pk, "start")),
    ):
        assert response.status_code == 404


def test_a_measure_of_another_dialogue_is_404(officer_client, dialogue, municipality, measure):
    other = dialogue_in_state(State.MATTER_DECIDED, municipality=municipality)
    assert officer_client.get(url("measure", other, measure.pk)).status_code == 404


def test_residents_get_404_and_anonymous_must_log_in(client, dialogue):
    client.force_login(UserFactory())
    assert client.get(url("measures", dialogue)).status_code == 404
    client.logout()
    assert client.get(url("measures", dialogue)).status_code == 302


def test_a_measure_links_to_inputs_chosen_from_the_dialogue(officer_client, dialogue):
    from delaktig.participation.registry import InputRecord, registry
    from delaktig.participation.tests.dummy_method import dummy_manifest

    from .support import add_module

    def inputs(module):
        return [
            InputRecord(f"inputs_test:{n}", module.pk, "inputs_test", f"Idé {n}", "Text", "online", timezone.now())
            for n in (1, 2)
        ]

    add_module(dialogue, "Idéer", method="inputs_test")
    with registry.temporarily(dummy_manifest(key="inputs_test", inputs=inputs, reference_prefix="IT")):
        form = officer_client.get(url("measure_create", dialogue)).content.decode()
        assert "Idé 1 (IT-1)" in form and "(inputs_test:1)" not in form  # the reference people read
        response = officer_client.post(url("measure_create", dialogue), valid(input_refs=["inputs_test:2"]))
    assert response.status_code == 302
    assert Measure.objects.get().input_refs == ["inputs_test:2"]


def _many_inputs(dialogue):
    from delaktig.participation.registry import InputRecord, registry
    from delaktig.participation.tests.dummy_method import dummy_manifest

    from .support import add_module

    texts = ["Gungor vid skolan", "Belysning i tunneln", "Fler gungor i parken", "Bänkar vid ån"]

    def inputs(module):
        return [
            InputRecord(f"many:{n}", module.pk, "many", text, f"Inlägg {n}.", "online", timezone.now())
            for n, text in enumerate(texts, start=1)
        ]

    add_module(dialogue, "Idéer", method="many")
    return registry.temporarily(dummy_manifest(key="many", inputs=inputs))


def test_with_many_inputs_the_form_lists_the_linked_ones_and_a_search_finds_the_rest(
    officer_client, dialogue, monkeypatch
):
    from delaktig.followup import forms

    monkeypatch.setattr(forms, "INPUTS_LISTED", 2)
    with _many_inputs(dialogue):
        page = officer_client.get(url("measure_create", dialogue)).content.decode()
        assert "Dialogen har 4 synpunkter" in page and "many:1" not in page
        typed = valid(title="Nya gungor", input_search="GUNGOR", find_inputs="1")
        found = officer_client.post(url("measure_create", dialogue), typed)
        page = found.content.decode()
        assert found.status_code == 200 and not Measure.objects.exists()  # shown again, nothing saved
        assert 'value="Nya gungor"' in page and "2 av 4 synpunkter" in page
        assert "many:1" in page and "many:3" in page and "many:2" not in page
        saved = officer_client.post(url("measure_create", dialogue), valid(input_refs=["many:3", "many:4"]))
    assert saved.status_code == 302
    assert Measure.objects.get().input_refs == ["many:3", "many:4"]  # any input of the dialogue, shown or not


def test_a_search_keeps_the_inputs_already_ticked(officer_client, dialogue, measure, monkeypatch):
    from delaktig.followup import forms

    monkeypatch.setattr(forms, "INPUTS_LISTED", 2)
    Measure.objects.filter(pk=measure.pk).update(input_refs=["many:4"])
    with _many_inputs(dialogue):
        page = officer_client.get(url("measure", dialogue, measure.pk)).content.decode()
        assert "many:4" in page and "many:1" not in page
        data = valid(input_refs=["many:4"], input_search="tunneln", find_inputs="1")
        page = officer_client.post(url("measure", dialogue, measure.pk), data).content.decode()
    assert "many:2" in page and "many:4" in page and "many:1" not in page
    measure.refresh_from_db()
    assert measure.title == "Ny lekplats"  # finding saves nothing


def test_a_done_measure_keeps_its_progress_at_100(officer_client, dialogue, measure):
    Measure.objects.filter(pk=measure.pk).update(status=MeasureStatus.DONE, progress=100)
    response = officer_client.post(url("measure", dialogue, measure.pk), valid(progress="60"))
    assert response.status_code == 400 and "Öppna den igen" in response.content.decode()
    measure.refresh_from_db()
    assert measure.progress == 100
