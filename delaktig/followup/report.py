"""The evaluations of the year's dialogues, per body: the yearly report's section (hook `yearly_report_sections`) and
the council's yearly overview (hook `council_overview_sections` of dialogues).

Which dialogues a year holds: the council overview's (by the opening date, else the decision date, else the day the
initiative was registered; cancelled and declined ones left out), and never information activities. Evaluated: the
dialogue has reached the state "evaluated". A target group is counted once for each evaluated dialogue whose plan
names it. The body is the dialogue's responsible body, as in the overview.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from delaktig.core import hookspecs as core_hooks
from delaktig.core.contributions import Chart, Link, ReportSection, Table
from delaktig.dialogues import hookspecs as dialogue_hooks
from delaktig.dialogues.models import State
from delaktig.dialogues.overview_tables import body_label, ordered_body_ids
from delaktig.dialogues.selectors import NOT_HELD, staff_dialogues

from . import participant_evaluation
from .models import Answer, Evaluation, Outcome, Reach, TargetGroupReach

ORDER = 55  # after the core sections' feedback (50), before proposals (60)


@dataclass
class Tally:
    dialogues: int = 0
    evaluated: int = 0
    purpose: Counter = field(default_factory=Counter)
    methods: Counter = field(default_factory=Counter)
    reaches: Counter = field(default_factory=Counter)


@dataclass(frozen=True)
class YearEvaluations:
    bodies: dict  # body id -> Body
    by_body: dict  # body id (None: no body) -> Tally
    by_group: dict  # target group name -> Counter of Reach
    lessons: list  # [(dialogue, body id, evaluation)] of evaluated dialogues with lessons
    dialogues: list = field(default_factory=list)  # the year's dialogues, by title
    evaluated: list = field(default_factory=list)  # [(dialogue, body id, evaluation)] of every evaluated dialogue


def year_evaluations(municipality, year):
    """The year's dialogues and their evaluations, counted per body and per target group (four queries, however
    many dialogues)."""
    year_dialogues = (
        staff_dialogues(municipality=municipality)
        .filter(activity_year=year)
        .exclude(state__in=NOT_HELD)
        .dialogues_only()
    )
    dialogues = list(year_dialogues.order_by("title", "id"))
    evaluated = year_dialogues.filter(state=State.EVALUATED).values("pk")
    evaluations = {
        evaluation.dialogue_id: evaluation for evaluation in Evaluation.objects.filter(dialogue__in=evaluated)
    }
    answered: dict = {}
    reaches = TargetGroupReach.objects.filter(evaluation__dialogue__in=evaluated).exclude(reached="")
    for reach in reaches.select_related("target_group").order_by("target_group__name", "id"):
        answered.setdefault(reach.evaluation_id, []).append(reach)
    by_body: dict = {}
    by_group: dict = {}
    lessons, evaluated_list = [], []
    for dialogue in dialogues:
        tally = by_body.setdefault(dialogue.responsible_body_id, Tally())
        tally.dialogues += 1
        evaluation = evaluations.get(dialogue.pk) if dialogue.state == State.EVALUATED else None
        if dialogue.state == State.EVALUATED:
            tally.evaluated += 1
        if evaluation is None:
            continue
        evaluated_list.append((dialogue, dialogue.responsible_body_id, evaluation))
        tally.purpose[evaluation.purpose_achieved] += 1
        tally.methods[evaluation.methods_right] += 1
        for reach in answered.get(evaluation.pk, []):
            tally.reaches[reach.reached] += 1
            by_group.setdefault(reach.target_group.name, Counter())[reach.reached] += 1
        if evaluation.lessons.strip():
            lessons.append((dialogue, dialogue.responsible_body_id, evaluation))
    bodies = {body.pk: body for body in municipality.bodies.all()}
    return YearEvaluations(
        bodies=bodies,
        by_body=by_body,
        by_group=by_group,
        lessons=lessons,
        dialogues=dialogues,
        evaluated=evaluated_list,
    )


# --- Tables -------------------------------------------------------------------------------------------------


def _body_rows(data, row):
    """One row per body with dialogues that year, then the total when there is more than one body."""
    order = ordered_body_ids(data.bodies, data.by_body)
    rows = [row(body_label(data.bodies, pk), data.by_body[pk]) for pk in order]
    if len(rows) > 1:
        total = Tally()
        for tally in data.by_body.values():
            total.dialogues += tally.dialogues
            total.evaluated += tally.evaluated
            total.purpose += tally.purpose
            total.methods += tally.methods
            total.reaches += tally.reaches
        rows.append(row(pgettext("evaluation", "All bodies"), total))
    return tuple(rows)


def answers_table(data, year):
    headers = (
        _("Body"),
        _("Dialogues"),
        _("Evaluated dialogues"),
        _("Purpose achieved"),
        _("Purpose partly achieved"),
        _("Purpose not achieved"),
        _("Right methods"),
        _("Methods partly right"),
        _("Methods not right"),
    )

    def row(label, tally):
        answers = [tally.purpose[answer] for answer in Answer.values] + [tally.methods[a] for a in Answer.values]
        return (label, tally.dialogues, tally.evaluated, *answers)

    caption = _("Evaluations of the dialogues %(year)s, per body") % {"year": year}
    return Table(caption, headers, _body_rows(data, row), "evaluations")


def reach_headers(first):
    return (first, _("Reached"), _("Partly reached"), _("Not reached"))


def reach_by_body_table(data, year):
    def row(label, tally):
        return (label, *(tally.reaches[value] for value in Reach.values))

    caption = _("Target groups reached %(year)s, per body") % {"year": year}
    return Table(caption, reach_headers(_("Body")), _body_rows(data, row), "target-groups-by-body")


def reach_by_group_table(data, year):
    rows = tuple((name, *(counts[value] for value in Reach.values)) for name, counts in sorted(data.by_group.items()))
    caption = _("Target groups reached %(year)s, per target group") % {"year": year}
    return Table(caption, reach_headers(_("Target group")), rows, "target-groups")


def _by_body(data, found):
    order = {pk: index for index, pk in enumerate(ordered_body_ids(data.bodies, data.by_body))}
    return sorted(found, key=lambda item: (order[item[1]], item[0].title, item[0].pk))


def _dialogue_link(dialogue):
    return Link(dialogue.title, settings.SITE_URL.rstrip("/") + dialogue.get_absolute_url())


def _answer_with_comment(value, comment):
    """The answer in words, then why: "Partly: we reached too few young people."."""
    if not value:
        return _("Not answered")
    label = str(Answer(value).label)
    return f"{label}: {comment.strip()}" if comment.strip() else label


def conclusions_table(data, year):
    """The conclusions of every evaluated dialogue, by body: was the purpose achieved, were the methods right,
    what the participants said; each answer with the reason staff gave."""
    rows = tuple(
        (
            _dialogue_link(dialogue),
            body_label(data.bodies, body_id),
            _answer_with_comment(evaluation.purpose_achieved, evaluation.purpose_comment),
            _answer_with_comment(evaluation.methods_right, evaluation.methods_comment),
            evaluation.participants_summary.strip() or None,
        )
        for dialogue, body_id, evaluation in _by_body(data, data.evaluated)
    )
    caption = _("Conclusions of the evaluations %(year)s") % {"year": year}
    headers = (
        _("Dialogue"),
        _("Body"),
        _("Was the purpose achieved?"),
        _("Were the methods right?"),
        _("The participants' evaluation"),
    )
    return Table(caption, headers, rows, "conclusions")


def lessons_table(data, year):
    """The lessons of every evaluated dialogue, by body, each with a link to the dialogue's page."""
    order = {pk: index for index, pk in enumerate(ordered_body_ids(data.bodies, data.by_body))}
    ordered = sorted(data.lessons, key=lambda found: (order[found[1]], found[0].title, found[0].pk))
    site = settings.SITE_URL.rstrip("/")
    rows = tuple(
        (Link(dialogue.title, site + dialogue.get_absolute_url()), body_label(data.bodies, body_id), evaluation.lessons)
        for dialogue, body_id, evaluation in ordered
    )
    caption = _("Lessons learned %(year)s") % {"year": year}
    return Table(caption, (_("Dialogue"), _("Body"), _("Lessons learned")), rows, "lessons")


