"""Sessions: a change to an existing session is saved in one statement, and everything else is Django's."""

import pytest
from django.contrib.sessions.backends.base import UpdateError
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext

from delaktig.core.sessions.cached_db import SessionStore as CachedStore
from delaktig.core.sessions.db import SessionStore

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("store", [SessionStore, CachedStore])
def test_a_new_session_is_stored_and_a_change_to_it_is_one_update(store):
    session = store()
    session["answers"] = {"1": "ja"}
    session.save()
    assert Session.objects.filter(session_key=session.session_key).exists()
    again = store(session.session_key)
    again["answers"] = {"1": "nej", "2": "kanske"}
    with CaptureQueriesContext(connection) as queries:
        again.save()
    assert [q["sql"].split()[0] for q in queries.captured_queries] == ["UPDATE"]
    assert SessionStore(session.session_key).load() == {"answers": {"1": "nej", "2": "kanske"}}


def test_a_session_removed_meanwhile_is_not_brought_back():
    session = SessionStore()
    session["a"] = 1
    session.save()
    Session.objects.filter(session_key=session.session_key).delete()
    session["a"] = 2
    with pytest.raises(UpdateError):  # the session middleware answers this as Django does
        session.save()
    assert not Session.objects.exists()


def test_the_site_uses_these_sessions(settings, client, municipality):
    from delaktig.accounts.tests.factories import UserFactory

    assert settings.SESSION_ENGINE == "delaktig.core.sessions.db"
    client.force_login(UserFactory(email="rut@example.se"))
    assert client.get("/konto/mina-sidor/", follow=True).status_code == 200
