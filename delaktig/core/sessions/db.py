"""SESSION_ENGINE = "delaktig.core.sessions.db": sessions in the database (see the package)."""

from django.contrib.sessions.backends import db
from django.contrib.sessions.backends.base import UpdateError


class SessionStore(db.SessionStore):
    def save(self, must_create=False):
        if must_create or self.session_key is None:
            return super().save(must_create=must_create)
        data = self._get_session()
        changed = self.model.objects.filter(session_key=self.session_key).update(
            session_data=self.encode(data), expire_date=self.get_expiry_date()
        )
        if not changed:  # the session was removed meanwhile (logged out elsewhere): as Django's forced update
            raise UpdateError
        return None
