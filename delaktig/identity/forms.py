from django import forms
from django.utils.translation import gettext_lazy as _

from delaktig.accounts.models import IdentityLevel, User
from delaktig.organisations.models import Role

from .models import Action, OidcConfiguration
from .services import SSO_ROLES

ROLE_LABELS = dict(Role.choices)
LEVELS = {str(level.value): level for level in IdentityLevel if level >= IdentityLevel.EMAIL}


class MappingField(forms.CharField):
    """A mapping written one per line as `value = what`, read into a dict; `check(what)` gives the stored value
    or raises ValidationError, `show(stored)` what a person reads and writes for it."""

    widget = forms.Textarea(attrs={"rows": 4})

    def __init__(self, *, check, show=str, **kwargs):
        self.check, self.show = check, show
        super().__init__(required=False, **kwargs)

    def prepare_value(self, value):
        if isinstance(value, dict):
            return "\n".join(f"{key} = {self.show(what)}" for key, what in value.items())
        return value

    def clean(self, value):
        text = super().clean(value)
        found = {}
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            key, separator, what = line.rpartition("=")
            if not separator or not key.strip() or not what.strip():
                raise forms.ValidationError(
                    _("Line %(number)s: write the value, an equals sign and what it gives, like “loa3 = 3”."),
                    params={"number": number},
                )
            found[key.strip()] = self.check(what.strip(), number)
        return found


def _level(what, number):
    if what not in LEVELS:
        raise forms.ValidationError(_("Line %(number)s: the level must be 1, 2 or 3."), params={"number": number})
    return int(what)


def _role_label(role):
    return str(ROLE_LABELS.get(role, role))


def _role(what, number):
    """A role by its name as staff read it (or its key, as a directory export may have it)."""
    for role in SSO_ROLES:
        if what.casefold() in (role, _role_label(role).casefold()):
            return role
    raise forms.ValidationError(
        _("Line %(number)s: “%(role)s” is not a role single sign-on can give. Use one of: %(roles)s."),
        params={"number": number, "role": what, "roles": _sso_role_names()},
    )


def _sso_role_names():
    return ", ".join(_role_label(role) for role in SSO_ROLES)


class OidcConfigurationForm(forms.ModelForm):
    client_secret = forms.CharField(
        label=_("Client secret"),
        required=False,
        widget=forms.PasswordInput(render_value=False),
        help_text=_("Leave empty to keep the secret already saved. It is never shown again."),
    )
    level_map = MappingField(
        check=_level,
        label=_("Levels of assurance"),
        help_text=_(
            "One per line: the provider's value of the level of assurance, an equals sign, and the identity level it "
            "gives: 1 confirmed e-mail address, 2 identity checked in person, 3 e-identification. "
            "For example: http://id.elegnamnden.se/loa/1.0/loa3 = 3"
        ),
    )
    group_roles = MappingField(check=_role, show=_role_label, label=_("Roles by group"))

    issuer = forms.URLField(
        label=_("Issuer"),
        assume_scheme="https",
        help_text=_("The provider's address; its settings are read from /.well-known/openid-configuration under it."),
    )

    class Meta:
        model = OidcConfiguration
        fields = [
            "is_active",
            "issuer",
            "client_id",
            "client_secret",
            "scopes",
            "acr_claim",
            "level_map",
            "pin_claim",
            "residence_claim",
            "groups_claim",
            "group_roles",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.kind == "staff_sso":
            for name in ("pin_claim", "residence_claim"):
                del self.fields[name]
            self.fields["level_map"].required = False
            self.fields["group_roles"].help_text = _(
                "One per line: the directory group, an equals sign, and a role: %(roles)s. Roles that belong to a "
                "body (elected official, presidium) are given by hand."
            ) % {"roles": _sso_role_names()}
        else:
            for name in ("groups_claim", "group_roles"):
                del self.fields[name]
        self.saved_secret = self.instance.client_secret

    def clean_client_secret(self):
        return self.cleaned_data["client_secret"] or self.saved_secret

    def clean(self):
        data = super().clean()
        if self.instance.kind == "resident_eid":
            if not data.get("pin_claim"):
                self.add_error("pin_claim", _("Write the claim that carries the personal identity number."))
            if "level_map" in data and not data.get("level_map"):
                self.add_error("level_map", _("Write at least one level of assurance, like “loa3 = 3”."))
        return data


class NewAccountForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=150)
    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("We send receipts and news about what you take part in to this address."),
    )

    def clean_email(self):
        email = User.objects.normalize_email(self.cleaned_data["email"]).lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(self.taken_message(), code="taken")
        return email

    @staticmethod
    def taken_message():
        return _(
            "There is already an account with this e-mail address. Log in with its password first, then link "
            "your e-identification on My pages."
        )


class ActionRulesForm(forms.Form):
    residents_only = forms.MultipleChoiceField(
        label=_("Only people who live in the municipality may"),
        choices=Action.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Needs e-identification whose provider gives the municipality of residence (the claim above). A person "
            "proves it by logging in with e-identification."
        ),
    )
    survey_level = forms.TypedChoiceField(
        label=_("Surveys for logged-in residents need"),
        coerce=int,
        choices=[
            (IdentityLevel.EMAIL.value, IdentityLevel.EMAIL.label),
            (IdentityLevel.SUBSTANTIAL.value, IdentityLevel.SUBSTANTIAL.label),
        ],
    )
