"""Someone logged in with a password alone who must use two-step verification (a role given after they logged
in, or an app an administrator reset) sets up the app before anything else."""

from django.contrib.auth import logout
from django.shortcuts import redirect

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
