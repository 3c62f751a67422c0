"""The staff workspace: adding and changing meetings, the attendance list and sign-in sheet, and moving or cancelling
a meeting, which tells everyone registered and waiting through a mailing."""

import datetime

import pytest
from django.core import mail
from django.utils import formats, timezone

from delaktig.mailings.models import Mailing
from delaktig.organisations.models import Role

from ..models import Meeting, MeetingStatus
from ..services import meeting_register
from .conftest import url
from .factories import MeetingFactory, meetings_module

pytestmark = pytest.mark.django_db


def future(days, hour=18):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return f"{day.isoformat()}T{hour:02d}:00"


MEETING = {
    "title": "Dialogmöte i Ekshärad",
    "place": "Ekshärads bibliotek",
    "starts_at": future(20),
    "ends_at": future(20, 20),
    "capacity": "30",
    "step_free": "on",
    "hearing_loop": "on",
    "languages": "svenska, finska",
}


@pytest.fixture
def officer(client, staff):
    client.force_login(staff["officer"])
    return staff["officer"]


@pytest.fixture
def crowded(meeting):
    """Two registered (one with needs) and one waiting."""
    meeting_register(meeting=meeting, name="Anna Berg", email="anna@example.se", interpretation="Arabiska")
    meeting_register(meeting=meeting, name="Bo Ek", email="bo@example.se")
    meeting_register(meeting=meeting, name="Cilla Ås", email="cilla@example.se")
    return meeting


def test_an_officer_adds_a_meeting(client, module, officer):
    response = client.post(url("staff:meeting_add", module), MEETING)
    meeting = Meeting.objects.get()
    assert response.status_code == 302 and response.url == url("staff:meeting", module, meeting.pk)
    assert (meeting.step_free, meeting.hearing_loop, meeting.childcare, meeting.capacity) == (True, True, False, 30)
    assert timezone.localtime(meeting.starts_at).hour == 18


@pytest.mark.parametrize(
    "change, field, message",
    [
        ({"starts_at": "2020-01-01T18:00", "ends_at": "2020-01-01T20:00"}, "starts_at", "bakåt i tiden"),
        ({"ends_at": future(20, 17)}, "ends_at", "sluta efter"),
        ({"registration_deadline": future(21)}, "registration_deadline", "innan mötet börjar"),
        ({"starts_at": "den tjugonde"}, "starts_at", "2027-03-12 18:00"),
        ({"capacity": "0"}, "capacity", ""),
    ],
)
def test_bad_meeting_input_is_explained_and_kept(client, module, officer, change, field, message):
    response = client.post(url("staff:meeting_add", module), {**MEETING, **change})
    page = response.content.decode()
    assert response.status_code == 200 and not Meeting.objects.exists()
    assert "error-summary" in page and message in page and 'value="Ekshärads bibliotek"' in page


def test_the_attendance_list_shows_registered_waiting_and_needs(client, crowded, officer):
    page = client.get(url("staff:meeting", crowded.module, crowded.pk)).content.decode()
    assert "2 anmälda" in page and "1 i kö" in page and "Arabiska" in page and "cilla@example.se" in page
    assert "Med plats, behöver tolk</th><td>1</td>" in page


def test_the_sign_in_sheet_is_a_pdf_with_the_people_registered(client, crowded, officer):
    response = client.get(url("staff:signin_sheet", crowded.module, crowded.pk))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_the_sign_in_sheet_lists_those_with_a_place(crowded):
    from ..selectors import attendance
    from ..signin import signin_html

    html = signin_html(crowded, attendance(crowded)["registered"])
    assert "Anna Berg" in html and "Bo Ek" in html and "Cilla" not in html


def test_the_sign_in_sheet_says_what_kind_of_need_each_one_is(meeting):
    from ..selectors import attendance
    from ..signin import signin_html

    meeting_register(meeting=meeting, name="Aino", email="aino@example.se", interpretation="Finska", diet="Laktosfritt")
    meeting_register(meeting=meeting, name="Gunnar", email="gunnar@example.se", assistance="Rullator")
    html = signin_html(meeting, attendance(meeting)["registered"])
    assert "Tolk: Finska<br>Mat: Laktosfritt" in html and "Stöd: Rullator" in html


