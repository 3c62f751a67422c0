"""Forms for logging in, creating an account and erasing it."""

from django import forms
from django.contrib.auth import authenticate, password_validation
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from delaktig.core import ratelimit
from delaktig.core.forms import Form

from . import limits
from .models import User

EMAIL_ATTRS = {"autocomplete": "email", "spellcheck": "false"}


class LoginForm(Form):
    email = forms.EmailField(label=_("E-mail address"), max_length=254, widget=forms.EmailInput(attrs=EMAIL_ATTRS))
    password = forms.CharField(
        label=_("Password"),
        max_length=128,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, request, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        self.user = None

    def clean(self):
        cleaned = super().clean()
        email, password = cleaned.get("email"), cleaned.get("password")
        if not email or not password:
            return cleaned
        ip = ratelimit.client_ip(self.request)
        if ratelimit.reached("login-ip", "", ip, limit=limits.LOGIN_IP_LIMIT):
            raise ValidationError(
                _("There have been too many failed logins from your connection. Wait 15 minutes and try again."),
                code="throttled",
            )
        if ratelimit.reached("login", email, ip, limit=limits.LOGIN_LIMIT):
            raise ValidationError(
                _("You have tried to log in too many times. Wait 15 minutes and try again."), code="throttled"
            )
        if ratelimit.reached("login-account", email, "", limit=limits.LOGIN_ACCOUNT_LIMIT):
            # Counted for every address typed, with or without an account: the answer tells nobody which exist.
            raise ValidationError(
                _("There have been too many failed logins with this e-mail address. Wait an hour and try again."),
                code="throttled",
            )
        self.user = authenticate(self.request, username=email.strip().lower(), password=password)
        if self.user is None:
            ratelimit.hit("login", email, ip, window=limits.LOGIN_WINDOW)
            ratelimit.hit("login-ip", "", ip, window=limits.LOGIN_WINDOW)
            ratelimit.hit("login-account", email, "", window=limits.LOGIN_ACCOUNT_WINDOW)
            raise ValidationError(_("The e-mail address or the password is wrong. Check them and try again."))
        ratelimit.clear("login", email, ip)
        return cleaned


class RegisterForm(Form):
    name = forms.CharField(label=_("Your name"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "name"}))
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        help_text=_("We send a link to this address to confirm that it is yours."),
        widget=forms.EmailInput(attrs=EMAIL_ATTRS),
    )
    password1 = forms.CharField(
        label=_("Choose a password"),
        max_length=128,
        strip=False,
        help_text=_("At least 12 characters. A few words in a row are easy to remember and hard to guess."),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label=_("Write the password again"),
        max_length=128,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean(self):
        cleaned = super().clean()
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("The passwords are not the same. Write them again."))
        elif password1:
            candidate = User(email=cleaned.get("email") or "", name=cleaned.get("name") or "")
            try:
                password_validation.validate_password(password1, candidate)
            except ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class ResendConfirmationForm(Form):
    email = forms.EmailField(label=_("E-mail address"), max_length=254, widget=forms.EmailInput(attrs=EMAIL_ATTRS))


class DeleteAccountForm(Form):
    password = forms.CharField(
        label=_("Your password"),
        max_length=128,
        strip=False,
        help_text=_("To be sure it is you."),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, checker=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user, self.checker = user, checker

    def clean_password(self):
        password = self.cleaned_data["password"]
        if self.checker is not None and self.checker.blocked():  # counted with the other password checks
            raise ValidationError(
                _("You have written a wrong password too many times. Wait 15 minutes and try again."),
                code="throttled",
            )
        if not self.user.check_password(password):
            if self.checker is not None:
                self.checker.failed()
            raise ValidationError(_("The password is wrong."))
        return password
