"""While the database restarts, a municipality's page answers 503 "try again", never a 500."""

import pytest
from django.db import OperationalError

from delaktig.core import middleware

pytestmark = pytest.mark.django_db


def test_a_form_sent_while_the_database_restarts_gets_try_again(client, municipality, monkeypatch):
    def database_away(slug, *, cached):
        raise OperationalError("the database system is starting up")

    monkeypatch.setattr(middleware, "_municipality", database_away)
    response = client.post(f"/{municipality.slug}/dialoger/", {"q": "x"})
    assert response.status_code == 503 and response["Retry-After"] == "30"
    page = response.content.decode()
    assert "Försök igen om en stund" in page and f'href="/{municipality.slug}/dialoger/"' in page
