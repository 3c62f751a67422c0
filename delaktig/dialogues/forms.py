"""Forms of the staff workspace: one per step of a dialogue's lifecycle, plus the list filters."""

from django import forms
from django.core.validators import MaxLengthValidator
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from delaktig.accounts.models import User
from delaktig.core.forms import Form, ModelForm
from delaktig.organisations import case_numbers, ladders
from delaktig.organisations.models import Decision, Role

from . import public_identity
from .models import DECISION_FIELDS, Dialogue, Kind, PublicIdentity, State

TEXT_LIMIT = 20_000  # a long officer's report fits; a pasted book does not
DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATETIME_FORMAT = "%Y-%m-%dT%H:%M"
RESPONSIBLE_ROLES = (Role.OFFICER, Role.DEMOCRACY_OFFICER)


def _cap_text(field):
    """Give a text field without a limit the same generous limit everywhere, in the browser and on the server."""
    if isinstance(field, forms.CharField) and field.max_length is None:
        field.max_length = TEXT_LIMIT
        field.validators.append(MaxLengthValidator(TEXT_LIMIT))
        field.widget.attrs.setdefault("maxlength", str(TEXT_LIMIT))


class DraftMixin:
    """Fields needed for the next step are shown as required but may be left empty when saving a draft.

    The lifecycle's guards say what is still missing when the step is taken.
    """

    needed = ()

    def full_clean(self):
        needed = [self.fields[name] for name in self.needed if name in self.fields]
        for field in needed:
            field.required = False
        try:
            super().full_clean()
        finally:
            for field in needed:
                field.required = True


class DialogueForm(DraftMixin, ModelForm):
    """A form over some of a dialogue's fields; choices are limited to the dialogue's municipality."""

    decision = ""  # the decision (a key of DECISION_FIELDS) whose fields the form also has, kept in a Decision
    decision_labels: dict = {}  # where the form's label differs from the Decision field's
    decision_first: tuple = ()  # when the decision's fields come before the dialogue's own

    class Meta:
        model = Dialogue
        fields = ()

    def __init__(self, data=None, *, instance, elsewhere=()):
        super().__init__(data, instance=instance)
        self.municipality = instance.municipality
        if self.decision:
            self._add_decision_fields(getattr(instance, self.decision))
        self.elsewhere = list(elsewhere)  # StepFields that outer apps keep (hook dialogue_step_fields), shown last
        for part in self.elsewhere:
            self.fields.update(part.fields)
            self.initial.update(part.initial)
        self.needed = (*self.needed, *(name for part in self.elsewhere for name in part.needed))
        for name in self.needed:
            self.fields[name].required = True
        for field in self.fields.values():
            _cap_text(field)
            if isinstance(field, forms.DateField):
                field.widget = DATE_WIDGET
        for name in ("proposed_by", "deciding_body", "matter_body"):
            if name in self.fields:
                self.fields[name].queryset = self.municipality.bodies.all()
        if "department" in self.fields:
            self.fields["department"].queryset = self.municipality.departments.all()
        if "responsible_officer" in self.fields:
            self.fields["responsible_officer"].queryset = (
                User.objects.filter(
                    memberships__municipality=self.municipality, memberships__role__in=RESPONSIBLE_ROLES
                )
                .distinct()
                .order_by("name", "email")
            )

    def _add_decision_fields(self, recorded):
        for name, part in DECISION_FIELDS[self.decision].items():
            field = Decision._meta.get_field(part).formfield()
            if name in self.decision_labels:
                field.label = capfirst(self.decision_labels[name])
            field.help_text = (self._meta.help_texts or {}).get(name, "")
            self.fields[name] = field
            if recorded is not None:
                self.initial[name] = getattr(recorded, f"{part}_id" if part == "body" else part)
        self.order_fields(self.decision_first)

    def changes(self):
        """The dialogue's own fields (decisions included), as cleaned."""
        kept = {name for part in self.elsewhere for name in part.fields}
        return {name: self.cleaned_data[name] for name in self.fields if name in self.cleaned_data and name not in kept}

    def changes_elsewhere(self):
        """[(StepFields, values)]: what outer apps keep, as cleaned."""
        return [
            (part, {name: self.cleaned_data[name] for name in part.fields if name in self.cleaned_data})
            for part in self.elsewhere
        ]


