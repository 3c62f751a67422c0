"""The forms residents answer in (one page, a section, at a time), the "about you" page, and the paper form staff
type a whole response into.

Every question is one or more fields named after it (`q12`, `q12_other`, `q12_<row key>`). The fields never refuse
anything themselves: the form reads each question's answer from them and asks questions.py what is wrong, so a
resident's page, the desk and the final check on submit keep the same rules and say the same words. A form keeps
what was typed when it has errors, like every form.
"""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from delaktig.core.forms import Form
from delaktig.participation.demographics import AgeBand, Gender

from . import questions as types
from .models import Kind, Survey
from .structure import condition_text, question_errors, shown, structure_of


class Loose:
    """A field that leaves every check to questions.py (it still marks a required question as required)."""

    def validate(self, value):
        pass


class LooseChoiceField(Loose, forms.ChoiceField):
    pass


class LooseMultipleChoiceField(Loose, forms.MultipleChoiceField):
    def to_python(self, value):
        return [str(item) for item in value] if isinstance(value, list | tuple) else []


class LooseCharField(Loose, forms.CharField):
    pass


def _radio(label, choices, *, required, help_text=""):
    return LooseChoiceField(
        label=label, choices=choices, required=required, widget=forms.RadioSelect, help_text=help_text
    )


def _scale_choices(question):
    return [(str(value), label) for value, label in types.scale_labels(question)]


