"""The identity level an input and a comment were written with: stored with them, shown on My pages with what
happened to them (published, or removed by a moderator and why)."""

import pytest

from delaktig.accounts.models import IdentityLevel
from delaktig.accounts.services import identity_level_raise
from delaktig.accounts.tests.factories import UserFactory
from delaktig.accounts.tests.helpers import my_pages, my_pages_queries, row_of
from delaktig.participation.models import ModerationReason
from delaktig.participation.services import comment_create, moderate

from ..services import input_create

pytestmark = pytest.mark.django_db


def write(module, author, title):
    return input_create(module=module, author=author, title=title, text=f"{title}: mer om saken.")


def test_an_input_and_a_comment_keep_the_level_their_writer_had(module):
    rut = UserFactory(identity_level=IdentityLevel.EMAIL)
    item = write(module, rut, "Fler bänkar vid älven")
    comment = comment_create(target=item, dialogue=module.dialogue, author=rut, text="Och papperskorgar")
    identity_level_raise(user=rut, level=IdentityLevel.SUBSTANTIAL)
    item.refresh_from_db()
    comment.refresh_from_db()
    assert item.identity_level == comment.identity_level == IdentityLevel.EMAIL


def test_my_pages_show_a_removed_input_with_the_reason_and_the_level(client, municipality, module, staff):
    rut = UserFactory(identity_level=IdentityLevel.EMAIL)
    kept = write(module, rut, "Belys gångvägen")
    removed = write(module, rut, "Köp min bil")
    moderate(item=removed, actor=staff["moderator"], publish=False, reason=ModerationReason.ADVERTISING)
    html = my_pages(client, rut, municipality)
    assert "Publicerad" in row_of(html, "Belys gångvägen") and kept.get_absolute_url() in html
    row = row_of(html, "Köp min bil")
    assert "Borttagen" in row and "Reklam" in row and "Bekräftad e-postadress" in row


def test_an_input_from_before_the_level_was_kept_says_so(client, municipality, module):
    rut = UserFactory()
    item = write(module, rut, "Gammalt inspel")
    type(item).objects.filter(pk=item.pk).update(identity_level=None)
    assert "Inte registrerad" in row_of(my_pages(client, rut, municipality), "Gammalt inspel")


def test_my_pages_take_as_many_queries_for_many_inputs_and_comments_as_for_one(client, municipality, module):
    rut = UserFactory()
    item = write(module, rut, "Första")
    comment_create(target=item, dialogue=module.dialogue, author=rut, text="En kommentar")
    one = my_pages_queries(client, rut, municipality)
    for n in range(3):
        item = write(module, rut, f"Inspel {n}")
        comment_create(target=item, dialogue=module.dialogue, author=rut, text=f"Kommentar {n}")
    assert my_pages_queries(client, rut, municipality) == one
