"""Residents' accounts: log in and out, create an account, confirm the e-mail address, My pages, my data, erasure."""

from django.contrib import messages
from django.contrib.auth import login, logout
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import Resolver404, resolve, reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from delaktig.accounts import hookspecs as account_hooks
from delaktig.core import ratelimit

from . import limits, login_steps, selectors, services, services_twofactor
from .forms import DeleteAccountForm, LoginForm, RegisterForm, ResendConfirmationForm
from .links import account_url, login_required
from .services_credentials import PasswordChecker

BACKEND = "django.contrib.auth.backends.ModelBackend"
SESSION_EMAIL = "accounts_registered_email"


def _posted(request):
    return request.POST if request.method == "POST" else None


def safe_next(request, default="accounts:my_pages"):
    """The `next` address if it stays on this site; `default` otherwise."""
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return default


@require_http_methods(["GET", "POST"])
def login_view(request):
    if moved := _under_the_municipality_of_next(request, "accounts:login"):
        return moved
    form = LoginForm(_posted(request), request=request)
    if request.method == "POST" and form.is_valid():
        return login_steps.password_passed(request, form.user, safe_next(request))
    next_url = safe_next(request, default="")
    options = [
        option for hook in account_hooks.login_options.implementations() for option in hook(request, next_url) or ()
    ]
    return render(request, "accounts/login.html", {"form": form, "next": next_url, "login_options": options})


def _under_the_municipality_of_next(request, name):
    """A plain /konto/ page asked for from a municipality's page (?next=/hagfors/…) moves to /hagfors/konto/…,
    so it keeps that municipality's header and menu, and so does everything after it."""
    if request.method != "GET" or request.municipality is not None:
        return None
    next_url = safe_next(request, default="")
    try:
        slug = resolve(next_url.split("?")[0]).kwargs.get("municipality_slug") if next_url.startswith("/") else None
    except Resolver404:
        slug = None
    return redirect(f"{reverse(name, args=[slug])}?{request.GET.urlencode()}") if slug else None


@require_POST
def logout_view(request):
    logout(request)
    messages.success(request, _("You are now logged out."))
    return redirect(safe_next(request, default="core:root"))


@require_POST
def keep_alive(request):
    """Someone is typing in a form (static/js/delaktig.js says so every few minutes): reading request.user lets
    LoginChecksMiddleware note the time, so the idle timeout counts from the last keystroke, not the last page."""
    request.user.is_authenticated  # noqa: B018  (the read is the point)
    return HttpResponse(status=204)


@require_http_methods(["GET", "POST"])
def register(request):
    form = RegisterForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.user_register(
            name=data["name"], email=data["email"], password=data["password1"], municipality=request.municipality
        )
        request.session[SESSION_EMAIL] = data["email"]
        return redirect(account_url("accounts:register_done", request.municipality))
    return render(request, "accounts/register.html", {"form": form})


@require_GET
def register_done(request):
    return render(request, "accounts/register_done.html", {"email": request.session.get(SESSION_EMAIL, "")})


@require_http_methods(["GET", "POST"])
def confirm_email(request, token):
    """GET shows a button; POST uses the link. Mail scanners that follow links therefore cannot use it up."""
    try:
        user = (
            services.email_confirm(token=token)
            if request.method == "POST"
            else services.confirmation_check(token=token)
        )
    except services.ConfirmationError as error:
        status = 200 if error.reason == "used" else 400
        return render(request, "accounts/confirm_failed.html", {"reason": error.reason}, status=status)
    if request.method == "GET":
        return render(request, "accounts/confirm_email.html", {"email": user.email})
    if login_steps.second_step_needed(user):  # the link stands in for the password; the code is still asked for
        messages.success(request, _("Thank you! Your e-mail address is confirmed."))
        return login_steps.password_passed(request, user, account_url("accounts:my_pages", request.municipality))
    login(request, user, backend=BACKEND)
    login_steps.session_clock_start(request)
    messages.success(request, _("Thank you! Your e-mail address is confirmed and you are logged in."))
    return redirect(account_url("accounts:my_pages", request.municipality))


@require_http_methods(["GET", "POST"])
def resend_confirmation(request):
    form = ResendConfirmationForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        ip = ratelimit.client_ip(request)
        if _resend_throttled(email, ip):
            # The same answer for every address, with an account or without: it tells nobody which exist.
            form.add_error(None, _("You have asked for too many links. Wait an hour and try again."))
            return render(request, "accounts/resend_confirmation.html", {"form": form}, status=429)
        services.confirmation_resend(email=email, municipality=request.municipality)
        request.session[SESSION_EMAIL] = email
        return redirect(account_url("accounts:register_done", request.municipality))
    return render(request, "accounts/resend_confirmation.html", {"form": form})


def _resend_throttled(email, ip):
    """Count one request for a confirmation link; True when the address, or the IP address, has had enough."""
    if ratelimit.reached("resend", email, ip, limit=limits.RESEND_LIMIT) or ratelimit.reached(
        "resend-ip", "", ip, limit=limits.RESEND_IP_LIMIT
    ):
        return True
    ratelimit.hit("resend", email, ip, window=limits.RESEND_WINDOW)
    ratelimit.hit("resend-ip", "", ip, window=limits.RESEND_WINDOW)
    return False


@require_GET
@login_required
def my_pages(request):
    user = request.user
    context = {
        "sections": _hook_sections(request),
        "contributions": selectors.contribution_sections(user=user, full=request.GET.get("alla")),
        "memberships": user.memberships.select_related("municipality", "body", "department"),
        "two_factor_enabled": services_twofactor.two_factor_enabled(user),
    }
    return render(request, "accounts/my_pages.html", context)


def _hook_sections(request):
    """What other apps show on My pages, each rendered from its own template."""
    sections = []
    for hook in account_hooks.my_pages_section.implementations():
        section = hook(request)
        if section:
            html = render_to_string(section["template"], section.get("context", {}), request=request)
            sections.append({"title": section["title"], "html": mark_safe(html)})
    return sections


@require_GET
@login_required
def my_data(request):
    data = services.personal_data_collect(user=request.user)
    response = JsonResponse(data, encoder=DjangoJSONEncoder, json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = 'attachment; filename="mina-uppgifter.json"'
    return response


@require_http_methods(["GET", "POST"])
@login_required
def delete_account(request):
    checker = PasswordChecker(user=request.user, ip=ratelimit.client_ip(request))
    form = DeleteAccountForm(_posted(request), user=request.user, checker=checker)
    if request.method == "POST" and form.is_valid():
        services.user_erase(user=request.user)
        logout(request)
        messages.success(request, _("Your account has been deleted."))
        return redirect("core:home", request.municipality.slug) if request.municipality else redirect("core:root")
    return render(request, "accounts/delete_account.html", {"form": form})


@require_GET
def admin_login(request):
    """Django's admin logs in through this site's login page: the same limits on attempts and the same second
    step, instead of the admin's own form, which has neither."""
    next_url = safe_next(request, default=reverse("admin:index"))
    return redirect(f"{reverse('accounts:login')}?{urlencode({'next': next_url})}")
