"""The parts of the yearly report that make it the council's document: the proposed resolution, how the principles
were followed, and the action points the democracy officer writes.

How the principles were followed is counted over the same dialogues as the core sections (the council overview's
dialogues of the year, information activities left out): for each check, how many of them met it.
"""

import datetime

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from delaktig.core.contributions import ReportSection, Table
from delaktig.dialogues.models import ChecklistAnswer, Dialogue, Kind, State
from delaktig.foundation import selectors as foundation_selectors
from delaktig.organisations.models import ChecklistQuestion

from .models import CouncilReport


def default_resolution(municipality):
    body = municipality.get_deciding_body()
    name = body.name if body is not None else _("The municipal council")
    return _("%(body)s places the report on file.") % {"body": name}


def council_texts(municipality, year):
    """The year's saved texts: (proposed resolution, action points); the default resolution when none is saved."""
    record = CouncilReport.objects.filter(municipality=municipality, year=year).first()
    resolution = (record.proposed_resolution.strip() if record else "") or default_resolution(municipality)
    return resolution, (record.action_point_list() if record else [])


def resolution_section(resolution):
    return ReportSection(
        key="resolution",
        title=_("Proposed resolution"),
        order=1,
        paragraphs=tuple(line.strip() for line in resolution.splitlines() if line.strip()),
    )


def action_points_section(points, year):
    table = Table(
        _("Action points for %(year)s") % {"year": year + 1},
        (_("Number"), _("Action point")),
        tuple((str(number), point) for number, point in enumerate(points, start=1)),
        "action-points",
    )
    paragraphs: tuple[str, ...] = (
        _("What the democracy officer proposes that the municipality does next year, from what this report shows."),
    )
    if not points:
        paragraphs += (_("No action points are written for this year."),)
    return ReportSection(
        key="action-points", title=_("Action points"), order=900, paragraphs=paragraphs, tables=(table,)
    )


# --- How the principles were followed ------------------------------------------------------------------------


def principles_section(municipality, year, rows):
    dialogues = [dialogue for dialogue in rows if dialogue.kind != Kind.INFORMATION]
    document = foundation_selectors.principles_in_force(municipality=municipality, on=datetime.date(year, 12, 31))
    return ReportSection(
        key="principles",
        title=_("How the principles were followed"),
        order=60,
        paragraphs=(
            _principles_paragraph(document),
            _(
                "The tables count the dialogues of the year (information activities left out): for each check, "
                "how many met it and how many did not. A checklist question counts as answered when its answer is "
                "written in the dialogue's checklist."
            ),
        ),
        tables=(promises_table(dialogues, year), checklist_table(municipality, dialogues, year)),
    )


def _principles_paragraph(document):
    if document is None:
        return _("No principles for citizen dialogue were adopted at the end of the year.")
    decided = f"{document.adopted_by} {document.adopted_on:%Y-%m-%d} {document.minute_item}".strip()
    return _(
        "The principles in force at the end of the year: “%(title)s”, version %(version)s, adopted by %(decided)s "
        "(%(number)s)."
    ) % {
        "title": document.title,
        "version": document.version,
        "decided": decided,
        "number": document.registration_number,
    }


def promises_table(dialogues, year):
    ids = [dialogue.pk for dialogue in dialogues]
    planned = Dialogue.target_groups.through.objects.filter(dialogue_id__in=ids)
    with_groups = set(planned.values_list("dialogue_id", flat=True))
    checks = (
        (_("The checklist was answered in full"), _checklist_complete(dialogues)),
        (_("The question was open to influence"), {d.pk for d in dialogues if d.is_influenceable}),
        (_("The plan named its target groups"), with_groups),
        (_("Feedback was given to the participants"), {d.pk for d in dialogues if d.feedback_published_at}),
        (_("The dialogue was evaluated"), {d.pk for d in dialogues if d.state == State.EVALUATED}),
    )
    total = len(dialogues)
    rows = tuple((str(label), len(met), total - len(met), total) for label, met in checks)
    caption = _("The principles' promises in the dialogues of %(year)s") % {"year": year}
    headers = (_("Check"), pgettext("principles", "Met"), pgettext("principles", "Not met"), _("Dialogues"))
    return Table(caption, headers, rows, "principles")


def _answered(dialogues):
    """{question id: {dialogue ids with a written answer}}."""
    answered: dict[int, set[int]] = {}
    found = ChecklistAnswer.objects.filter(dialogue__in=[d.pk for d in dialogues]).exclude(answer="")
    for question_id, dialogue_id, answer in found.values_list("question_id", "dialogue_id", "answer"):
        if answer.strip():
            answered.setdefault(question_id, set()).add(dialogue_id)
    return answered


def _checklist_complete(dialogues):
    if not dialogues:
        return set()
    municipality = dialogues[0].municipality
    required = list(
        ChecklistQuestion.objects.filter(municipality=municipality, is_active=True, required=True).values_list(
            "pk", flat=True
        )
    )
    answered = _answered(dialogues)
    return {d.pk for d in dialogues if all(d.pk in answered.get(question, ()) for question in required)}


def checklist_table(municipality, dialogues, year):
    """Per checklist question (those in use, and any other the year's dialogues answered): answered, not."""
    answered = _answered(dialogues)
    questions = ChecklistQuestion.objects.filter(municipality=municipality).order_by("order", "id")
    total = len(dialogues)
    rows = tuple(
        (question.text, len(answered.get(question.pk, ())), total - len(answered.get(question.pk, ())), total)
        for question in questions
        if question.is_active or question.pk in answered
    )
    caption = _("The checklist in the dialogues of %(year)s") % {"year": year}
    headers = (_("Checklist question"), _("Answered"), _("Not answered"), _("Dialogues"))
    return Table(caption, headers, rows, "checklist")
