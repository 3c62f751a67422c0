from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from delaktig.organisations.models import Body, Department

from .models import Action, ActionPlan, Goal, Status, Training
from .selectors import BOARD_KINDS

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATE_ERRORS = {"invalid": _("Write the date as year-month-day, e.g. 2027-03-15.")}


def _bodies(field, municipality, **filters):
    field.queryset = Body.objects.filter(municipality=municipality, **filters).order_by("name")
    field.error_messages["invalid_choice"] = _("Choose one of the bodies in the list.")


def _departments(field, municipality):
    field.queryset = Department.objects.filter(municipality=municipality)
    field.error_messages["invalid_choice"] = _("Choose one of the departments in the list.")


class PlanForm(forms.ModelForm):
    class Meta:
        model = ActionPlan
        fields = ["title", "starts_year", "ends_year", "adopted_by", "adopted_on", "summary"]
        widgets = {"adopted_on": DATE, "summary": forms.Textarea(attrs={"rows": 4})}
        error_messages = {
            "title": {"required": _("Write what the plan is called.")},
            "starts_year": {"required": _("Write the plan's first year, e.g. 2026.")},
            "ends_year": {"required": _("Write the plan's last year, e.g. 2028.")},
            "adopted_on": DATE_ERRORS,
        }

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        _bodies(self.fields["adopted_by"], municipality)

    def clean(self):
        cleaned = super().clean()
        first, last = cleaned.get("starts_year"), cleaned.get("ends_year")
        for name in ("starts_year", "ends_year"):
            year = cleaned.get(name)
            if year is not None and not 2000 <= year <= 2100:
                self.add_error(name, _("Write a year between 2000 and 2100."))
        if first and last and last < first:
            self.add_error("ends_year", _("The last year cannot come before the first."))
        return cleaned


class GoalForm(forms.ModelForm):
    class Meta:
        model = Goal
        fields = ["title", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
        error_messages = {"title": {"required": _("Write the goal.")}}


class ActionForm(forms.ModelForm):
    class Meta:
        model = Action
        fields = ["goal", "title", "description", "owner_department", "owner_body", "deadline"]
        widgets = {"deadline": DATE, "description": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"owner_body": _("Choose a department or a body as the owner.")}
        error_messages = {
            "title": {"required": _("Write what is to be done.")},
            "goal": {"required": _("Choose the goal the action serves."), "invalid_choice": _("Choose a goal.")},
            "deadline": {"required": _("Write the deadline, e.g. 2027-03-15."), **DATE_ERRORS},
        }

    def __init__(self, *args, plan, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        goals = list(plan.goals.all())
        self.fields["goal"].queryset = plan.goals.all()
        if len(goals) == 1 and self.instance.pk is None:  # the only goal needs no choosing
            self.initial.setdefault("goal", goals[0].pk)
        _departments(self.fields["owner_department"], municipality)
        _bodies(self.fields["owner_body"], municipality)

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not cleaned.get("owner_department") and not cleaned.get("owner_body"):
            self.add_error("owner_department", _("Choose who owns the action: a department or a body."))
        return cleaned


class FollowUpForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    quarter = forms.TypedChoiceField(
        label=_("Quarter"), coerce=int, choices=[(n, _("Quarter %(n)s") % {"n": n}) for n in range(1, 5)]
    )
    status = forms.ChoiceField(label=_("Status"), choices=Status.choices)
    note = forms.CharField(
        label=_("Follow-up note"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_("A few sentences: what has been done, and what comes next."),
        error_messages={"required": _("Write a short note on how the action is going.")},
    )

    def clean(self):
        cleaned = super().clean()
        year, quarter = cleaned.get("year"), cleaned.get("quarter")
        today = timezone.localdate()
        if year and quarter and (year, quarter) > (today.year, (today.month - 1) // 3 + 1):
            self.add_error("quarter", _("The quarter has not begun. Follow up a quarter that has started."))
        return cleaned


class TrainingForm(forms.ModelForm):
    class Meta:
        model = Training
        fields = ["name", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}
        error_messages = {"name": {"required": _("Write the training's name.")}}


class TrainingRecordForm(forms.Form):
    training = forms.ModelChoiceField(
        label=_("Training"), queryset=Training.objects.none(),
        error_messages={"required": _("Choose the training."), "invalid_choice": _("Choose a training in the list.")},
    )  # fmt: skip
    person_name = forms.CharField(
        label=_("Name"), max_length=160, error_messages={"required": _("Write the name of the person.")}
    )
    body = forms.ModelChoiceField(label=_("Board"), queryset=Body.objects.none(), required=False)
    department = forms.ModelChoiceField(label=_("Department"), queryset=Department.objects.none(), required=False)
    completed_on = forms.DateField(
        label=_("Completed on"), widget=DATE,
        error_messages={"required": _("Write when the training was completed."), **DATE_ERRORS},
    )  # fmt: skip

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["training"].queryset = Training.objects.filter(municipality=municipality)
        _bodies(self.fields["body"], municipality)
        _departments(self.fields["department"], municipality)

    def clean_completed_on(self):
        day = self.cleaned_data["completed_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("The date is in the future. Record trainings that have been taken."))
        return day

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not cleaned.get("body") and not cleaned.get("department"):
            self.add_error("body", _("Choose the board or the department the person belongs to."))
        return cleaned


class AmbassadorForm(forms.Form):
    body = forms.ModelChoiceField(
        label=_("Board"), queryset=Body.objects.none(),
        error_messages={"required": _("Choose the board."), "invalid_choice": _("Choose a board in the list.")},
    )  # fmt: skip
    person_name = forms.CharField(
        label=_("Ambassador"), max_length=160, error_messages={"required": _("Write the name of the ambassador.")}
    )
    since = forms.DateField(
        label=_("Ambassador since"), widget=DATE,
        error_messages={"required": _("Write from which day, e.g. 2027-01-01."), **DATE_ERRORS},
    )  # fmt: skip

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = Body.objects.filter(municipality=municipality, kind__in=BOARD_KINDS).order_by(
            "name"
        )
