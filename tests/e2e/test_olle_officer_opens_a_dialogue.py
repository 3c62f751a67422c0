"""Olle, an officer, takes a citizen dialogue from initiative to open, by the workspace's next-step buttons.

Rolf, the registrar, records the council's decision to hold it in between.
"""

import datetime

import pytest
from django.utils import timezone

from delaktig.dialogues.models import Dialogue, State
from delaktig.organisations.models import Role
from delaktig.organisations.tests.factories import MunicipalityFactory

from .support import arrive, click_through, log_in, log_out, logged_in, person, sv

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Framtidens stadspark"


@pytest.fixture
def hagby():
    return MunicipalityFactory(name="Hagby kommun", slug="hagby")


@pytest.fixture
def olle(hagby):
    return person(hagby, Role.OFFICER, name="Olle Officer", email="olle@hagby.example")


@pytest.fixture
def rolf(hagby):
    return person(hagby, Role.REGISTRAR, name="Rolf Registrator", email="rolf@hagby.example")


def next_step_button(page):
    """The one primary button of the dialogue page's "Next step" box."""
    return page.locator(".at-a-glance .button").first


def state_of(page):
    return page.locator("main p.meta .tag").first.inner_text()


def test_olle_opens_a_dialogue(page, hagby, olle, rolf):
    page.goto("/hagby/")
    arrive(page)
    log_in(page, olle)
    click_through(page, page.get_by_role("link", name=sv("Staff workspace")))
    click_through(page, page.locator("main a.button", has_text=sv("Start a new initiative")))

    create_initiative(page)
    fill_checklist(page)
    olle_may_not_record_the_decision(page)

    log_out(page)
    logged_in(page, rolf)
    find_in_the_list_of_all_dialogues(page)
    record_decision(page)

    log_out(page)
    logged_in(page, olle)
    find_among_my_dialogues(page)
    write_plan(page)
    opening_needs_a_way_to_take_part(page)
    add_a_way_to_take_part_with_a_collect_phase(page)
    open_the_dialogue(page)

    dialogue = Dialogue.objects.get(title=TITLE)
    assert dialogue.state == State.OPEN
    assert dialogue.modules.get().phases.count() == 1


def create_initiative(page):
    page.check("input[name=kind][value=citizen_dialogue]")
    page.fill("#id_title", TITLE)
    page.fill("#id_question", "Vad vill du kunna göra i stadsparken?")
    page.select_option("#id_proposed_by", label="Kommunstyrelsen")
    click_through(page, page.locator("main form button[type=submit]"))
    assert page.locator("h1").inner_text() == TITLE
    assert state_of(page) == sv("Initiative")
    assert sv("Next step: %(step)s") % {"step": sv("Mark the checklist as complete")} in page.inner_text(".at-a-glance")


def fill_checklist(page):
    click_through(page, next_step_button(page))
    answers = page.locator("main form textarea")
    assert answers.count() >= 5
    for index in range(answers.count()):
        answers.nth(index).fill(f"Svar {index + 1}: ja, se underlaget.")
    page.check("input[name=is_influenceable][value=yes]")
    click_through(page, page.locator("button[name=step][value=assess]"))
    assert state_of(page) == sv("Assessed")


def olle_may_not_record_the_decision(page):
    glance = page.inner_text(".at-a-glance")
    assert sv("Your role does not allow this step.") in glance
    assert sv("Registrar") in glance  # who can take it instead


def find_in_the_list_of_all_dialogues(page):
    click_through(page, page.get_by_role("link", name=sv("Staff workspace")))
    click_through(page, page.locator(".staff-nav a", has_text=sv("All dialogues")))
    click_through(page, page.locator("main table").get_by_role("link", name=TITLE))


def find_among_my_dialogues(page):
    """Olle is the responsible officer, so the dashboard lists the dialogue under his own."""
    click_through(page, page.get_by_role("link", name=sv("Staff workspace")))
    mine = page.locator("section[aria-labelledby=mine-title]")
    click_through(page, mine.get_by_role("link", name=TITLE))


def record_decision(page):
    assert sv("Give the body that decided.") in page.inner_text(".at-a-glance")
    click_through(page, next_step_button(page))
    assert page.locator("#id_deciding_body option:checked").inner_text() == "Kommunfullmäktige"
    page.fill("#id_decision_date", (timezone.localdate() - datetime.timedelta(days=7)).isoformat())
    page.fill("#id_decision_minute_item", "§ 12")
    page.fill("#id_decision_registration_number", "KS 2026/42")
    click_through(page, page.locator("button[name=step][value=decide]"))
    assert state_of(page) == sv("Decided")


def fill_plan(page):
    today = timezone.localdate()
    page.check("input[name=ladder_level][value=consultation]")
    page.fill("#id_purpose", "Att veta vad invånarna vill innan parken rustas.")
    page.fill("#id_open_for_influence", "Vilka aktiviteter parken ska ha.")
    page.fill("#id_fixed", "Budgeten och parkens gränser.")
    page.fill("#id_input_use", "Vi sammanställer synpunkterna till politikerna.")
    page.fill("#id_contact_name", "Olle Officer")
    page.fill("#id_contact_email", "olle@hagby.example")
    page.fill("#id_starts_on", today.isoformat())
    page.fill("#id_ends_on", (today + datetime.timedelta(days=30)).isoformat())


def write_plan(page):
    click_through(page, next_step_button(page))
    fill_plan(page)
    # Olle forgets the target groups: the step is refused and says what is missing; what he wrote is kept.
    click_through(page, page.locator("button[name=step][value=plan]"))
    refusal = page.locator(".error-summary")
    assert sv("The step could not be taken") in refusal.inner_text()
    assert sv("Choose at least one target group.") in refusal.inner_text()
    assert page.input_value("#id_purpose").startswith("Att veta")
    page.get_by_label("Unga", exact=True).check()
    click_through(page, page.locator("button[name=step][value=plan]"))
    assert state_of(page) == sv("Planned")


def opening_needs_a_way_to_take_part(page):
    glance = page.inner_text(".at-a-glance")
    assert sv("Next step: %(step)s") % {"step": sv("Open for participation")} in glance
    assert sv("Missing before this step:") in glance
    assert sv("Add at least one way to take part (a method with a phase).") in glance
    assert page.locator(".at-a-glance form button").count() == 0  # no button to open yet


def add_a_way_to_take_part_with_a_collect_phase(page):
    click_through(page, next_step_button(page))
    page.check("input[name=method][value=dummy_method]")
    page.fill("#id_name", "Lämna synpunkter")
    click_through(page, page.locator("main form button[type=submit]"))
    now = timezone.localtime()
    page.check("input[name=phase_type][value=collect]")
    page.fill("#id_name", "Insamling")
    page.fill("#id_starts_at", now.strftime("%Y-%m-%dT00:00"))
    page.fill("#id_ends_at", (now + datetime.timedelta(days=30)).strftime("%Y-%m-%dT23:59"))
    click_through(page, page.locator("main form button[type=submit]"))


def open_the_dialogue(page):
    assert sv("Everything needed for this step is in place.") in page.inner_text(".at-a-glance")
    click_through(page, page.locator(".at-a-glance form button", has_text=sv("Open for participation")))
    assert state_of(page) == sv("Open")
    click_through(page, page.get_by_role("link", name=sv("See the public page")))
    assert page.locator("h1").inner_text() == TITLE
    assert page.locator("#take-part").get_by_text("Lämna synpunkter").count() >= 1