def test_moving_a_meeting_mails_everyone_registered_and_waiting_with_the_reason_and_new_time(
    client, crowded, officer, commits
):
    with commits():
        response = client.post(
            url("staff:meeting_move", crowded.module, crowded.pk),
            {"starts_at": future(14), "ends_at": future(14, 20), "reason": "Lokalen behövs till ett val."},
        )
    assert response.status_code == 302
    mailing = Mailing.objects.get()
    assert mailing.total == 3 and mailing.purpose == "dialogue_meetings.moved" and mailing.target == crowded
    assert {message.to[0] for message in mail.outbox} == {"anna@example.se", "bo@example.se", "cilla@example.se"}
    body = next(message.body for message in mail.outbox if message.to == ["anna@example.se"])
    assert "Hej Anna Berg!" in body and "Lokalen behövs till ett val." in body
    assert crowded.calendar_url() in body and "min-anmalan" in body
    crowded.refresh_from_db()
    assert crowded.sequence == 1 and crowded.moved_from is not None
    page = client.get(response.url).content.decode()
    assert f"/personal/utskick/{mailing.pk}/" in page and "E-post om mötet" in page


def test_cancelling_a_meeting_mails_everyone_and_needs_a_reason(client, crowded, officer, commits):
    cancel = url("staff:meeting_cancel", crowded.module, crowded.pk)
    empty = client.post(cancel, {"reason": ""})
    assert empty.status_code == 200 and "error-summary" in empty.content.decode()
    with commits():
        client.post(cancel, {"reason": "Vi har för få anmälda."})
    crowded.refresh_from_db()
    assert crowded.status == MeetingStatus.CANCELLED and crowded.change_reason == "Vi har för få anmälda."
    assert Mailing.objects.get().total == 3 and len(mail.outbox) == 3
    assert "Vi har för få anmälda." in mail.outbox[0].body and "inställt" in mail.outbox[0].body
    public = client.get(crowded.get_absolute_url()).content.decode()
    assert "Mötet är inställt" in public and "Anmäl dig till mötet" not in public


def test_a_meeting_that_has_taken_place_cannot_be_cancelled(client, module, officer):
    meeting = MeetingFactory(module=module, past=True)
    response = client.post(url("staff:meeting_cancel", module, meeting.pk), {"reason": "Fel."})
    assert response.status_code == 200 and "redan börjat eller ägt rum" in response.content.decode()
    assert Meeting.objects.get().status == MeetingStatus.SCHEDULED


def test_editing_keeps_the_time_and_more_places_go_to_those_waiting(client, crowded, officer):
    data = {**MEETING, "capacity": "5"}
    del data["starts_at"], data["ends_at"]
    response = client.post(url("staff:meeting_edit", crowded.module, crowded.pk), data)
    assert response.status_code == 302
    assert crowded.registrations.filter(status="waiting").count() == 0


@pytest.mark.parametrize("role", [Role.ELECTED_OFFICIAL, Role.MODERATOR])
def test_roles_without_the_action_are_refused_with_a_reason(client, meeting, staff, role):
    client.force_login(staff[role])
    assert client.get(url("staff:index", meeting.module)).status_code == 200
    for name in ("meeting", "meeting_edit", "meeting_move", "meeting_cancel", "signin_sheet", "record"):
        response = client.get(url(f"staff:{name}", meeting.module, meeting.pk))
        assert response.status_code == 403, name


def test_another_municipalitys_meetings_are_a_404_for_its_staff(client, meeting, other_municipality):
    from delaktig.organisations.tests.factories import StaffOf

    client.force_login(StaffOf(other_municipality)["officer"])
    other = meetings_module(municipality=other_municipality)
    for name in ("meeting", "meeting_edit", "signin_sheet", "record"):
        assert client.get(url(f"staff:{name}", other, meeting.pk)).status_code == 404, name
    other_slug = url("staff:meeting", meeting.module, meeting.pk).replace(
        f"/{meeting.municipality.slug}/", f"/{other_municipality.slug}/"
    )
    assert client.get(other_slug).status_code == 404


