"""A forgotten password, a new password and a new e-mail address.

Every page works under /konto/ and under a municipality's /<kommun>/konto/ (links.py): redirects and the links
in the e-mails stay under the municipality the person came from.
"""

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.views import INTERNAL_RESET_SESSION_TOKEN, PasswordResetConfirmView
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from delaktig.core.ratelimit import client_ip

from . import login_steps
from . import services_credentials as credentials
from .forms_credentials import EmailChangeForm, PasswordChangeForm, PasswordResetRequestForm, SetPasswordForm
from .links import account_url, login_required
from .services import ConfirmationError
from .tokens import password_reset_tokens

SESSION_RESET_EMAIL = "accounts_reset_email"
SESSION_NEW_EMAIL = "accounts_new_email"


def _posted(request):
    return request.POST if request.method == "POST" else None


def _url(request, name, *args):
    return account_url(name, request.municipality, args)


@require_http_methods(["GET", "POST"])
def password_reset(request):
    form = PasswordResetRequestForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        if credentials.password_reset_throttled(email=email, ip=client_ip(request)):
            form.add_error(None, _("You have asked for a new password too many times. Wait an hour and try again."))
            return render(request, "accounts/password_reset.html", {"form": form}, status=429)
        credentials.password_reset_request(email=email, municipality=request.municipality)
        request.session[SESSION_RESET_EMAIL] = email
        return redirect(_url(request, "accounts:password_reset_sent"))
    return render(request, "accounts/password_reset.html", {"form": form})


@require_GET
def password_reset_sent(request):
    context = {"email": request.session.get(SESSION_RESET_EMAIL, ""), "hours": _reset_hours()}
    return render(request, "accounts/password_reset_sent.html", context)


def _reset_hours():
    return int(password_reset_tokens.max_age.total_seconds() // 3600)


class PasswordResetConfirm(PasswordResetConfirmView):
    """Django's view: the link's token moves to the session and the address bar shows "set-password" instead,
    so the token does not leak through the Referer header. A link that does not work says why."""

    template_name = "accounts/password_reset_confirm.html"
    form_class = SetPasswordForm
    token_generator = password_reset_tokens
    post_reset_login = False  # form_valid logs in, through the second step for those who have one

    def dispatch(self, request, *args, **kwargs):
        response = super().dispatch(request, *args, **kwargs)
        if not self.validlink and response.status_code == 200:
            response.status_code = 400
        return response

    def get_user(self, uidb64):
        user = super().get_user(uidb64)
        return user if user is not None and user.is_active else None

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "municipality": self.request.municipality}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if not self.validlink:
            token = self.kwargs.get("token")
            if token == self.reset_url_token:
                token = self.request.session.get(INTERNAL_RESET_SESSION_TOKEN)
            context["reason"] = self.token_generator.reason(self.user, token) or "invalid"
            context["hours"] = _reset_hours()
        return context

    def form_valid(self, form):
        super().form_valid(form)
        user = form.user
        if login_steps.second_step_needed(user):  # a reset link must not skip the code from the app
            messages.success(self.request, _("Your new password is saved."))
        else:
            messages.success(self.request, _("Your new password is saved and you are logged in."))
        return login_steps.password_passed(self.request, user, self.get_success_url())

    def get_success_url(self):
        return _url(self.request, "accounts:my_pages")


@require_http_methods(["GET", "POST"])
@login_required
def password_change(request):
    checker = credentials.PasswordChecker(user=request.user, ip=client_ip(request))
    form = PasswordChangeForm(_posted(request), user=request.user, checker=checker)
    if request.method == "POST" and form.is_valid():
        credentials.password_set(
            user=request.user,
            password=form.cleaned_data["new_password1"],
            reason="change",
            municipality=request.municipality,
        )
        update_session_auth_hash(request, request.user)  # stay logged in here; other sessions end
        messages.success(request, _("Your new password is saved. We have sent a receipt to your e-mail address."))
        return redirect(_url(request, "accounts:my_pages"))
    return render(request, "accounts/password_change.html", {"form": form})


@require_http_methods(["GET", "POST"])
@login_required
def email_change(request):
    checker = credentials.PasswordChecker(user=request.user, ip=client_ip(request))
    form = EmailChangeForm(_posted(request), user=request.user, checker=checker)
    if request.method == "POST" and form.is_valid():
        if credentials.email_change_throttled(user=request.user):
            form.add_error(None, _("You have asked for too many links. Wait an hour and try again."))
            return render(request, "accounts/email_change.html", {"form": form}, status=429)
        new_email = form.cleaned_data["email"]
        credentials.email_change_request(user=request.user, new_email=new_email, municipality=request.municipality)
        request.session[SESSION_NEW_EMAIL] = new_email
        return redirect(_url(request, "accounts:email_change_sent"))
    return render(request, "accounts/email_change.html", {"form": form})


@require_GET
@login_required
def email_change_sent(request):
    return render(request, "accounts/email_change_sent.html", {"new_email": request.session.get(SESSION_NEW_EMAIL)})


@require_http_methods(["GET", "POST"])
def email_change_confirm(request, token):
    """GET shows a button; POST uses the link (decision 18: mail scanners must not use it up)."""
    try:
        if request.method == "POST":
            user = credentials.email_change_confirm(token=token, municipality=request.municipality)
        else:
            user, new_email = credentials.email_change_check(token=token)
    except ConfirmationError as error:
        status = 200 if error.reason == "used" else 400
        return render(request, "accounts/email_change_failed.html", {"reason": error.reason}, status=status)
    if request.method == "GET":
        return render(request, "accounts/email_change_confirm.html", {"new_email": new_email})
    return _email_changed(request, user)


def _email_changed(request, user):
    messages.success(request, _("Your new e-mail address is confirmed. Log in with it from now on."))
    if request.user.is_authenticated and request.user.pk == user.pk:
        return redirect(_url(request, "accounts:my_pages"))
    if not request.user.is_authenticated:
        return redirect(_url(request, "accounts:login"))
    return redirect("core:root")
