"""The types of question: the options each takes, what an answer looks like, and the rules an answer must keep.

While someone fills in a survey an answer is a JSON-safe value (kept in the session or a draft); it is checked here
on every page and again, all together, on submit (answers.py), and `answer_rows` turns it into Answer rows:

    single_choice    {"choice": key, "other": text}      ("other" only with the key OTHER)
    multiple_choice  {"choices": [key, ...], "other": text}
    yes_no           "yes" or "no"
    scale            an int from the scale's min to its max
    matrix           {row key: int on the scale}
    ranking          {item key: place}, 1 the first, every item one place
    short_text, long_text   str
    number           str, a decimal number as "12.5"
    date             "YYYY-MM-DD"

Options by type: choices {"choices": [{"key", "label"}], "other": bool, "other_label": str}; scale and matrix
{"min", "max", "min_label", "max_label"} (matrix also "rows": [{"key", "label"}]); ranking {"items": [...]};
number {"min", "max"} (decimal strings or None); date {"min", "max"} (ISO dates or None).
"""

from __future__ import annotations

import datetime
import re
import secrets
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from .models import KEY_MAX, Kind

OTHER = "other"  # the key of "Other, namely …" in a choice question
YES, NO = "yes", "no"
SHORT_TEXT_MAX = 300
LONG_TEXT_MAX = 4000
OTHER_TEXT_MAX = 300
NUMBER_LIMIT = Decimal("1000000000000")  # fits Answer.number
WRITTEN_NUMBER = re.compile(r"[-+]?(\d+(\.\d*)?|\.\d+)")
SCALE_LIMITS = (0, 10)  # a scale runs within 0..10, with 2 to 11 steps
CHOICE_KINDS = frozenset({Kind.SINGLE_CHOICE, Kind.MULTIPLE_CHOICE})
SCALE_KINDS = frozenset({Kind.SCALE, Kind.MATRIX})
TEXT_KINDS = frozenset({Kind.SHORT_TEXT, Kind.LONG_TEXT})
CONDITION_KINDS = frozenset({Kind.SINGLE_CHOICE, Kind.MULTIPLE_CHOICE, Kind.YES_NO, Kind.SCALE})
TEXT_LIMITS = {Kind.SHORT_TEXT: SHORT_TEXT_MAX, Kind.LONG_TEXT: LONG_TEXT_MAX}


def new_key() -> str:
    return secrets.token_hex(4)


# Options


def choices(question: Any) -> list[dict[str, str]]:
    return list(question.options.get("choices", []))


def rows(question: Any) -> list[dict[str, str]]:
    return list(question.options.get("rows", []))


def items(question: Any) -> list[dict[str, str]]:
    return list(question.options.get("items", []))


def has_other(question: Any) -> bool:
    return question.kind in CHOICE_KINDS and bool(question.options.get("other"))


def other_label(question: Any) -> str:
    return question.options.get("other_label") or _("Other")


def scale_range(question: Any) -> range:
    low, high = int(question.options.get("min", 1)), int(question.options.get("max", 5))
    return range(low, high + 1)


def scale_labels(question: Any) -> list[tuple[int, str]]:
    """[(value, label)]: the ends carry their words, "1 – Not at all"."""
    steps = scale_range(question)
    ends = {steps[0]: question.options.get("min_label", ""), steps[-1]: question.options.get("max_label", "")}
    return [(value, f"{value} – {ends[value]}" if ends.get(value) else str(value)) for value in steps]


def keyed_labels(question: Any) -> dict[str, str]:
    """{key: label} of what can be chosen or ranked, "other" included."""
    listed = items(question) if question.kind == Kind.RANKING else choices(question)
    labels = {entry["key"]: entry["label"] for entry in listed}
    if question.kind == Kind.YES_NO:
        labels = {YES: _("Yes"), NO: _("No")}
    if has_other(question):
        labels[OTHER] = other_label(question)
    return labels


