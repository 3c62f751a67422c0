"""Officers register input that came on paper or at meetings, edit categories and export."""

import csv
import datetime
import io

import pytest
from django.utils import timezone

from delaktig.core.models import AuditEvent
from delaktig.participation.models import Channel, ModerationStatus

from ..models import Input
from .conftest import url
from .factories import InputFactory, SupportFactory, open_input_module

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(client, staff):
    client.force_login(staff["officer"])
    return client


def offline_data(module, **overrides):
    """What the desk ("Registrera inkommet") posts for one input of `module`."""
    data = {
        "module": module.pk,
        "channel": Channel.PAPER,
        "received_on": timezone.localdate().isoformat(),
        "group": "",
        "item-author_name": "",
        "item-title": "Lapp från biblioteket",
        "item-text": "Mer belysning på gångvägen.",
        "item-category": "Natur",
    }
    return {**data, **overrides}


def test_offline_input_records_channel_and_who_entered_it(officer, municipality, staff):
    module = open_input_module(municipality=municipality, moderation="pre", categories=["Natur"])
    response = officer.post(url("desk", module), offline_data(module, channel=Channel.MEETING, group="Bord 2"))
    assert response.status_code == 302
    item = Input.objects.get()
    assert item.channel == Channel.MEETING and item.entered_by == staff["officer"]
    assert item.author is None and item.author_name == ""
    assert item.status == ModerationStatus.PUBLISHED  # entered by staff: published even in a pre-moderated dialogue
    assert item.received_on == timezone.localdate() and item.group == "Bord 2"
    assert AuditEvent.objects.filter(action="open_input.enter_offline", target_id=item.pk).exists()
    assert registry_stats(module)["offline_inputs"] == 1


def registry_stats(module):
    return module.manifest.stats(module)


def test_offline_input_may_show_a_name(officer, module):
    officer.post(url("desk", module), offline_data(module, **{"item-author_name": "Greta på mötet"}))
    page = officer.get(url("index", module)).content.decode()
    assert "Greta på mötet" in page


@pytest.mark.parametrize(
    "bad",
    [
        {"channel": Channel.ONLINE},
        {"received_on": "2026-13-45"},
        {"received_on": (timezone.localdate() + datetime.timedelta(days=2)).isoformat()},
        {"item-title": ""},
        {"item-text": "x" * 4001},
    ],
)
def test_offline_form_errors_keep_what_was_typed(officer, module, bad):
    response = officer.post(url("desk", module), offline_data(module, **bad))
    assert response.status_code == 200
    assert response.context["settings_form"].errors or response.context["item_form"].errors
    assert "Lapp från biblioteket" in response.content.decode() or bad.get("item-title") == ""
    assert bad.get("received_on", "") in response.content.decode()
    assert not Input.objects.exists()


def test_categories_are_edited_one_per_line(officer, module):
    response = officer.post(url("staff:categories", module), {"categories": "Trafik\n  Lek \nlek\n\nTrygghet"})
    assert response.status_code == 302
    module.refresh_from_db()
    assert module.settings["categories"] == ["Trafik", "Lek", "Trygghet"]
    assert AuditEvent.objects.filter(action="open_input.categories_set").exists()
    form = officer.get(url("create", module)).context["form"]
    assert [value for value, _ in form.fields["category"].choices] == ["", "Trafik", "Lek", "Trygghet"]


def test_export_has_no_personal_data(officer, module, resident):
    item = InputFactory(module=module, author=resident, text='=HYPERLINK("http://evil")')
    SupportFactory(input=item)
    InputFactory(module=module, status=ModerationStatus.REJECTED)
    response = officer.get(url("staff:export", module))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == [
        "Referens",
        "Rubrik",
        "Text",
        "Kategori",
        "Kanal",
        "Inkommet datum",
        "Status",
        "Inkom",
        "Stöd",
    ]  # in words
    assert len(rows) == 2
    assert rows[1][0] == item.reference and rows[1][-1] == "1"
    assert rows[1][2].startswith("'=")  # a formula is kept as text
    body = response.content.decode("utf-8-sig")
    assert resident.email not in body and resident.name not in body


def test_export_of_an_empty_module_has_the_header(officer, module):
    rows = list(csv.reader(io.StringIO(officer.get(url("staff:export", module)).content.decode("utf-8-sig"))))
    assert rows == [["Referens", "Rubrik", "Text", "Kategori", "Kanal", "Inkommet datum", "Status", "Inkom", "Stöd"]]


def test_the_overview_shows_the_numbers(officer, module, published):
    response = officer.get(url("staff:index", module))
    assert response.context["stats"]["inputs"] == 1
    assert response.context["can"] == {"moderate": True, "enter_offline": True, "manage": True}


def test_staff_of_another_municipality_get_404(client, other_municipality, module):
    from delaktig.organisations.tests.factories import staff_for

    client.force_login(staff_for(other_municipality)["democracy_officer"])
    for name in ("staff:index", "staff:moderation", "staff:categories", "staff:export"):
        assert client.get(url(name, module)).status_code == 404, name


def test_wrong_http_methods_are_refused_politely(officer, module, published):
    assert officer.put(url("desk", module)).status_code == 405  # the desk, where offline input is registered
    assert officer.post(url("staff:export", module)).status_code == 405
    assert officer.get(url("support", module, published.pk)).status_code == 405
    assert officer.get(url("comment", module, published.pk)).status_code == 405
