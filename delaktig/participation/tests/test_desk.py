"""Desk mode ("Registrera inkommet"), central, with the dummy method: saving through the manifest, the settings
kept, undo (same person, a few minutes), counts, bad input and who may use it."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from delaktig.core.models import AuditEvent
from delaktig.dialogues.models import State
from delaktig.organisations.models import Role
from delaktig.participation import selectors_desk, services_desk
from delaktig.participation.hooks import desk_page
from delaktig.participation.models import Channel, DeskRecord, Module
from delaktig.participation.views_desk import desk, desk_undo
from tests.dummy_method.desk import REFUSED_TITLE
from tests.dummy_method.factories import DummyInputFactory, dummy_module
from tests.dummy_method.models import DummyInput

pytestmark = pytest.mark.django_db


@pytest.fixture
def module(municipality):
    return dummy_module(municipality=municipality, state=State.OPEN)


@pytest.fixture
def officer(staff):
    return staff[Role.OFFICER]


def desk_url(dialogue, *extra, name="desk"):
    return reverse(f"participation:{name}", args=[dialogue.municipality.slug, dialogue.pk, *extra])


def save(module, user, text="Mer ljus på gångvägen.", **settings):
    values = {"channel": Channel.PAPER, "received_on": timezone.localdate(), "group": "", **settings}
    return services_desk.desk_save(module=module, data={"title": "Belysning", "text": text}, actor=user, **values)


def posted(into, **overrides):
    return {
        "module": into.pk,
        "channel": "meeting",
        "received_on": "2026-03-02",
        "occasion": f"dummy_method:{into.pk}",
        "group": "Bord 3",
        "item-title": "Belysning",
        "item-text": "Mer ljus på gångvägen till skolan.",
        **overrides,
    }


# The rules


@time_machine.travel(datetime.datetime(2026, 3, 4, 10, tzinfo=datetime.UTC), tick=False)
def test_an_input_is_saved_through_the_methods_manifest_with_what_the_desk_adds(module, officer):
    occasion = selectors_desk.desk_occasions(module.dialogue)[0]
    record = save(module, officer, received_on=datetime.date(2026, 3, 2), occasion=occasion, group="Bord 3")
    item = DummyInput.objects.get(pk=record.item_id)
    assert (item.channel, item.received_on, item.group) == ("paper", datetime.date(2026, 3, 2), "Bord 3")
    assert (item.occasion_key, item.occasion_label) == (occasion.key, "Möte om Tyck till")
    assert (record.reference, record.entered_by, record.module) == (f"DM-{item.pk}", officer, module)
    assert AuditEvent.objects.filter(action="dummy_method.enter", target_id=item.pk).exists()


def test_a_channel_the_method_does_not_take_is_refused(module, officer):
    with pytest.raises(services_desk.DeskRefused):
        save(module, officer, channel=Channel.PHONE)  # the dummy method takes paper and meeting
    assert not DummyInput.objects.exists()


def test_undo_within_the_window_removes_the_input_and_says_so_in_the_log(module, officer, settings):
    settings.DESK_UNDO_MINUTES = 10
    with time_machine.travel(datetime.datetime(2026, 3, 4, 10, tzinfo=datetime.UTC), tick=False) as traveller:
        record = save(module, officer)
        traveller.shift(datetime.timedelta(minutes=9, seconds=59))
        assert services_desk.desk_undo(record=record, actor=officer)
    record.refresh_from_db()
    assert record.undone_at is not None and not DummyInput.objects.exists()
    assert AuditEvent.objects.filter(action="dummy_method.desk_undo", target_id=record.item_id).exists()
    assert not services_desk.desk_undo(record=record, actor=officer)  # once is enough


def test_undo_after_the_window_changes_nothing(module, officer, settings):
    settings.DESK_UNDO_MINUTES = 10
    with time_machine.travel(datetime.datetime(2026, 3, 4, 10, tzinfo=datetime.UTC), tick=False) as traveller:
        record = save(module, officer)
        traveller.shift(datetime.timedelta(minutes=10, seconds=1))
        assert not selectors_desk.may_undo(record, officer)
        assert not services_desk.desk_undo(record=record, actor=officer)
    assert DummyInput.objects.count() == 1


def test_only_the_person_who_entered_it_may_undo(module, officer, staff):
    record = save(module, officer)
    colleague = staff[Role.DEMOCRACY_OFFICER]
    assert not services_desk.desk_undo(record=record, actor=colleague)
    assert DummyInput.objects.count() == 1 and DeskRecord.objects.get().undone_at is None


def test_the_list_is_the_persons_own_in_this_dialogue_newest_first(module, officer, staff, municipality):
    first, second = save(module, officer, text="Först"), save(module, officer, text="Sedan")
    save(module, staff[Role.DEMOCRACY_OFFICER])
    save(dummy_module(municipality=municipality), officer)  # another dialogue
    assert selectors_desk.desk_recent(module.dialogue, officer) == [second, first]


def test_the_counts_are_todays_own_and_every_offline_input_of_the_dialogue(module, officer, staff):
    with time_machine.travel(datetime.datetime(2026, 3, 3, 22, 30, tzinfo=datetime.UTC), tick=False):
        save(module, officer)  # 23.30 in Stockholm: yesterday
    with time_machine.travel(datetime.datetime(2026, 3, 3, 23, 30, tzinfo=datetime.UTC), tick=False):
        save(module, officer)  # 00.30 in Stockholm: today
        save(module, staff[Role.DEMOCRACY_OFFICER])
        DummyInputFactory(module=module, channel=Channel.EMAIL, author=None)  # entered elsewhere
        DummyInputFactory(module=module)  # online: not counted
        counts = selectors_desk.desk_counts(module.dialogue, officer)
    assert (counts.today_by_you, counts.offline_in_dialogue) == (1, 4)


def test_only_modules_whose_method_takes_desk_input_are_offered(module):
    Module.objects.create(dialogue=module.dialogue, method="gone", name="Borttagen metod")
    assert selectors_desk.desk_modules(module.dialogue) == [module]
    assert selectors_desk.desk_channels(module) == [("paper", "På papper"), ("meeting", "På ett möte")]


# The page


@pytest.fixture
def as_officer(client, officer):
    client.force_login(officer)
    return client


def test_after_a_save_the_page_keeps_the_settings_and_empties_the_text_fields(as_officer, module):
    dialogue = module.dialogue
    with time_machine.travel(datetime.datetime(2026, 3, 4, 10, tzinfo=datetime.UTC), tick=False):
        response = as_officer.post(desk_url(dialogue), posted(module))
        assert response.status_code == 302
        page = as_officer.get(response["Location"])
    item = DummyInput.objects.get()
    assert (item.channel, item.received_on, item.group) == ("meeting", datetime.date(2026, 3, 2), "Bord 3")
    form = page.context["settings_form"]
    assert {name: str(form[name].value()) for name in ("channel", "received_on", "group")} == {
        "channel": "meeting",
        "received_on": "2026-03-02",
        "group": "Bord 3",
    }
    assert form["occasion"].value() == f"dummy_method:{module.pk}"
    html = page.content.decode()
    assert f"Sparat: DM-{item.pk}" in html and 'role="status"' in html
    assert page.context["item_form"]["title"].value() is None and "autofocus" in html
    assert "1 inlagd i dag av dig" in html


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("2.3.2026", "Skriv datumet som år-månad-dag"),
        ("2999-01-01", "Datumet kan inte vara i framtiden"),
        ("1999-01-01", "Datumet ligger mer än 2 år bakåt"),
    ],
)
def test_a_malformed_or_future_date_is_explained_and_what_was_typed_is_kept(as_officer, module, typed, message):
    response = as_officer.post(desk_url(module.dialogue), posted(module, received_on=typed))
    html = response.content.decode()
    assert response.status_code == 200 and message in html
    assert f'value="{typed}"' in html and "Mer ljus på gångvägen till skolan." in html
    assert not DummyInput.objects.exists()


def test_a_refusal_found_while_storing_is_shown_and_nothing_is_stored(as_officer, module):
    response = as_officer.post(desk_url(module.dialogue), posted(module, **{"item-title": REFUSED_TITLE}))
    html = response.content.decode()
    assert response.status_code == 200 and "Someone entered this a moment ago. Nothing was saved." in html
    assert not DummyInput.objects.exists() and not DeskRecord.objects.exists()
    assert not AuditEvent.objects.filter(action="dummy_method.enter").exists()


def test_a_module_of_another_dialogue_is_refused(as_officer, module, municipality):
    elsewhere = dummy_module(municipality=municipality)
    response = as_officer.post(desk_url(module.dialogue), posted(module, module=elsewhere.pk))
    html = response.content.decode()
    assert response.status_code == 200 and "Välj ett sätt att delta i den här dialogen." in html
    assert not DummyInput.objects.exists()


def test_undo_over_http_takes_it_back_and_says_so(as_officer, module, officer):
    record = save(module, officer)
    response = as_officer.post(desk_url(module.dialogue, record.pk, name="desk_undo"), {"module": module.pk})
    assert response.status_code == 302 and "undone=" in response["Location"]
    assert f"Ångrat: {record.reference}" in as_officer.get(response["Location"]).content.decode()
    assert not DummyInput.objects.exists()


def test_after_undo_and_after_switching_method_the_date_received_is_kept(as_officer, module, officer):
    with time_machine.travel(datetime.datetime(2026, 3, 4, 10, tzinfo=datetime.UTC), tick=False):
        saved = as_officer.get(as_officer.post(desk_url(module.dialogue), posted(module))["Location"])
        html = saved.content.decode()
        assert 'name="received_on" value="2026-03-02"' in html  # in the undo and switch forms, not in words
        record = DeskRecord.objects.get()
        kept = {name: saved.context["kept"][name] for name in ("channel", "received_on", "group")}
        undone = as_officer.post(desk_url(module.dialogue, record.pk, name="desk_undo"), {"module": module.pk, **kept})
        form = as_officer.get(undone["Location"]).context["settings_form"]
    assert str(form["received_on"].value()) == "2026-03-02" and form["channel"].value() == "meeting"


def test_undo_of_someone_elses_entry_is_refused_with_a_reason(as_officer, module, staff):
    record = save(module, staff[Role.DEMOCRACY_OFFICER])
    response = as_officer.post(desk_url(module.dialogue, record.pk, name="desk_undo"), follow=True)
    assert "kunde inte ångras" in response.content.decode() and DummyInput.objects.exists()
    assert as_officer.get(desk_url(module.dialogue, record.pk, name="desk_undo")).status_code == 405


def test_nonsense_in_the_address_never_fails(as_officer, module):
    url = desk_url(module.dialogue) + "?module=x&channel=phone&received_on=2026-02-31&occasion=nej&saved=abc"
    response = as_officer.get(url)
    assert response.status_code == 200 and response.context["settings_form"]["channel"].value() == "paper"


def test_a_dialogue_without_desk_methods_says_what_to_do(as_officer, municipality, staff, module):
    module.method = "gone"
    module.save()
    response = as_officer.get(desk_url(module.dialogue))
    assert "Inget sätt att delta" in response.content.decode()
    assert desk_page(module.dialogue, staff[Role.OFFICER]) == []


# Who may use it


def test_the_desk_asks_for_the_roles_that_enter_offline_input():
    assert desk.staff_roles == desk_undo.staff_roles == {Role.OFFICER, Role.DEMOCRACY_OFFICER}


def test_the_dialogues_staff_page_links_the_desk_for_those_roles_only(module, staff):
    assert desk_page(module.dialogue, staff[Role.OFFICER])[0][0] == desk_url(module.dialogue)
    assert desk_page(module.dialogue, staff[Role.MODERATOR]) == []


def test_over_http_another_municipalitys_dialogue_is_a_404_and_a_wrong_role_a_403(
    client, module, staff, other_municipality
):
    client.force_login(staff[Role.MODERATOR])
    assert client.get(desk_url(module.dialogue)).status_code == 403
    client.force_login(staff[Role.OFFICER])
    assert client.get(desk_url(module.dialogue)).status_code == 200
    elsewhere = dummy_module(municipality=other_municipality)
    url = reverse("participation:desk", args=[module.dialogue.municipality.slug, elsewhere.dialogue.pk])
    assert client.get(url).status_code == 404
