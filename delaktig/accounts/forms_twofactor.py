"""Forms of two-step verification: a code from the app, a recovery code, the password again."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from delaktig.core.forms import Form

from .forms_credentials import CurrentPasswordMixin, _password_field

THROTTLED = _("You have written a wrong code too many times. Wait 15 minutes and try again.")


class CodeForm(Form):
    code = forms.CharField(
        label=_("Code from the app"),
        max_length=12,
        help_text=_("Six digits. Open the authenticator app on your phone and write the code it shows now."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false", "size": "8"}
        ),
    )

    def clean_code(self):
        code = "".join(character for character in self.cleaned_data["code"] if not character.isspace())
        if not (code.isdigit() and len(code) == 6):
            raise ValidationError(_("Write the six digits the app shows, for example 123456."), code="format")
        return code


class RecoveryCodeForm(Form):
    code = forms.CharField(
        label=_("Recovery code"),
        max_length=40,
        help_text=_("One of the ten codes you saved when you set up two-step verification, for example abcde-fghjk."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false", "autocapitalize": "none"}),
    )


class PasswordAgainForm(CurrentPasswordMixin, Form):
    """The person's password again before a change to how they log in (counted like a login: `checker`)."""

    current_password = _password_field(_("Your password"), "current-password", _("To be sure it is you."))

    def __init__(self, *args, user, checker=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user, self.checker = user, checker
