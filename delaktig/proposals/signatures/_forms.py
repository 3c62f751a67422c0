"""Forms for signing, for paper signatures and for invalidating signatures in bulk."""

import datetime
import ipaddress

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from delaktig.core.forms import Form

from ..models import PUBLIC_STATUSES, Proposal
from ._protection import domain_of, is_disposable
from ._selectors import Criteria

MAX_PAPER_LINES = 500
DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d"]


class SignForm(Form):
    name = forms.CharField(label=_("Your name"), max_length=150)
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        help_text=_("We send you a link to confirm your signature. One signature per e-mail address."),
    )
    show_name = forms.BooleanField(
        label=_("Show my name on the proposal page"),
        required=False,
        help_text=_("If you leave this empty, we show only the number of signatures, not your name."),
    )
    wants_updates = forms.BooleanField(
        label=_("E-mail me about what happens to the proposal"), required=False, initial=True
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user if getattr(user, "is_authenticated", False) else None
        if self.user is not None:
            email = self.fields["email"]
            email.disabled = True
            email.initial = self.user.email
            email.help_text = _("You are logged in, so you sign with your account's e-mail address.")
            self.fields["name"].initial = self.user.name

    def clean_name(self):
        return _name_checked(self.cleaned_data["name"])

    def clean_email(self):
        return _email_checked(self.cleaned_data["email"], self.user)

    @classmethod
    def cleaned_or_none(cls, data, user=None):
        """The cleaned data of a valid submission, by the same fields and rules without building the form
        (a signing rush spends its time here), or None: then build the form to show what is wrong."""
        user = user if getattr(user, "is_authenticated", False) else None
        cleaned = {}
        try:
            for name, field in cls.base_fields.items():
                if name == "email" and user is not None:
                    cleaned[name] = user.email
                    continue
                cleaned[name] = field.clean(field.widget.value_from_datadict(data, None, name))
            cleaned["name"] = _name_checked(cleaned["name"])
            cleaned["email"] = _email_checked(cleaned["email"], user)
        except ValidationError:
            return None
        return cleaned


def _name_checked(name):
    name = " ".join(name.split())
    if not name:
        raise ValidationError(_("Enter your name."))
    return name


def _email_checked(email, user):
    email = email.strip()
    if user is None and is_disposable(domain_of(email)):
        raise ValidationError(_("You cannot sign with a temporary e-mail address. Use an address you will keep."))
    return email


class PaperSignaturesForm(Form):
    name = forms.CharField(label=_("Name"), max_length=150, required=False)
    identifier = forms.CharField(
        label=_("Postal address or year of birth"),
        max_length=200,
        required=False,
        help_text=_("As written on the paper. It tells two people with the same name apart."),
    )
    lines = forms.CharField(
        label=_("Several signatures at once"),
        required=False,
        max_length=60_000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("One signature a line: name, a semicolon, then postal address or year of birth."),
    )

    def clean(self):
        data = super().clean()
        people = []
        if data.get("name") or data.get("identifier"):
            people.append(self._person(data.get("name", ""), data.get("identifier", ""), "name"))
        for number, line in enumerate((data.get("lines") or "").splitlines(), start=1):
            if line.strip():
                name, _sep, identifier = line.partition(";")
                people.append(self._person(name, identifier, "lines", number))
        if not people and not self.errors:
            raise ValidationError(_("Enter at least one signature."))
        if len(people) > MAX_PAPER_LINES:
            raise ValidationError(_("Enter at most %(count)s signatures at a time.") % {"count": MAX_PAPER_LINES})
        data["people"] = [person for person in people if person]
        return data

    def _person(self, name, identifier, field, line=None):
        name, identifier = " ".join(name.split())[:150], " ".join(identifier.split())[:200]
        if name and identifier:
            return name, identifier
        if line is None:
            message = _("Give both the name and the postal address or year of birth.")
        else:
            message = _("Line %(line)s: give the name, a semicolon, then postal address or year of birth.") % {
                "line": line
            }
        self.add_error(field, message)
        return None


class InvalidationForm(Form):
    proposal = forms.ModelChoiceField(
        label=_("Proposal"), queryset=Proposal.objects.none(), required=False, empty_label=_("All proposals")
    )
    email_domain = forms.CharField(
        label=_("E-mail domain"), max_length=254, required=False, help_text=_("For example “example.com”.")
    )
    ip_range = forms.CharField(
        label=_("IP address or range"),
        max_length=60,
        required=False,
        help_text=_("An address, or a range written like 192.0.2.0/24 or 2001:db8::/32."),
    )
    created_from = forms.DateTimeField(
        label=_("Signed from"),
        required=False,
        input_formats=DATETIME_FORMATS,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    created_to = forms.DateTimeField(
        label=_("Signed before"),
        required=False,
        input_formats=DATETIME_FORMATS,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["proposal"].queryset = Proposal.objects.filter(
            municipality=municipality, status__in=PUBLIC_STATUSES
        ).order_by("title")

    def clean_email_domain(self):
        domain = self.cleaned_data["email_domain"].strip().lower().lstrip("@")
        if domain and ("." not in domain or " " in domain):
            raise ValidationError(_("Write a domain like “example.com”."))
        return domain

    def clean_ip_range(self):
        text = self.cleaned_data["ip_range"].strip()
        if not text:
            return None
        try:
            return ipaddress.ip_network(text, strict=False)
        except ValueError:
            raise ValidationError(_("Write an IP address or a range like 192.0.2.0/24.")) from None

    def clean(self):
        data = super().clean()
        given = [data.get(name) for name in ("email_domain", "ip_range", "created_from", "created_to")]
        if not self.errors and not any(given):
            raise ValidationError(_("Give at least one of: e-mail domain, IP range, or time."))
        start, end = data.get("created_from"), data.get("created_to")
        if start and end and start >= end:
            self.add_error("created_to", _("The end must come after the start."))
        return data

    def criteria(self):
        data = self.cleaned_data
        return Criteria(
            proposal=data.get("proposal"),
            email_domain=data.get("email_domain") or "",
            network=data.get("ip_range"),
            created_from=_aware(data.get("created_from")),
            created_to=_aware(data.get("created_to")),
        )


def _aware(value):
    if isinstance(value, datetime.datetime) and timezone.is_naive(value):
        return timezone.make_aware(value)
    return value


class InvalidationReasonForm(Form):
    reason = forms.CharField(
        label=_("Why are these signatures invalid?"),
        max_length=200,
        help_text=_("Saved with each signature and in the log. For example “Many signatures from one address”."),
    )
