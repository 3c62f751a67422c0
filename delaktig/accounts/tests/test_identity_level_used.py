"""The identity level an action used: the helper every service asks, and how My pages and my data show it."""

import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from delaktig.accounts import hookspecs as account_hooks
from delaktig.accounts.models import IdentityLevel
from delaktig.accounts.selectors import contribution_item
from delaktig.accounts.services import identity_level_of, personal_data_collect
from delaktig.accounts.tests.factories import UserFactory

from .helpers import my_pages, row_of

pytestmark = pytest.mark.django_db


def test_the_level_of_an_action_is_the_persons_now_and_none_without_an_account():
    assert identity_level_of(UserFactory(identity_level=IdentityLevel.SUBSTANTIAL)) == IdentityLevel.SUBSTANTIAL
    assert identity_level_of(AnonymousUser()) == identity_level_of(None) == IdentityLevel.NONE


def test_a_row_names_its_level_in_words_and_old_rows_say_not_recorded():
    assert contribution_item({"title": "A", "identity_level": IdentityLevel.EMAIL})["identity_level_text"] == (
        "Bekräftad e-postadress"
    )
    assert contribution_item({"title": "B", "identity_level": None})["identity_level_text"] == "Inte registrerad"
    assert contribution_item({"title": "C"})["identity_level_text"] == ""  # no action that counts (a follow)


def rows_for(user):
    return {
        "Underskrifter": [
            {
                "title": "Fler bänkar",
                "status_text": "Räknas",
                "status_detail": "Beslutat",
                "identity_level": IdentityLevel.SUBSTANTIAL,
                "url": "/forslag/1/",
            }
        ]
    }


def test_my_pages_show_status_detail_and_level_in_a_table_with_headings(client):
    rut = UserFactory()
    with account_hooks.my_contributions.temporarily(rows_for):
        html = my_pages(client, rut)
    assert '<th scope="col">Identitetsnivå</th>' in html
    row = row_of(html, "Fler bänkar")
    assert "Räknas" in row and "Beslutat" in row and "E-legitimation" in row
    assert 'href="/forslag/1/"' in html


def test_my_data_gives_each_level_as_number_and_words():
    rut = UserFactory()
    with account_hooks.personal_data.temporarily(rows_for):
        row = personal_data_collect(user=rut)["activity"]["Underskrifter"][0]
    assert row["identity_level"] == IdentityLevel.SUBSTANTIAL and row["identity_level_text"] == "E-legitimation"


def many_rows(user):
    return {
        "Inspel": [
            {"title": f"Inspel nummer {n:02}", "created": f"2026-03-{n:02}T10:00:00+00:00", "identity_level": 1}
            for n in range(1, 26)
        ]
    }


def test_a_long_kind_shows_the_latest_first_and_a_link_shows_them_all(client):
    from delaktig.accounts.selectors import SHOWN_PER_KIND

    rut = UserFactory()
    with account_hooks.my_contributions.temporarily(many_rows):
        html = my_pages(client, rut)
        assert html.index("Inspel nummer 25") < html.index("Inspel nummer 24")
        assert "Inspel nummer 01" not in html and f"De {SHOWN_PER_KIND} senaste av 25 visas." in html
        client.force_login(rut)
        link = re.search(r'href="(\?alla=\d+)#slag-\d+"', html).group(1)
        everything = client.get(reverse("accounts:my_pages") + link).content.decode()
        assert "Inspel nummer 01" in everything
        assert client.get(reverse("accounts:my_pages") + "?alla=x").status_code == 200
