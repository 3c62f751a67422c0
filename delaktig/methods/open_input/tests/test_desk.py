"""Open input at the desk ("Registrera inkommet"): what its desk_entry stores, undo, and the date received shown."""

import datetime

import pytest
import time_machine

from delaktig.core.models import AuditEvent
from delaktig.participation.models import Channel
from delaktig.participation.registry import Occasion

from ..desk import DESK_ENTRY
from ..models import Input
from .conftest import url

pytestmark = pytest.mark.django_db

MEETING = Occasion(key="dialogue_meetings:12", label="Dialogmöte i Sunnemo, 12 mars 2026")


def enter(module, user, **overrides):
    values = {"channel": Channel.MEETING, "received_on": datetime.date(2026, 3, 12), "occasion": MEETING}
    data = {"title": "Belysning", "text": "Mer ljus vid busshållplatsen i Sunnemo.", "category": ""}
    return DESK_ENTRY.save(module, data, actor=user, group="Bord 3", **{**values, **overrides})


def test_the_desk_stores_the_input_with_date_meeting_and_group(module, staff):
    desk_item = enter(module, staff["officer"])
    item = Input.objects.get(pk=desk_item.item_id)
    assert (item.channel, item.received_on, item.group) == ("meeting", datetime.date(2026, 3, 12), "Bord 3")
    assert (item.occasion_key, item.occasion_label) == (MEETING.key, MEETING.label)
    assert (item.entered_by, item.author) == (staff["officer"], None)
    assert desk_item.reference == f"IN-{item.pk}" and desk_item.summary.startswith("Belysning: Mer ljus")
    record = module.manifest.inputs(module)[0]
    assert record.received_on == datetime.date(2026, 3, 12)


def test_undo_is_for_the_same_person_within_the_minutes(module, staff, settings):
    settings.DESK_UNDO_MINUTES = 10
    with time_machine.travel(datetime.datetime(2026, 3, 12, 18, tzinfo=datetime.UTC), tick=False) as traveller:
        first, second = enter(module, staff["officer"]), enter(module, staff["officer"])
        assert not DESK_ENTRY.undo(module, first.item_id, actor=staff["democracy_officer"])
        assert DESK_ENTRY.undo(module, first.item_id, actor=staff["officer"])
        traveller.shift(datetime.timedelta(minutes=11))
        assert not DESK_ENTRY.undo(module, second.item_id, actor=staff["officer"])
    assert list(Input.objects.values_list("pk", flat=True)) == [second.item_id]
    assert AuditEvent.objects.filter(action="open_input.desk_undo", target_id=first.item_id).exists()


def test_an_input_online_cannot_be_undone_at_the_desk(module, staff, published):
    assert not DESK_ENTRY.undo(module, published.pk, actor=staff["officer"])
    assert Input.objects.filter(pk=published.pk).exists()


def test_the_date_received_is_in_the_staff_list_and_the_export(client, module, staff):
    enter(module, staff["officer"])
    client.force_login(staff["officer"])
    assert "inkommen 12 mars 2026" in client.get(url("staff:moderation", module)).content.decode()
    export = client.get(url("staff:export", module)).content.decode("utf-8-sig")
    assert "Inkommet datum" in export and "2026-03-12" in export


def test_the_module_links_to_the_desk_with_the_module_chosen(module, staff):
    pages = {title: link for link, title in module.manifest.staff_pages(module, staff["officer"])}
    assert pages["Registrera inkommet"].endswith(f"/registrera/?module={module.pk}")
    assert "Registrera inkommet" not in [
        title for _link, title in module.manifest.staff_pages(module, staff["moderator"])
    ]
