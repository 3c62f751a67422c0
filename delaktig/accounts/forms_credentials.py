"""Forms for a forgotten password, a new password, and a new e-mail address."""

from django import forms
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from delaktig.core.forms import Form

from .forms import EMAIL_ATTRS


def _password_field(label, autocomplete, help_text=None):
    return forms.CharField(
        label=label,
        max_length=128,
        strip=False,
        help_text=help_text,
        widget=forms.PasswordInput(attrs={"autocomplete": autocomplete}),
    )


def _new_password_field():
    return _password_field(
        _("New password"),
        "new-password",
        _("At least 12 characters. A few words in a row are easy to remember and hard to guess."),
    )


class PasswordResetRequestForm(Form):
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        help_text=_("The address you log in with."),
        widget=forms.EmailInput(attrs=EMAIL_ATTRS),
    )

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()


class NewPasswordMixin:
    """Two new-password fields that must match and pass the password rules for `self.user`."""

    def clean(self):
        cleaned = super().clean()
        password1, password2 = cleaned.get("new_password1"), cleaned.get("new_password2")
        if password1 and password2 and password1 != password2:
            self.add_error("new_password2", _("The passwords are not the same. Write them again."))
        elif password1:
            try:
                password_validation.validate_password(password1, self.user)
            except ValidationError as error:
                self.add_error("new_password1", error)
        return cleaned


class SetPasswordForm(NewPasswordMixin, Form):
    """For a reset link. Shaped like Django's SetPasswordForm (user=, save()) so PasswordResetConfirmView uses it."""

    new_password1 = _new_password_field()
    new_password2 = _password_field(_("Write the new password again"), "new-password")

    def __init__(self, user, *args, municipality=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user, self.municipality = user, municipality

    def save(self, commit=True):
        from .services_credentials import password_set

        password = self.cleaned_data["new_password1"]
        return password_set(user=self.user, password=password, reason="reset", municipality=self.municipality)


class CurrentPasswordMixin:
    """A "current password" field checked against `self.user`; `checker` counts wrong tries (throttle)."""

    def clean_current_password(self):
        password = self.cleaned_data["current_password"]
        if self.checker is not None and self.checker.blocked():
            raise ValidationError(
                _("You have written a wrong password too many times. Wait 15 minutes and try again."),
                code="throttled",
            )
        if not self.user.check_password(password):
            if self.checker is not None:
                self.checker.failed()
            raise ValidationError(_("The password is wrong."))
        return password


class PasswordChangeForm(CurrentPasswordMixin, NewPasswordMixin, Form):
    current_password = _password_field(_("Your current password"), "current-password")
    new_password1 = _new_password_field()
    new_password2 = _password_field(_("Write the new password again"), "new-password")

    def __init__(self, *args, user, checker=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user, self.checker = user, checker


class EmailChangeForm(CurrentPasswordMixin, Form):
    email = forms.EmailField(
        label=_("New e-mail address"),
        max_length=254,
        help_text=_("We send a link to the new address. The change takes effect when you open it."),
        widget=forms.EmailInput(attrs=EMAIL_ATTRS),
    )
    current_password = _password_field(_("Your password"), "current-password", _("To be sure it is you."))

    def __init__(self, *args, user, checker=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user, self.checker = user, checker

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if email == self.user.email.lower():
            raise ValidationError(_("This is already your e-mail address. Write the new address."))
        return email
