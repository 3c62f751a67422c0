"""Data for the participation contract test (see docs/adding-a-method.md)."""

from delaktig.accounts.tests.factories import UserFactory
from delaktig.participation.models import Channel
from delaktig.participation.services import comment_create

from ..services import input_create, input_enter_offline, support_toggle

# What the ids in open input's URLs name, and how each reaches its municipality (organisations/tests/test_foreign_ids)
URL_OBJECTS = {
    "pk": ("open_input.Input", "municipality"),
    "input_id": ("open_input.Input", "municipality"),
}


def contract_fixture(module):
    """Fill `module` with one of each kind of contribution; return the resident who made them."""
    resident = UserFactory(name="Kim Kontrakt")
    staff = UserFactory()
    item = input_create(module=module, author=resident, title="Fler bänkar", text="Nära lekplatsen.")
    input_enter_offline(module=module, entered_by=staff, channel=Channel.PAPER, title="Belysning", text="Mer ljus.")
    comment_create(target=item, dialogue=module.dialogue, author=resident, text="Håller med mig själv.")
    support_toggle(item=item, user=resident)
    return resident
