"""SESSION_ENGINE = "delaktig.core.sessions.cached_db": sessions read from the cache, written to both (see the
package)."""

from django.contrib.sessions.backends import cached_db

from . import db


class SessionStore(cached_db.SessionStore, db.SessionStore):
    """Django's cached_db, whose write to the database is the one UPDATE of db.SessionStore."""
