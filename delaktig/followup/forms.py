"""Forms of follow-up: the deadline settings, a measure, an update of a measure, a status step, the list filter."""

from django import forms
from django.forms.utils import ErrorDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from delaktig.core.forms import Form, ModelForm
from delaktig.core.search import text_matches

from .models import MAX_DAYS, Answer, Evaluation, FollowupSettings, Measure, MeasureStatus, Outcome, Reach

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
PERCENT_ERROR = _("Write the progress as a whole number from 0 to 100.")
DAYS_ERROR = _("Write a whole number of days from 0 to %(max)s.") % {"max": MAX_DAYS}
TEXT_LIMIT = 5000
INPUTS_LISTED = 50  # a dialogue with more inputs than this lists only the linked ones until staff search
MATCHES_LISTED = 200


def percent_field(**kwargs):
    return forms.IntegerField(
        min_value=0,
        max_value=100,
        widget=forms.NumberInput(attrs={"min": 0, "max": 100, "inputmode": "numeric"}),
        error_messages={"min_value": PERCENT_ERROR, "max_value": PERCENT_ERROR, "invalid": PERCENT_ERROR},
        **kwargs,
    )


def days_field(label, help_text=""):
    return forms.IntegerField(
        label=label,
        help_text=help_text,
        min_value=0,
        max_value=MAX_DAYS,
        error_messages={"min_value": DAYS_ERROR, "max_value": DAYS_ERROR, "invalid": DAYS_ERROR},
    )


class FollowupSettingsForm(ModelForm):
    reminder_days_before = days_field(
        FollowupSettings._meta.get_field("reminder_days_before").verbose_name,
        _("The officer responsible for the dialogue gets an e-mail this many days before the feedback is due."),
    )
    escalate_days_after = days_field(
        FollowupSettings._meta.get_field("escalate_days_after").verbose_name,
        _("0 means the day after the deadline."),
    )

    class Meta:
        model = FollowupSettings
        fields = ["reminder_days_before", "escalate_days_after"]

    def changed_values(self):
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class MeasureForm(ModelForm):
    progress = percent_field(label=_("Progress (percent)"), initial=0)
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes it came from"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": _("Choose themes from the list: “%(value)s” is not a theme of this dialogue."),
            "invalid_pk_value": _("Choose themes from the list: “%(pk)s” is not a theme of this dialogue."),
        },
    )
    input_search = forms.CharField(
        label=_("Search the inputs"),
        required=False,
        help_text=_("Words from the input, or its reference. What you have written in the form is kept."),
    )
    input_refs = forms.MultipleChoiceField(
        label=_("Inputs it came from"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": _("Choose inputs from the list: “%(value)s” is not an input of this dialogue.")
        },
    )

    class Meta:
        model = Measure
        fields = [
            "title",
            "description",
            "progress",
            "starts_on",
            "due_on",
            "done_on",
            "responsible_body",
            "responsible_department",
            "themes",
            "input_refs",
            "public_note",
        ]
        labels = {
            "description": _("Description"),
            "starts_on": _("Start date"),
            "due_on": _("Due date"),
            "done_on": _("Done date"),
            "responsible_body": _("Responsible body"),
            "responsible_department": _("Responsible department"),
            "public_note": _("Note to the public"),
        }
        widgets = {
            "starts_on": DATE_WIDGET,
            "due_on": DATE_WIDGET,
            "done_on": DATE_WIDGET,
            "description": forms.Textarea(attrs={"rows": 4}),
            "public_note": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, dialogue, themes, inputs, finding=False, **kwargs):
        """`inputs`: selectors.input_options. `finding`: the inputs' "Search" button was pressed; the form is
        shown again with what was typed, and nothing is checked or saved."""
        super().__init__(*args, **kwargs)
        self.finding = finding
        municipality = dialogue.municipality
        self.fields["responsible_body"].queryset = municipality.bodies.order_by("name")
        self.fields["responsible_department"].queryset = municipality.departments.order_by("name")
        self.fields["themes"].queryset = themes
        known = {ref for ref, _label, _text in inputs}
        stored = [(ref, ref) for ref in (self.instance.input_refs or []) if ref not in known]
        self.fields["input_refs"].choices = [*((ref, label) for ref, label, _text in inputs), *stored]
        self.fields["input_refs"].widget.choices = self._listed_inputs(inputs) + stored
        for name in ("description", "public_note"):
            self.fields[name].max_length = TEXT_LIMIT

    def _listed_inputs(self, inputs):
        """Every input when there are few; else the linked ones and those the search finds. Any input of the
        dialogue is still accepted when the form is sent (the list only decides what is shown)."""
        self.inputs_total = len(inputs)
        query = self._search_query()
        linked = set(_list(self.data, self.add_prefix("input_refs")) if self.is_bound else self.instance.input_refs)
        if not query and len(inputs) <= INPUTS_LISTED:
            self.inputs_matched = None
            return [(ref, label) for ref, label, _text in inputs]
        matches = [(ref, label) for ref, label, text in inputs if query and text_matches(query, text)]
        self.inputs_matched = len(matches) if query else None
        listed = {ref for ref, _label in matches[:MATCHES_LISTED]} | linked
        return [(ref, label) for ref, label, _text in inputs if ref in listed]

    def _search_query(self):
        query = self.data.get(self.add_prefix("input_search"), "") if self.is_bound else ""
        return " ".join(query[:200].split())

    def inputs_summary(self):
        """A sentence on what the list of inputs shows, or "" when it shows them all."""
        if self.inputs_matched is None:
            if self.inputs_total <= INPUTS_LISTED:
                return ""
            return _(
                "The dialogue has %(total)s inputs. The list shows those the measure is linked to; "
                "find others with the search."
            ) % {"total": self.inputs_total}
        if self.inputs_matched > MATCHES_LISTED:
            return _("%(matched)s inputs match; the first %(listed)s are shown. Add a word to narrow the search.") % {
                "matched": self.inputs_matched,
                "listed": MATCHES_LISTED,
            }
        return _("%(matched)s of %(total)s inputs match the search.") % {
            "matched": self.inputs_matched,
            "total": self.inputs_total,
        }

    def full_clean(self):
        if self.finding:
            self._errors, self.cleaned_data = ErrorDict(), {}  # shown again as typed, not checked
            return
        super().full_clean()

    def clean(self):
        cleaned = super().clean()
        starts, due, done = cleaned.get("starts_on"), cleaned.get("due_on"), cleaned.get("done_on")
        if starts and due and due < starts:
            self.add_error("due_on", _("The due date cannot be before the start date."))
        if starts and done and done < starts:
            self.add_error("done_on", _("The done date cannot be before the start date."))
        progress = cleaned.get("progress")
        if self.instance.status == MeasureStatus.DONE and progress is not None and progress != 100:
            self.add_error("progress", _("A measure that is done has progress 100. Reopen it to change the progress."))
        return cleaned

    def measure_fields(self):
        """The model fields as cleaned (themes apart, they are many-to-many)."""
        return {name: self.cleaned_data[name] for name in self.Meta.fields if name != "themes"}


