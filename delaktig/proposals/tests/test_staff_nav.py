"""Links to proposals: in the public main menu when the municipality offers them, and in the staff menu."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from delaktig.core.context_processors import main_nav_items
from delaktig.organisations.models import Role
from delaktig.proposals.selectors import settings_for

pytestmark = pytest.mark.django_db


def home(client, municipality):
    return client.get(reverse("core:home", args=[municipality.slug])).content.decode()


def link(municipality):
    return f'href="{reverse("proposals:list", args=[municipality.slug])}"'


def test_e_petitions_are_offered_by_default_and_linked(client, municipality):
    assert link(municipality) in home(client, municipality)


def test_no_link_when_nothing_is_offered(client, municipality):
    rules = settings_for(municipality)
    rules.epetitions_enabled = False
    rules.save()
    assert link(municipality) not in home(client, municipality)


@pytest.mark.parametrize(("days", "shown"), [(-1, True), (0, True), (5, False)])
def test_citizen_proposals_alone_are_linked_from_their_start_date(client, municipality, days, shown):
    rules = settings_for(municipality)
    rules.epetitions_enabled = False
    rules.citizen_proposals_enabled = True
    rules.citizen_proposals_from = timezone.localdate() + datetime.timedelta(days=days)
    rules.save()
    assert (link(municipality) in home(client, municipality)) is shown


def test_no_items_outside_a_municipality(rf):
    request = rf.get("/")
    assert main_nav_items(request) == []


def test_the_staff_menu_links_to_the_proposals_workspace(client, municipality, staff):
    client.force_login(staff[Role.OFFICER])
    html = client.get(reverse("dialogues:staff_dashboard", args=[municipality.slug])).content.decode()
    assert f'href="{reverse("proposals:staff_list", args=[municipality.slug])}"' in html
