"""The logins a person has open (models.LoginSession): recorded at each login, listed on My pages, ended there.

A session can end without its row knowing (it expired, a new password ended the others, the store lost it): the
list asks the session store whether each one still exists and forgets those that do not.
"""

from datetime import timedelta
from importlib import import_module

from django.conf import settings
from django.contrib.auth.signals import user_logged_out
from django.db import transaction
from django.utils import timezone

from .models import LoginSession, User
from .services_credentials import audit_in_places

BROWSER_LENGTH = 200


def _store():
    return import_module(settings.SESSION_ENGINE).SessionStore


def login_session_record(request, how=""):
    """Note the login `request` has just made (call after django.contrib.auth.login())."""
    if request.session.session_key is None:
        request.session.save()
    too_old = timezone.now() - timedelta(seconds=settings.SESSION_ABSOLUTE_TIMEOUT)
    LoginSession.objects.filter(user=request.user, started_at__lt=too_old).delete()  # ended by the clock anyway
    LoginSession.objects.update_or_create(
        session_key=request.session.session_key,
        defaults={
            "user": request.user,
            "how": how or "",
            "browser": request.META.get("HTTP_USER_AGENT", "")[:BROWSER_LENGTH],
        },
    )


def login_sessions_of(user: User) -> list[LoginSession]:
    """The person's logins that are still open, newest first."""
    store = _store()
    rows: list[LoginSession] = []
    gone: list[LoginSession] = []
    for row in LoginSession.objects.filter(user=user):
        (rows if store().exists(row.session_key) else gone).append(row)
    if gone:
        LoginSession.objects.filter(pk__in=[row.pk for row in gone]).delete()
    return rows


@transaction.atomic
def login_sessions_end_others(*, user: User, keep: str, municipality=None) -> int:
    """End every open login of `user` but the session `keep`; returns how many were ended."""
    others = list(LoginSession.objects.filter(user=user).exclude(session_key=keep))
    store = _store()
    for row in others:
        store(session_key=row.session_key).delete()
    LoginSession.objects.filter(pk__in=[row.pk for row in others]).delete()
    audit_in_places(user, municipality, "account.sessions_ended")
    return len(others)


def _forget_at_logout(sender, request, user, **kwargs):
    key = getattr(getattr(request, "session", None), "session_key", None)
    if key:
        LoginSession.objects.filter(session_key=key).delete()


user_logged_out.connect(_forget_at_logout, dispatch_uid="accounts.login_session_forget")
