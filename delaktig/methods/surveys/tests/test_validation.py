"""Each type of question: what an answer may be, and the Swedish message when it is not."""

from types import SimpleNamespace

import pytest

from .. import questions as types
from ..models import Kind
from ..structure import question_errors


def question(kind, required=False, **options):
    return SimpleNamespace(kind=kind, required=required, options=options, pk=1, text="Frågan")


CHOICES = {
    "choices": [{"key": "a", "label": "Alfa"}, {"key": "b", "label": "Beta"}],
    "other": True,
    "other_label": "Annat",
}
SCALE = {"min": 1, "max": 5, "min_label": "Inte alls", "max_label": "Helt"}


def errors(q, value):
    return question_errors(q, value)


@pytest.mark.parametrize(
    ("kind", "options", "value"),
    [
        (Kind.SINGLE_CHOICE, CHOICES, {"choice": "a", "other": ""}),
        (Kind.SINGLE_CHOICE, CHOICES, {"choice": "other", "other": "Gamma"}),
        (Kind.MULTIPLE_CHOICE, CHOICES, {"choices": ["a", "b"], "other": ""}),
        (Kind.YES_NO, {}, "no"),
        (Kind.SCALE, SCALE, 5),
        (Kind.MATRIX, {**SCALE, "rows": [{"key": "r", "label": "Rad"}]}, {"r": 1}),
        (Kind.RANKING, {"items": [{"key": "x", "label": "X"}, {"key": "y", "label": "Y"}]}, {"x": 2, "y": 1}),
        (Kind.SHORT_TEXT, {}, "Kort"),
        (Kind.LONG_TEXT, {}, "Långt " * 100),
        (Kind.NUMBER, {"min": "0", "max": "120"}, "12.5"),
        (Kind.DATE, {"min": "2020-01-01", "max": None}, "2026-11-23"),
    ],
)
def test_a_good_answer_of_each_type_passes(kind, options, value):
    assert errors(question(kind, required=True, **options), value) == []


@pytest.mark.parametrize(
    ("kind", "options", "value", "message"),
    [
        (Kind.SINGLE_CHOICE, CHOICES, {"choice": "hacked", "other": ""}, "inte ett av alternativen"),
        (Kind.SINGLE_CHOICE, CHOICES, {"choice": "other", "other": " "}, "Skriv vad"),
        (Kind.SINGLE_CHOICE, CHOICES, {"choice": "other", "other": "x" * 301}, "högst 300 tecken"),
        (Kind.MULTIPLE_CHOICE, CHOICES, {"choices": ["a", "zz"], "other": ""}, "inte ett av alternativen"),
        (Kind.MULTIPLE_CHOICE, CHOICES, {"choices": ["a", "a"], "other": ""}, "inte ett av alternativen"),
        (Kind.YES_NO, {}, "kanske", "ja eller nej"),
        (Kind.SCALE, SCALE, 6, "från 1 till 5"),
        (Kind.SCALE, SCALE, 0, "från 1 till 5"),
        (Kind.SCALE, SCALE, "3", "från 1 till 5"),
        (Kind.MATRIX, {**SCALE, "rows": [{"key": "r", "label": "Rad"}]}, {"r": 9}, "från 1 till 5"),
        (Kind.MATRIX, {**SCALE, "rows": [{"key": "r", "label": "Rad"}]}, {"fake": 1}, "raderna"),
        (
            Kind.RANKING,
            {"items": [{"key": "x", "label": "X"}, {"key": "y", "label": "Y"}]},
            {"x": 1, "y": 1},
            "bara ges en gång",
        ),
        (Kind.RANKING, {"items": [{"key": "x", "label": "X"}, {"key": "y", "label": "Y"}]}, {"x": 3}, "från 1 till 2"),
        (Kind.SHORT_TEXT, {}, "x" * 301, "högst 300 tecken"),
        (Kind.LONG_TEXT, {}, "x" * 4001, "högst 4\u00a0000 tecken"),
        (Kind.NUMBER, {"min": "0", "max": "120"}, "121", "från 0 till 120"),
        (Kind.NUMBER, {"min": "0", "max": None}, "-1", "minst 0"),
        (Kind.NUMBER, {}, "tolv", "Skriv ett tal"),
        (Kind.NUMBER, {}, "1e400", "Skriv ett tal"),
        (Kind.NUMBER, {}, "NaN", "Skriv ett tal"),
        (Kind.NUMBER, {}, "1e5", "Skriv ett tal"),
        (Kind.NUMBER, {}, "12,5,3", "Skriv ett tal"),
        (Kind.NUMBER, {}, "0.000001", "fyra decimaler"),
        (Kind.DATE, {}, "2026-02-30", "år-månad-dag"),
        (Kind.DATE, {"min": "2020-01-01", "max": "2020-12-31"}, "2021-01-01", "från 2020-01-01 till 2020-12-31"),
    ],
)
def test_a_bad_answer_of_each_type_says_how_to_fix_it(kind, options, value, message):
    found = errors(question(kind, **options), value)
    assert found and message in found[0], found


