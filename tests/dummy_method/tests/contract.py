"""Data for the participation contract test, as every method provides it."""

from delaktig.accounts.tests.factories import UserFactory
from delaktig.participation.services import comment_create

from ..services import dummy_input_create, dummy_input_enter

URL_OBJECTS = {
    "input_id": ("dummy_method.DummyInput", "municipality"),
    "pk": ("dummy_method.DummyInput", "municipality"),
}


def contract_fixture(module):
    """Fill `module` with one of each kind of contribution; return the resident who made them."""
    resident = UserFactory(name="Kim Kontrakt")
    item = dummy_input_create(module=module, author=resident, title="Fler bänkar", text="Nära lekplatsen.")
    dummy_input_enter(module=module, entered_by=UserFactory(), title="Belysning", text="Mer ljus.")
    comment_create(target=item, dialogue=module.dialogue, author=resident, text="Håller med mig själv.")
    return resident