def participants_tables(data, year):
    """What the participants of the year's dialogues said, per body: how many were asked and answered, and each
    closed question (by its text, across the dialogues that asked it) with the share of positive answers."""
    figures = participant_evaluation.figures_of(data.dialogues)
    asked: dict = {}
    questions: dict = {}
    for dialogue in data.dialogues:
        found = figures.get(dialogue.pk)
        if found is None:
            continue
        body = dialogue.responsible_body_id
        totals = asked.setdefault(body, Counter())
        totals.update(dialogues=1, invited=found.invited, answered=found.answered)
        for question in found.questions:
            tally = questions.setdefault((body, question.text), Counter())
            tally.update(dialogues=1, answers=question.answers, positive=question.positive)
    order = ordered_body_ids(data.bodies, asked) if asked else []
    summary = Table(
        _("The participants' evaluation %(year)s, per body") % {"year": year},
        (_("Body"), _("Dialogues whose participants were asked"), _("Invited"), _("People who answered")),
        tuple(
            (body_label(data.bodies, pk), asked[pk]["dialogues"], asked[pk]["invited"], asked[pk]["answered"])
            for pk in order
        ),
        "participants-evaluation",
    )
    rank = {pk: index for index, pk in enumerate(order)}
    answers = Table(
        _("What the participants answered %(year)s") % {"year": year},
        (_("Body"), _("Question"), _("Dialogues"), _("Answers"), _("Positive (%)")),
        tuple(
            (
                body_label(data.bodies, body),
                text,
                tally["dialogues"],
                tally["answers"],
                participant_evaluation.share(tally["positive"], tally["answers"]),
            )
            for (body, text), tally in sorted(questions.items(), key=lambda item: (rank[item[0][0]], item[0][1]))
        ),
        "participants-answers",
    )
    return summary, answers


