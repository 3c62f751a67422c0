from django import forms
from django.utils.translation import gettext_lazy as _

from delaktig.core.retention import DAYS

MAX_AMOUNT = 1200


class PeriodForm(forms.Form):
    """A municipality's period for one kind: a number in the kind's unit, or kept (gallras ej) where allowed."""

    keep = forms.BooleanField(label=_("Keep it (gallras ej)"), required=False)
    amount = forms.IntegerField(label=_("Period"), required=False, min_value=0, max_value=MAX_AMOUNT)

    def __init__(self, *args, kind, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind = kind
        unit = _("days") if kind.unit == DAYS else _("months")
        self.fields["amount"].label = _("Period in %(unit)s") % {"unit": unit}
        if kind.minimum:
            self.fields["amount"].help_text = _("At least %(minimum)s %(unit)s. %(reason)s") % {
                "minimum": kind.minimum,
                "unit": unit,
                "reason": kind.minimum_reason,
            }
        if not kind.may_keep_forever:
            del self.fields["keep"]

    def clean(self):
        data = super().clean()
        if data.get("keep"):
            data["amount"] = None
            return data
        amount = data.get("amount")
        if amount is None:
            if "amount" not in self.errors:
                self.add_error("amount", _("Enter the period as a number, or choose to keep the data."))
        elif amount < self.kind.minimum:
            self.add_error("amount", _("The period must be at least %(minimum)s.") % {"minimum": self.kind.minimum})
        elif self.kind.maximum is not None and amount > self.kind.maximum:
            self.add_error("amount", _("The period can be at most %(maximum)s.") % {"maximum": self.kind.maximum})
        return data


class AuditFilterForm(forms.Form):
    """The audit log's filters; every field optional, read from the query string."""

    date_from = forms.DateField(label=_("From date"), required=False, help_text=_("For example 2026-11-23"))
    date_to = forms.DateField(label=_("To date"), required=False, help_text=_("For example 2026-11-30"))
    person = forms.CharField(label=_("Person"), required=False, max_length=150, help_text=_("Name or e-mail address"))
    action = forms.ChoiceField(label=_("What was done"), required=False)
    object_type = forms.ChoiceField(label=_("Kind of object"), required=False)

    def __init__(self, *args, actions, object_types, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = [("", _("All"))] + actions
        self.fields["object_type"].choices = [("", _("All"))] + object_types

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end date must be on or after the start date."))
        return data


class PersonSearchForm(forms.Form):
    q = forms.CharField(label=_("E-mail address or name"), max_length=150)


class ProtectedIdentityForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=300,
        help_text=_("For example: the person showed a decision on protected personal data. Only staff see this."),
    )
