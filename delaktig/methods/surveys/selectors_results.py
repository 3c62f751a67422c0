"""The results of a survey, counted in the database: a fixed number of queries however many responses there are.

Every closed answer is counted with one GROUP BY over (question, row, choice, number); numbers and dates get their
summary in one more query; free texts are counted per question in another. Responses older than a few minutes are
counted once and kept (tally.py), so each page counts only the later ones. Breakdowns by age, gender or area
count one question against the "about you" answers, with small cells suppressed as every figure about people is
(participation.demographics).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from delaktig.participation.demographics import AgeBand, Gender, suppress, suppress_matrix

from . import questions as types
from .models import Answer, Kind, Question, Survey
from .pending import settled
from .structure import Structure, structure_of
from .tally import CLOSED, counts_of

CLOSED_KINDS = CLOSED
CHARTED_KINDS = frozenset({Kind.SINGLE_CHOICE, Kind.MULTIPLE_CHOICE, Kind.YES_NO, Kind.SCALE})


@dataclass
class Bar:
    label: str
    count: int
    share: float | None  # percent of those who answered the question


@dataclass
class MatrixRow:
    label: str
    counts: list[int]  # per point of the scale
    answered: int
    mean: float | None


@dataclass
class QuestionResult:
    question: Question
    number: int
    answered: int = 0  # responses that answered the question
    bars: list[Bar] = field(default_factory=list)  # choices, yes/no, scale points; ranking: first places
    mean: float | None = None  # scale
    matrix: list[MatrixRow] = field(default_factory=list)
    points: list[str] = field(default_factory=list)  # the matrix's scale, in words
    ranking: list[tuple[str, float | None, int]] = field(default_factory=list)  # (item, mean place, first places)
    summary: dict[str, Any] = field(default_factory=dict)  # numbers and dates: count, mean, lowest, highest
    texts: int = 0  # free-text answers (texts, and "other" for choices)

    @property
    def charted(self):
        return self.question.kind in CHARTED_KINDS and self.answered > 0

    @property
    def closed(self):
        return self.question.kind in CLOSED_KINDS


@dataclass
class Results:
    survey: Survey
    structure: Structure
    responses: int
    per_channel: dict[str, int]
    questions: list[QuestionResult]


def _share(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def results_of(survey: Survey) -> Results:
    """Every question's result, in a fixed number of queries that do not grow with the responses: the structure
    (2) and the counts (tally.counts_of: the tally kept of earlier responses, and the later ones counted live)."""
    structure = structure_of(survey)
    counts = counts_of(survey, structure)
    grouped = counts.grouped_by_question()
    results = []
    for pk, question in structure.questions.items():
        result = QuestionResult(
            question, structure.number(question), counts.answered.get(pk, 0), texts=counts.texts.get(pk, 0)
        )
        _fill(result, grouped.get(pk, []), counts.summaries.get(pk, {}))
        results.append(result)
    return Results(survey, structure, sum(counts.channels.values()), counts.channels, results)


def _fill(result: QuestionResult, rows: list[dict[str, Any]], summary: dict[str, Any]) -> None:
    question, kind = result.question, result.question.kind
    if kind in types.CHOICE_KINDS or kind == Kind.YES_NO:
        counts: defaultdict[str, int] = defaultdict(int)
        for row in rows:
            counts[row["choice"]] += row["n"]
        labels = types.keyed_labels(question)
        result.bars = [Bar(label, counts[key], _share(counts[key], result.answered)) for key, label in labels.items()]
        result.bars += [
            Bar(_("Removed alternative"), n, _share(n, result.answered)) for k, n in counts.items() if k not in labels
        ]
    elif kind == Kind.SCALE:
        scale_counts: defaultdict[int, int] = defaultdict(int)
        for row in rows:
            scale_counts[int(row["number"])] += row["n"]
        result.bars = [
            Bar(label, scale_counts[v], _share(scale_counts[v], result.answered))
            for v, label in types.scale_labels(question)
        ]
        total = sum(scale_counts.values())
        result.mean = round(sum(v * n for v, n in scale_counts.items()) / total, 2) if total else None
    elif kind == Kind.MATRIX:
        _fill_matrix(result, rows)
    elif kind == Kind.RANKING:
        _fill_ranking(result, rows)
    elif summary:
        result.summary = _summary_of(kind, summary)


def _fill_matrix(result, rows):
    question = result.question
    steps = list(types.scale_range(question))
    counts: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for row in rows:
        counts[row["row"]][int(row["number"])] += row["n"]
    result.points = [label for _value, label in types.scale_labels(question)]
    for entry in types.rows(question):
        per_point = counts.get(entry["key"], {})
        line = [per_point.get(step, 0) for step in steps]
        total = sum(line)
        mean = round(sum(step * n for step, n in zip(steps, line, strict=True)) / total, 2) if total else None
        result.matrix.append(MatrixRow(entry["label"], line, total, mean))


def _fill_ranking(result, rows):
    places: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for row in rows:
        places[row["choice"]].append((int(row["number"]), row["n"]))
    ranked = []
    for entry in types.items(result.question):
        given = places.get(entry["key"], [])
        total = sum(n for _place, n in given)
        mean = round(sum(place * n for place, n in given) / total, 2) if total else None
        first = sum(n for place, n in given if place == 1)
        ranked.append((entry["label"], mean, first))
    result.ranking = sorted(ranked, key=lambda item: (item[1] is None, item[1] or 0))
    result.bars = [Bar(label, first, _share(first, result.answered)) for label, _mean, first in result.ranking]


def _summary_of(kind, row):
    if kind == Kind.DATE:
        return {"count": row["count"], "first": row["first"], "last": row["last"]}
    mean = row["sum"] / row["count"] if row["sum"] is not None and row["count"] else None
    return {
        "count": row["count"],
        "mean": round(float(mean), 2) if mean is not None else None,
        "low": _plain(row["low"]),
        "high": _plain(row["high"]),
    }


def _plain(value):
    if value is None:
        return None
    value = Decimal(value)
    return int(value) if value == value.to_integral() else float(value.normalize())


# Free-text answers


def texts_of(survey: Survey, *, question_id: int | None = None, query: str = "") -> Any:
    """Free-text answers, newest first, searchable (core.search), with their question."""
    from delaktig.core.search import search

    settled(survey=survey)
    qs = Answer.objects.filter(survey=survey).exclude(text="").select_related("question")
    if question_id:
        qs = qs.filter(question_id=question_id)
    if query:
        qs = search(qs, query, fields=["text"])
    return qs.order_by("-created_at", "-id")


# Breakdown by a group of people

DIMENSIONS = {"age_band": gettext_lazy("Age"), "gender": gettext_lazy("Gender"), "area": gettext_lazy("Area")}


def groups_of(survey: Survey, dimension: str) -> list[tuple[Any, str]]:
    """[(value, label)] of a dimension's groups, in order ("Not told" is added by the breakdown)."""
    if dimension == "age_band":
        return [(value, str(label)) for value, label in AgeBand.choices]
    if dimension == "gender":
        return [(value, str(label)) for value, label in Gender.choices]
    return [(area.pk, area.name) for area in survey.municipality.areas.order_by("order", "name")]


