"""Forms of the citizen panel: signing up, asking for one's data, and the staff pages."""

import secrets

from django import forms
from django.utils.translation import gettext_lazy as _

from delaktig.core.forms import CsvUploadForm, Form, ModelForm
from delaktig.participation.demographics import Gender

from .models import PANEL_AGE_BANDS, PanelSettings, Status

SEED_MAX = 2**31 - 1


class SignupForm(Form):
    name = forms.CharField(label=_("Name"), max_length=150)
    email = forms.EmailField(
        label=_("E-mail address"), max_length=254, help_text=_("We send the surveys and a confirmation link here.")
    )
    phone = forms.CharField(
        label=_("Phone number"),
        max_length=40,
        required=False,
        help_text=_("If you would rather be reached by phone now and then."),
    )
    age_band = forms.ChoiceField(label=_("How old are you?"), choices=PANEL_AGE_BANDS, widget=forms.RadioSelect)
    gender = forms.ChoiceField(label=_("Gender"), choices=Gender.choices, widget=forms.RadioSelect)
    consent = forms.BooleanField(
        label=_("I have read how the municipality handles my data, and I want to be in the citizen panel."),
        error_messages={"required": _("Tick the box to show that you agree, or you cannot join.")},
    )

    def __init__(self, *args, areas=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].error_messages["required"] = _("Write your name.")
        self.fields["email"].error_messages |= {
            "required": _("Write your e-mail address."),
            "invalid": _("Write an e-mail address like name@example.se."),
        }
        self.fields["age_band"].error_messages["required"] = _("Choose your age group.")
        self.fields["gender"].error_messages["required"] = _("Choose an answer about gender.")
        if areas is not None and areas.exists():
            self.fields["area"] = forms.ModelChoiceField(
                label=_("Where do you live?"),
                queryset=areas,
                widget=forms.RadioSelect,
                empty_label=None,
                error_messages={
                    "required": _("Choose the area where you live."),
                    "invalid_choice": _("Choose one of the areas."),
                },
            )
            self.order_fields(["name", "email", "phone", "age_band", "gender", "area", "consent"])

    def clean_phone(self):
        phone = self.cleaned_data.get("phone", "").strip()
        if phone and not all(ch.isdigit() or ch in " +-()" for ch in phone):
            raise forms.ValidationError(_("Write the phone number with digits only, for example 070-123 45 67."))
        return phone


class EmailForm(Form):
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        error_messages={
            "required": _("Write your e-mail address."),
            "invalid": _("Write an e-mail address like name@example.se."),
        },
    )


class EraseForm(Form):
    sure = forms.BooleanField(
        label=_("Yes, delete my data and take me out of the panel."),
        error_messages={"required": _("Tick the box if you want your data deleted.")},
    )


class MemberFilterForm(Form):
    q = forms.CharField(label=_("Search name or e-mail address"), required=False, max_length=100)
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[("", _("All")), *Status.choices])


class MemberStatusForm(Form):
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[(s.value, s.label) for s in (Status.ACTIVE, Status.PAUSED, Status.REMOVED)],
        widget=forms.RadioSelect,
        help_text=_("Removing deletes the member's name and contact details. It cannot be undone."),
    )


class ImportForm(CsvUploadForm):
    consent_text = forms.CharField(
        label=_("What did the members agree to?"),
        max_length=100,
        help_text=_("For example “Paper form for the citizen panel, 2025”. Kept with each member."),
        error_messages={"required": _("Write what the members agreed to.")},
    )
    attest = forms.BooleanField(
        label=_("Everyone in the file has agreed to be in the citizen panel, on the date in the file."),
        error_messages={"required": _("Only people who have agreed may be imported. Tick the box when they have.")},
    )
    field_order = ["file", "consent_text", "attest"]


class ImportConfirmForm(Form):
    content = forms.CharField(max_length=2_000_000, strip=False)
    consent_text = forms.CharField(max_length=100)
    attest = forms.BooleanField()


class SettingsForm(ModelForm):
    class Meta:
        model = PanelSettings
        fields = ["signup_open", "inactivity_months"]


class SampleForm(Form):
    purpose = forms.CharField(
        label=_("Purpose"),
        max_length=200,
        help_text=_("What the sample is for, for example “Survey about the public baths”."),
        error_messages={"required": _("Write what the sample is for.")},
    )
    target = forms.CharField(
        label=_("For which survey"), max_length=200, required=False, help_text=_("Its name or number, if it has one.")
    )
    size = forms.IntegerField(
        label=_("Number of members"),
        min_value=1,
        max_value=100_000,
        error_messages={"required": _("Write how many members to draw."), "invalid": _("Write a whole number.")},
    )
    by_area = forms.BooleanField(
        label=_("Mirror the areas too"),
        required=False,
        help_text=_("Quotas by age group, gender and area. Needs population figures per area."),
    )
    seed = forms.IntegerField(
        label=_("Seed"),
        min_value=0,
        max_value=SEED_MAX,
        required=False,
        help_text=_("The same seed draws the same members from the same panel. Leave empty for a new one."),
    )

    def clean_seed(self):
        seed = self.cleaned_data.get("seed")
        return secrets.randbelow(SEED_MAX) if seed is None else seed
