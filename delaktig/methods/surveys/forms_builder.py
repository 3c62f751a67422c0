"""Forms of the staff builder: the survey's settings, a page (section), a question of each type, and invitations.

Alternatives, matrix rows and ranking items are typed one per line in a text box, so building needs no script;
questions.lines_to_entries keeps the keys of those already there, so answers given stay counted when a text is
corrected. A condition is chosen from a list of "question = answer" of the questions before.
"""

import csv
import io

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from delaktig.core.forms import Form
from delaktig.panel import selectors as panel_selectors

from . import questions as types
from .models import HELP_MAX, INTRO_MAX, QUESTION_MAX, TITLE_MAX, Access, Kind

LABEL_MAX = 200
CHOICES_MAX = 30
ITEMS_MAX = 10
ROWS_MAX = 20
INVITATIONS_MAX = 5000
UPLOAD_MAX = 1024 * 1024


class SurveyForm(Form):
    title = forms.CharField(label=_("Title"), max_length=TITLE_MAX, help_text=_("Residents see it at the top."))
    intro = forms.CharField(
        label=_("Introduction"),
        required=False,
        max_length=INTRO_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What the survey is for, how long it takes and what happens with the answers."),
    )
    access = forms.ChoiceField(label=_("Who can answer?"), choices=Access.choices, widget=forms.RadioSelect)
    about_you = forms.BooleanField(
        label=_("Ask “about you” (age, gender, area) at the end"),
        required=False,
        help_text=_("Voluntary for the person. Used only in figures with small groups hidden, never per response."),
    )

    def __init__(self, data=None, *, dialogue=None, **kwargs):
        super().__init__(data, **kwargs)
        self.dialogue = dialogue

    def clean_access(self):
        access = self.cleaned_data["access"]
        if access == Access.LOGGED_IN and self.dialogue is not None and not self.dialogue.stores_account:
            raise ValidationError(
                _("The dialogue is anonymous by design and keeps no accounts. Choose open or by invitation.")
            )
        return access


def earlier_questions(structure, *, question=None, section=None, new_on=None):
    """The questions a condition may name: those before `question`, those on pages before `section`, those up to the
    end of page `new_on` (a new question goes last on it), or every question (a new page goes last)."""
    earlier = []
    for page in structure.sections:
        if section is not None and page.pk == section.pk:
            return earlier
        for item in page.question_list:
            if question is not None and item.pk == question.pk:
                return earlier
            earlier.append(item)
        if new_on is not None and page.pk == new_on.pk:
            return earlier
    return earlier


def condition_choices(structure, earlier):
    """[("<question id>:<value>", "Only when 3. “…” is answered “…”")] for the questions that can carry one."""
    choices = [("", gettext("Always shown"))]
    for question in earlier:
        for value, label in types.condition_values(question):
            text = gettext("Only when %(number)s. “%(question)s” is answered “%(answer)s”") % {
                "number": structure.number(question),
                "question": question.text,
                "answer": label,
            }
            choices.append((f"{question.pk}:{value}", text))
    return choices


class ConditionMixin:
    def setup_condition(self, structure, earlier):
        self.fields["condition"] = forms.ChoiceField(
            label=_("Show"),
            required=False,
            choices=condition_choices(structure, earlier),
            help_text=_("A page or question can be shown only to those who answered an earlier question in a way."),
        )

    def condition_values(self):
        chosen = self.cleaned_data.get("condition") or ""
        if not chosen:
            return {"condition_question_id": None, "condition_value": ""}
        question_id, _sep, value = chosen.partition(":")
        return {"condition_question_id": int(question_id), "condition_value": value}


def condition_initial(item):
    return f"{item.condition_question_id}:{item.condition_value}" if item.condition_question_id else ""


class SectionForm(ConditionMixin, Form):
    title = forms.CharField(
        label=_("Heading of the page"), max_length=TITLE_MAX, required=False, help_text=_("For example “Your area”.")
    )
    help_text = forms.CharField(
        label=_("Text at the top of the page"),
        required=False,
        max_length=HELP_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, data=None, *, structure, section=None, **kwargs):
        super().__init__(data, **kwargs)
        self.setup_condition(structure, earlier_questions(structure, section=section))


def _lines(text):
    return [line for line in (text or "").splitlines() if line.strip()]