def lines_to_entries(lines: list[str], old: list[dict[str, str]]) -> list[dict[str, str]]:
    """Alternatives typed one per line, keeping the keys of those already there so answers given stay counted: the
    same text keeps its key, a changed text at the same place keeps the key of the text it replaces."""
    by_label = {entry["label"]: entry["key"] for entry in old}
    labels = [" ".join(line.split()) for line in lines if line.strip()]
    taken = {by_label[label] for label in labels if label in by_label}
    entries = []
    for position, label in enumerate(labels):
        key = by_label.get(label)
        if key is None and position < len(old) and old[position]["key"] not in taken:
            key = old[position]["key"]
        key = key or new_key()
        taken.add(key)
        entries.append({"key": key[:KEY_MAX], "label": label})
    return entries


# Conditions


def condition_values(question: Any) -> list[tuple[str, str]]:
    """[(value, label)] an answer to `question` can be compared with in a condition."""
    if question.kind in (Kind.SINGLE_CHOICE, Kind.MULTIPLE_CHOICE, Kind.YES_NO):
        return list(keyed_labels(question).items())
    if question.kind == Kind.SCALE:
        return [(str(value), label) for value, label in scale_labels(question)]
    return []


def condition_met(question: Any, value: Any, wanted: str) -> bool:
    """Does the answer `value` to `question` have the value a condition asks for?"""
    if value is None:
        return False
    if question.kind == Kind.SINGLE_CHOICE:
        return isinstance(value, dict) and value.get("choice") == wanted
    if question.kind == Kind.MULTIPLE_CHOICE:
        return isinstance(value, dict) and wanted in (value.get("choices") or [])
    return str(value) == wanted


# Answers: rules


def value_errors(question: Any, value: Any) -> list[str]:
    """What is wrong with an answer (never None: an unanswered question is checked by `missing_error`)."""
    check = CHECKS.get(question.kind)
    if check is None:
        return [_("This question cannot be answered.")]
    try:
        return check(question, value)
    except (TypeError, ValueError, AttributeError, KeyError, InvalidOperation):
        return [_("The answer could not be read. Answer the question again.")]


def missing_error(question: Any) -> str:
    """What a required question says when it has no answer."""
    return {
        Kind.SINGLE_CHOICE: _("Choose one of the alternatives."),
        Kind.YES_NO: _("Choose yes or no."),
        Kind.SCALE: _("Choose a value on the scale."),
        Kind.MULTIPLE_CHOICE: _("Choose at least one alternative."),
        Kind.MATRIX: _("Answer every row."),
        Kind.RANKING: _("Give every alternative a place."),
        Kind.NUMBER: _("Write a number."),
        Kind.DATE: _("Write a date."),
    }.get(question.kind, _("Write an answer."))


def is_empty(question: Any, value: Any) -> bool:
    if value is None or value == "" or value == {} or value == []:
        return True
    if question.kind == Kind.MULTIPLE_CHOICE and isinstance(value, dict):
        return not value.get("choices")
    return False


def is_complete(question: Any, value: Any) -> bool:
    """A matrix needs every row, a ranking every item, when the question is required."""
    if question.kind == Kind.MATRIX:
        return set(value) >= {row["key"] for row in rows(question)}
    if question.kind == Kind.RANKING:
        return set(value) >= {item["key"] for item in items(question)}
    return True


def _not_an_alternative():
    return _("That answer is not one of the alternatives. Choose one of those shown.")


def _other_errors(question, chosen, other):
    if not isinstance(other, str):
        raise TypeError
    if OTHER in chosen and not other.strip():
        return [_("Write what “%(other)s” is, or choose another alternative.") % {"other": other_label(question)}]
    if len(other) > OTHER_TEXT_MAX:
        return [_text_too_long(OTHER_TEXT_MAX, len(other))]
    return []


