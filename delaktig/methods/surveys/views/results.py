"""Results for staff: every question as a chart with its numbers in a table, the free-text answers with search,
breakdowns by age, gender or area with small groups hidden, the response rate of invitations, and downloads
(CSV and XLSX of the counted results; CSV of the responses without anything about the people)."""

import datetime

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_GET
from openpyxl import Workbook

from delaktig.core.exports import SWEDISH_EXCEL, XLSX_CONTENT_TYPE, csv_response, xlsx_bytes, xlsx_value
from delaktig.organisations.permissions import staff_view
from delaktig.participation.models import Channel
from delaktig.participation.rules import allowed

from .. import selectors
from ..models import Kind
from ..selectors_results import DIMENSIONS, about_counts, breakdown_of, breakdown_questions, results_of, texts_of
from .common import guard, module_context, survey_or_none, url

TEXTS_PER_PAGE = 50


def _results_guard(request, dialogue_id, module_id):
    module, refusal = guard(request, dialogue_id, module_id, "results")
    if refusal:
        return module, None, refusal
    survey = survey_or_none(module)
    if survey is None:
        return module, None, redirect(url("staff:index", module))
    return module, survey, None


@require_GET
@staff_view()
def results(request, dialogue_id, module_id):
    module, survey, refusal = _results_guard(request, dialogue_id, module_id)
    if refusal:
        return refusal
    context = module_context(
        module,
        survey=survey,
        results=results_of(survey),
        invitations=selectors.invitation_counts(survey),
        can_build=bool(allowed(request.user, "build", module)),
        channels=dict(Channel.choices),
    )
    return render(request, "surveys/staff/results.html", context)


@require_GET
@staff_view()
def texts(request, dialogue_id, module_id):
    """Free-text answers, newest first, searchable and by question; paged."""
    module, survey, refusal = _results_guard(request, dialogue_id, module_id)
    if refusal:
        return refusal
    questions = [q for q in survey.questions.order_by("section__order", "order", "id") if _has_text(q)]
    chosen = request.GET.get("fraga", "")
    question_id = int(chosen) if chosen.isdigit() and int(chosen) in {q.pk for q in questions} else None
    query = (request.GET.get("q") or "").strip()[:200]
    page = Paginator(texts_of(survey, question_id=question_id, query=query), TEXTS_PER_PAGE).get_page(
        request.GET.get("sida")
    )
    context = module_context(
        module, survey=survey, questions=questions, question_id=question_id, query=query, page=page
    )
    return render(request, "surveys/staff/texts.html", context)


def _has_text(question):
    return question.kind in (Kind.SHORT_TEXT, Kind.LONG_TEXT) or bool(question.options.get("other"))


@require_GET
@staff_view()
def groups(request, dialogue_id, module_id):
    """One closed question broken down by age, gender or area, with small groups hidden."""
    module, survey, refusal = _results_guard(request, dialogue_id, module_id)
    if refusal:
        return refusal
    from ..structure import structure_of

    questions = breakdown_questions(structure_of(survey))
    chosen = request.GET.get("fraga", "")
    question = next((q for q in questions if str(q.pk) == chosen), questions[0] if questions else None)
    dimension = request.GET.get("grupp") if request.GET.get("grupp") in DIMENSIONS else "age_band"
    context = module_context(
        module,
        survey=survey,
        questions=questions,
        question=question,
        dimension=dimension,
        dimensions=DIMENSIONS,
        breakdown=breakdown_of(survey, question, dimension) if question else None,
        told=about_counts(survey),
    )
    return render(request, "surveys/staff/groups.html", context)


def _table_rows(result):
    """[(answer, count, share)] of one question, as the downloads write them."""
    if result.matrix:
        return [
            (row.label, point, count, None)
            for row in result.matrix
            for point, count in zip(result.points, row.counts, strict=True)
        ]
    if result.ranking:
        return [
            (label, _("mean place %(mean)s") % {"mean": mean}, first, None) for label, mean, first in result.ranking
        ]
    if result.bars:
        return [("", bar.label, bar.count, bar.share) for bar in result.bars]
    if result.summary:
        return [("", key, value, None) for key, value in result.summary.items()]
    return [("", _("Free-text answers"), result.texts, None)]


def _headers():
    return [pgettext("column", "Number"), _("Question"), _("Row"), _("Alternative"), _("Answers"), _("Share (%)")]


def _result_lines(survey):
    lines = []
    for result in results_of(survey).questions:
        for row, answer, count, share in _table_rows(result):
            lines.append([result.number, result.question.text, row, str(answer), count, share])
    return lines


@require_GET
@staff_view()
def export_csv(request, dialogue_id, module_id):
    module, survey, refusal = _results_guard(request, dialogue_id, module_id)
    if refusal:
        return refusal
    return csv_response(
        f"enkat-{survey.pk}-resultat.csv", [_headers(), *_result_lines(survey)], delimiter=SWEDISH_EXCEL
    )


@require_GET
@staff_view()
def export_xlsx(request, dialogue_id, module_id):
    module, survey, refusal = _results_guard(request, dialogue_id, module_id)
    if refusal:
        return refusal
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Results")[:31]
    for line in [_headers(), *_result_lines(survey)]:
        sheet.append([xlsx_value(value) for value in line])
    texts = workbook.create_sheet(_("Free-text answers")[:31])
    texts.append([_("Question"), _("Answer"), _("Channel"), _("Date")])
    channels = dict(Channel.choices)
    for answer in texts_of(survey).order_by("question__section__order", "question__order", "created_at", "id"):
        texts.append(
            [
                xlsx_value(answer.question.text),
                xlsx_value(answer.text),
                xlsx_value(str(channels.get(answer.channel, answer.channel))),
                xlsx_value(answer.created_at),
            ]
        )
    response = HttpResponse(xlsx_bytes(workbook), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="enkat-{survey.pk}-resultat.xlsx"'
    return response


def _local_minute(stamp):
    """ "2026-11-21 11:25" (local time, to the minute) from an ISO time stamp."""
    return timezone.localtime(datetime.datetime.fromisoformat(stamp)).strftime("%Y-%m-%d %H:%M")


@require_GET
@staff_view()
def responses_csv(request, dialogue_id, module_id):
    """Every response with its answers in words: no account, no invitation, no "about you"."""
    module, survey, refusal = _results_guard(request, dialogue_id, module_id)
    if refusal:
        return refusal
    rows = selectors.export_rows(module)
    channels = dict(Channel.choices)
    if not rows:
        return csv_response(f"enkat-{survey.pk}-svar.csv", [[_("Reference")]], delimiter=SWEDISH_EXCEL)
    keys = list(rows[0])
    header = [_("Reference"), _("Channel"), _("Submitted"), _("Date received"), *keys[4:]]
    table = [
        [
            row["reference"],
            str(channels.get(row["channel"], row["channel"])),
            _local_minute(row["submitted"]),
            row["received_on"],
            *[row[k] for k in keys[4:]],
        ]
        for row in rows
    ]
    return csv_response(f"enkat-{survey.pk}-svar.csv", [header, *table], delimiter=SWEDISH_EXCEL)
