"""A member sees and erases their data and leaves the panel without logging in, by links in e-mail; with an account,
through My pages, "my data" and erasing the account."""

import re

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from delaktig.accounts.services import personal_data_collect, user_erase
from delaktig.panel import selectors, services
from delaktig.panel.emails import KINDS, member_message
from delaktig.panel.importing import email_digest
from delaktig.panel.models import PanelMember, Status
from delaktig.panel.tokens import link_token_make

from .factories import PanelMemberFactory

pytestmark = pytest.mark.django_db


def path_of(url):
    return re.sub(r"^https?://[^/]+", "", url)


@pytest.fixture
def member(municipality):
    return PanelMemberFactory(municipality=municipality, name="Tova Testsson", email="tova@example.se", phone="070-1")


def test_every_e_mail_to_a_member_has_the_link_to_leave(member):
    # The link carries a timestamp in seconds; the clock stands still so the message and the expectation agree.
    with time_machine.travel(timezone.now(), tick=False):
        for kind in KINDS:
            message = member_message(member, kind)
            assert selectors.opt_out_url(member) in message.body, kind
            assert "utan att logga in" in message.body


def test_leaving_by_the_link_works_without_login_and_deletes_the_contact_details(client, member):
    leave = path_of(selectors.opt_out_url(member))
    data_link = path_of(selectors.data_url(member))
    page = client.get(leave)
    assert page.status_code == 200 and "tova@example.se" in page.content.decode()
    response = client.post(leave)
    assert response["Location"] == reverse("panel:left", args=[member.municipality.slug])
    member.refresh_from_db()
    assert member.status == Status.LEFT and member.ended_on == timezone.localdate()
    assert (member.email, member.name, member.phone, member.user) == ("", "", "", None)
    assert member.email_digest == email_digest("tova@example.se")
    assert member.age_band == "30_44"  # the row stays for the samples it was in, without anything personal
    for old_link in (leave, data_link):
        assert "Länken fungerar inte" in client.get(old_link).content.decode()


def test_the_data_link_is_sent_only_to_members_and_the_page_reveals_nothing(
    client, member, django_capture_on_commit_callbacks
):
    url = reverse("panel:my_data_request", args=[member.municipality.slug])
    with django_capture_on_commit_callbacks(execute=True):
        known = client.post(url, {"email": "TOVA@example.se"})
        unknown = client.post(url, {"email": "nobody@example.se"})
    assert "Om TOVA@example.se finns" in known.content.decode()
    assert "Om nobody@example.se finns" in unknown.content.decode()
    assert [m.to for m in mail.outbox] == [["tova@example.se"]]
    assert mail.outbox[0].subject == "Dina uppgifter i medborgarpanelen"
    assert "Skriv en e-postadress" in client.post(url, {"email": "x"}).content.decode()


def test_the_data_page_shows_everything_kept_and_counts_as_activity(client, member):
    PanelMember.objects.filter(pk=member.pk).update(last_active_on=timezone.localdate().replace(year=2020))
    page = client.get(path_of(selectors.data_url(member))).content.decode()
    for shown in ("Tova Testsson", "tova@example.se", "070-1", "30–44 år", "Kvinna", f"MP-{member.pk}", "2026-1"):
        assert shown in page
    member.refresh_from_db()
    assert member.last_active_on == timezone.localdate()


def test_pause_and_resume(client, member):
    url = path_of(selectors.data_url(member))
    client.post(url, {"action": "pause"})
    member.refresh_from_db()
    assert member.status == Status.PAUSED
    assert "Du är pausad och får inga enkäter." in client.get(url).content.decode()
    client.post(url, {"action": "resume"})
    member.refresh_from_db()
    assert member.status == Status.ACTIVE
    assert client.post(url, {"action": "nonsense"}).status_code == 302


def test_erasing_asks_first_then_deletes(client, member):
    erase = reverse("panel:erase", args=[member.municipality.slug, link_token_make(member, "data")])
    response = client.post(erase, {})
    assert response.status_code == 200 and "Kryssa i rutan" in response.content.decode()
    member.refresh_from_db()
    assert member.email == "tova@example.se"
    assert client.post(erase, {"sure": "on"}).status_code == 302
    member.refresh_from_db()
    assert member.status == Status.LEFT and member.email == ""


def test_member_touch_keeps_the_day_and_leaves_ended_members_alone(member):
    PanelMember.objects.filter(pk=member.pk).update(last_active_on=None)
    member.refresh_from_db()
    services.member_touch(member=member)
    member.refresh_from_db()
    assert member.last_active_on == timezone.localdate()
    services.member_leave(member=member)
    services.member_touch(member=member)
    member.refresh_from_db()
    assert member.status == Status.LEFT


def test_an_account_sees_its_membership_and_erasing_the_account_takes_it_out(client, municipality, resident):
    member = PanelMemberFactory(municipality=municipality, email=resident.email.upper())
    PanelMember.objects.filter(pk=member.pk).update(email=resident.email)
    client.force_login(resident)
    page = client.get(reverse("accounts:my_pages", args=[municipality.slug])).content.decode()
    assert "Medborgarpanel" in page and f"MP-{member.pk}" in page and "/medborgarpanel/mina-uppgifter/" in page
    data = personal_data_collect(user=resident)
    assert data["activity"]["citizen_panel"][0]["reference"] == f"MP-{member.pk}"
    user_erase(user=resident)
    member.refresh_from_db()
    assert member.status == Status.LEFT and member.email == ""


@pytest.mark.parametrize("name", ["panel:confirm", "panel:welcome", "panel:leave", "panel:my_data", "panel:erase"])
@pytest.mark.parametrize("token", ["x", "%00", "a:b:c", "e30:1tVxyz:abc", "ä" * 40])
def test_links_that_are_wrong_are_explained_by_get_and_by_post(client, municipality, name, token):
    url = reverse(name, args=[municipality.slug, token])
    assert "Länken fungerar inte" in client.get(url).content.decode()
    posted = client.post(url, {"action": "pause", "sure": "on"})
    assert posted.status_code == 405 if name == "panel:welcome" else "Länken fungerar inte" in posted.content.decode()


def test_a_link_for_one_purpose_does_not_open_another(client, member):
    leave_token = link_token_make(member, "leave")
    response = client.post(reverse("panel:erase", args=[member.municipality.slug, leave_token]), {"sure": "on"})
    assert "Länken fungerar inte" in response.content.decode()
    member.refresh_from_db()
    assert member.status == Status.ACTIVE