def _list(data, key):
    return data.getlist(key) if hasattr(data, "getlist") else list(data.get(key) or [])


class MeasureUpdateForm(Form):
    date = forms.DateField(label=_("Date"), widget=DATE_WIDGET, initial=timezone.localdate)
    text = forms.CharField(
        label=_("What happened"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=TEXT_LIMIT,
        help_text=_("Residents read this in the measure's history. Write plainly."),
    )
    progress = percent_field(label=_("Progress now (percent)"), required=False)

    def clean_date(self):
        date = self.cleaned_data["date"]
        if date > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."))
        return date


class NewFeedbackDateForm(Form):
    new_date = forms.DateField(
        label=_("New date for the feedback"),
        help_text=_("Residents see on the dialogue's page that the feedback is late, and this new date."),
        widget=DATE_WIDGET,
    )

    def clean_new_date(self):
        date = self.cleaned_data["new_date"]
        if date < timezone.localdate():
            raise forms.ValidationError(_("Choose today or a later date."))
        return date


class StepForm(Form):
    note = forms.CharField(
        label=_("Why is the measure cancelled?"),
        help_text=_("Residents see the reason."),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class MeasureFilterForm(Form):
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All statuses")), *MeasureStatus.choices]
    )

    def __init__(self, *args, counts=None, **kwargs):
        super().__init__(*args, **kwargs)
        if counts is not None:
            self.fields["status"].choices = [
                ("", _("All statuses")),
                *((value, f"{label} ({counts.get(value, 0)})") for value, label in MeasureStatus.choices),
            ]

    def status_value(self):
        return self.cleaned_data.get("status", "") if self.is_valid() else ""


# The parts of Outcome on the dialogue's step pages: page (its URL name) -> field -> help text.
OUTCOME_PAGES = {
    "staff_matter_decision": {
        "input_influence": _("Tell participants what their input changed, or why it did not."),
    },
    "staff_feedback": {"feedback": _("Participants and the public see this. Say what was decided and why.")},
}


def outcome_fields(page):
    """The form fields of Outcome on one of the dialogue's step pages, named as the model names them."""
    return {
        name: Outcome._meta.get_field(name).formfield(help_text=help_text)
        for name, help_text in OUTCOME_PAGES[page].items()
    }


# The structured evaluation on the dialogue's step page "staff_evaluation": the page's form gets these fields, named
# as below; each target group of the plan gets a pair named by its id.

COMMENT_LIMIT = 2000
EVALUATION_TEXT_LIMIT = 10_000
HINT_LIMIT = 300
REASON_HINT = _("Needed when the answer is partly or no: say why.")
CHOICE_ERROR = _("Choose one of the answers in the list.")


def reach_field_name(group_id):
    return f"reach_{group_id}"


def reach_comment_name(group_id):
    return f"reach_{group_id}_comment"


def _choice(label, choices, help_text=""):
    return forms.ChoiceField(
        label=label,
        help_text=help_text,
        choices=choices,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": CHOICE_ERROR},
    )


def _text(label, help_text="", limit=COMMENT_LIMIT, rows=3):
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=False,
        max_length=limit,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


def _shortened(text):
    text = " ".join((text or "").split())
    return text if len(text) <= HINT_LIMIT else text[: HINT_LIMIT - 1] + "…"


def evaluation_fields(dialogue, groups):
    """{name: field} of the structured evaluation, for the dialogue and its plan's target groups (`groups`)."""
    methods = ", ".join(method.name for method in dialogue.toolbox_methods.all())
    purpose_hint = _("The purpose in the plan: %(purpose)s") % {"purpose": _shortened(dialogue.purpose)}
    methods_hint = _("The methods in the plan: %(methods)s") % {"methods": methods} if methods else ""
    fields = {
        "purpose_achieved": _choice(_("Was the purpose of the dialogue achieved?"), Answer.choices, purpose_hint),
        "purpose_comment": _text(_("Comment on the purpose"), REASON_HINT),
        "methods_right": _choice(_("Were the methods right for the dialogue?"), Answer.choices, methods_hint),
        "methods_comment": _text(_("Comment on the methods"), REASON_HINT),
    }
    for group in groups:
        fields[reach_field_name(group.pk)] = _choice(
            _("Was the target group “%(group)s” reached?") % {"group": group.name}, Reach.choices
        )
        fields[reach_comment_name(group.pk)] = _text(
            _("Comment on the target group “%(group)s”") % {"group": group.name}, REASON_HINT
        )
    fields["lessons"] = _text(
        _("Lessons learned"),
        _("What worked, and what would we do differently next time? Published on the dialogue's page."),
        EVALUATION_TEXT_LIMIT,
        rows=6,
    )
    fields["participants_summary"] = _text(
        _("Summary of the participants' evaluation"),
        _("If participants evaluated the dialogue (a survey, a round at a meeting), sum up what they said."),
        EVALUATION_TEXT_LIMIT,
        rows=4,
    )
    return fields


EVALUATION_ANSWERS = ("purpose_achieved", "purpose_comment", "methods_right", "methods_comment")
EVALUATION_TEXTS = ("lessons", "participants_summary")


def evaluation_initial(evaluation: Evaluation, groups):
    """What is stored, under the fields' names."""
    initial = {name: getattr(evaluation, name) for name in (*EVALUATION_ANSWERS, *EVALUATION_TEXTS)}
    stored = {reach.target_group_id: reach for reach in evaluation.reaches.all()} if evaluation.pk else {}
    for group in groups:
        reach = stored.get(group.pk)
        initial[reach_field_name(group.pk)] = reach.reached if reach else ""
        initial[reach_comment_name(group.pk)] = reach.comment if reach else ""
    return initial


def evaluation_needed(groups):
    """The fields the step needs (shown as required; a draft may leave them empty, the guard says what is missing).
    Comments are needed only with an answer short of yes, which the guard checks."""
    return ("purpose_achieved", "methods_right", *(reach_field_name(group.pk) for group in groups), "lessons")


def evaluation_values(values, groups):
    """The cleaned values split into the evaluation's own fields and {target group id: (reached, comment)}."""
    own = {name: values[name].strip() for name in (*EVALUATION_ANSWERS, *EVALUATION_TEXTS) if name in values}
    reaches = {
        group.pk: (values.get(reach_field_name(group.pk), ""), values.get(reach_comment_name(group.pk), "").strip())
        for group in groups
    }
    return own, reaches
