"""Staff pages: meetings per body (with the night the clocks change), cancelling, settings; who may use them."""

import datetime

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from delaktig.core.audit import audit_events_for
from delaktig.council.models import Meeting, QuestionTimeSettings
from delaktig.council.views import staff as views
from delaktig.organisations.models import Role

from .factories import MeetingFactory, QuestionFactory, local

pytestmark = pytest.mark.django_db


def url(name, municipality, *args):
    return reverse(f"council:{name}", args=[municipality.slug, *args])


def meeting_data(**changes):
    return {
        "starts_at": "2026-10-25T02:30",
        "ends_at": "2026-10-25T04:00",
        "place": "Sessionssalen, Kommunhuset",
        "has_question_time": "on",
        **changes,
    }


def test_a_meeting_on_the_night_the_clocks_go_back_is_taken_as_summer_time(client, municipality, staff):
    client.force_login(staff[Role.DEMOCRACY_OFFICER])
    body = municipality.get_deciding_body()
    response = client.post(url("staff_meeting_create", municipality, body.pk), meeting_data())
    meeting = Meeting.objects.get()
    # 02.30 summer time, the first of the two (an ambiguous time never equals another zone's, so compare in UTC)
    assert response.status_code == 302 and meeting.starts_at == datetime.datetime(
        2026, 10, 25, 0, 30, tzinfo=datetime.UTC
    )
    assert audit_events_for(meeting).get().action == "council_meeting.create"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"starts_at": "2026-03-29T02:30"}, "finns inte den 29 mars 2026"),
        ({"starts_at": "29/3"}, ""),
        ({"ends_at": "2026-10-25T01:00"}, "måste sluta efter"),
        ({"place": ""}, ""),
        ({"agenda_url": "inte en länk"}, ""),
    ],
)
def test_a_malformed_meeting_keeps_what_was_typed(client, municipality, staff, changes, message):
    client.force_login(staff[Role.DEMOCRACY_OFFICER])
    body = municipality.get_deciding_body()
    data = meeting_data(place="Folkets hus, Ekshärad") | changes
    response = client.post(url("staff_meeting_create", municipality, body.pk), data)
    page = response.content.decode()
    assert response.status_code == 200 and not Meeting.objects.exists() and message in page
    assert data["place"] in page and "error-summary" in page


@time_machine.travel(local(2026, 11, 1, 12, 0), tick=False)
def test_editing_and_cancelling_a_meeting_raises_its_sequence(client, municipality, staff):
    meeting = MeetingFactory(municipality=municipality)
    client.force_login(staff[Role.REGISTRAR])
    data = meeting_data(starts_at="2026-11-16T18:00", ends_at="2026-11-16T21:00", minutes_url="https://x.se/p.pdf")
    assert client.post(url("staff_meeting", municipality, meeting.body_id, meeting.pk), data).status_code == 302
    assert (
        client.post(url("staff_meeting_cancel", municipality, meeting.body_id, meeting.pk), {"reason": ""}).status_code
        == 200
    )
    assert (
        client.post(
            url("staff_meeting_cancel", municipality, meeting.body_id, meeting.pk), {"reason": "Inga ärenden."}
        ).status_code
        == 302
    )
    meeting.refresh_from_db()
    assert meeting.minutes_url == "https://x.se/p.pdf" and meeting.is_cancelled and meeting.sequence == 2