INITIATIVE_FIELDS = [
    "title",
    "question",
    "background",
    "proposed_by",
    "department",
    "responsible_officer",
    "case_number",
    "officer_report",
]


class InitiativeForm(case_numbers.CaseNumberFormMixin, DialogueForm):
    """The initiative; its case number is the matter's one number, carried to the decision in the matter."""

    case_number_fields = ("case_number",)
    case_number_reason = case_numbers.reason_field()

    class Meta:
        model = Dialogue
        fields = INITIATIVE_FIELDS
        help_texts = {
            "proposed_by": _("The political body behind the initiative. Needed for a citizen dialogue."),
            "case_number": _(
                "The registration number of the case, if there is one. It follows the matter to the decision."
            ),
        }

    def __init__(self, data=None, *, instance, **kwargs):
        super().__init__(data, instance=instance, **kwargs)
        self.case_number_before = instance.case_number if instance.pk else ""
        if not self.case_number_before:
            del self.fields[case_numbers.REASON_FIELD]
        else:
            self.order_fields([*self.fields][: [*self.fields].index("case_number") + 1] + [case_numbers.REASON_FIELD])

    def clean_case_number(self):
        number = case_numbers.normalised(self.cleaned_data["case_number"])
        matters = self.instance.matters.model.objects if self.instance.pk else None  # coming matters, if linked
        if number and matters is not None:
            taken = matters.filter(municipality=self.municipality, case_number=number).exclude(dialogue=self.instance)
            if taken.exists():
                raise forms.ValidationError(
                    _("Another coming matter has the case number %(number)s. Link the dialogue to that matter instead.")
                    % {"number": number}
                )
        return number

    def changes(self):
        found = super().changes()
        found.pop(case_numbers.REASON_FIELD, None)
        change = self.case_number_change()
        if change:
            found[case_numbers.REASON_FIELD] = change[2]
        return found

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind", self.instance.kind)
        if kind == Kind.CITIZEN_DIALOGUE and not cleaned.get("proposed_by") and "proposed_by" not in self.errors:
            self.add_error("proposed_by", _("Choose the political body behind a citizen dialogue."))
        return cleaned


class CreateForm(InitiativeForm):
    class Meta(InitiativeForm.Meta):
        fields = ["kind", *INITIATIVE_FIELDS]
        widgets = {"kind": forms.RadioSelect}
        help_texts = {
            **InitiativeForm.Meta.help_texts,
            "kind": _(
                "A citizen dialogue is decided by a political body. A user dialogue improves a service together "
                "with its users. An information activity only informs and is never counted as a dialogue."
            ),
        }


YES_NO = [("yes", _("Yes")), ("no", _("No"))]


class ChecklistForm(DraftMixin, Form):
    """One answer per active checklist question, and whether the question is open to influence."""

    is_influenceable = forms.ChoiceField(
        label=_("Is the question open to influence?"),
        choices=YES_NO,
        widget=forms.RadioSelect,
        required=False,
        help_text=_("If residents cannot influence the question, it is information and not a dialogue."),
    )

    def __init__(self, data=None, *, instance, questions):
        answers = {answer.question_id: answer.answer for answer in instance.checklist_answers.all()}
        initial = {f"q{question.pk}": answers.get(question.pk, "") for question in questions}
        if instance.is_influenceable is not None:
            initial["is_influenceable"] = "yes" if instance.is_influenceable else "no"
        super().__init__(data, initial=initial)
        self.questions = list(questions)
        for question in self.questions:
            field = forms.CharField(
                label=question.text,
                help_text=question.help_text,
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
            )
            _cap_text(field)
            self.fields[f"q{question.pk}"] = field
        self.needed = [*(f"q{q.pk}" for q in self.questions if q.required), "is_influenceable"]
        for name in self.needed:
            self.fields[name].required = True
        self.order_fields([*(f"q{q.pk}" for q in self.questions), "is_influenceable"])

    def answers(self):
        return {question: self.cleaned_data[f"q{question.pk}"].strip() for question in self.questions}

    def influenceable(self):
        return {"yes": True, "no": False}.get(self.cleaned_data.get("is_influenceable"))


