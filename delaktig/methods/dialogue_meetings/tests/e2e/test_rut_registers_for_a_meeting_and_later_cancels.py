"""Rut finds a dialogue meeting near her, registers with her name and e-mail address (no account), opens her
registration with the link in the receipt, puts the meeting in her calendar, and a week later cancels with the
link; Sam, first on the waiting list, gets her place. Then the officer's pages of the meeting are checked too.
Every page passes axe.
"""

import datetime
import re

import icalendar
import pytest
from django.core import mail
from django.utils import timezone

from delaktig.organisations.models import Role
from delaktig.organisations.tests.factories import MunicipalityFactory
from tests.e2e.support import arrive, click_through, logged_in, person, sv

from ...forms import local_time
from ...models import Registration, RegistrationStatus
from ...services import meeting_register
from ..conftest import url
from ..factories import MeetingFactory, meetings_module

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def meeting():
    hagby = MunicipalityFactory(name="Hagby kommun", slug="hagby")
    module = meetings_module(municipality=hagby)
    module.name = "Dialogmöten om badhuset"
    module.save()
    dialogue = module.dialogue
    dialogue.title, dialogue.slug = "Framtidens badhus", ""
    dialogue.save()
    day = timezone.localdate() + datetime.timedelta(days=10)
    starts = local_time(datetime.datetime.combine(day, datetime.time(18, 0)))
    meeting = MeetingFactory(
        module=module,
        title="Dialogmöte i Sunnemo",
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
        capacity=2,
        hearing_loop=True,
    )
    meeting_register(meeting=meeting, name="Tove Ek", email="tove@example.se")
    return meeting


def test_rut_registers_downloads_the_calendar_file_and_later_cancels(page, meeting):
    page.goto(meeting.module.dialogue.get_absolute_url())
    arrive(page)
    click_through(page, page.get_by_role("link", name=re.compile(sv("See the meetings and register"))))
    click_through(page, page.get_by_role("link", name="Dialogmöte i Sunnemo"))
    assert sv("Hearing loop") in page.locator("main").inner_text()
    click_through(page, page.get_by_role("link", name=sv("Register for the meeting")))

    register_with_a_mistake_then_correct_it(page)
    registration = Registration.objects.get(email="rut@example.se")
    assert registration.status == RegistrationStatus.REGISTERED

    receipt = next(message for message in mail.outbox if message.to == ["rut@example.se"])
    link = re.search(r"https?://[^/\s]+(/\S+/anmalan/\S+/)", receipt.body).group(1)  # the path of the link
    open_the_link_from_the_receipt(page, link, registration)
    download_the_calendar_file(page, meeting)
    somebody_joins_the_waiting_list(meeting)

    cancel_with_the_link_from_the_receipt(page, link)
    assert Registration.objects.get(email="rut@example.se").status == RegistrationStatus.CANCELLED
    assert Registration.objects.get(email="sam@example.se").status == RegistrationStatus.REGISTERED
    assert any(
        m.to == ["sam@example.se"]
        and sv(
            "You have a place: %(meeting)s (%(reference)s)",
            meeting=meeting.title,
            reference=Registration.objects.get(email="sam@example.se").reference,
        )
        == m.subject
        for m in mail.outbox
    )

    the_link_used_again_says_it_is_cancelled(page, link)


def register_with_a_mistake_then_correct_it(page):
    """Rut mistypes her address: the error summary takes the focus and what she typed stays."""
    page.fill("#id_name", "Rut Resident")
    page.fill("#id_email", "rut@example")
    page.fill("#id_diet", "Vegetariskt")
    click_through(page, page.locator("main form button.button"))
    assert page.evaluate("document.activeElement.id") == "error-summary"
    assert page.input_value("#id_name") == "Rut Resident" and page.input_value("#id_diet") == "Vegetariskt"
    page.fill("#id_email", "rut@example.se")
    click_through(page, page.locator("main form button.button"))
    assert sv("Look in your e-mail") in page.locator("h1").inner_text()  # the same page for an address registered
    assert "rut@example.se" in page.locator(".panel-confirmation").inner_text()


def open_the_link_from_the_receipt(page, link, registration):
    page.goto(link)
    arrive(page)
    assert sv("You are registered") in page.locator("h1").inner_text()
    assert registration.reference in page.locator(".panel-confirmation").inner_text()


def download_the_calendar_file(page, meeting):
    with page.expect_download() as info:
        page.get_by_role("link", name=re.compile(sv("Add to your calendar"))).click()
    download = info.value
    assert download.suggested_filename.endswith(".ics")
    with open(download.path(), "rb") as file:
        (event,) = icalendar.Calendar.from_ical(file.read()).walk("VEVENT")
    assert event.decoded("dtstart") == meeting.starts_at and str(event["summary"]) == meeting.title
    assert event.decoded("dtstart").astimezone(timezone.get_current_timezone()).hour == 18


def somebody_joins_the_waiting_list(meeting):
    waiting = meeting_register(meeting=meeting, name="Sam Sundin", email="sam@example.se")
    assert waiting.status == RegistrationStatus.WAITING


def cancel_with_the_link_from_the_receipt(page, link):
    page.goto(link)
    arrive(page)
    click_through(page, page.get_by_role("link", name=sv("Cancel the registration")))
    assert sv("Cancel the registration?") in page.locator("h1").inner_text()
    click_through(page, page.get_by_role("button", name=sv("Yes, cancel")))
    assert sv("Your registration is cancelled") in page.locator("h1").inner_text()


def the_link_used_again_says_it_is_cancelled(page, link):
    page.goto(link + "avboka/")
    arrive(page)
    assert sv("Your registration is cancelled") in page.locator("h1").inner_text()
    page.goto(link.replace("/anmalan/", "/anmalan/x"))
    arrive(page)
    assert sv("The link does not work") in page.locator("h1").inner_text()


def test_the_officers_pages_of_a_meeting_pass_axe(page, meeting):
    module = meeting.module
    officer = person(module.dialogue.municipality, Role.OFFICER, name="Olle Officer", email="olle@hagby.se")
    logged_in(page, officer)
    for path in (
        url("staff:index", module),
        url("staff:meeting_add", module),
        url("staff:meeting", module, meeting.pk),
        url("staff:meeting_move", module, meeting.pk),
        url("staff:meeting_cancel", module, meeting.pk),
        url("staff:registration_cancel", module, meeting.pk, meeting.registrations.get().pk),
        url("staff:record", module, meeting.pk),
        url("link_again", module, meeting.pk),
    ):
        response = page.goto(path)
        assert response.status == 200, path
        arrive(page)
        assert page.locator("h1").count() == 1, path