def test_an_agenda_added_while_editing_is_saved_with_the_other_changes(client, municipality, staff, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    meeting = MeetingFactory(municipality=municipality)
    client.force_login(staff[Role.REGISTRAR])
    agenda = SimpleUploadedFile("dagordning.pdf", b"%PDF-1.7 agenda", "application/pdf")
    address = url("staff_meeting", municipality, meeting.body_id, meeting.pk)
    assert client.post(address, meeting_data(place="Nya salen", agenda_file=agenda)).status_code == 302
    meeting.refresh_from_db()
    assert meeting.place == "Nya salen" and meeting.agenda_file.read() == b"%PDF-1.7 agenda" and meeting.sequence == 1
    form_page = client.get(address).content.decode()
    assert f'href="{url("agenda", municipality, meeting.pk)}"' in form_page and "/media/" not in form_page
    assert client.post(address, meeting_data(place="Nya salen")).status_code == 302  # nothing new: the file stays
    meeting.refresh_from_db()
    assert meeting.agenda_file and meeting.sequence == 1


def test_an_agenda_that_is_not_a_pdf_is_refused_and_the_rest_kept(client, municipality, staff, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    meeting = MeetingFactory(municipality=municipality)
    client.force_login(staff[Role.REGISTRAR])
    fake = SimpleUploadedFile("fake.pdf", b"just text", "application/pdf")
    response = client.post(
        url("staff_meeting", municipality, meeting.body_id, meeting.pk),
        meeting_data(place="Nya salen", agenda_file=fake),
    )
    page = response.content.decode()
    assert response.status_code == 200 and "Nya salen" in page
    assert "Ladda upp föredragningslistan som en pdf-fil." in page
    meeting.refresh_from_db()
    assert not meeting.agenda_file and meeting.place != "Nya salen"


def test_a_meeting_cancelled_or_held_shows_no_cancel_form(client, municipality, staff):
    held = MeetingFactory(municipality=municipality)  # 16 November 2026, before today
    client.force_login(staff[Role.REGISTRAR])
    response = client.get(url("staff_meeting_cancel", municipality, held.body_id, held.pk))
    assert "redan börjat eller hållits" in response.content.decode() and b'name="reason"' not in response.content
    assert (
        client.post(url("staff_meeting_cancel", municipality, held.body_id, held.pk), {"reason": "x"}).status_code
        == 409
    )
    held.refresh_from_db()
    assert not held.is_cancelled


def test_settings_per_body(client, municipality, staff):
    body = municipality.get_deciding_body()
    client.force_login(staff[Role.ADMINISTRATOR])
    data = {"deadline_days": "14", "max_per_meeting": "6", "max_per_person": "2", "minutes_allotted": "30",
            "who_may_ask": "residents", "identity_level": "1"}  # fmt: skip
    assert client.post(url("staff_settings", municipality, body.pk), data | {"max_per_meeting": "0"}).status_code == 200
    assert client.post(url("staff_settings", municipality, body.pk), data | {"deadline_days": "x"}).status_code == 200
    too_many = client.post(url("staff_settings", municipality, body.pk), data | {"max_per_person": "7"})
    assert "fler frågor än sammanträdet tar emot (6)" in too_many.content.decode()
    assert client.post(url("staff_settings", municipality, body.pk), data).status_code == 302
    rules = QuestionTimeSettings.objects.get(body=body)
    assert (rules.deadline_days, rules.max_per_meeting, rules.max_per_person) == (14, 6, 2)


def test_the_pages_ask_for_the_roles_of_their_work():
    planners = {Role.ADMINISTRATOR, Role.DEMOCRACY_OFFICER, Role.REGISTRAR}
    for view in (views.meetings, views.meeting_create, views.meeting_edit, views.meeting_cancel, views.settings_edit):
        assert view.staff_roles == planners
    assert views.question.staff_roles == {Role.PRESIDIUM, Role.DEMOCRACY_OFFICER, Role.ADMINISTRATOR, Role.REGISTRAR}
    assert Role.OFFICER not in views.overview.staff_roles and Role.ELECTED_OFFICIAL not in views.queue.staff_roles


def test_the_presidium_sees_its_queue_and_the_staff_menu_links_it(client, municipality, staff):
    QuestionFactory(meeting=MeetingFactory(municipality=municipality), text="Varför stängs badhuset i juli?")
    client.force_login(staff[Role.PRESIDIUM])
    page = client.get(url("staff_queue", municipality)).content.decode()
    assert "AF 2026/" in page
    home = client.get(reverse("dialogues:staff_dashboard", args=[municipality.slug])).content.decode()
    assert url("staff_overview", municipality) in home
    client.force_login(staff[Role.OFFICER])
    assert client.get(url("staff_queue", municipality)).status_code == 403


def test_another_municipalitys_meeting_and_body_are_404(client, municipality, other_municipality, staff):
    meeting = MeetingFactory(municipality=other_municipality)
    client.force_login(staff[Role.ADMINISTRATOR])
    assert client.get(url("staff_meeting", municipality, meeting.body_id, meeting.pk)).status_code == 404
    home_body = municipality.get_deciding_body()
    assert client.get(url("staff_meeting", municipality, home_body.pk, meeting.pk)).status_code == 404
    assert client.get(url("staff_meetings", municipality, meeting.body_id)).status_code == 404
    assert client.get(url("staff_settings", municipality, meeting.body_id)).status_code == 404