def _main(response):
    page = response.content.decode()
    return page[page.index("<main") : page.index("</main>")]


def test_a_cancelled_meetings_pages_say_only_that_it_is_cancelled_and_why(client, crowded, officer):
    from ..services_meetings import meeting_cancel

    meeting_cancel(meeting=crowded, actor=officer, reason="Lokalen har vattenskada.")
    module = crowded.module
    client.logout()
    for response in (
        client.get(url("register", module, crowded.pk)),
        client.post(url("register", module, crowded.pk), {"name": "Nina", "email": "nina@example.se"}),
        client.get(url("link_again", module, crowded.pk)),
    ):
        main = _main(response)
        assert response.status_code == 200 and "Mötet är inställt" in main and "Lokalen har vattenskada." in main
        assert "Ställ dig i kö" not in main and "fullt" not in main and "<form" not in main
    registration = crowded.registrations.get(email="anna@example.se")
    page = _main(client.get(registration.get_absolute_url()))
    assert "Mötet är inställt" in page and "Lokalen har vattenskada." in page
    assert crowded.registrations.count() == 3


@pytest.mark.parametrize("cancelled", [True, False])
def test_the_cancel_page_of_a_meeting_cancelled_or_held_shows_no_form_and_says_why(client, module, officer, cancelled):
    meeting = MeetingFactory(module=module, past=not cancelled)
    if cancelled:
        Meeting.objects.filter(pk=meeting.pk).update(status=MeetingStatus.CANCELLED, change_reason="För få anmälda.")
    for response in (
        client.get(url("staff:meeting_cancel", module, meeting.pk)),
        client.post(url("staff:meeting_cancel", module, meeting.pk), {"reason": "Igen."}),
    ):
        main = _main(response)
        assert response.status_code == 200 and 'name="reason"' not in main
        assert ("redan inställt" in main and "För få anmälda." in main) if cancelled else "redan börjat" in main
    assert not Mailing.objects.exists()


def test_a_registration_for_a_meeting_held_cannot_be_cancelled_by_staff(client, module, officer, mailoutbox):
    from ..services import meeting_register

    meeting = MeetingFactory(module=module)
    registration = meeting_register(meeting=meeting, name="Nils Persson", email="nils@example.se")
    Meeting.objects.filter(pk=meeting.pk).update(
        starts_at=timezone.now() - datetime.timedelta(days=7),
        ends_at=timezone.now() - datetime.timedelta(days=7, hours=-2),
    )
    client.force_login(officer)
    mails = len(mailoutbox)
    address = url("staff:registration_cancel", module, meeting.pk, registration.pk)
    response = client.post(address, {"reason": "Dubbel."}, follow=True)
    registration.refresh_from_db()
    assert "redan börjat eller ägt rum" in response.content.decode() and registration.status != "cancelled"
    assert len(mailoutbox) == mails


def test_a_meeting_that_has_begun_cannot_be_cancelled(client, module, officer):
    import time_machine

    meeting = MeetingFactory(module=module)
    with time_machine.travel(meeting.starts_at + datetime.timedelta(minutes=30)):
        client.force_login(officer)
        response = client.post(url("staff:meeting_cancel", module, meeting.pk), {"reason": "Strömavbrott."})
    meeting.refresh_from_db()
    assert "redan börjat" in _main(response) and meeting.status != MeetingStatus.CANCELLED


def test_a_full_meeting_past_its_last_day_to_register_offers_no_waiting_list(client, module):
    import time_machine

    deadline = timezone.now() + datetime.timedelta(hours=1)
    meeting = MeetingFactory(module=module, capacity=1, registration_deadline=deadline)
    meeting_register(meeting=meeting, name="Anna Berg", email="anna@example.se")
    with time_machine.travel(deadline + datetime.timedelta(minutes=1)):
        main = _main(client.get(url("register", module, meeting.pk)))
    assert "Anmälan är stängd" in main and "Sista dagen att anmäla sig har passerat" in main
    assert "Ställ dig i kö" not in main and "fullt" not in main


