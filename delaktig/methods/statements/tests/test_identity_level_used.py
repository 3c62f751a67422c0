"""The identity level a statement was written with: stored with it and shown on My pages."""

import pytest

from delaktig.accounts.models import IdentityLevel
from delaktig.accounts.services import identity_level_raise
from delaktig.accounts.tests.factories import UserFactory
from delaktig.accounts.tests.helpers import my_pages, row_of

from ..services import statement_create

pytestmark = pytest.mark.django_db


def test_a_statement_keeps_the_level_of_its_writer_and_shows_it(client, municipality, module):
    rut = UserFactory(identity_level=IdentityLevel.EMAIL)
    statement = statement_create(module=module, author=rut, text="Fler cykelställ vid stationen.")
    identity_level_raise(user=rut, level=IdentityLevel.SUBSTANTIAL)
    statement.refresh_from_db()
    assert statement.identity_level == IdentityLevel.EMAIL
    row = row_of(my_pages(client, rut, municipality), "Fler cykelställ")
    assert "Publicerad" in row and "Bekräftad e-postadress" in row