class AnswerForm(Form):
    """The questions of one page. `answers` are all answers so far (for conditions on earlier pages and to fill
    the form in again); after is_valid(), `page_answers` holds this page's answers that apply."""

    use_required_attribute = False
    enforce_required = True  # a paper response is entered as filled in, required questions left empty or not

    def __init__(self, data=None, *, structure, questions, answers=None, **kwargs):
        super().__init__(data, **kwargs)
        self.structure = structure
        self.questions = list(questions)
        self.answers = dict(answers or {})
        self.page_answers = {}
        for question in self.questions:
            self._add_fields(question)
            self._fill_in(question, self.answers.get(str(question.pk)))

    # Building the fields

    def _add_fields(self, question):
        name, kind = f"q{question.pk}", question.kind
        required = question.required
        label = question.text
        if kind in types.CHOICE_KINDS:
            offered = list(types.keyed_labels(question).items())
            field_class = LooseChoiceField if kind == Kind.SINGLE_CHOICE else LooseMultipleChoiceField
            widget = forms.RadioSelect if kind == Kind.SINGLE_CHOICE else forms.CheckboxSelectMultiple
            self.fields[name] = field_class(label=label, choices=offered, required=required, widget=widget)
            if types.has_other(question):
                self.fields[f"{name}_other"] = LooseCharField(
                    label=_("If “%(other)s”: what?") % {"other": types.other_label(question)},
                    required=False,
                    strip=False,
                )
        elif kind == Kind.YES_NO:
            self.fields[name] = _radio(label, [(types.YES, _("Yes")), (types.NO, _("No"))], required=required)
        elif kind == Kind.SCALE:
            self.fields[name] = _radio(label, _scale_choices(question), required=required)
        elif kind == Kind.MATRIX:
            for row in types.rows(question):
                self.fields[f"{name}_{row['key']}"] = _radio(row["label"], _scale_choices(question), required=required)
        elif kind == Kind.RANKING:
            places = [("", gettext("Choose a place"))] + [
                (str(n), str(n)) for n in range(1, len(types.items(question)) + 1)
            ]
            for item in types.items(question):
                self.fields[f"{name}_{item['key']}"] = LooseChoiceField(
                    label=item["label"], choices=places, required=required
                )
        else:
            self.fields[name] = LooseCharField(label=label, required=required, strip=False, widget=_text_widget(kind))
        for field_name in self.field_names(question):
            self.fields[field_name].question = question

    def field_names(self, question):
        name = f"q{question.pk}"
        if question.kind == Kind.MATRIX:
            return [f"{name}_{row['key']}" for row in types.rows(question)]
        if question.kind == Kind.RANKING:
            return [f"{name}_{item['key']}" for item in types.items(question)]
        return [name, f"{name}_other"] if types.has_other(question) else [name]

    def _fill_in(self, question, value):
        """Start the form with the answer given before (coming back to a page, a draft)."""
        if value is None:
            return
        name, kind = f"q{question.pk}", question.kind
        try:
            if kind == Kind.SINGLE_CHOICE:
                self.initial[name], self.initial[f"{name}_other"] = value["choice"], value.get("other", "")
            elif kind == Kind.MULTIPLE_CHOICE:
                self.initial[name], self.initial[f"{name}_other"] = value["choices"], value.get("other", "")
            elif kind in (Kind.MATRIX, Kind.RANKING):
                for key, point in value.items():
                    self.initial[f"{name}_{key}"] = str(point)
            else:
                self.initial[name] = str(value)
        except (TypeError, KeyError, AttributeError):
            return

    # Reading the answers

    def clean(self):
        cleaned = super().clean()
        values = {}
        for question in self.questions:
            value = self._value(question, cleaned)
            if value is not None:
                values[str(question.pk)] = value
        earlier = {key: value for key, value in self.answers.items() if key not in self._page_keys()}
        applies = shown(self.structure, {**earlier, **values}).questions
        self.page_answers = {}
        for question in self.questions:
            key = str(question.pk)
            if question.pk not in applies:
                continue  # an answer to a question that does not apply is dropped
            problems = question_errors(question, values.get(key), required=self.enforce_required)
            for message in problems:
                self.add_error(self._error_field(question, values.get(key), message), message)
            if not problems and key in values and not types.is_empty(question, values[key]):
                self.page_answers[key] = values[key]
        return cleaned

    def _page_keys(self):
        return {str(question.pk) for question in self.questions}

    def _value(self, question, cleaned):
        name, kind = f"q{question.pk}", question.kind
        if kind == Kind.SINGLE_CHOICE:
            choice = cleaned.get(name) or ""
            return {"choice": choice, "other": cleaned.get(f"{name}_other", "")} if choice else None
        if kind == Kind.MULTIPLE_CHOICE:
            chosen = cleaned.get(name) or []
            return {"choices": chosen, "other": cleaned.get(f"{name}_other", "")} if chosen else None
        if kind == Kind.SCALE:
            return _int_or_raw(cleaned.get(name))
        if kind in (Kind.MATRIX, Kind.RANKING):
            keys = [entry["key"] for entry in (types.rows(question) if kind == Kind.MATRIX else types.items(question))]
            given = {key: _int_or_raw(cleaned.get(f"{name}_{key}")) for key in keys}
            given = {key: value for key, value in given.items() if value is not None}
            return given or None
        text = cleaned.get(name) or ""
        if kind in types.TEXT_KINDS:
            return text if text.strip() else None
        return text.strip() or None

    def _error_field(self, question, value, message):
        names = self.field_names(question)
        if types.has_other(question) and message in types.other_errors(question, value):
            return names[1]
        if question.kind in (Kind.MATRIX, Kind.RANKING) and isinstance(value, dict):
            missing = [name for name in names if name.rsplit("_", 1)[1] not in value]
            return missing[0] if missing else names[0]
        return names[0]

    # What the templates show

    def entries(self):
        """[(question, number in the survey, [bound fields], errors, condition text, error id)] in order."""
        result = []
        for question in self.questions:
            bound = [self[name] for name in self.field_names(question)]
            errors = [error for field in bound for error in field.errors]
            hint = condition_text(self.structure, question) if question.condition_question_id else ""
            failing = next((field for field in bound if field.errors), bound[0])
            result.append((question, self.structure.number(question), bound, errors, hint, f"{failing.auto_id}_error"))
        return result

    def summary(self):
        """[(anchor, text, error)] for the error summary: one line per question with a problem, pointing at the
        first field to fix (the first radio button or box of a group)."""
        lines = [("", "", error) for error in self.non_field_errors()]
        for question, number, bound, errors, _hint, _error_id in self.entries():
            first = next((field for field in bound if field.errors), bound[0])
            anchor = first.auto_id
            if isinstance(first.field.widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
                anchor = f"{anchor}_0"
            lines += [(anchor, f"{number}. {question.text}", error) for error in errors]
        for name, field in self.fields.items():  # the "about you" fields of a paper response
            if not hasattr(field, "question"):
                lines += [(self[name].auto_id, field.label, error) for error in self[name].errors]
        return lines


def _text_widget(kind):
    if kind == Kind.LONG_TEXT:
        return forms.Textarea(attrs={"rows": 6})
    if kind == Kind.NUMBER:
        return forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off", "size": 12})
    if kind == Kind.DATE:
        return forms.DateInput(attrs={"type": "date"})
    return forms.TextInput()


def _int_or_raw(value):
    """A place on a scale or in a ranking as an int; anything else stays as typed, for questions.py to refuse."""
    if value in (None, ""):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return value


# About you: the same voluntary questions as every method (participation.demographics)

ABOUT_FIELDS = ("age_band", "gender", "area")


def about_fields(municipality, *, staff=False):
    fields = {
        "age_band": forms.ChoiceField(
            label=_("Age"), required=False, choices=[("", _("No answer"))] + list(AgeBand.choices)
        ),
        "gender": forms.ChoiceField(
            label=_("Gender"), required=False, choices=[("", _("No answer"))] + list(Gender.choices)
        ),
    }
    areas = municipality.areas.all()
    if areas.exists():
        fields["area"] = forms.ModelChoiceField(
            label=_("Where does the person live?") if staff else _("Where do you live?"),
            required=False,
            queryset=areas,
            empty_label=_("No answer"),
        )
    return fields


def about_values(cleaned):
    """The "about you" answers as a draft keeps them: {"age_band", "gender", "area" (an id)}, only those told."""
    area = cleaned.get("area")
    told = {
        "age_band": cleaned.get("age_band") or "",
        "gender": cleaned.get("gender") or "",
        "area": area.pk if area else None,
    }
    return {key: value for key, value in told.items() if value}


class AboutForm(Form):
    def __init__(self, data=None, *, municipality, **kwargs):
        super().__init__(data, **kwargs)
        self.fields.update(about_fields(municipality))

    def values(self):
        return about_values(self.cleaned_data)


class ReceiptForm(Form):
    """The address a receipt (or the link to continue) goes to, when it is not known already. Not stored."""

    email = forms.EmailField(
        label=_("E-mail address for a receipt"),
        required=False,
        max_length=254,
        help_text=_("We send you a receipt with the reference number, then forget the address."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def __init__(self, data=None, *, address_known=False, required=False, **kwargs):
        super().__init__(data, **kwargs)
        if address_known:
            del self.fields["email"]
        elif required:
            field = self.fields["email"]
            field.required = True
            field.label = _("Your e-mail address")
            field.help_text = _("We send the link to it and do not keep the address.")
            field.error_messages["required"] = _("Write the e-mail address the link should go to.")


class PaperForm(AnswerForm):
    """A whole paper response on one page: every question and the "about you" answers. The desk ("Registrera
    inkommet") shows it with its own settings, and so does the survey's own paper page. What does not apply (an
    answer the person gave to a question they should have skipped) is left out, as on the web; a required question
    left empty on paper stays empty."""

    enforce_required = False

    def __init__(self, data=None, *, module, **kwargs):
        survey = getattr(module, "survey", None) if _has_survey(module) else None
        self.survey = survey
        if survey is None:
            super().__init__(data, structure=None, questions=[], **kwargs)
            return
        structure = structure_of(survey)
        super().__init__(data, structure=structure, questions=list(structure.questions.values()), **kwargs)
        if survey.about_you:
            self.fields.update(about_fields(survey.municipality, staff=True))
        for name, field in self.fields.items():
            question = getattr(field, "question", None)
            if question is not None and name != f"q{question.pk}":
                field.label = f"{question.text}: {field.label}"

    def clean(self):
        if self.survey is None or not self.questions:
            raise forms.ValidationError(gettext("The survey has no questions yet, so there is nothing to enter."))
        cleaned = super().clean()
        if not self.page_answers and not self.errors:
            raise forms.ValidationError(gettext("Nothing is filled in. Enter the answers on the paper."))
        # What desk.desk_save reads: the desk hands it the cleaned data, nothing else
        cleaned["answers"] = self.page_answers
        cleaned["about"] = about_values(cleaned) if self.survey.about_you else {}
        return cleaned


def _has_survey(module):
    try:
        module.survey  # noqa: B018  (a reverse one-to-one raises when there is none)
    except Survey.DoesNotExist:
        return False
    return True
