"""Checks on a login each time a page asks who is logged in: the login ends after a time (ASVS 3.3.2), and someone
logged in with a password alone who must use two-step verification (a role given after they logged in, or an app
an administrator reset) sets up the app before anything else.

The checks run when the page first reads `request.user`, not before: pages built not to read the session (a
signature, a ballot, a survey's answers, the public count) stay that way.
"""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.models import AnonymousUser
from django.shortcuts import redirect
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from . import login_steps as steps
from . import services_twofactor as twofactor
from .links import account_url

# What someone who must set up the app may still open: the set-up itself, its QR code, the codes shown after it,
# and the login pages and logging out.
ALLOWED = frozenset(
    {"two_factor_setup", "two_factor_qr", "recovery_codes_show", "logout", "login", "login_code", "login_recovery"}
)
STARTED, SEEN = "accounts_session_started", "accounts_session_seen"
SEEN_PRECISION = 60  # seconds: the last request's time is written at most once a minute
SETUP_NEEDED = "_accounts_two_factor_setup_needed"


class LoginChecksMiddleware:
    """After AuthenticationMiddleware (and MunicipalityMiddleware, so a redirect stays under the municipality)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, SETUP_NEEDED, False):
            municipality = getattr(request, "municipality", None)
            return redirect(account_url("accounts:two_factor_setup", municipality))
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        found = request.user  # Django's lazy user, not read yet
        request.user = SimpleLazyObject(lambda: _checked(request, found))


def _checked(request, user):
    if not user.is_authenticated:
        return user
    if _timed_out(request):
        request.session.flush()
        messages.info(request, _("You have been logged out because a while has passed. Log in again."))
        return AnonymousUser()
    if request.session.get(steps.AUTH_FACTORS) != "password" or _allowed(request):
        return user
    if not twofactor.two_factor_required(user):
        return user
    if twofactor.two_factor_enabled(user):  # set up in another session: log in again, with the code
        request.session.flush()
        return AnonymousUser()
    setattr(request, SETUP_NEEDED, True)  # the page is answered by a redirect to the set-up
    return AnonymousUser()


def _allowed(request):
    match = request.resolver_match
    return match is not None and match.namespace == "accounts" and match.url_name in ALLOWED


def _timed_out(request):
    """The login's clock (login_steps.session_clock_start) has run out; else note this request's time."""
    started, seen = request.session.get(STARTED), request.session.get(SEEN)
    if started is None or seen is None:  # a login that did not start the clock (force_login in tests)
        return False
    now = time.time()
    if now - started > settings.SESSION_ABSOLUTE_TIMEOUT or now - seen > settings.SESSION_IDLE_TIMEOUT:
        return True
    if now - seen > SEEN_PRECISION:
        request.session[SEEN] = now
    return False
