"""Surveys' section of the yearly report (manifest `report_section`): every survey answered during the year, with
its responses per channel and, for each closed question, the alternatives counted (never single responses)."""

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from delaktig.core.contributions import ReportSection, Table

from .models import Purpose, Survey
from .selectors_results import results_of

ORDER = 117


def surveys_report_section(municipality, year):
    surveys = list(
        Survey.objects.filter(municipality=municipality, responses__submitted_at__year=year)
        .exclude(purpose=Purpose.EVALUATION)  # the participants' evaluations have the evaluation section
        .select_related("module__dialogue")
        .annotate(
            online=Count("responses", filter=Q(responses__channel="online"), distinct=True),
            paper=Count("responses", filter=Q(responses__channel="paper"), distinct=True),
        )
        .distinct()
        .order_by("module__dialogue__title", "title", "id")
    )
    if not surveys:
        return None
    overview = Table(
        _("Surveys answered during the year"),
        (_("Dialogue"), _("Survey"), _("Responses online"), _("Responses from paper")),
        tuple((s.module.dialogue.title, s.title, s.online, s.paper) for s in surveys),
        "surveys",
    )
    tables = [overview]
    for survey in surveys:
        tables += closed_tables(survey)
    return ReportSection(
        key="surveys",
        title=_("Surveys"),
        order=ORDER,
        paragraphs=(
            _(
                "Surveys in the year's dialogues, answered on the web and on paper. For each question with "
                "alternatives the table counts how many chose each; free-text answers are in the dialogue's results."
            ),
        ),
        tables=tuple(tables),
    )


def closed_tables(survey):
    """One table per question with alternatives, a scale, rows or items to rank: alternative, answers, share; a
    matrix's rows with their answers per point of the scale and mean; a ranking's items with their mean place and
    first places."""
    tables = []
    for result in results_of(survey).questions:
        if not result.closed or not result.answered:
            continue
        caption = f"{survey.title}: {result.number}. {result.question.text}"
        key = f"survey-{survey.pk}-q{result.number}"
        if result.matrix:
            tables.append(_matrix_table(result, caption, key))
        elif result.ranking:
            tables.append(_ranking_table(result, caption, key))
        elif result.bars:
            rows = tuple((bar.label, bar.count, bar.share) for bar in result.bars)
            tables.append(Table(caption, (_("Alternative"), _("Answers"), _("Share (%)")), rows, key))
    return tables


def _matrix_table(result, caption, key):
    headers = (_("Row"), *result.points, _("Answers"), _("Mean"))
    rows = tuple((row.label, *row.counts, row.answered, row.mean) for row in result.matrix)
    return Table(caption, headers, rows, key)


def _ranking_table(result, caption, key):
    first_share = {bar.label: bar.share for bar in result.bars}
    headers = (_("Alternative"), _("Mean place"), _("First places"), _("Share in first place (%)"))
    rows = tuple((label, mean, first, first_share.get(label)) for label, mean, first in result.ranking)
    return Table(caption, headers, rows, key)


def decision_basis_tables(module):
    """The closed questions of the module's survey, counted, for the decision basis; none for a participants'
    evaluation (about the dialogue, not the matter) or a survey nobody answered."""
    survey = Survey.objects.filter(module=module).exclude(purpose=Purpose.EVALUATION).first()
    if survey is None or not survey.responses.exists():
        return []
    survey.module = module
    return closed_tables(survey)
