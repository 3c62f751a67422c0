"""An axe sweep over the pages that close the loop, on the demo data: the results workspace, the decision
basis, feedback and measures, the evaluation and the year's evaluations in the overview, the yearly report (as the
democracy officer), and the public measures, the dialogue page with them or with its evaluation, and the open-data
page."""

import pytest
from django.urls import reverse

from delaktig.decisionbasis.models import DecisionBasis
from delaktig.demo import content
from delaktig.demo.loader import email_for
from delaktig.demo.tests.site import demo_loaded
from delaktig.dialogues.models import Dialogue, State
from delaktig.followup.models import Measure
from delaktig.results.models import Theme

from .support import arrive, logged_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DEMO = content.MUNICIPALITIES[0]


def demo_officer():
    from delaktig.accounts.models import User

    return User.objects.get(email=email_for("demokrati", DEMO))


@pytest.fixture
def demo():
    with demo_loaded(committed=True):
        yield DEMO["slug"]


def open_checked(page, base, path):
    response = page.goto(base + path)
    assert response.status == 200, f"{path} answered {response.status}"
    return arrive(page)


def staff_paths(slug):
    decided = Dialogue.objects.filter(municipality__slug=slug, state=State.FEEDBACK_PUBLISHED).first()
    basis = DecisionBasis.objects.filter(dialogue__municipality__slug=slug).first()
    theme = Theme.objects.filter(dialogue__municipality__slug=slug).first()
    measure = Measure.objects.filter(dialogue__municipality__slug=slug).first()
    workspace = theme.dialogue_id
    return [
        reverse("results:overview", args=[slug, workspace]),
        reverse("results:inputs", args=[slug, workspace]),
        reverse("results:codebook", args=[slug, workspace]),
        reverse("results:theme_edit", args=[slug, workspace, theme.pk]),
        reverse("results:suggestions", args=[slug, workspace]),
        reverse("decisionbasis:list", args=[slug, basis.dialogue_id]),
        reverse("decisionbasis:generate", args=[slug, basis.dialogue_id]),
        reverse("decisionbasis:detail", args=[slug, basis.dialogue_id, basis.version]),
        reverse("decisionbasis:letterhead", args=[slug]),
        reverse("followup:feedback", args=[slug, decided.pk]),
        reverse("followup:measures", args=[slug, measure.dialogue_id]),
        reverse("followup:measure", args=[slug, measure.dialogue_id, measure.pk]),
        reverse("followup:measure_create", args=[slug, measure.dialogue_id]),
        reverse("followup:settings", args=[slug]),
        reverse("reports:yearly", args=[slug]),
        reverse("reports:yearly", args=[slug]) + "?ar=abc",
        reverse("dialogues:staff_detail", args=[slug, decided.pk]),
        reverse("dialogues:staff_evaluation", args=[slug, decided.pk]),
        *evaluated_staff_paths(slug),
    ]


def evaluated_staff_paths(slug):
    """The structured evaluation of an evaluated dialogue, and the year's evaluations in the overview and report."""
    evaluated = Dialogue.objects.filter(municipality__slug=slug, state=State.EVALUATED).first()
    return [
        reverse("dialogues:staff_evaluation", args=[slug, evaluated.pk]),
        reverse("dialogues:council_overview", args=[slug, evaluated.year]),
        reverse("reports:yearly", args=[slug]) + f"?ar={evaluated.year}",
    ]


def public_paths(slug):
    measure = Measure.objects.filter(dialogue__municipality__slug=slug).first()
    return [
        reverse("followup:implementation", args=[slug]),
        measure.dialogue.get_absolute_url(),
        Dialogue.objects.filter(municipality__slug=slug, state=State.EVALUATED).first().get_absolute_url(),
        reverse("opendata:page", args=[slug]),
    ]


def test_the_pages_that_close_the_loop_pass_axe(page, live_server, demo):
    from delaktig.decisionbasis.services import decision_basis_send

    basis = DecisionBasis.objects.filter(dialogue__municipality__slug=demo, status="done").first()
    decision_basis_send(basis=DecisionBasis.objects.get(pk=basis.pk), actor=None)  # the public page links it
    for path in [*public_paths(demo), basis.dialogue.get_absolute_url()]:
        open_checked(page, live_server.url, path)
    logged_in(page, demo_officer())
    for path in staff_paths(demo):
        open_checked(page, live_server.url, path)


def test_enter_in_the_measure_form_saves_and_the_search_button_only_finds(page, live_server, demo):
    measure = Measure.objects.filter(dialogue__municipality__slug=demo).first()
    logged_in(page, demo_officer())
    open_checked(page, live_server.url, reverse("followup:measure_create", args=[demo, measure.dialogue_id]))
    before = Measure.objects.count()
    page.fill("#id_title", "Fler papperskorgar")
    page.fill("#id_input_search", "lekplats")
    with page.expect_navigation():
        page.locator("button[name=find_inputs]").click()
    arrive(page)
    assert Measure.objects.count() == before  # finding saves nothing
    assert page.input_value("#id_title") == "Fler papperskorgar"
    page.focus("#id_title")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    arrive(page)
    assert Measure.objects.count() == before + 1 and Measure.objects.filter(title="Fler papperskorgar").exists()