@pytest.mark.parametrize(
    ("kind", "options", "message"),
    [
        (Kind.SINGLE_CHOICE, CHOICES, "Välj ett av alternativen"),
        (Kind.MULTIPLE_CHOICE, CHOICES, "Välj minst ett"),
        (Kind.YES_NO, {}, "ja eller nej"),
        (Kind.SCALE, SCALE, "skalan"),
        (Kind.LONG_TEXT, {}, "Skriv ett svar"),
        (Kind.NUMBER, {}, "Skriv ett tal"),
        (Kind.DATE, {}, "Skriv ett datum"),
    ],
)
def test_a_required_question_needs_an_answer_and_an_optional_one_does_not(kind, options, message):
    assert message in errors(question(kind, required=True, **options), None)[0]
    assert errors(question(kind, **options), None) == []


def test_a_required_matrix_needs_every_row_and_a_required_ranking_every_item():
    matrix = question(
        Kind.MATRIX, required=True, **SCALE, rows=[{"key": "r", "label": "R"}, {"key": "s", "label": "S"}]
    )
    assert "varje rad" in errors(matrix, {"r": 3})[0]
    assert errors(question(Kind.MATRIX, **SCALE, rows=matrix.options["rows"]), {"r": 3}) == []
    ranking = question(Kind.RANKING, required=True, items=[{"key": "x", "label": "X"}, {"key": "y", "label": "Y"}])
    assert "plats" in errors(ranking, {"x": 1})[0]


def test_a_value_of_the_wrong_shape_is_refused_not_a_crash():
    for kind in Kind.values:
        q = question(kind, **CHOICES, **SCALE, rows=[{"key": "r", "label": "R"}], items=[{"key": "x", "label": "X"}])
        for value in ([1, 2], {"nested": {"deep": 1}}, 3.5, True):
            assert isinstance(errors(q, value), list)


def test_answers_become_rows_to_count():
    rows = types.answer_rows(
        question(Kind.MULTIPLE_CHOICE, **CHOICES), {"choices": ["a", "other"], "other": " Gamma  "}
    )
    assert rows == [{"choice": "a", "text": ""}, {"choice": "other", "text": "Gamma"}]
    matrix = types.answer_rows(question(Kind.MATRIX, **SCALE), {"r": 2})
    assert matrix[0]["row"] == "r" and matrix[0]["number"] == 2
    assert types.answer_rows(question(Kind.LONG_TEXT), "   ") == []


def test_changed_alternatives_keep_the_keys_of_those_already_there():
    old = [{"key": "k1", "label": "Buss"}, {"key": "k2", "label": "Cykel"}]
    entries = types.lines_to_entries(["Cykel", "Bussen", "Bil"], old)
    keys = {entry["label"]: entry["key"] for entry in entries}
    assert keys["Cykel"] == "k2"  # the same text keeps its key wherever it moves
    assert keys["Bil"] not in {"k1", "k2"}
    assert types.lines_to_entries(["Buss", "Cykel (el)"], old)[1]["key"] == "k2"  # corrected in place


def test_numbers_as_people_write_them():
    assert types.decimal_or_none("1 200,5") == types.decimal_or_none("1200.5")
    assert types.decimal_or_none("\u221212") < 0
    assert types.decimal_or_none("inf") is None and types.decimal_or_none(None) is None
    assert types.decimal_or_none("+3") == 3 and types.decimal_or_none(",5") == types.decimal_or_none("0.5")
    assert types.decimal_or_none("2E3") is None and types.decimal_or_none("0x10") is None
