"""Forms for attaching a participation method to a dialogue and giving it phases."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from delaktig.core.forms import Form
from delaktig.dialogues.forms import DATETIME_FORMAT, _cap_text
from delaktig.dialogues.models import PublicIdentity


class ModuleForm(Form):
    method = forms.ChoiceField(label=_("Way of taking part"), widget=forms.RadioSelect)
    name = forms.CharField(label=_("Name"), max_length=160, help_text=_("Participants see this name."))
    description = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, data=None, *, methods, dialogue=None):
        super().__init__(data)
        self.methods = {m.key: m for m in methods}
        self.dialogue = dialogue
        self.fields["method"].choices = [(m.key, f"{m.name}: {m.description}") for m in methods]
        _cap_text(self.fields["description"])

    def clean_method(self):
        key = self.cleaned_data["method"]
        manifest = self.methods.get(key)
        hides_names = self.dialogue is not None and self.dialogue.public_identity != PublicIdentity.NAME
        if manifest is not None and hides_names and not manifest.honours_public_identity:
            raise forms.ValidationError(
                _("%(method)s always shows the names of participants, and this dialogue does not show names.")
                % {"method": manifest.name}
            )
        return key


class PhaseForm(Form):
    phase_type = forms.ChoiceField(label=_("Kind of phase"), widget=forms.RadioSelect)
    name = forms.CharField(label=_("Name"), max_length=160)
    description = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    starts_at = forms.DateTimeField(
        label=_("Starts"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_FORMAT),
        help_text=_("Date and time, for example 2026-03-01 09:00"),
    )
    ends_at = forms.DateTimeField(
        label=_("Ends"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_FORMAT),
        help_text=_("Date and time, for example 2026-03-31 23:59"),
    )

    def __init__(self, data=None, *, manifest):
        super().__init__(data)
        self.fields["phase_type"].choices = [
            (key, f"{phase_type.name}: {phase_type.description}") for key, phase_type in manifest.phase_types.items()
        ]
        _cap_text(self.fields["description"])

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("The end must come after the start."))
        return cleaned


DESK_YEARS_BACK = 2  # an older date received is taken for a typing error


class DeskSettingsForm(Form):
    """What the desk asks besides the method's own fields; kept from one input to the next."""

    module = forms.CharField(widget=forms.HiddenInput, required=False)  # checked in clean(): no field to point at
    channel = forms.ChoiceField(label=_("How did it come in?"))
    received_on = forms.DateField(
        label=_("Date received"),
        input_formats=["%Y-%m-%d"],
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off", "size": 12}),
        help_text=_("Year-month-day, for example 2026-11-23."),
        error_messages={
            "required": _("Write the date it came in, for example 2026-11-23."),
            "invalid": _("Write the date as year-month-day, for example 2026-11-23."),
        },
    )
    occasion = forms.ChoiceField(label=_("Meeting"), required=False)
    group = forms.CharField(
        label=_("Table or group"),
        required=False,
        max_length=100,
        help_text=_("For example “Bord 3” or “Föreningarna”."),
    )

    def __init__(self, data=None, *, modules, channels, occasions, **kwargs):
        super().__init__(data, **kwargs)
        self.module_choices = [(module.pk, module.name) for module in modules]
        self.fields["channel"].choices = channels
        self.occasions = {occasion.key: occasion for occasion in occasions}
        if occasions:
            self.fields["occasion"].choices = [("", pgettext_lazy("meeting", "None"))] + [
                (o.key, o.label) for o in occasions
            ]
        else:
            del self.fields["occasion"]

    def clean_received_on(self):
        value = self.cleaned_data["received_on"]
        today = timezone.localdate()
        if value > today:
            raise forms.ValidationError(_("The date cannot be in the future. Write the day it came in."))
        if value < today.replace(year=today.year - DESK_YEARS_BACK, day=min(today.day, 28)):
            raise forms.ValidationError(
                _("The date is more than %(years)s years ago. Check the year and write the day it came in.")
                % {"years": DESK_YEARS_BACK}
            )
        return value

    def clean(self):
        data = super().clean()
        chosen = {str(pk): pk for pk, _name in self.module_choices}.get(data.get("module") or "")
        if chosen is None:
            raise forms.ValidationError(_("Choose a way of taking part of this dialogue."))
        data["module"] = chosen
        return data

    def chosen_occasion(self):
        return self.occasions.get(self.cleaned_data.get("occasion") or "")

    def kept(self):
        """The settings the next input starts with, as the query string of the page."""
        data = self.cleaned_data
        return {
            "module": data["module"],
            "channel": data["channel"],
            "received_on": data["received_on"].isoformat(),
            "occasion": data.get("occasion", ""),
            "group": data.get("group", ""),
        }