def other_errors(question: Any, value: Any) -> list[str]:
    """What is wrong with the "other" text of a choice answer (the form shows it beside that text field)."""
    if not has_other(question) or not isinstance(value, dict):
        return []
    chosen = value.get("choices") or [value.get("choice")]
    try:
        return _other_errors(question, chosen, value.get("other", ""))
    except TypeError:
        return []


def _single(question, value):
    keys = keyed_labels(question)
    if value["choice"] not in keys:
        return [_not_an_alternative()]
    return _other_errors(question, [value["choice"]], value.get("other", ""))


def _multiple(question, value):
    chosen = value["choices"]
    keys = keyed_labels(question)
    if not isinstance(chosen, list) or any(key not in keys for key in chosen) or len(set(chosen)) != len(chosen):
        return [_not_an_alternative()]
    return _other_errors(question, chosen, value.get("other", ""))


def _yes_no(question, value):
    return [] if value in (YES, NO) else [_("Choose yes or no.")]


def _on_scale(question, value):
    steps = scale_range(question)
    if isinstance(value, bool) or not isinstance(value, int) or value not in steps:
        return [_("Choose a value from %(min)s to %(max)s.") % {"min": steps[0], "max": steps[-1]}]
    return []


def _matrix(question, value):
    known = {row["key"] for row in rows(question)}
    if not isinstance(value, dict) or set(value) - known:
        return [_("That row is not part of the question. Answer the rows shown.")]
    for point in value.values():
        errors = _on_scale(question, point)
        if errors:
            return errors
    return []


def _ranking(question, value):
    known = {item["key"] for item in items(question)}
    if not isinstance(value, dict) or set(value) - known:
        return [_not_an_alternative()]
    places = list(value.values())
    if any(isinstance(place, bool) or not isinstance(place, int) or not 1 <= place <= len(known) for place in places):
        return [_("Give each alternative a place from 1 to %(n)s.") % {"n": len(known)}]
    if len(set(places)) != len(places):
        return [_("Each place can be given only once. Give the alternatives different places.")]
    return []


def _text_too_long(limit, count):
    return _("Write at most %(limit)s characters. Now there are %(count)s.") % {
        "limit": number_format(limit, force_grouping=True),
        "count": number_format(count, force_grouping=True),
    }


def _text(question, value):
    if not isinstance(value, str):
        raise TypeError
    limit = TEXT_LIMITS[question.kind]
    return [_text_too_long(limit, len(value))] if len(value) > limit else []


def decimal_or_none(text: Any) -> Decimal | None:
    """A number as people write it ("12,5", "1 200", "−3") or None when it is none."""
    if text is None or isinstance(text, bool):
        return None
    cleaned = str(text).strip().replace("\u2212", "-").replace(",", ".")
    cleaned = "".join(cleaned.split())
    if not WRITTEN_NUMBER.fullmatch(cleaned):  # no "1e5", "NaN" or "Infinity": not how people write numbers
        return None
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        return None


def _show(number: Decimal) -> str:
    """12 345 or 12,5: as people write numbers."""
    shown = int(number) if number == number.to_integral() else number.normalize()
    return number_format(shown, force_grouping=True)


def _number(question, value):
    number = decimal_or_none(value)
    if number is None or abs(number) >= NUMBER_LIMIT:
        return [_("Write a number, for example 12 or 12,5.")]
    if number != number.quantize(Decimal("0.0001")):
        return [_("Write the number with at most four decimals.")]
    low, high = decimal_or_none(question.options.get("min")), decimal_or_none(question.options.get("max"))
    if (low is not None and number < low) or (high is not None and number > high):
        return [_range_message(low, high, _show)]
    return []


def _range_message(low, high, show):
    if low is not None and high is not None:
        return _("Write a number from %(min)s to %(max)s.") % {"min": show(low), "max": show(high)}
    if low is not None:
        return _("Write a number of at least %(min)s.") % {"min": show(low)}
    return _("Write a number of at most %(max)s.") % {"max": show(high)}


