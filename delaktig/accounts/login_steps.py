"""A login in steps: the password, then (for some) a code. Until the last step passes nobody is logged in.

After the password the session holds only a *pending login* (who, where to go next, when); its key is changed
then and again at login (Django's login() cycles it), so a session id planted before cannot follow the person
in. A pending login lasts ten minutes and ends if the password changes meanwhile.

`AUTH_FACTORS` in the session says how the login was made: "password", "password+totp" or
"password+recovery_code"; "e-id" and "sso" for logins through a provider (identity.views), which has checked the
person itself; tests' force_login sets none. accounts.middleware.LoginChecksMiddleware only sends a session logged
in with a password alone to set up the app.
"""

import time

from django.contrib.auth import login
from django.shortcuts import redirect

from . import services_sessions as sessions
from . import services_twofactor as twofactor
from .links import account_url
from .models import User

BACKEND = "django.contrib.auth.backends.ModelBackend"
PENDING = "accounts_pending_login"
AUTH_FACTORS = "accounts_auth_factors"
PENDING_SECONDS = 10 * 60
NEW_CODES = "accounts_new_recovery_codes"  # shown once after set-up or renewal, removed when the person goes on
NEXT = "accounts_next_after_codes"


def second_step_needed(user):
    return twofactor.two_factor_enabled(user) or twofactor.two_factor_required(user)


def password_passed(request, user, next_url):
    """The password was right: log in, or ask for the second step (or its set-up) first."""
    if twofactor.two_factor_enabled(user):
        pending_start(request, user, next_url)
        return redirect(account_url("accounts:login_code", request.municipality))
    if twofactor.two_factor_required(user):
        pending_start(request, user, next_url)
        return redirect(account_url("accounts:two_factor_setup", request.municipality))
    login_complete(request, user, "password")
    return redirect(next_url)


def pending_start(request, user, next_url):
    request.session.cycle_key()
    request.session[PENDING] = {
        "user": user.pk,
        "hash": user.get_session_auth_hash(),
        "next": next_url,
        "at": time.time(),
    }


def pending_user(request):
    """The person half-way through logging in, or None (none, expired, password changed, account gone)."""
    pending = request.session.get(PENDING)
    if not isinstance(pending, dict) or time.time() - pending.get("at", 0) > PENDING_SECONDS:
        return None
    user = User.objects.filter(pk=pending.get("user"), is_active=True).first()
    if user is None or user.get_session_auth_hash() != pending.get("hash"):
        return None
    return user


def pending_next(request):
    return (request.session.get(PENDING) or {}).get("next") or account_url("accounts:my_pages", request.municipality)


def pending_clear(request):
    request.session.pop(PENDING, None)


def login_complete(request, user, factors):
    """Log `user` in (a new session key) and remember how."""
    login(request, user, backend=BACKEND)
    pending_clear(request)
    request.session[AUTH_FACTORS] = factors
    session_clock_start(request)


def session_clock_start(request):
    """Start the clock of LoginChecksMiddleware (timeouts) and note the open login for My pages
    (services_sessions): call it right after django.contrib.auth.login()."""
    request.session["accounts_session_started"] = request.session["accounts_session_seen"] = time.time()
    sessions.login_session_record(request, how=request.session.get(AUTH_FACTORS, ""))


def codes_to_show(request, codes, next_url):
    request.session[NEW_CODES] = codes
    request.session[NEXT] = next_url
