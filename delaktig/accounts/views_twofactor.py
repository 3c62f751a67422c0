"""Two-step verification: the second login step, setting up the app, recovery codes, and My pages' settings.

Every page works under /konto/ and under a municipality's /<kommun>/konto/ (links.py).
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from delaktig.core import ratelimit

from . import hookspecs as account_hooks
from . import limits
from . import login_steps as steps
from . import services_sessions as sessions
from . import services_twofactor as twofactor
from .forms_twofactor import THROTTLED, CodeForm, PasswordAgainForm, RecoveryCodeForm
from .links import account_url, login_required
from .services_credentials import PasswordChecker

FEW_CODES_LEFT = 3
SETUP_SECRET = "accounts_two_factor_setup"  # {"user": id, "secret": …} while this session sets up an app


def _posted(request):
    return request.POST if request.method == "POST" else None


def _url(request, name):
    return account_url(name, request.municipality)


def _start_again(request):
    messages.info(request, _("Your login was not finished in time. Log in again."))
    return redirect(_url(request, "accounts:login"))


def _blocked(request, user):
    ip = ratelimit.client_ip(request)
    return ratelimit.reached("second-step", user.pk, "", limit=limits.SECOND_STEP_LIMIT) or ratelimit.reached(
        "second-step-ip", "", ip, limit=limits.SECOND_STEP_IP_LIMIT
    )


def _failed(request, user):
    ratelimit.hit("second-step", user.pk, "", window=limits.SECOND_STEP_WINDOW)
    ratelimit.hit("second-step-ip", "", ratelimit.client_ip(request), window=limits.SECOND_STEP_WINDOW)


def _throttled(form):
    form.add_error(None, ValidationError(THROTTLED, code="throttled"))


def _aids(request, user):
    """Help shown on the second step by other apps (the demo shows its accounts' current code)."""
    found = []
    for hook in account_hooks.login_code_aid.implementations():
        aid = hook(request, user)
        if aid:
            found.append(aid)
    return found


@never_cache
@require_http_methods(["GET", "POST"])
def login_code(request):
    user = steps.pending_user(request)
    if user is None:
        return _start_again(request)
    if not twofactor.two_factor_enabled(user):
        return redirect(_url(request, "accounts:two_factor_setup"))
    form, status = CodeForm(_posted(request)), 200
    if request.method == "POST" and form.is_valid():
        if _blocked(request, user):
            _throttled(form)
            status = 429
        elif twofactor.code_verify(user=user, code=form.cleaned_data["code"]):
            ratelimit.clear("second-step", user.pk, "")
            next_url = steps.pending_next(request)
            steps.login_complete(request, user, "password+totp")
            return redirect(next_url)
        else:
            _failed(request, user)
            form.add_error("code", _("The code is not right. Write the code the app shows now: it changes often."))
    context = {"form": form, "aids": _aids(request, user)}
    return render(request, "accounts/login_code.html", context, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
def login_recovery(request):
    user = steps.pending_user(request)
    if user is None:
        return _start_again(request)
    form, status = RecoveryCodeForm(_posted(request)), 200
    if request.method == "POST" and form.is_valid():
        if _blocked(request, user):
            _throttled(form)
            status = 429
        elif twofactor.recovery_code_use(user=user, code=form.cleaned_data["code"], municipality=request.municipality):
            ratelimit.clear("second-step", user.pk, "")
            next_url = steps.pending_next(request)
            steps.login_complete(request, user, "password+recovery_code")
            _codes_left_message(request, user)
            return redirect(next_url)
        else:
            _failed(request, user)
            form.add_error("code", _("The recovery code is not right, or it has been used. Check it and try again."))
    return render(request, "accounts/login_recovery.html", {"form": form}, status=status)


def _codes_left_message(request, user):
    left = twofactor.recovery_codes_left(user=user)
    text = ngettext(
        "You logged in with a recovery code. You have %(count)d code left.",
        "You logged in with a recovery code. You have %(count)d codes left.",
        left,
    ) % {"count": left}
    if left <= FEW_CODES_LEFT:
        text += " " + _("Make new recovery codes on My pages under “Two-step verification”.")
        messages.warning(request, text)
    else:
        messages.success(request, text)


def _person_setting_up(request):
    """(person, during_login): who is setting up the app, half-way through logging in or logged in already."""
    user = steps.pending_user(request)
    if user is not None:
        return user, True
    if request.user.is_authenticated:
        return request.user, False
    return None, False


@never_cache
@require_http_methods(["GET", "POST"])
def two_factor_setup(request):
    user, during_login = _person_setting_up(request)
    if user is None:
        return _start_again(request)
    if twofactor.two_factor_enabled(user):
        if during_login:
            return redirect(_url(request, "accounts:login_code"))
        messages.info(request, _("Two-step verification is already on."))
        return redirect(_url(request, "accounts:two_factor"))
    secret = _setup_secret(request, user)
    form, status = CodeForm(_posted(request)), 200
    if request.method == "POST" and form.is_valid():
        if _blocked(request, user):
            _throttled(form)
            status = 429
        elif codes := twofactor.setup_confirm(
            user=user, secret=secret, code=form.cleaned_data["code"], municipality=request.municipality
        ):
            request.session.pop(SETUP_SECRET, None)
            return _set_up(request, user, codes, during_login)
        else:
            _failed(request, user)
            form.add_error(
                "code", _("The code is not right. Check that the app shows Delaktig and write its code now.")
            )
    context = {
        "form": form,
        "secret": twofactor.secret_for_reading(secret),
        "required": twofactor.two_factor_required(user),
        "during_login": during_login,
    }
    return render(request, "accounts/two_factor_setup.html", context, status=status)


def _set_up(request, user, codes, during_login):
    ratelimit.clear("second-step", user.pk, "")
    if during_login:
        next_url = steps.pending_next(request)
        steps.login_complete(request, user, "password+totp")
    else:
        next_url = _url(request, "accounts:two_factor")
        if request.session.get(steps.AUTH_FACTORS) == "password":
            request.session[steps.AUTH_FACTORS] = "password+totp"
    steps.codes_to_show(request, codes, next_url)
    messages.success(request, _("Two-step verification is on."))
    return redirect(_url(request, "accounts:recovery_codes_show"))


def _setup_secret(request, user):
    """The secret of the app this session is setting up for `user` (new for each session and person)."""
    kept = request.session.get(SETUP_SECRET)
    if not isinstance(kept, dict) or kept.get("user") != user.pk:
        kept = {"user": user.pk, "secret": twofactor.setup_secret_new()}
        request.session[SETUP_SECRET] = kept
    return kept["secret"]


@never_cache
@require_GET
def two_factor_qr(request):
    """The QR code of the app being set up, as an SVG image (the page shows it with <img>: no inline script)."""
    user, _during_login = _person_setting_up(request)
    kept = request.session.get(SETUP_SECRET)
    if user is None or not isinstance(kept, dict) or kept.get("user") != user.pk:
        raise Http404("No set-up in progress")
    response = HttpResponse(twofactor.qr_svg(kept["secret"], user.email), content_type="image/svg+xml")
    response["Cache-Control"] = "no-store"
    return response


@never_cache
@require_http_methods(["GET", "POST"])
@login_required
def recovery_codes_show(request):
    codes = request.session.get(steps.NEW_CODES)
    if not codes:
        return redirect(_url(request, "accounts:two_factor"))
    if request.method == "POST":
        request.session.pop(steps.NEW_CODES, None)
        return redirect(request.session.pop(steps.NEXT, None) or _url(request, "accounts:two_factor"))
    return render(request, "accounts/recovery_codes.html", {"codes": codes})


@require_GET
@login_required
def two_factor(request):
    user = request.user
    context = {
        "enabled": twofactor.two_factor_enabled(user),
        "required": twofactor.two_factor_required(user),
        "codes_left": twofactor.recovery_codes_left(user=user),
    }
    return render(request, "accounts/two_factor.html", context)


def _password_again(request):
    checker = PasswordChecker(user=request.user, ip=ratelimit.client_ip(request))
    return PasswordAgainForm(_posted(request), user=request.user, checker=checker)


@require_http_methods(["GET", "POST"])
@login_required
def two_factor_off(request):
    if not twofactor.two_factor_enabled(request.user):
        return redirect(_url(request, "accounts:two_factor"))
    required = twofactor.two_factor_required(request.user)
    form = _password_again(request)
    if request.method == "POST" and form.is_valid():
        twofactor.two_factor_off(user=request.user, municipality=request.municipality)
        if required:
            messages.info(request, _("Set up the app on your new phone now."))
            return redirect(_url(request, "accounts:two_factor_setup"))
        messages.success(request, _("Two-step verification is off. You log in with your password only."))
        return redirect(_url(request, "accounts:two_factor"))
    return render(request, "accounts/two_factor_off.html", {"form": form, "required": required})


@require_http_methods(["GET", "POST"])
@login_required
def recovery_codes_new(request):
    if not twofactor.two_factor_enabled(request.user):
        return redirect(_url(request, "accounts:two_factor"))
    form = _password_again(request)
    if request.method == "POST" and form.is_valid():
        codes = twofactor.recovery_codes_create(user=request.user, municipality=request.municipality)
        steps.codes_to_show(request, codes, _url(request, "accounts:two_factor"))
        messages.success(request, _("You have new recovery codes. The old ones no longer work."))
        return redirect(_url(request, "accounts:recovery_codes_show"))
    return render(request, "accounts/recovery_codes_new.html", {"form": form})


@require_http_methods(["GET", "POST"])
@login_required
def login_sessions(request):
    """The person's open logins, and a way to end every other one (OWASP ASVS 3.3.4): the password again first,
    for an account that has one (one made with e-ID has none)."""
    current = request.session.session_key
    form = _password_again(request) if request.user.has_usable_password() else None
    if request.method == "POST" and (form is None or form.is_valid()):
        ended = sessions.login_sessions_end_others(user=request.user, keep=current, municipality=request.municipality)
        messages.success(
            request,
            ngettext("%(count)d other login was ended.", "%(count)d other logins were ended.", ended)
            % {"count": ended},
        )
        return redirect(_url(request, "accounts:login_sessions"))
    rows = sessions.login_sessions_of(request.user)
    context = {"rows": rows, "current": current, "form": form, "others": any(r.session_key != current for r in rows)}
    return render(request, "accounts/login_sessions.html", context)
