"""The core sections of the yearly report, built on the dialogues' council overview (the same figures).

Which dialogues a year holds (see docs/yearly-report.md): the council overview's activities of the year (by the
opening date, else the decision date, else the day the initiative was registered), cancelled and declined ones
left out. Information activities are listed apart and never counted as dialogues.
"""

from collections import Counter
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from delaktig.core.contributions import Chart, ReportSection, Table
from delaktig.dialogues import selectors as dialogue_selectors
from delaktig.dialogues.models import Kind
from delaktig.dialogues.overview_tables import body_label, ordered_body_ids, overview_tables
from delaktig.participation.models import Channel

from . import council_sections
from .figures import feedback_figures, kind_counts, participation_figures


@dataclass(frozen=True)
class WarningTable(Table):
    """A table of things that need action now; HTML shows it in red (its caption says why, too)."""

    tone: str = "warning"


def core_sections(municipality, year, today=None):
    today = today or timezone.localdate()
    data = dialogue_selectors.council_overview(municipality=municipality, year=year)
    tables = overview_tables(municipality, data)
    participation = participation_figures(data["rows"])
    feedback = feedback_figures(municipality, year, today)
    return (
        summary_section(year, data, tables, participation, feedback),
        body_kind_section(data),
        ladder_section(tables),
        planned_held_section(tables),
        participation_section(participation),
        feedback_section(feedback),
        council_sections.principles_section(municipality, year, data["rows"]),
    )


# --- Sections ----------------------------------------------------------------------------------------------


def summary_section(year, data, tables, participation, feedback):
    kinds = kind_counts(data["rows"])
    citizen, user, info = kinds[Kind.CITIZEN_DIALOGUE], kinds[Kind.USER_DIALOGUE], kinds[Kind.INFORMATION]
    figures = (
        (_("Dialogues"), citizen + user),
        (_("of which citizen dialogues"), citizen),
        (_("of which user dialogues"), user),
        (_("Information activities (not counted as dialogues)"), info),
        (_("Dialogues planned in the year"), tables["planned_total"]),
        (_("Dialogues held (opened) in the year"), tables["held_total"]),
        (_("People who took part online"), participation.participants),
        (_("Inputs online"), participation.online),
        (_("Inputs on paper, at meetings and other ways"), participation.offline),
        (_("Feedback given on time"), feedback.on_time),
        (_("Feedback given late"), feedback.late),
        (_("Feedback overdue and not given yet"), len(feedback.overdue)),
    )
    return ReportSection(
        key="summary",
        title=pgettext("yearly report", "Summary"),
        order=0,
        paragraphs=summary_paragraphs(year, citizen, user, info, tables, participation, feedback),
        tables=(Table(_("Key figures %(year)s") % {"year": year}, (_("Figure"), _("Number")), figures, "summary"),),
    )


def summary_paragraphs(year, citizen, user, info, tables, participation, feedback):
    dialogues = citizen + user
    return (
        ngettext(
            "In %(year)s the report covers %(count)s dialogue (citizen dialogues: %(citizen)s, user dialogues: "
            "%(user)s).",
            "In %(year)s the report covers %(count)s dialogues (citizen dialogues: %(citizen)s, user dialogues: "
            "%(user)s).",
            dialogues,
        )
        % {"year": year, "count": dialogues, "citizen": citizen, "user": user},
        ngettext(
            "There was also %(count)s information activity. Information is not a dialogue and is not counted as one.",
            "There were also %(count)s information activities. Information is not a dialogue and is not counted as "
            "one.",
            info,
        )
        % {"count": info},
        _("Dialogues planned during the year: %(planned)s. Held (opened) during the year: %(held)s.")
        % {"planned": tables["planned_total"], "held": tables["held_total"]},
        _(
            "People who took part online: %(people)s. Inputs online: %(online)s. Inputs on paper, at meetings or in "
            "other ways: %(offline)s."
        )
        % {"people": participation.participants, "online": participation.online, "offline": participation.offline},
        _(
            "Feedback to participants: %(on_time)s on time, %(late)s late, %(overdue)s overdue and not given yet, "
            "%(later)s not due yet."
        )
        % {
            "on_time": feedback.on_time,
            "late": feedback.late,
            "overdue": len(feedback.overdue),
            "later": feedback.not_yet_due,
        },
    )


