"""Data for the participation contract test (see docs/adding-a-method.md)."""

from delaktig.accounts.tests.factories import UserFactory
from delaktig.participation.models import ModerationStatus

from ..models import Choice
from ..services import statement_create, statement_seed, vote_cast

# What the ids in the statements' URLs name, and how each reaches its municipality (test_foreign_ids)
URL_OBJECTS = {"statement_id": ("statements.Statement", "municipality")}


def contract_fixture(module):
    """Fill `module` with one of each kind of contribution; return the resident who made them."""
    resident = UserFactory(name="Kim Kontrakt")
    staff = UserFactory()
    seeded = statement_seed(module=module, text="Centrum behöver fler bänkar.", actor=staff)
    statement_create(module=module, author=resident, text="Torget ska vara bilfritt.")
    vote_cast(statement=seeded, user=resident, choice=Choice.AGREE)
    assert seeded.status == ModerationStatus.PUBLISHED
    return resident
