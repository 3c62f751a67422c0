"""Olle closes a dialogue, compiles the results, records the decision and publishes feedback.

Rut gave input and follows the dialogue: she gets e-mail, opens the link, and reads what
happened with her input.
"""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.utils import timezone

from delaktig.dialogues.models import Follower, Notification, State
from delaktig.organisations.models import Role
from delaktig.organisations.tests.factories import MunicipalityFactory
from tests.dummy_method.factories import DummyInputFactory, dummy_module

from .support import arrive, click_through, log_in, logged_in, person, sv

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SUMMARY = "Sextio synpunkter kom in. De flesta vill ha fler bänkar och mer skugga."
DECISION = "Kommunfullmäktige beslutar att rusta parken med bänkar och träd."
INFLUENCE = "Bänkarna i skugga kom med i beslutet tack vare synpunkterna."
FEEDBACK = "Tack till alla som tyckte till! Arbetet i parken börjar i maj."


@pytest.fixture
def hagby():
    return MunicipalityFactory(name="Hagby kommun", slug="hagby")


@pytest.fixture
def olle(hagby):
    return person(hagby, Role.OFFICER, name="Olle Officer", email="olle@hagby.example")


@pytest.fixture
def rut():
    return person(name="Rut Resident", email="rut@example.se")


@pytest.fixture
def dialogue(hagby, rut):
    module = dummy_module(municipality=hagby)
    DummyInputFactory(module=module, author=rut, title="Fler bänkar i skugga")
    Follower.objects.create(dialogue=module.dialogue, user=rut)
    return module.dialogue


def next_step_button(page):
    return page.locator(".at-a-glance .button").first


def state_of(page):
    return page.locator("main p.meta .tag").first.inner_text()


def test_olle_publishes_feedback_and_rut_sees_it(page, second_page, dialogue, olle, rut):
    logged_in(page, olle)
    page.goto("/hagby/")
    arrive(page)
    click_through(page, page.get_by_role("link", name=sv("Staff workspace")))
    click_through(page, page.locator(".staff-nav a", has_text=sv("All dialogues")))
    click_through(page, page.get_by_role("link", name=dialogue.title))

    close(page)
    compile_results(page)
    assert mail_to(rut, "results_compiled")
    record_matter_decision(page)
    publish_feedback(page)

    dialogue.refresh_from_db()
    assert dialogue.state == State.FEEDBACK_PUBLISHED
    # One notice for the results; the feedback reaches her once, in the feedback mailing (followup), not twice.
    assert Notification.objects.filter(dialogue=dialogue, user=rut, sent_at__isnull=False).count() == 1
    rut_reads_what_happened(second_page, mail_to(rut, "feedback_published"), dialogue, rut)


def mail_to(user, event):
    subjects = {
        "results_compiled": sv("Results published: %(title)s"),
        "feedback_published": sv("What happened with your input: %(title)s"),
    }
    prefix = subjects[event].split("%(title)s")[0]
    return next((m for m in mail.outbox if user.email in m.to and m.subject.startswith(prefix)), None)


def close(page):
    assert state_of(page) == sv("Open")
    click_through(page, page.locator(".at-a-glance a.button", has_text=sv("Close")))
    assert page.locator("main h1").inner_text() == sv("Close the dialogue")  # closing asks first
    click_through(page, page.locator("main form button", has_text=sv("Yes, close the dialogue")))
    assert state_of(page) == sv("Closed")


def compile_results(page):
    assert sv("Write a summary of the results.") in page.inner_text(".at-a-glance")
    click_through(page, next_step_button(page))
    assert page.locator("main table caption").count() == 1  # what came in, as the method counts it
    page.fill("#id_results_summary", SUMMARY)
    page.fill("#id_offline_participant_count", "12")
    click_through(page, page.locator("button[name=step][value=compile_results]"))
    assert state_of(page) == sv("Results compiled")


def record_matter_decision(page):
    click_through(page, next_step_button(page))
    page.select_option("#id_matter_body", label="Kommunfullmäktige")
    page.fill("#id_matter_decision_date", timezone.localdate().isoformat())  # not before the initiative
    page.fill("#id_matter_minute_item", "§ 77")
    page.fill("#id_matter_decision", DECISION)
    page.fill("#id_input_influence", INFLUENCE)
    click_through(page, page.locator("button[name=step][value=record_matter_decision]"))
    assert state_of(page) == sv("Decision made")


def publish_feedback(page):
    click_through(page, next_step_button(page))
    page.fill("#id_feedback", FEEDBACK)
    click_through(page, page.locator("button[name=step][value=publish_feedback]"))
    assert state_of(page) == sv("Feedback published")


def rut_reads_what_happened(page, message, dialogue, rut):
    assert message is not None, "Rut got no e-mail about the feedback"
    link = re.search(r"https?://\S+", message.body).group(0)
    assert urlsplit(link).path == dialogue.get_absolute_url()
    page.goto(urlsplit(link).path)
    arrive(page)
    log_in(page, rut)
    assert urlsplit(page.url).path == dialogue.get_absolute_url()
    assert sv("You follow this dialogue. We e-mail you when the results and the feedback are published.") in (
        page.inner_text(".at-a-glance")
    )
    afterwards = page.locator("#afterwards")
    assert SUMMARY in afterwards.inner_text()
    assert sv("The decision") in afterwards.locator("h3").all_inner_texts()
    assert DECISION in afterwards.inner_text()
    heading = page.locator("#what-happened")
    assert heading.inner_text() == sv("What happened with your input?")
    assert INFLUENCE in afterwards.inner_text() and FEEDBACK in afterwards.inner_text()