BEFORE_INITIATIVE = _("The decision cannot be from before the initiative was registered on %(start)s. Check the date.")


def _initiative_day(dialogue):
    return timezone.localtime(dialogue.created_at).date() if dialogue.created_at else None


class DecisionForm(case_numbers.CaseNumberFormMixin, DialogueForm):
    needed = ("deciding_body", "decision_date", "decision_minute_item", "decision_registration_number")
    case_number_fields = ("decision_registration_number",)
    decision = "decision_to_hold"
    decision_labels = {"decision_date": _("meeting date")}

    class Meta:
        model = Dialogue
        fields = ()
        help_texts = {
            "decision_minute_item": _("For example § 45"),
            "decision_registration_number": _("For example KS 2026/123"),
        }

    def __init__(self, data=None, *, instance, **kwargs):
        super().__init__(data, instance=instance, **kwargs)
        expected = self.municipality.get_deciding_body()
        if not (instance.decision_to_hold and instance.decision_to_hold.body_id):
            self.initial["deciding_body"] = expected
        if expected:  # the rule the step checks, told before the form is sent
            rule = _("Only %(body)s decides on citizen dialogues in this municipality.") % {"body": expected.name}
            self.fields["deciding_body"].help_text = rule
        if not (instance.decision_to_hold and instance.decision_to_hold.number):
            self.initial["decision_registration_number"] = instance.case_number


PLAN_FIELDS = [
    "ladder_level",
    "purpose",
    "open_for_influence",
    "fixed",
    "input_use",
    "target_groups",
    "toolbox_methods",
    "contact_name",
    "contact_email",
    "contact_phone",
    "easy_read_summary",
    "languages",
    "starts_on",
    "ends_on",
    "moderation",
    "public_identity",
]

PUBLIC_IDENTITY_EXPLANATIONS = {
    PublicIdentity.NAME: _("The name in the person's account is shown with what they write."),
    PublicIdentity.PSEUDONYM: _(
        "Each person chooses a made-up name, or keeps one we suggest. Their real name is not shown. "
        "Staff can still see which account wrote what."
    ),
    PublicIdentity.ANONYMOUS: _(
        "Everyone is shown as “Anonymous participant”. Staff can still see which account wrote what, "
        "for example when they moderate."
    ),
    PublicIdentity.ANONYMOUS_BY_DESIGN: _(
        "Everyone is shown as “Anonymous participant”, and we do not store who wrote what: not even staff can see "
        "it. Participants get a receipt by e-mail, but cannot find what they wrote on My pages or get e-mail "
        "about what happens with it."
    ),
}


class PlanForm(DialogueForm):
    ladder_level = forms.ChoiceField(
        label=_("Level on the participation ladder"),
        widget=forms.RadioSelect,
        required=False,
        help_text=_("How much influence participants get. An information activity is on the level “information”."),
    )

    class Meta:
        model = Dialogue
        fields = PLAN_FIELDS
        widgets = {
            "target_groups": forms.CheckboxSelectMultiple,
            "toolbox_methods": forms.CheckboxSelectMultiple,
            "moderation": forms.RadioSelect,
            "public_identity": forms.RadioSelect,
        }
        help_texts = {
            "public_identity": _(
                "When someone has taken part you can only make this more private, never less, and what is already "
                "published is then shown the new way too. “Anonymous by design” can only be chosen before anyone "
                "has taken part."
            ),
        }

    def __init__(self, data=None, *, instance, **kwargs):
        dialogue_fields = ("open_for_influence", "fixed", "input_use") if instance.kind != Kind.INFORMATION else ()
        self.needed = ("ladder_level", "purpose", *dialogue_fields, "target_groups", "contact_name", "contact_email")
        self.needed += ("starts_on", "ends_on")
        if data is not None and "public_identity" not in data:  # left out (an older form): unchanged
            data = data.copy()
            data["public_identity"] = instance.public_identity
        super().__init__(data, instance=instance, **kwargs)
        levels = ladders.levels_for(self.municipality.ladder_profile)
        self.fields["ladder_level"].choices = [(level.key, f"{level.label}: {level.explanation}") for level in levels]
        self.fields["target_groups"].queryset = self.municipality.target_groups.all()
        self.fields["toolbox_methods"].queryset = self.municipality.toolbox_methods.all()
        self.fields["public_identity"].choices = [
            (key, f"{label}: {PUBLIC_IDENTITY_EXPLANATIONS[key]}") for key, label in PublicIdentity.choices
        ]

    def clean_public_identity(self):
        value = self.cleaned_data["public_identity"]
        reason = public_identity.refusal(self.instance, self.instance.public_identity, value)
        if reason:
            raise forms.ValidationError(reason)
        return value

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The closing date must be the same as or after the opening date."))
        return cleaned