def _entries_field(label, help_text, rows=6):
    return forms.CharField(label=label, help_text=help_text, widget=forms.Textarea(attrs={"rows": rows}))


class QuestionForm(ConditionMixin, Form):
    """A question of one type: the common fields and the type's own."""

    text = forms.CharField(label=_("Question"), max_length=QUESTION_MAX)
    help_text = forms.CharField(
        label=_("Help text"), required=False, max_length=HELP_MAX, help_text=_("Shown under the question.")
    )
    required = forms.BooleanField(label=_("An answer is required"), required=False)

    def __init__(self, data=None, *, kind, structure, question=None, section=None, **kwargs):
        super().__init__(data, **kwargs)
        self.kind, self.question = kind, question
        self.old = question.options if question is not None else {}
        self._add_type_fields(kind)
        if question is not None:
            self.fields["section"] = forms.TypedChoiceField(
                label=_("Page"),
                coerce=int,
                choices=[
                    (s.pk, f"{n}. {s.title or gettext('Page %(n)s') % {'n': n}}")
                    for n, s in enumerate(structure.sections, 1)
                ],
            )
        if question is not None:
            earlier = earlier_questions(structure, question=question)
        else:
            earlier = earlier_questions(structure, new_on=section)
        self.setup_condition(structure, earlier)

    def _add_type_fields(self, kind):
        if kind in types.CHOICE_KINDS:
            self.fields["choices"] = _entries_field(_("Alternatives"), _("One alternative per line, 2 to 30."))
            self.fields["other"] = forms.BooleanField(label=_("Also offer “Other” with a text box"), required=False)
            self.fields["other_label"] = forms.CharField(
                label=_("Words for “Other”"), required=False, max_length=LABEL_MAX, help_text=_("Empty: “Other”.")
            )
        if kind == Kind.MATRIX:
            self.fields["rows"] = _entries_field(
                _("Rows"), _("One row per line, 1 to 20. Each is answered on the scale.")
            )
        if kind == Kind.RANKING:
            self.fields["items"] = _entries_field(_("Alternatives to rank"), _("One per line, 2 to 10."))
        if kind in types.SCALE_KINDS:
            self.fields["scale_min"] = forms.TypedChoiceField(
                label=_("Scale from"), coerce=int, choices=[(0, "0"), (1, "1")], initial=1
            )
            self.fields["scale_max"] = forms.TypedChoiceField(
                label=_("Scale to"), coerce=int, choices=[(n, str(n)) for n in range(2, 11)], initial=5
            )
            self.fields["min_label"] = forms.CharField(
                label=_("Words at the low end"),
                required=False,
                max_length=LABEL_MAX,
                help_text=_("For example “Not at all”."),
            )
            self.fields["max_label"] = forms.CharField(
                label=_("Words at the high end"),
                required=False,
                max_length=LABEL_MAX,
                help_text=_("For example “Completely”."),
            )
        if kind == Kind.NUMBER:
            self.fields["number_min"] = forms.CharField(label=_("Lowest number allowed"), required=False, max_length=20)
            self.fields["number_max"] = forms.CharField(
                label=_("Highest number allowed"), required=False, max_length=20
            )
        if kind == Kind.DATE:
            self.fields["date_min"] = forms.DateField(
                label=_("Earliest date allowed"), required=False, widget=forms.DateInput(attrs={"type": "date"})
            )
            self.fields["date_max"] = forms.DateField(
                label=_("Latest date allowed"), required=False, widget=forms.DateInput(attrs={"type": "date"})
            )

    # Checks of the type's fields

    def _entries(self, name, low, high, old):
        lines = _lines(self.cleaned_data.get(name))
        if not low <= len(lines) <= high:
            self.add_error(name, gettext("Write %(low)s to %(high)s lines, one per line.") % {"low": low, "high": high})
            return []
        if any(len(line) > LABEL_MAX for line in lines):
            self.add_error(name, gettext("Each line can have at most %(n)s characters.") % {"n": LABEL_MAX})
            return []
        cleaned = [" ".join(line.split()) for line in lines]
        if len({line.casefold() for line in cleaned}) != len(cleaned):
            self.add_error(name, gettext("Two lines are the same. Write each one once."))
            return []
        return types.lines_to_entries(cleaned, old)

    def clean(self):
        cleaned = super().clean()
        kind = self.kind
        options = {}
        if kind in types.CHOICE_KINDS:
            options["choices"] = self._entries("choices", 2, CHOICES_MAX, self.old.get("choices", []))
            options["other"] = bool(cleaned.get("other"))
            options["other_label"] = (cleaned.get("other_label") or "").strip()
        if kind == Kind.MATRIX:
            options["rows"] = self._entries("rows", 1, ROWS_MAX, self.old.get("rows", []))
        if kind == Kind.RANKING:
            options["items"] = self._entries("items", 2, ITEMS_MAX, self.old.get("items", []))
        if kind in types.SCALE_KINDS:
            low, high = cleaned.get("scale_min", 1), cleaned.get("scale_max", 5)
            options.update(min=low, max=high, min_label=cleaned.get("min_label", "").strip())
            options["max_label"] = cleaned.get("max_label", "").strip()
        if kind == Kind.NUMBER:
            options.update(self._number_limits(cleaned))
        if kind == Kind.DATE:
            low, high = cleaned.get("date_min"), cleaned.get("date_max")
            if low and high and high < low:
                self.add_error("date_max", gettext("The latest date must come after the earliest."))
            options.update(min=low.isoformat() if low else None, max=high.isoformat() if high else None)
        self.options = options
        return cleaned

    def _number_limits(self, cleaned):
        limits = {}
        for name, key in (("number_min", "min"), ("number_max", "max")):
            text = (cleaned.get(name) or "").strip()
            number = types.decimal_or_none(text) if text else None
            if text and (number is None or abs(number) >= types.NUMBER_LIMIT):
                self.add_error(name, gettext("Write a number, for example 0 or 120."))
            limits[key] = str(number) if number is not None else None
        low, high = types.decimal_or_none(limits["min"]), types.decimal_or_none(limits["max"])
        if low is not None and high is not None and high < low:
            self.add_error("number_max", gettext("The highest number must be at least the lowest."))
        return limits

    @staticmethod
    def initial_of(question):
        """The form's initial values from a question."""
        options = question.options
        initial = {
            "text": question.text,
            "help_text": question.help_text,
            "required": question.required,
            "section": question.section_id,
            "condition": condition_initial(question),
            "choices": "\n".join(entry["label"] for entry in options.get("choices", [])),
            "rows": "\n".join(entry["label"] for entry in options.get("rows", [])),
            "items": "\n".join(entry["label"] for entry in options.get("items", [])),
            "other": options.get("other", False),
            "other_label": options.get("other_label", ""),
            "scale_min": options.get("min", 1),
            "scale_max": options.get("max", 5),
            "min_label": options.get("min_label", ""),
            "max_label": options.get("max_label", ""),
        }
        if question.kind == Kind.NUMBER:
            initial.update(number_min=options.get("min") or "", number_max=options.get("max") or "")
        if question.kind == Kind.DATE:
            initial.update(date_min=options.get("min"), date_max=options.get("max"))
        return initial

    def common_fields(self):
        return [self[name] for name in ("text", "help_text", "required")]

    def type_fields(self):
        common = {"text", "help_text", "required", "section", "condition"}
        return [self[name] for name in self.fields if name not in common]


