"""Case numbers (diarienummer): the municipality's pattern, and the one check every form that takes a number uses.

The pattern is written by the administrator in a readable notation, one or more forms separated by commas:

- ``ÅÅÅÅ`` the year (four digits), ``ÅÅ`` the year in two digits;
- ``N`` the running number (1 to 6 digits);
- ``*`` a registry's abbreviation of 1 to 6 capital letters (KS, BUN, SBN …);
- anything else (letters, digits, space, / - . :) must be written as it stands.

Letters next to one another form one word: ``BUN`` is the literal abbreviation, not the number token ``N``.
An empty pattern means DEFAULT_PATTERN, which accepts the common Swedish forms.
"""

import re
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from delaktig.core.audit import audit_record
from delaktig.core.templatetags.delaktig import human_date

DEFAULT_PATTERN = "* ÅÅÅÅ/N, * ÅÅÅÅ-N, * ÅÅÅÅ.N, ÅÅÅÅ/N"
MAX_LENGTH = 40
_TOKEN = re.compile(r"[A-Za-zÅÄÖåäö]+|\d+|[ /\-.:]|\*|.")
_PIECES = {
    "ÅÅÅÅ": r"(?:19|20)\d\d",
    "ÅÅ": r"\d\d",
    "N": r"\d{1,6}",
    "*": r"[A-ZÅÄÖ]{1,6}",
    " ": " ?",
}
PATTERN_HELP = gettext_lazy(
    "How the municipality's case numbers (diarienummer) are written. ÅÅÅÅ is the year, N the running number and "
    "* an abbreviation such as KS or BUN; everything else is written as it stands. Separate several forms with "
    "commas, for example “KS ÅÅÅÅ/N, BUN ÅÅÅÅ/N”. Leave empty to accept the common forms: "
    "* ÅÅÅÅ/N, * ÅÅÅÅ-N, * ÅÅÅÅ.N, ÅÅÅÅ/N."
)


@dataclass(frozen=True)
class CasePattern:
    forms: tuple[str, ...]
    regex: re.Pattern

    @property
    def example(self):
        return _example(self.forms[0])

    def shown(self):
        """The forms for an error message: KS ÅÅÅÅ/N or BUN ÅÅÅÅ/N."""
        return pgettext("between alternatives", " or ").join(self.forms)


def _key(token):
    return token.upper() if token.isalpha() else token


def _form_regex(form):
    pieces = []
    for token in _TOKEN.findall(form):
        if _key(token) in _PIECES:
            pieces.append(_PIECES[_key(token)])
        elif token.isalnum() or token in "/-.:":
            pieces.append(re.escape(token.upper()))
        else:
            raise ValueError(token)
    return "".join(pieces)


def pattern_parse(text):
    """The CasePattern of the notation `text` (empty: the default); ValidationError in words when it is wrong."""
    text = (text or "").strip() or DEFAULT_PATTERN
    forms = tuple(" ".join(part.split()) for part in text.split(",") if part.strip())
    if not forms:
        raise ValidationError(_("Write at least one form, for example “KS ÅÅÅÅ/N”."))
    regexes = []
    for form in forms:
        tokens = [_key(token) for token in _TOKEN.findall(form)]
        if "N" not in tokens:
            raise ValidationError(
                _("The form “%(form)s” has no N. Every form needs N where the running number goes.") % {"form": form}
            )
        try:
            regexes.append(_form_regex(form))
        except ValueError as error:
            raise ValidationError(
                _("The form “%(form)s” has the sign “%(sign)s”, which a case number cannot have. Use letters, digits, "
                  "space, / - . or :.") % {"form": form, "sign": error.args[0]}
            ) from None  # fmt: skip
    return CasePattern(forms, re.compile("^(?:" + "|".join(regexes) + ")$"))


def _example(form):
    year = str(timezone.localdate().year)
    out = []
    for token in _TOKEN.findall(form):
        out.append({"ÅÅÅÅ": year, "ÅÅ": year[2:], "N": "123", "*": "KS"}.get(_key(token), token.upper()))
    return "".join(out)


def pattern_for(municipality):
    """The municipality's pattern; a stored pattern that no longer parses falls back to the default."""
    try:
        return pattern_parse(getattr(municipality, "case_number_pattern", ""))
    except ValidationError:
        return pattern_parse("")


def normalised(value):
    """The number as it is stored: one space between words, capital letters."""
    return " ".join((value or "").split()).upper()


def same_number(first, second):
    """Whether two written numbers are the same case: spaces and case do not count."""
    return normalised(first).replace(" ", "") == normalised(second).replace(" ", "")


def case_number_clean(*, municipality, value, required=False):
    """The one check of a typed case number: normalised, or ValidationError naming the expected form."""
    number = normalised(value)
    if not number:
        if required:
            raise ValidationError(_("Write the case number, for example %(example)s.") % _example_of(municipality))
        return ""
    pattern = pattern_for(municipality)
    if len(number) > MAX_LENGTH or not pattern.regex.match(number):
        raise ValidationError(
            _("“%(typed)s” is not a case number of the form %(forms)s. Write it for example as %(example)s.")
            % {"typed": value.strip()[:MAX_LENGTH], "forms": pattern.shown(), "example": pattern.example}
        )
    return number


