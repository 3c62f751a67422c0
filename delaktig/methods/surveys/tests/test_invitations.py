"""Invitations: from a pasted list, a file or a sample fed in from anywhere; links mailed through the resumable
mailings and forgotten once sent; reminders with new links; bad files answered in words."""

import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from delaktig.mailings.models import Mailing, Recipient
from delaktig.mailings.services import mailing_send

from ..models import Invitation
from ..services_invitations import invitations_create, invitations_remind, sent_links_forget
from .conftest import url
from .factories import survey_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def invited(module, staff):
    return survey_for(module, actor=staff["officer"], access="invitation")


def link_in(message):
    return re.search(r"https?://\S+/inbjudan/\S+/", message.body).group(0)


def test_a_list_of_address_and_group_is_invited_by_mail_and_each_link_works_once(invited, staff, commits):
    with commits():
        made = invitations_create(
            survey=invited,
            recipients=[
                ("Anna@example.se", "18–29, kvinna"),
                ("bo@example.se", "65–79, man"),
                ("anna@example.se", "x"),
            ],
            actor=staff["officer"],
        )
    assert (made.created, made.skipped) == (2, 1) and made.mailing.purpose == "surveys.invitation"
    assert {i.stratum for i in Invitation.objects.all()} == {"18–29, kvinna", "65–79, man"}
    assert len(mail.outbox) == 2  # the mailing was sent in the background (tasks run at once in tests)
    link = link_in(mail.outbox[0])
    assert "{name}" not in mail.outbox[0].body and "anonyma" in mail.outbox[0].body
    token = link.rstrip("/").rsplit("/", 1)[1]
    assert not Invitation.objects.filter(token_hash=token).exists()  # only the hash is kept
    assert sent_links_forget() == 2
    assert not Recipient.objects.exclude(values={}).exists()  # the links are gone from the mailing
    again = invitations_create(survey=invited, recipients=[("bo@example.se", "")], actor=None)
    assert (again.created, again.skipped) == (0, 1)


def test_a_reminder_gives_those_who_have_not_answered_a_new_link(invited, staff, commits):
    with commits():
        invitations_create(survey=invited, recipients=[("a@example.se", ""), ("b@example.se", "")], actor=None)
    old = link_in(mail.outbox[0]).split("127.0.0.1:8000")[-1]
    Invitation.objects.filter(email="b@example.se").update(answered=True)
    with commits():
        reminder = invitations_remind(survey=invited, actor=staff["officer"])
    assert reminder.total == 1 and mail.outbox[-1].to == ["a@example.se"]
    assert "ersätter" in mail.outbox[-1].body
    new = link_in(mail.outbox[-1]).split("127.0.0.1:8000")[-1]
    assert Client().get(old).status_code == 404 and Client().get(new).status_code == 302


def test_staff_invite_from_the_page_and_follow_the_sending(client, staff, module, invited):
    client.force_login(staff["officer"])
    text = "a@example.se; Unga\nb@example.se\n\n"
    response = client.post(url("staff:invitations", module), {"addresses": text, "printed": "2", "message": "Hej!"})
    page = response.content.decode()
    assert "4 inbjudningar skapade" in page and page.count("/inbjudan/") == 2  # two links to print, shown once
    assert Mailing.objects.get().total == 2
    overview = client.get(url("staff:invitations", module)).content.decode()
    assert "Svarsfrekvens" in overview and "Unga" in overview and "/personal/utskick/" in overview


def test_a_file_from_excel_with_semicolons_and_windows_1252_is_read(client, staff, module, invited):
    client.force_login(staff["officer"])
    content = "E-post;Grupp\nasa@example.se;Äldre\nper@example.se;Yngre\n".encode("cp1252")
    upload = SimpleUploadedFile("lista.csv", content, content_type="text/csv")
    client.post(url("staff:invitations", module), {"file": upload})
    assert sorted(Invitation.objects.values_list("stratum", flat=True)) == ["Yngre", "Äldre"]


def test_bad_lines_are_listed_and_nothing_is_invited(client, staff, module, invited):
    client.force_login(staff["officer"])
    response = client.post(url("staff:invitations", module), {"addresses": "a@example.se\ninte en adress\n"})
    page = response.content.decode()
    assert response.status_code == 200 and "Rad 2: ”inte en adress” är ingen e-postadress." in page
    assert "inte en adress" in page and not Invitation.objects.exists()
    empty = client.post(url("staff:invitations", module), {"addresses": ""})
    assert "Skriv minst en e-postadress" in empty.content.decode()


def test_a_mailing_that_stopped_goes_on_without_sending_twice(invited):
    made = invitations_create(survey=invited, recipients=[("a@example.se", ""), ("b@example.se", "")], actor=None)
    sent = []
    assert mailing_send(mailing_id=made.mailing.pk, send=lambda mailing, r: sent.append(r.email)) == 2
    assert mailing_send(mailing_id=made.mailing.pk, send=lambda mailing, r: sent.append(r.email)) == 0
    assert sorted(sent) == ["a@example.se", "b@example.se"]


def test_a_reminder_is_confirmed_with_the_number_it_goes_to_before_it_is_sent(client, staff, module, invited):
    invitations_create(survey=invited, recipients=[("a@example.se", ""), ("b@example.se", "")], actor=None)
    client.force_login(staff["officer"])
    remind = url("staff:invitations_remind", module)
    page = client.get(remind).content.decode()
    assert "2 personer som bjöds in via e-post har inte svarat" in page and "Skicka påminnelsen till 2 personer" in page
    assert Mailing.objects.filter(purpose="surveys.reminder").count() == 0  # nothing sent by looking
    client.post(remind, {"message": "Hej igen"})
    assert Mailing.objects.get(purpose="surveys.reminder").total == 2
