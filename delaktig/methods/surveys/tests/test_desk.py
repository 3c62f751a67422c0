"""Paper responses: at the desk ("Registrera inkommet") and on the survey's own paper page, beside those from the
web, taken back within a few minutes only by the person who entered them."""

import datetime

import pytest
from django.utils import timezone

from delaktig.participation.models import DeskRecord

from ..models import Response
from .conftest import url
from .factories import questions_by_text

pytestmark = pytest.mark.django_db


def paper(survey, prefix=""):
    by_text, _structure = questions_by_text(survey)
    return {
        f"{prefix}q{by_text['Hur tar du dig till parken?'].pk}": "buss",
        f"{prefix}q{by_text['Besöker du parken varje vecka?'].pk}": "no",
        f"{prefix}q{by_text['Varför inte?'].pk}": "Det är för långt.",
        f"{prefix}q{by_text['Hur nöjd är du med parken?'].pk}": "2",  # on page 2, which does not apply: left out
        f"{prefix}age_band": "80_plus",
    }


def desk_url(module):
    from django.urls import reverse

    return reverse("participation:desk", args=[module.dialogue.municipality.slug, module.dialogue_id])


def test_the_desk_takes_a_whole_paper_response(client, staff, module, survey):
    client.force_login(staff["officer"])
    page = client.get(desk_url(module)).content.decode()
    assert "Hur tar du dig till parken?" in page and "Hur nöjd är du med det här?: Belysning" in page
    data = {"module": module.pk, "channel": "paper", "received_on": "2026-01-05", **paper(survey, "item-")}
    response = client.post(desk_url(module), data)
    assert response.status_code == 302
    stored = Response.objects.get()
    assert (stored.channel, stored.received_on, stored.entered_by) == (
        "paper",
        datetime.date(2026, 1, 5),
        staff["officer"],
    )
    assert stored.answers.count() == 3 and stored.about.age_band == "80_plus"
    record = DeskRecord.objects.get()
    assert record.reference == stored.reference and "Det är för långt" in record.summary


def test_the_desk_says_what_is_wrong_and_keeps_what_was_typed(client, staff, module, survey):
    client.force_login(staff["officer"])
    by_text, _structure = questions_by_text(survey)
    data = {"module": module.pk, "channel": "paper", "received_on": "2026-01-05", **paper(survey, "item-")}
    data[f"item-q{by_text['Hur tar du dig till parken?'].pk}"] = "flyg"
    response = client.post(desk_url(module), data)
    page = response.content.decode()
    assert response.status_code == 200 and "inte ett av alternativen" in page and "Det är för långt." in page
    assert not Response.objects.exists()
    empty = client.post(desk_url(module), {"module": module.pk, "channel": "paper", "received_on": "2026-01-05"})
    assert "Inget är ifyllt" in empty.content.decode()


def test_the_survey_s_own_paper_page_keeps_the_date_and_group(client, staff, module, survey):
    client.force_login(staff["officer"])
    data = {"received_on": "2026-01-05", "group": "Biblioteket", **paper(survey)}
    response = client.post(url("staff:paper", module), data)
    assert response.status_code == 302 and "received_on=2026-01-05" in response["Location"]
    page = client.get(response["Location"]).content.decode()
    assert 'value="2026-01-05"' in page and 'value="Biblioteket"' in page and Response.objects.get().reference in page
    assert Response.objects.get().group == "Biblioteket"
    future = (timezone.localdate() + datetime.timedelta(days=3)).isoformat()
    refused = client.post(url("staff:paper", module), {**data, "received_on": future})
    assert "kan inte vara i framtiden" in refused.content.decode()


def test_only_the_person_who_entered_it_takes_it_back_and_only_for_a_while(client, staff, module, survey):
    client.force_login(staff["officer"])
    client.post(url("staff:paper", module), {"received_on": "2026-01-05", **paper(survey)})
    response = Response.objects.get()
    client.force_login(staff["democracy_officer"])
    client.post(url("staff:paper", module), {"take_back": str(response.pk)})
    assert Response.objects.exists()
    client.force_login(staff["officer"])
    Response.objects.filter(pk=response.pk).update(submitted_at=timezone.now() - datetime.timedelta(hours=1))
    client.post(url("staff:paper", module), {"take_back": str(response.pk)})
    assert Response.objects.exists()
    Response.objects.filter(pk=response.pk).update(submitted_at=timezone.now())
    client.post(url("staff:paper", module), {"take_back": str(response.pk)})
    assert not Response.objects.exists()


def test_elected_officials_do_not_enter_responses(client, staff, module, survey):
    client.force_login(staff["elected_official"])
    assert client.get(url("staff:paper", module)).status_code == 403