class MatterDecisionForm(case_numbers.OtherNumberWarningMixin, case_numbers.CaseNumberFormMixin, DialogueForm):
    """The decision in the matter, checked against the matter's one number (the dialogue's case number)."""

    needed = ("matter_body", "matter_decision_date", "matter_decision")
    decision = "decision_in_matter"
    decision_labels = {
        "matter_body": _("body that decided the matter"),
        "matter_registration_number": _("case number of the decision"),
    }
    decision_first = (
        "matter_body",
        "matter_decision_date",
        "matter_minute_item",
        "matter_registration_number",
        "matter_decision",
    )
    case_number_fields = ("matter_registration_number",)
    decision_number_field = "matter_registration_number"

    class Meta:
        model = Dialogue
        fields = ()
        help_texts = {
            "matter_registration_number": _(
                "The matter's case number is filled in. Change it only if the minutes say another."
            ),
        }

    def __init__(self, data=None, *, instance, **kwargs):
        super().__init__(data, instance=instance, **kwargs)
        self.matter_number = instance.case_number
        if not (instance.decision_in_matter and instance.decision_in_matter.number):
            self.initial["matter_registration_number"] = instance.case_number
        self.other_number_prepare(data)

    def clean_matter_decision_date(self):
        day = self.cleaned_data["matter_decision_date"]
        case_numbers.date_not_before(day, _initiative_day(self.instance), BEFORE_INITIATIVE)
        return day

    def clean(self):
        cleaned = super().clean()
        self.other_number_check()
        return cleaned

    def changes(self):
        found = super().changes()
        found.pop(case_numbers.CONFIRM_FIELD, None)
        return found


class CancelForm(DialogueForm):
    class Meta:
        model = Dialogue
        fields = ["cancel_reason"]

    def __init__(self, data=None, *, instance):
        super().__init__(data, instance=instance)
        self.fields["cancel_reason"].required = True


def _choices(pairs):
    return [("", _("All")), *pairs]


class StaffFilterForm(Form):
    """The GET form of the staff list and dashboard; a wrong value is dropped, never an error."""

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    state = forms.ChoiceField(label=_("State"), required=False, choices=_choices(State.choices))
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=_choices(Kind.choices))
    body = forms.TypedChoiceField(label=_("Body"), required=False, coerce=int, empty_value=None)
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)

    def __init__(self, data, *, bodies, years, fields=None):
        super().__init__(data)
        self.fields["q"].widget.input_type = "search"
        self.fields["body"].choices = _choices((body.pk, body.name) for body in bodies)
        self.fields["year"].choices = _choices((year, str(year)) for year in years)
        for name in set(self.fields) - set(fields or self.fields):
            del self.fields[name]

    def filters(self):
        self.is_valid()
        cleaned = {name: value for name, value in self.cleaned_data.items() if name not in self.errors}
        return {
            "text": (cleaned.get("q") or "").strip(),
            "state": cleaned.get("state") or "",
            "kind": cleaned.get("kind") or "",
            "body": cleaned.get("body"),
            "year": cleaned.get("year"),
        }

    def is_filtered(self):
        return any(self.filters().values())