def date_or_none(text: Any) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(str(text).strip())
    except ValueError:
        return None


def _date(question, value):
    day = date_or_none(value)
    if day is None or not 1800 <= day.year <= 2200:
        return [_("Write the date as year-month-day, for example 2026-11-23.")]
    low, high = date_or_none(question.options.get("min") or ""), date_or_none(question.options.get("max") or "")
    if (low and day < low) or (high and day > high):
        if low and high:
            return [_("Write a date from %(min)s to %(max)s.") % {"min": low.isoformat(), "max": high.isoformat()}]
        if low:
            return [_("Write a date on or after %(min)s.") % {"min": low.isoformat()}]
        return [_("Write a date on or before %(max)s.") % {"max": high.isoformat()}]  # type: ignore[union-attr]
    return []


CHECKS = {
    Kind.SINGLE_CHOICE: _single,
    Kind.MULTIPLE_CHOICE: _multiple,
    Kind.YES_NO: _yes_no,
    Kind.SCALE: _on_scale,
    Kind.MATRIX: _matrix,
    Kind.RANKING: _ranking,
    Kind.SHORT_TEXT: _text,
    Kind.LONG_TEXT: _text,
    Kind.NUMBER: _number,
    Kind.DATE: _date,
}


# Answers: storing and showing


def answer_rows(question: Any, value: Any) -> list[dict[str, Any]]:
    """The Answer rows (without response) of a checked answer: choice, row, number, text, date."""
    kind = question.kind
    if kind == Kind.SINGLE_CHOICE:
        return [{"choice": value["choice"], "text": _other_text(value) if value["choice"] == OTHER else ""}]
    if kind == Kind.MULTIPLE_CHOICE:
        return [{"choice": key, "text": _other_text(value) if key == OTHER else ""} for key in value["choices"]]
    if kind == Kind.YES_NO:
        return [{"choice": value}]
    if kind == Kind.SCALE:
        return [{"number": Decimal(value)}]
    if kind == Kind.MATRIX:
        return [{"row": row, "number": Decimal(point)} for row, point in value.items()]
    if kind == Kind.RANKING:
        return [{"choice": item, "number": Decimal(place)} for item, place in value.items()]
    if kind in TEXT_KINDS:
        return [{"text": value.strip()}] if value.strip() else []
    if kind == Kind.NUMBER:
        return [{"number": decimal_or_none(value)}]
    return [{"date": date_or_none(value)}]


def _other_text(value):
    return " ".join(str(value.get("other", "")).split())


def answer_display(question: Any, value: Any) -> str:
    """An answer in words, for the check page and the e-mail receipt."""
    if value is None:
        return ""
    labels = keyed_labels(question)
    kind = question.kind
    if kind in CHOICE_KINDS:
        chosen = [value["choice"]] if kind == Kind.SINGLE_CHOICE else value["choices"]
        return ", ".join(_with_other(labels.get(key, ""), value, key) for key in chosen)
    if kind == Kind.YES_NO:
        return labels.get(value, "")
    if kind == Kind.SCALE:
        return dict(scale_labels(question)).get(value, str(value))
    if kind == Kind.MATRIX:
        points = dict(scale_labels(question))
        shown = [
            f"{row['label']}: {points.get(value[row['key']], '')}" for row in rows(question) if row["key"] in value
        ]
        return "; ".join(shown)
    if kind == Kind.RANKING:
        ranked = sorted(value.items(), key=lambda pair: pair[1])
        return "; ".join(f"{place}. {labels.get(key, '')}" for key, place in ranked)
    if kind == Kind.NUMBER:
        number = decimal_or_none(value)
        return _show(number) if number is not None else ""
    return str(value)


def _with_other(label, value, key):
    other = _other_text(value) if key == OTHER else ""
    return f"{label}: {other}" if other else label
