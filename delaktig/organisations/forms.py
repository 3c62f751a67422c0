"""Forms for the municipality's settings, checklist and organisation. Choices are always this municipality's."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from delaktig.accounts.models import User
from delaktig.core.forms import Form, ModelForm

from . import case_numbers
from .models import ChecklistQuestion, Membership, Municipality, Role


class SettingsForm(ModelForm):
    feedback_deadline_days = forms.IntegerField(
        label=capfirst(Municipality._meta.get_field("feedback_deadline_days").verbose_name),
        min_value=1,
        max_value=365,
        help_text=_("Between 1 and 365 days. Overdue feedback is shown in red to staff."),
    )

    class Meta:
        model = Municipality
        fields = ["ladder_profile", "deciding_body", "feedback_deadline_days", "contact_email", "case_number_pattern"]
        widgets = {"ladder_profile": forms.RadioSelect}
        help_texts = {
            "ladder_profile": _("The steps residents see when a dialogue says how much influence they have."),
            "contact_email": _("Shown at the bottom of every page."),
            "case_number_pattern": case_numbers.PATTERN_HELP,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["deciding_body"].queryset = self.instance.bodies.all()
        self.fields["deciding_body"].required = True
        self.fields["deciding_body"].initial = self.instance.get_deciding_body()

    def clean_case_number_pattern(self):
        text = ", ".join(
            " ".join(part.split()) for part in self.cleaned_data["case_number_pattern"].split(",") if part.strip()
        )
        if text:
            case_numbers.pattern_parse(text)  # a wrong pattern is an error in words
        return text


class ChecklistQuestionForm(ModelForm):
    class Meta:
        model = ChecklistQuestion
        fields = ["text", "help_text", "order", "required", "is_active"]
        help_texts = {
            "help_text": _("Shown under the question to help whoever fills in the checklist."),
            "order": _("Lower numbers come first."),
            "required": _("The checklist cannot be marked complete until this question is answered."),
        }


class ChecklistArrangeForm(Form):
    """Order and use of every question, in one form: fields order_<id> and active_<id>."""

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for question in self.questions:
            self.fields[f"order_{question.pk}"] = forms.IntegerField(
                label=_("Order of “%(question)s”") % {"question": question.text},
                min_value=0,
                max_value=9999,
                initial=question.order,
            )
            self.fields[f"active_{question.pk}"] = forms.BooleanField(
                label=_("In use: “%(question)s”") % {"question": question.text},
                required=False,
                initial=question.is_active,
            )

    def rows(self):
        return [(q, self[f"order_{q.pk}"], self[f"active_{q.pk}"]) for q in self.questions]

    def arrangement(self):
        data = self.cleaned_data
        return {q.pk: (data[f"order_{q.pk}"], data[f"active_{q.pk}"]) for q in self.questions}


class MembershipAddForm(Form):
    email = forms.EmailField(
        label=_("The person's e-mail address"),
        max_length=254,
        help_text=_("The person must already have an account."),
    )
    role = forms.ChoiceField(label=_("Role"), choices=[("", "–")] + list(Role.choices))
    body = forms.ModelChoiceField(
        label=_("Body"), queryset=None, required=False, help_text=_("Required for elected officials.")
    )
    department = forms.ModelChoiceField(label=_("Department"), queryset=None, required=False)
    title = forms.CharField(label=pgettext_lazy("person", "Title"), max_length=120, required=False)

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.municipality = municipality
        self.user = None
        self.fields["body"].queryset = municipality.bodies.all()
        self.fields["department"].queryset = municipality.departments.all()

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        self.user = User.objects.filter(email__iexact=email, is_active=True).first()
        if self.user is None:
            raise ValidationError(
                _("There is no account with this e-mail address. Ask the person to create one first.")
            )
        return email

    def clean(self):
        cleaned = super().clean()
        role, body = cleaned.get("role"), cleaned.get("body")
        if role == Role.ELECTED_OFFICIAL and body is None:
            self.add_error("body", _("Choose the body the elected official sits on."))
        elif role == Role.PRESIDIUM and body is None:
            self.add_error("body", _("Choose the body whose presidium the person sits in."))
        elif self.user is not None and role and self._exists(cleaned):
            self.add_error("role", _("The person already has this role here."))
        return cleaned

    def _exists(self, cleaned):
        return Membership.objects.filter(
            user=self.user,
            municipality=self.municipality,
            role=cleaned["role"],
            body=cleaned.get("body"),
            department=cleaned.get("department"),
        ).exists()


class MembershipRemoveForm(Form):
    membership = forms.ModelChoiceField(queryset=None, widget=forms.HiddenInput)

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["membership"].queryset = Membership.objects.filter(municipality=municipality)