def _example_of(municipality):
    return {"example": pattern_for(municipality).example}


def case_number_format(*, municipality, year, running):
    """A new number in the municipality's first form: “KS 2026/17”; `*` becomes KS."""
    form = pattern_for(municipality).forms[0]
    out = []
    for token in _TOKEN.findall(form):
        out.append(
            {"ÅÅÅÅ": str(year), "ÅÅ": str(year)[2:], "N": str(running), "*": "KS"}.get(_key(token), token.upper())
        )
    return "".join(out)


REASON_FIELD = "case_number_reason"
CHANGE_HELP = gettext_lazy("The case number was set before. Say why it changes; the reason is kept in the change log.")


def reason_field():
    return forms.CharField(
        label=gettext_lazy("Why the case number changes"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2, "maxlength": 500}),
        help_text=CHANGE_HELP,
    )


class CaseNumberFormMixin:
    """For forms with case number fields (names in `case_number_fields`): each is checked by case_number_clean.

    The form needs `self.municipality`. What was typed stays in the field when the check fails. When
    `case_number_before` is set (the number stored before) and the first field changes it, the form asks for the
    reason in REASON_FIELD (add it with `reason_field()`).
    """

    case_number_fields: tuple = ()
    case_number_before = ""

    def _clean_fields(self):
        super()._clean_fields()  # type: ignore[misc]
        for name in self.case_number_fields:
            if name not in self.cleaned_data:  # type: ignore[attr-defined]
                continue
            try:
                self.cleaned_data[name] = case_number_clean(  # type: ignore[attr-defined]
                    municipality=self.municipality,  # type: ignore[attr-defined]
                    value=self.cleaned_data[name] or "",  # type: ignore[attr-defined]
                )
            except ValidationError as error:
                self.add_error(name, error)  # type: ignore[attr-defined]
        self._reason_check()

    def _reason_check(self):
        first = self.case_number_fields[0] if self.case_number_fields else ""
        if not (self.case_number_before and first in self.cleaned_data):  # type: ignore[attr-defined]
            return
        if same_number(self.case_number_before, self.cleaned_data[first]):  # type: ignore[attr-defined]
            return
        reason = (self.cleaned_data.get(REASON_FIELD) or "").strip()  # type: ignore[attr-defined]
        if not reason:
            self.add_error(  # type: ignore[attr-defined]
                REASON_FIELD,
                _("Write why the case number changes from %(before)s. The reason is kept in the change log.")
                % {"before": self.case_number_before},
            )

    def case_number_change(self):
        """(before, after, reason) when the form changes a number set before, else None."""
        first = self.case_number_fields[0]
        after = self.cleaned_data.get(first, "")  # type: ignore[attr-defined]
        if not self.case_number_before or same_number(self.case_number_before, after):
            return None
        return self.case_number_before, after, (self.cleaned_data.get(REASON_FIELD) or "").strip()  # type: ignore[attr-defined]


def case_number_change_record(*, municipality, actor, target, action, before, after, reason):
    """The audit event of a changed case number: old and new number, and why."""
    return audit_record(
        municipality=municipality,
        actor=actor,
        action=action,
        target=target,
        data={"from": before, "to": after, "reason": reason},
    )


CONFIRM_FIELD = "confirm_other_number"


class OtherNumberWarningMixin:
    """A decision recorded under another number than the matter's warns before it is saved.

    The form sets `matter_number` (the matter's one number) and `decision_number_field`. When the typed number
    differs, the form gets the box CONFIRM_FIELD (“Save anyway”); until it is ticked nothing is saved, and what
    was typed stays in the form.
    """

    decision_number_field = ""
    matter_number = ""

    def other_number_prepare(self, data):
        typed = (data or {}).get(self.add_prefix(self.decision_number_field), "")  # type: ignore[attr-defined]
        if data is not None and self.matter_number and typed.strip() and not same_number(typed, self.matter_number):
            self.fields[CONFIRM_FIELD] = forms.BooleanField(  # type: ignore[attr-defined]
                label=gettext_lazy("Save anyway, with the number in the decision"),
                required=False,
                help_text=gettext_lazy("Tick only if the decision really has another number than the matter."),
            )

    def other_number_check(self):
        typed = self.cleaned_data.get(self.decision_number_field) or ""  # type: ignore[attr-defined]
        if not typed or not self.matter_number or same_number(typed, self.matter_number):
            return
        if self.cleaned_data.get(CONFIRM_FIELD):  # type: ignore[attr-defined]
            return
        message = _(
            "The decision has the number %(typed)s, but the matter has %(matter)s. Check the number. If the decision "
            "really has another number, tick “Save anyway” and save again."
        ) % {"typed": typed, "matter": self.matter_number}
        self.add_error(CONFIRM_FIELD if CONFIRM_FIELD in self.fields else self.decision_number_field, message)  # type: ignore[attr-defined]

    @property
    def warns_other_number(self):
        return CONFIRM_FIELD in self.fields  # type: ignore[attr-defined]


def date_not_before(day, start, message):
    """ValidationError with `message` (which may name %(start)s) when a decision's `day` comes before `start`."""
    if day and start and day < start:
        raise ValidationError(message % {"start": human_date(start)})