class KindForm(Form):
    kind = forms.ChoiceField(label=_("Type of question"), choices=Kind.choices, widget=forms.RadioSelect)


class CopyForm(Form):
    module = forms.TypedChoiceField(label=_("Copy to"), coerce=int, widget=forms.RadioSelect)

    def __init__(self, data=None, *, targets, **kwargs):
        super().__init__(data, **kwargs)
        self.targets = {module.pk: module for module in targets}
        self.fields["module"].choices = [
            (module.pk, f"{module.dialogue.title}: {module.name}") for module in self.targets.values()
        ]

    def target(self):
        return self.targets[self.cleaned_data["module"]]


BLANK = "blank"


class StartForm(Form):
    """How a survey starts: blank, or from one of the templates (survey_templates/)."""

    start = forms.ChoiceField(label=_("Start from"), widget=forms.RadioSelect)
    title = forms.CharField(
        label=_("Title"),
        required=False,
        max_length=TITLE_MAX,
        help_text=_("Empty: the template's title, or the name of the way of taking part."),
    )

    def __init__(self, data=None, *, templates, **kwargs):
        super().__init__(data, **kwargs)
        blank = (BLANK, gettext("A blank survey: write the questions yourself"))
        self.fields["start"].choices = [blank] + [(t["key"], f"{t['name']}: {t['description']}") for t in templates]