def test_fewer_places_than_people_registered_is_refused_and_says_how_many_have_a_place(client, crowded, officer):
    data = {**MEETING, "capacity": "1"}
    del data["starts_at"], data["ends_at"]
    response = client.post(url("staff:meeting_edit", crowded.module, crowded.pk), data)
    page = response.content.decode()
    assert response.status_code == 200 and "error-summary" in page
    assert "2 personer har en plats, så det måste finnas minst 2 platser" in page and 'value="1"' in page
    crowded.refresh_from_db()
    assert crowded.capacity == 2
    assert (
        client.post(url("staff:meeting_edit", crowded.module, crowded.pk), {**data, "capacity": "2"}).status_code == 302
    )


def test_every_header_of_the_csv_files_is_in_swedish(client, crowded, officer):
    import csv
    import io

    from .factories import StatementFactory

    StatementFactory(module=crowded.module, meeting=crowded)

    def header(name, *args):
        content = client.get(url(name, crowded.module, *args)).content.decode("utf-8-sig")
        return next(csv.reader(io.StringIO(content), delimiter=";"))

    assert header("staff:attendance_csv", crowded.pk) == [
        "Bokningsnummer",
        "Namn",
        "E-postadress",
        "Status",
        "Tolk",
        "Mat och allergier",
        "Annat stöd",
        "Anmäld den",
    ]
    assert header("staff:export") == [
        "Referens",
        "Möte",
        "Mötets datum",
        "Bord eller grupp",
        "Rubrik",
        "Vad som sades",
        "Kanal",
        "Inkommet datum",
        "Inskrivet den",
    ]


def test_a_meeting_after_the_dialogue_closes_is_refused_in_words(client, module, officer, crowded):
    """The module's phase (the dialogue's only one) ends in 60 days; the same rule holds when a meeting is moved."""
    from ..selectors import dialogue_closes

    closes = timezone.localtime(dialogue_closes(module))
    assert "Dialogen stänger" in client.get(url("staff:meeting_add", module)).content.decode()
    late = {**MEETING, "starts_at": future(90), "ends_at": future(90, 20)}
    response = client.post(url("staff:meeting_add", module), late)
    page = response.content.decode()
    assert response.status_code == 200 and "error-summary" in page
    assert f"Dialogen stänger {closes.day} {formats.date_format(closes, 'F Y')}" in page
    assert "Mötet måste vara slut innan dess" in page and not Meeting.objects.filter(title=MEETING["title"]).exists()
    assert client.post(url("staff:meeting_add", module), MEETING).status_code == 302
    moved = client.post(
        url("staff:meeting_move", module, crowded.pk),
        {"starts_at": future(90), "ends_at": future(90, 20), "reason": "Lokalen är upptagen."},
    )
    assert moved.status_code == 200 and "Mötet måste vara slut innan dess" in moved.content.decode()


def test_the_dialogue_closes_when_its_last_phase_ends_or_else_on_its_closing_day(module):
    from delaktig.participation.models import Phase

    from ..selectors import dialogue_closes

    assert dialogue_closes(module) == Phase.objects.get(module=module).ends_at
    Phase.objects.all().delete()
    dialogue = module.dialogue
    dialogue.ends_on = datetime.date(2027, 3, 31)
    dialogue.save(update_fields=["ends_on"])
    closes = timezone.localtime(dialogue_closes(module))
    assert (closes.date(), closes.hour, closes.minute) == (datetime.date(2027, 3, 31), 23, 59)
    dialogue.ends_on = None
    dialogue.save(update_fields=["ends_on"])
    assert dialogue_closes(module) is None


def test_the_end_time_has_its_own_example(client, crowded, officer):
    for name in ("meeting_add", "meeting_move"):
        args = (crowded.pk,) if name == "meeting_move" else ()
        page = client.get(url(f"staff:{name}", crowded.module, *args)).content.decode()
        assert "till exempel 2027-03-12 18:00" in page and "till exempel 2027-03-12 20:00" in page, name
