"""Someone logged in with a password alone who must use two-step verification (a role given after they logged
in, or an app an administrator reset) sets up the app before anything else; and a login ends after a time."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import SESSION_KEY, logout
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from . import login_steps as steps
from . import services_twofactor as twofactor
from .links import account_url

# What such a person may still open: the set-up itself, its QR code, the codes shown after it, logging out.
ALLOWED = frozenset(
    {"two_factor_setup", "two_factor_qr", "recovery_codes_show", "logout", "login", "login_code", "login_recovery"}
)


class TwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        # The session first: a visitor without one costs nothing, and only password logins are looked at.
        if request.session.get(steps.AUTH_FACTORS) != "password" or not request.user.is_authenticated:
            return None
        match = request.resolver_match
        if match is not None and match.namespace == "accounts" and match.url_name in ALLOWED:
            return None
        if not twofactor.two_factor_required(request.user):
            return None
        municipality = getattr(request, "municipality", None)
        if twofactor.two_factor_enabled(request.user):  # set up in another session: log in again with a code
            logout(request)
            return redirect(account_url("accounts:login", municipality))
        return redirect(account_url("accounts:two_factor_setup", municipality))


STARTED, SEEN = "accounts_session_started", "accounts_session_seen"
SEEN_PRECISION = 60  # seconds: the last request's time is written at most once a minute


class SessionTimeoutMiddleware:
    """A login ends SESSION_ABSOLUTE_TIMEOUT after it began and SESSION_IDLE_TIMEOUT after the last request
    (ASVS 3.3.2). The request then goes on as a visitor's, with a message; a page that needs a login asks again.

    The clock starts at login_steps.session_clock_start(), which every way of logging in calls (the login form,
    its second step, a confirmation link); a login by single sign-on or e-ID must call it too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if SESSION_KEY in request.session:  # a visitor without a login costs nothing here
            self._check(request)
        return self.get_response(request)

    def _check(self, request):
        now = time.time()
        started, seen = request.session.get(STARTED), request.session.get(SEEN)
        if started is None or seen is None:  # a login that did not start the clock (force_login in tests)
            return
        if now - started > settings.SESSION_ABSOLUTE_TIMEOUT or now - seen > settings.SESSION_IDLE_TIMEOUT:
            logout(request)
            messages.info(request, _("You have been logged out because a while has passed. Log in again."))
            return
        if now - seen > SEEN_PRECISION:
            request.session[SEEN] = now
