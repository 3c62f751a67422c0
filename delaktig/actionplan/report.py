"""The action plan's follow-up as its own section of the yearly report (hook `yearly_report_sections`), and in the
council's overview (hook `council_overview_sections` of dialogues): progress across the plan, every action with its
owner, deadline, status and the year's latest follow-up note, and the boards without a participation ambassador."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from delaktig.core import hookspecs as core_hooks
from delaktig.core.contributions import ReportSection, Table
from delaktig.dialogues import hookspecs as dialogue_hooks

from . import selectors
from .models import Status

ORDER = 25


def _as_of(year):
    """The day the figures are read: the year's last day, or today within the year."""
    today = timezone.localdate()
    return min(today, datetime.date(year, 12, 31))


def plan_section(municipality, year):
    plan = selectors.plan_current(municipality, year=year)
    title = _("The action plan for participation")
    if plan is None:
        return ReportSection(key="action_plan", title=title, order=ORDER,
                             paragraphs=(_("The municipality has no action plan for participation yet."),))  # fmt: skip
    day = _as_of(year)
    progress = selectors.progress(plan, day)
    summary = _(
        "%(plan)s: %(done)s of %(total)s actions are done (%(share)s %%), %(going)s are in progress and %(overdue)s "
        "are past their deadline."
    ) % {
        "plan": plan.title, "done": progress[Status.DONE],
        "total": progress["total"], "share": progress["done_share"], "going": progress[Status.IN_PROGRESS],
        "overdue": progress["overdue"],
    }  # fmt: skip
    paragraphs = [summary, *_ambassador_sentences(municipality, day)]
    return ReportSection(
        key="action_plan", title=title, order=ORDER, paragraphs=tuple(paragraphs),
        tables=(_actions_table(plan, year, day), _ambassadors_table(municipality, year, day)),
    )  # fmt: skip


def _actions_table(plan, year, day):
    rows = []
    for goal, actions in selectors.goals_with_actions(plan, day):
        for action, overdue, _latest in actions:
            note = next((f.note for f in action.followups.all() if f.year == year), "")
            late = _("past the deadline")
            status = f"{action.get_status_display()} ({late})" if overdue else action.get_status_display()
            owner = action.owner.name if action.owner else "–"
            rows.append((goal.title, action.title, owner, action.deadline, status, note))
    headers = (_("Goal"), pgettext("action plan", "Action"), _("Owner"), _("Deadline"), _("Status"))
    headers += (_("Latest follow-up that year"),)
    return Table(_("Actions of the plan %(year)s") % {"year": year}, headers, tuple(rows), "action-plan")


def _ambassadors_table(municipality, year, day):
    rows = tuple(
        (board.name, ambassador.person_name if ambassador else _("Missing"))
        for board, ambassador in selectors.boards_with_ambassadors(municipality, day)
    )
    caption = _("Participation ambassadors per board %(year)s") % {"year": year}
    return Table(caption, (_("Board"), _("Ambassador")), rows, "ambassadors")


def _ambassador_sentences(municipality, day):
    missing = [board.name for board in selectors.boards_without_ambassador(municipality, day)]
    if not missing:
        return []
    return [_("Boards without a participation ambassador: %(boards)s.") % {"boards": ", ".join(missing)}]


@core_hooks.yearly_report_sections.register
def action_plan_report_sections(municipality, year):
    return [plan_section(municipality, year)]


@dialogue_hooks.council_overview_sections.register
def action_plan_overview_sections(municipality, year):
    return [plan_section(municipality, year)]