@dataclass
class Breakdown:
    question: Question
    dimension: str
    columns: list[str]  # the alternatives
    rows: list[tuple[str, list[Any], Any]]  # (group, shown counts per alternative, shown total)


def breakdown_of(survey: Survey, question: Question, dimension: str) -> Breakdown:
    """How each group of people answered one closed question (one query): a table with a row per group and a
    column per alternative, counts below five and the cells that would give them away suppressed."""
    if question.kind == Kind.SCALE:
        keys = [str(v) for v in types.scale_range(question)]
        columns = [label for _v, label in types.scale_labels(question)]
        field_name = "number"
    else:
        labelled = types.keyed_labels(question)
        keys, columns, field_name = list(labelled), list(labelled.values()), "choice"
    groups = groups_of(survey, dimension)
    lookup = f"response__about__{dimension}" if dimension != "area" else "response__about__area_id"
    counts: dict[tuple[str, str], int] = defaultdict(int)
    settled(survey=survey)
    rows = Answer.objects.filter(survey=survey, question=question).values(field_name, lookup).annotate(n=Count("id"))
    for row in rows.order_by():
        value = row[field_name]
        key = str(int(value)) if field_name == "number" and value is not None else str(value)
        counts[(str(row[lookup] or ""), key)] += row["n"]
    labels = [(str(value), label) for value, label in groups] + [("", _("Not told"))]
    matrix = [[counts[(group, key)] for key in keys] for group, _label in labels]
    cells = suppress_matrix(matrix, column_totals=True)  # the overall results show each column's total
    shown_rows = []
    for (_group, label), line, raw in zip(labels, cells, matrix, strict=True):
        shown_rows.append((label, [cell.shown() for cell in line], suppress(sum(raw))))
    return Breakdown(question, dimension, columns, shown_rows)


def breakdown_questions(structure: Structure) -> list[Question]:
    return [
        q
        for q in structure.questions.values()
        if q.kind in (Kind.SINGLE_CHOICE, Kind.MULTIPLE_CHOICE, Kind.YES_NO, Kind.SCALE)
    ]


def about_counts(survey: Survey) -> dict[str, int]:
    """How many told their age, gender and area (to say how much a breakdown rests on)."""
    from .models import AboutYou

    settled(survey=survey)
    told = AboutYou.objects.filter(survey=survey).aggregate(
        age_band=Count("id", filter=~Q(age_band="")),
        gender=Count("id", filter=~Q(gender="")),
        area=Count("id", filter=Q(area__isnull=False)),
    )
    return {key: value or 0 for key, value in told.items()}