def body_kind_section(data):
    counts = {}
    for dialogue in data["rows"]:
        counts.setdefault(dialogue.responsible_body_id, Counter())[dialogue.kind] += 1
    rows = tuple(
        (
            str(body_label(data["bodies"], pk)),
            counts[pk][Kind.CITIZEN_DIALOGUE],
            counts[pk][Kind.USER_DIALOGUE],
            counts[pk][Kind.INFORMATION],
        )
        for pk in ordered_body_ids(data["bodies"], counts)
    )
    by_body = Table(
        _("Dialogues by body and kind"),
        (_("Body"), _("Citizen dialogues"), _("User dialogues"), _("Information activities (not dialogues)")),
        rows,
        "body-kind",
    )
    kinds = kind_counts(data["rows"])
    by_kind = Table(
        _("Dialogues by kind"),
        (_("Kind"), _("Number")),
        (
            (str(Kind.CITIZEN_DIALOGUE.label), kinds[Kind.CITIZEN_DIALOGUE]),
            (str(Kind.USER_DIALOGUE.label), kinds[Kind.USER_DIALOGUE]),
            (_("Dialogues in total"), kinds[Kind.CITIZEN_DIALOGUE] + kinds[Kind.USER_DIALOGUE]),
            (_("Information activities (not counted as dialogues)"), kinds[Kind.INFORMATION]),
        ),
        "kind",
    )
    return ReportSection(
        key="body-kind",
        title=_("Dialogues by body and kind"),
        order=10,
        paragraphs=(
            _(
                "The body is the one that proposed the dialogue, else the body of the responsible department. "
                "Cancelled and declined initiatives are left out."
            ),
        ),
        tables=(by_body, by_kind),
        charts=(Chart(_("Dialogues by body and kind"), by_body, "barh"),),
    )


def ladder_section(tables):
    rows, _total = tables["by_level"]
    table = Table(
        _("Dialogues by level on the participation ladder"),
        (_("Level"), _("Dialogues"), _("Information activities (not dialogues)")),
        tuple((str(label), dialogues, info) for label, dialogues, info in rows),
        "ladder",
    )
    return ReportSection(
        key="ladder",
        title=_("Level on the participation ladder"),
        order=20,
        paragraphs=(
            _(
                "The participation ladder shows how much influence participants were promised, in the steps the "
                "municipality uses."
            ),
        ),
        tables=(table,),
        charts=(Chart(_("Dialogues by level on the participation ladder"), table),),
    )


def planned_held_section(tables):
    table = Table(
        _("Dialogues planned and held, by body"),
        (_("Body"), pgettext("yearly report", "Planned"), pgettext("yearly report", "Held")),
        tuple((str(label), planned, held) for label, planned, held in tables["planned_held"]),
        "planned-held",
    )
    return ReportSection(
        key="planned-held",
        title=_("Planned and held, by body"),
        order=30,
        paragraphs=(
            _(
                "Planned: decided during the year (or, without a decision, planned to start during the year), "
                "whatever happened later. Held: opened to participants during the year. Dialogues only."
            ),
            _("In total %(planned)s planned and %(held)s held.")
            % {"planned": tables["planned_total"], "held": tables["held_total"]},
        ),
        tables=(table,),
        charts=(Chart(_("Dialogues planned and held, by body"), table, "barh"),),
    )


def participation_section(participation):
    per_dialogue = Table(
        _("Participation per dialogue"),
        (
            _("Dialogue"),
            _("People online"),
            _("Inputs online"),
            _("Inputs offline"),
            _("Inputs in total"),
            _("People offline, counted by staff"),
        ),
        participation.rows,
        "participation",
    )
    channels = Table(
        _("Inputs by channel"),
        (_("Channel"), _("Inputs")),
        _channel_rows(participation.by_channel),
        "channels",
    )
    totals = Table(
        _("Participation in total"),
        (_("Figure"), _("Number")),
        (
            (_("People who took part online (each counted once)"), participation.participants),
            (_("Inputs online"), participation.online),
            (_("Inputs offline"), participation.offline),
        ),
        "participation-total",
    )
    return ReportSection(
        key="participation",
        title=_("Participation"),
        order=40,
        paragraphs=(
            _(
                "Dialogues that opened to participants. People online are those who wrote, commented or supported "
                "something while logged in; each person counts once per dialogue and once in the total. Inputs "
                "entered by staff from paper, meetings, e-mail and phone are offline. People offline are those who "
                "took part at meetings, on paper or by phone, as staff counted them when compiling the results."
            ),
        ),
        tables=(channels, per_dialogue, totals),
        charts=(Chart(_("Inputs by channel"), channels, "barh"),),
    )


def _channel_rows(by_channel):
    """Inputs per channel in the usual order of channels (online first), then any other label."""
    known = [str(label) for _value, label in Channel.choices]
    order = known + sorted(label for label in by_channel if label not in known)
    return tuple((label, by_channel[label]) for label in order if by_channel[label])


def feedback_section(feedback):
    table = Table(
        _("Feedback to participants"),
        (_("Feedback"), _("Dialogues")),
        (
            (_("Given on time"), feedback.on_time),
            (_("Given late"), feedback.late),
            (_("Overdue, not given yet"), len(feedback.overdue)),
            (_("Not due yet"), feedback.not_yet_due),
        ),
        "feedback",
    )
    tables = (table,)
    if feedback.overdue:
        tables += (
            WarningTable(
                _("Overdue: feedback not given yet"),
                (_("Dialogue"), _("Feedback due"), _("Days overdue")),
                feedback.overdue,
                "feedback-overdue",
            ),
        )
    return ReportSection(
        key="feedback",
        title=_("Feedback on time or late"),
        order=50,
        paragraphs=(
            _(
                "Dialogues whose feedback to participants was due during the year. On time: published on or before "
                "the day it was due."
            ),
        ),
        tables=tables,
        charts=(Chart(_("Feedback to participants"), table),),
    )