def evaluation_section(municipality, year, *, charts=True):
    data = year_evaluations(municipality, year)
    participants, participant_answers = participants_tables(data, year)
    dialogues = sum(tally.dialogues for tally in data.by_body.values())
    evaluated = sum(tally.evaluated for tally in data.by_body.values())
    by_group = reach_by_group_table(data, year)
    return ReportSection(
        key="evaluations",
        title=_("Evaluation of the dialogues"),
        order=ORDER,
        paragraphs=(
            _("%(evaluated)s of the %(dialogues)s dialogues of the year are evaluated.")
            % {"evaluated": evaluated, "dialogues": dialogues},
            _(
                "After the feedback, staff evaluate each dialogue: was its purpose achieved, were the methods right, "
                "and were the target groups of its plan reached. A target group is counted once for each evaluated "
                "dialogue whose plan names it. Evaluations written before they had these questions have lessons "
                "only. Information activities are not dialogues and are not evaluated."
            ),
            _(
                "Participants are asked too, once a dialogue has closed. Positive answers: yes; the two highest "
                "steps of a scale; the first alternative of a question with alternatives. A question is counted by "
                "its text across the dialogues that asked it."
            ),
            _("The share is shown once at least five have answered the question, so that no one's answer can be seen."),
        ),
        tables=(
            answers_table(data, year),
            reach_by_body_table(data, year),
            by_group,
            lessons_table(data, year),
            participants,
            participant_answers,
            conclusions_table(data, year),
        ),
        charts=(Chart(by_group.caption, by_group, "barh"),) if charts and by_group.rows else (),
    )


# --- What was asked, what was decided, how the input mattered -----------------------------------------------

OUTCOMES_ORDER = 52  # after the core sections' feedback (50), before the evaluations (55)


def outcomes_section(municipality, year):
    """Per dialogue of the year (the same dialogues as the evaluations): its question, the decision in the matter
    and how the input mattered, as staff wrote it with the feedback."""
    dialogues = (
        staff_dialogues(municipality=municipality)
        .filter(activity_year=year)
        .exclude(state__in=NOT_HELD)
        .dialogues_only()
        .select_related("decision_in_matter__body")
        .order_by("title", "id")
    )
    outcomes = {outcome.dialogue_id: outcome for outcome in Outcome.objects.filter(dialogue__in=dialogues)}
    rows = tuple(
        (
            _dialogue_link(dialogue),
            dialogue.question,
            _decision_text(dialogue.decision_in_matter),
            (outcomes[dialogue.pk].input_influence.strip() if dialogue.pk in outcomes else "") or _("Not written yet"),
        )
        for dialogue in dialogues
    )
    decided = sum(1 for dialogue in dialogues if _is_decided(dialogue.decision_in_matter))
    table = Table(
        _("The dialogues of %(year)s: question, decision and influence") % {"year": year},
        (_("Dialogue"), _("What was asked"), _("What was decided"), _("How the input mattered")),
        rows,
        "outcomes",
    )
    return ReportSection(
        key="outcomes",
        title=_("What was asked, what was decided and how the input mattered"),
        order=OUTCOMES_ORDER,
        paragraphs=(
            _("The matter is decided in %(decided)s of the %(dialogues)s dialogues of the year.")
            % {"decided": decided, "dialogues": len(rows)},
            _(
                "The decision is the one in the matter the dialogue was about, as the minutes have it. How the input "
                "mattered is what staff wrote with the feedback to the participants."
            ),
        ),
        tables=(table,),
    )


def _is_decided(decision):
    return decision is not None and bool(decision.date or decision.text.strip())


def _decision_text(decision):
    if not _is_decided(decision):
        return _("Not decided yet")
    citation = decision.citation()
    text = decision.text.strip()
    return f"{citation}: {text}" if citation and text else citation or text


@core_hooks.yearly_report_sections.register
def evaluation_report_sections(municipality, year):
    return [outcomes_section(municipality, year), evaluation_section(municipality, year)]


@dialogue_hooks.council_overview_sections.register
def evaluation_overview_sections(municipality, year):
    return [evaluation_section(municipality, year, charts=False)]
