"""Data for the participation contract test (docs/adding-a-method.md, section 5)."""

import datetime

from delaktig.accounts.tests.factories import UserFactory
from delaktig.forums.tests.factories import ForumFactory
from delaktig.methods.forum_consultation import services
from delaktig.organisations.models import Role
from delaktig.organisations.tests.factories import MembershipFactory

URL_OBJECTS: dict = {}  # the staff pages name no object of their own beyond the dialogue and the module


def contract_fixture(module):
    """The forum chosen and its statement recorded; returns the account that recorded it on the forum's behalf."""
    officer = UserFactory(name="Signe Sekreterare")
    MembershipFactory(user=officer, municipality=module.dialogue.municipality, role=Role.OFFICER)
    forum = ForumFactory(municipality=module.dialogue.municipality)
    services.forum_choose(module=module, forum=forum, actor=officer)
    services.statement_record(
        module=module, actor=officer, given_on=datetime.date(2026, 3, 20), text="Rådet vill ha fler mötesplatser."
    )
    return officer
