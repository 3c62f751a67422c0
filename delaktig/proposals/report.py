"""The e-petitions and citizen proposals section of the yearly report (hook `yearly_report_sections`).

What counts in a year (see docs/yearly-report.md): received = sent in that year; reached the threshold = the
step was taken that year (its audit event); answered = decided with a decision date in the year; closed below the
threshold, withdrawn and rejected = the status was set that year. Days to answer run from the day the body
received the proposal (its case), else the day it was sent, to the date of the decision.
"""

import datetime
import statistics

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from delaktig.core import hookspecs as core_hooks
from delaktig.core.contributions import Chart, ReportSection, Table
from delaktig.core.models import AuditEvent

from .handling import received_on
from .models import Proposal, ProposalSettings, RejectionReason, Route, Status

ORDER = 60
THRESHOLD_ACTION = "proposal.reach_threshold"
ENDED = (Status.CLOSED_BELOW_THRESHOLD, Status.WITHDRAWN, Status.REJECTED)


@core_hooks.yearly_report_sections.register
def proposals_report_sections(municipality, year):
    proposals = Proposal.objects.filter(municipality=municipality)
    epetitions = proposals.filter(route=Route.EPETITION)
    citizen = proposals.filter(route=Route.CITIZEN_PROPOSAL)
    epetition_table = _epetition_table(municipality, epetitions, year)
    citizen_table = _citizen_table(citizen, year)
    return [
        ReportSection(
            key="proposals",
            title=_("E-petitions and citizen proposals"),
            order=ORDER,
            paragraphs=_paragraphs() + _not_offered(municipality),
            tables=(epetition_table, _rejections_table(proposals, year), citizen_table, _answer_times(proposals, year)),
            charts=(
                Chart(_("E-petitions %(year)s") % {"year": year}, epetition_table, "barh"),
                Chart(_("Citizen proposals %(year)s") % {"year": year}, citizen_table, "barh"),
            ),
        )
    ]


def _paragraphs():
    return (
        _(
            "Received: sent in during the year. Reached the threshold: got enough signatures during the year. "
            "Answered: decided, with the date of the decision in the year. Closed, withdrawn and rejected: the "
            "status was set during the year."
        ),
        _(
            "Days to answer count from the day the body received the proposal (for an e-petition: when it reached "
            "the threshold), else from the day it was sent, to the date of the decision. A citizen proposal should "
            "be decided within one year."
        ),
    )


def _not_offered(municipality):
    """Say so when the municipality does not offer a channel, so a row of zeros is not read as no interest."""
    fields = ("epetitions_enabled", "citizen_proposals_enabled")
    row = ProposalSettings.objects.filter(municipality=municipality).values_list(*fields).first()
    epetitions, citizen = row or (ProposalSettings._meta.get_field(name).default for name in fields)
    notes = () if epetitions else (_("The municipality does not offer e-petitions."),)
    return notes + (() if citizen else (_("The municipality does not offer citizen proposals to the council."),))


def _in_year(field, year):
    return Q(**{f"{field}__year": year})


def _epetition_table(municipality, epetitions, year):
    changed = _in_year("status_changed_at", year)
    rows = (
        (_("Received"), epetitions.filter(_in_year("submitted_at", year)).count()),
        (_("Reached the threshold"), _reached_threshold(municipality, epetitions, year)),
        (_("Answered"), _answered(epetitions, year).count()),
        (_("Closed with too few signatures"), epetitions.filter(changed, status=Status.CLOSED_BELOW_THRESHOLD).count()),
        (_("Withdrawn"), epetitions.filter(changed, status=Status.WITHDRAWN).count()),
        (_("Rejected"), epetitions.filter(changed, status=Status.REJECTED).count()),
    )
    return Table(_("E-petitions %(year)s") % {"year": year}, (_("E-petitions"), _("Number")), rows, "epetitions")


def _reached_threshold(municipality, epetitions, year):
    events = AuditEvent.objects.filter(
        municipality=municipality,
        action=THRESHOLD_ACTION,
        target_type=ContentType.objects.get_for_model(Proposal),
        target_id__in=epetitions.values("pk"),
        created_at__year=year,
    )
    return events.values("target_id").distinct().count()


def _answered(qs, year):
    return qs.filter(status=Status.DECIDED, decision__date__year=year)


def _rejections_table(proposals, year):
    rejected = proposals.filter(_in_year("status_changed_at", year), status=Status.REJECTED)
    counts = {}
    for route, reason in rejected.values_list("route", "rejection_reason"):
        counts.setdefault(reason, {Route.EPETITION: 0, Route.CITIZEN_PROPOSAL: 0})[route] += 1
    labels = dict(RejectionReason.choices)
    rows = tuple(
        (str(labels.get(reason, _("No reason given"))), by_route[Route.EPETITION], by_route[Route.CITIZEN_PROPOSAL])
        for reason, by_route in sorted(counts.items(), key=lambda item: str(labels.get(item[0], "")))
    )
    return Table(
        _("Rejected, by reason"), (_("Reason"), _("E-petitions"), _("Citizen proposals")), rows, "proposals-rejected"
    )


def _citizen_table(citizen, year):
    rows = (
        (_("Received"), citizen.filter(_in_year("submitted_at", year)).count()),
        (_("Answered"), _answered(citizen, year).count()),
        (_("Not decided within one year"), _past_deadline(citizen, year)),
    )
    return Table(
        _("Citizen proposals %(year)s") % {"year": year}, (_("Citizen proposals"), _("Number")), rows, "citizen"
    )


def _past_deadline(citizen, year):
    """Citizen proposals whose one-year deadline had passed and that were not decided by the end of the year
    (or by today, for the current year). Rejected and withdrawn ones are not waiting for a decision."""
    until = min(datetime.date(year, 12, 31), timezone.localdate())
    ended_by_then = Q(status__in=ENDED, status_changed_at__date__lte=until)
    decided_by_then = Q(decision__date__lte=until)
    return (
        citizen.filter(answer_deadline__lt=until, submitted_at__date__lte=until)
        .exclude(ended_by_then | decided_by_then)
        .count()
    )


def _days_to_answer(proposal):
    """None when the dates cannot be right (no day received, or a decision before it was received)."""
    received = received_on(proposal)
    days = (proposal.decision.date - received).days if received else None
    return days if days is not None and days >= 0 else None


def _answer_times(proposals, year):
    rows = []
    for route, label in Route.choices:
        answered = list(_answered(proposals.filter(route=route), year).select_related("case", "decision"))
        days = [days for days in map(_days_to_answer, answered) if days is not None]
        rows.append((str(label), len(answered), statistics.median(days) if days else None))
    return Table(
        _("Days to answer"),
        (_("Kind"), _("Answered"), _("Median number of days to answer")),
        tuple(rows),
        "proposals-days",
    )
