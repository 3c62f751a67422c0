from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from delaktig.dialogues.models import Dialogue
from delaktig.organisations import case_numbers
from delaktig.organisations.models import Body, Department

from .models import Matter, Planned
from .selectors import ANSWER_FILTERS


class MatterForm(case_numbers.CaseNumberFormMixin, forms.ModelForm):
    """A coming matter; a linked dialogue shares its one case number."""

    case_number_fields = ("case_number",)
    case_number_reason = case_numbers.reason_field()

    class Meta:
        model = Matter
        fields = ["case_number", "title", "description", "body", "department", "expected_decision_on"]
        widgets = {"expected_decision_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}
        help_texts = {
            "case_number": _("The matter's number in the case register, e.g. KS 2026/123."),
            "expected_decision_on": _("When the body is expected to decide. You can change it later."),
        }
        error_messages = {
            "case_number": {"required": _("Write the matter's case number.")},
            "title": {"required": _("Write what the matter is called.")},
            "body": {"required": _("Choose the body that decides.")},
            "expected_decision_on": {
                "required": _("Write when the decision is expected, e.g. 2027-03-15."),
                "invalid": _("Write the date as year-month-day, e.g. 2027-03-15."),
            },
        }

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.municipality = municipality
        self.fields["body"].queryset = Body.objects.filter(municipality=municipality).order_by("name")
        self.fields["body"].error_messages["invalid_choice"] = _("Choose one of the bodies in the list.")
        self.fields["department"].queryset = Department.objects.filter(municipality=municipality)
        self.fields["department"].error_messages["invalid_choice"] = _("Choose one of the departments in the list.")
        self.case_number_before = self.instance.case_number if self.instance.pk else ""
        if not self.case_number_before:
            del self.fields[case_numbers.REASON_FIELD]
        else:
            self.order_fields(["case_number", case_numbers.REASON_FIELD])

    def clean_case_number(self):
        number = " ".join(self.cleaned_data["case_number"].split())
        if not number:
            raise forms.ValidationError(_("Write the matter's case number."))
        return number

    def clean_expected_decision_on(self):
        day = self.cleaned_data["expected_decision_on"]
        if self.instance.pk is None and day < timezone.localdate():
            raise forms.ValidationError(_("The date has passed. Register matters that are still to be decided."))
        return day


BEFORE_INITIATIVE = _("The decision cannot be from before the initiative was registered on %(start)s. Check the date.")


class AnswerForm(forms.Form):
    planned = forms.ChoiceField(
        label=_("Is a citizen dialogue planned before the decision?"),
        choices=[(Planned.YES, Planned.YES.label), (Planned.NO, Planned.NO.label)],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose whether a citizen dialogue is planned.")},
    )
    reason = forms.CharField(
        label=_("Why or why not"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text=_("It goes into the paragraph for the officer's report. Write it so that residents understand it."),
        error_messages={"required": _("Write why a dialogue is planned or why not.")},
    )


class LinkForm(forms.Form):
    dialogue = forms.ModelChoiceField(
        label=_("The dialogue held for the matter"),
        queryset=Dialogue.objects.none(),
        required=False,
        empty_label=_("No dialogue linked"),
        error_messages={"invalid_choice": _("Choose one of the dialogues in the list.")},
    )

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["dialogue"].queryset = Dialogue.objects.filter(municipality=municipality).order_by("title")


class DecidedForm(forms.Form):
    def __init__(self, *args, matter=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.matter = matter

    decided_on = forms.DateField(
        label=_("Date of the decision"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Write the date of the decision, e.g. 2027-03-15."),
            "invalid": _("Write the date as year-month-day, e.g. 2027-03-15."),
        },
    )

    def clean_decided_on(self):
        day = self.cleaned_data["decided_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("The date is in the future. Mark the matter decided once it is."))
        dialogue = self.matter.dialogue if self.matter is not None else None
        if dialogue is not None and dialogue.created_at:
            start = timezone.localtime(dialogue.created_at).date()
            case_numbers.date_not_before(day, start, BEFORE_INITIATIVE)
        return day


class FilterForm(forms.Form):
    q = forms.CharField(label=_("Search case number or matter"), required=False, max_length=100)
    answer = forms.ChoiceField(
        label=_("Dialogue planned"),
        required=False,
        choices=[
            ("", _("All")),
            (ANSWER_FILTERS[0], _("Not answered yet")),
            (ANSWER_FILTERS[1], _("Yes")),
            (ANSWER_FILTERS[2], _("No")),
        ],
    )