class InvitationForm(Form):
    """Addresses pasted, or a CSV file (address; group), one per line; or a number of links to print."""

    addresses = forms.CharField(
        label=_("E-mail addresses"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "One per line. To count answers per group, write the group after a semicolon: "
            "“anna@example.se; 30–44 år, kvinna”."
        ),
    )
    file = forms.FileField(
        label=_("Or a file (CSV)"),
        required=False,
        help_text=_("Address in the first column, group in the second (optional); semicolon or comma between."),
    )
    printed = forms.IntegerField(
        label=_("Links to print"),
        required=False,
        min_value=0,
        max_value=1000,
        help_text=_("Invitations without an address, for letters. You see the links once, right after."),
    )
    message = forms.CharField(
        label=_("A few words in the e-mail"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Shown above the link. The e-mail already says what the survey is and that answers are anonymous."),
    )

    def clean(self):
        cleaned = super().clean()
        recipients, problems = [], []
        text = cleaned.get("addresses") or ""
        upload = cleaned.get("file")
        if upload:
            text += "\n" + _read_upload(upload, self)
        for number, line in enumerate(text.splitlines(), 1):
            parsed = _parse_line(line)
            if parsed is None:
                continue
            email, stratum = parsed
            try:
                validate_email(email)
            except ValidationError:
                problems.append(
                    gettext("Line %(n)s: “%(text)s” is not an e-mail address.") % {"n": number, "text": email[:80]}
                )
                continue
            recipients.append((email, stratum))
        recipients += [("", "")] * (cleaned.get("printed") or 0)
        for problem in problems[:20]:
            self.add_error("addresses", problem)
        if not problems and not recipients:
            raise ValidationError(
                gettext("Write at least one e-mail address, choose a file, or ask for links to print.")
            )
        if len(recipients) > INVITATIONS_MAX:
            raise ValidationError(gettext("At most %(n)s invitations at a time.") % {"n": INVITATIONS_MAX})
        self.recipients = recipients
        return cleaned


class SampleInvitationForm(Form):
    """A sample drawn from the citizen panel, whose members still active are invited."""

    sample = forms.ModelChoiceField(
        label=_("Sample"),
        queryset=None,
        empty_label=_("Choose a sample"),
        error_messages={
            "required": _("Choose a sample."),
            "invalid_choice": _("Choose one of the samples in the list."),
        },
    )
    panel_message = forms.CharField(
        label=_("A few words in the e-mail"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, samples, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sample"].queryset = samples
        self.fields["sample"].label_from_instance = _sample_label

    def clean_sample(self):
        sample = self.cleaned_data["sample"]
        if not panel_selectors.sample_invitees(sample):
            raise ValidationError(gettext("Nobody in this sample is still active in the panel."))
        return sample


def _sample_label(sample):
    return gettext("%(reference)s: %(purpose)s, %(size)s members (%(day)s)") % {
        "reference": sample.reference,
        "purpose": sample.purpose or "–",
        "size": sample.size,
        "day": sample.created_at.date().isoformat(),
    }


def _read_upload(upload, form):
    if upload.size > UPLOAD_MAX:
        form.add_error("file", gettext("The file is larger than 1 MB. Split it into smaller files."))
        return ""
    raw = upload.read()
    for encoding in ("utf-8-sig", "cp1252"):  # Excel in Sweden saves Windows-1252 unless told otherwise
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    form.add_error("file", gettext("The file could not be read. Save it as CSV (UTF-8) and try again."))
    return ""


def _parse_line(line):
    """(email, group) from "address; group", "address, group" or "address"; None for an empty line or a heading."""
    if not line.strip():
        return None
    delimiter = ";" if ";" in line else ("\t" if "\t" in line else ",")
    cells = next(csv.reader(io.StringIO(line), delimiter=delimiter), [])
    cells = [cell.strip() for cell in cells]
    if not cells or not cells[0]:
        return None
    if "@" not in cells[0] and cells[0].casefold() in {"e-post", "epost", "email", "e-mail", "adress", "e-postadress"}:
        return None
    return cells[0], (cells[1] if len(cells) > 1 else "")
