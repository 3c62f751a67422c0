"""The yearly report to the council: its core sections, then every contributed section.

Contributed sections come from the hook `yearly_report_sections` and from each method manifest's
`report_section`; this module never names an app or a method, so a channel added later appears by itself.
"""

import datetime
import logging
from dataclasses import dataclass

from django.db.models import Max
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from delaktig.core import hookspecs as core_hooks
from delaktig.core.contributions import ReportSection
from delaktig.core.models import AuditEvent
from delaktig.dialogues import selectors as dialogue_selectors
from delaktig.dialogues.models import Dialogue
from delaktig.participation.registry import registry

from . import core_sections, council_sections
from .models import CouncilReport, ReportGeneration, Status

logger = logging.getLogger(__name__)

FIRST_YEAR = 2000


@dataclass(frozen=True)
class YearlyReport:
    municipality_name: str
    municipality_slug: str
    year: int
    generated_at: datetime.datetime
    sections: tuple  # ReportSection: the core sections, then the contributed ones sorted by (order, title)

    @property
    def title(self):
        return _("Yearly report on citizen dialogue %(year)s") % {"year": self.year}


def yearly_report(municipality, year):
    """The summary, the proposed resolution, the other core sections, the contributed ones, the action points."""
    resolution, action_points = council_sections.council_texts(municipality, year)
    summary, *core = core_sections.core_sections(municipality, year)
    sections = (
        summary,
        council_sections.resolution_section(resolution),
        *core,
        *contributed_sections(municipality, year),
        council_sections.action_points_section(action_points, year),
    )
    return YearlyReport(
        municipality_name=municipality.name,
        municipality_slug=municipality.slug,
        year=year,
        generated_at=timezone.now(),
        sections=sections,
    )


def contributed_sections(municipality, year):
    """Sections from the hook and from the method registry, sorted by (order, title)."""
    found = []
    for hook in core_hooks.yearly_report_sections.implementations():
        found.extend(_contribution(hook, municipality, year, many=True))
    for manifest in registry:
        if manifest.report_section is not None:
            found.extend(_contribution(manifest.report_section, municipality, year, many=False))
    sections = [section for section in found if isinstance(section, ReportSection)]
    return sorted(sections, key=lambda section: (section.order, str(section.title)))


def _contribution(contributor, municipality, year, *, many):
    """A broken contribution leaves a note in the report instead of breaking the whole report."""
    try:
        result = contributor(municipality, year)
    except Exception:
        logger.exception("A section of the yearly report failed: %r", contributor)
        return [_failed_section()]
    if many:
        return list(result or [])
    return [result] if result else []


def _failed_section():
    return ReportSection(
        key="failed",
        title=_("A section could not be produced"),
        order=999,
        paragraphs=(_("One part of the report could not be produced. The error is logged for the administrator."),),
    )


def figures_version(municipality):
    """Changes whenever something the report counts changes: every such change leaves an audit event (the report's
    own are left out), and a dialogue's own timestamps cover the rest. When it differs from a generation's, the
    figures may have changed since the generation was made."""
    events = AuditEvent.objects.filter(municipality=municipality).exclude(action__startswith="reports.")
    latest_event = events.aggregate(latest=Max("id"))["latest"]
    latest_change = Dialogue.objects.filter(municipality=municipality).aggregate(latest=Max("updated_at"))["latest"]
    stamp = latest_change.timestamp() if latest_change else 0
    return f"{latest_event or 0}-{stamp}"


def council_report_for(municipality, year):
    """The year's CouncilReport, or an unsaved one with nothing written yet."""
    found = CouncilReport.objects.filter(municipality=municipality, year=year).first()
    return found or CouncilReport(municipality=municipality, year=year)


def latest_generation(report):
    if report.pk is None:
        return None
    return report.generations.order_by("-created_at", "-id").first()


def latest_done_generation(report):
    if report.pk is None:
        return None
    return report.generations.filter(status=Status.DONE).order_by("-created_at", "-id").first()


def generation_get(*, municipality, year, pk):
    """One generation of the municipality's report for `year`; 404 for any other."""
    return get_object_or_404(
        ReportGeneration.objects.select_related("report__municipality"),
        pk=pk,
        report__municipality=municipality,
        report__year=year,
    )


def presented_reports(municipality):
    """The municipality's yearly reports presented to the council, newest year first, with their files."""
    return list(
        CouncilReport.objects.filter(municipality=municipality, presented_on__isnull=False)
        .select_related("presented_generation", "municipality")
        .order_by("-year")
    )


def presented_report_get(*, municipality, year):
    """A presented report of the year; 404 when it is not presented (or does not exist)."""
    return get_object_or_404(
        CouncilReport.objects.select_related("presented_generation", "municipality"),
        municipality=municipality,
        year=year,
        presented_on__isnull=False,
    )


def report_years(municipality, today=None):
    """The years to choose from: those with dialogue activities, last year and the current year; newest first."""
    today = today or timezone.localdate()
    years = set(dialogue_selectors.staff_years(municipality=municipality))
    years |= {today.year, today.year - 1}
    return sorted((year for year in years if FIRST_YEAR <= year <= today.year + 1), reverse=True)


def default_year(today=None):
    return (today or timezone.localdate()).year - 1


def year_is_valid(year, today=None):
    return FIRST_YEAR <= year <= (today or timezone.localdate()).year + 1
