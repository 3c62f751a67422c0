"""Writes of the yearly report: its texts, a new generation (queued for the worker, audited), its presentation to
the council (which publishes it)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from delaktig.core.audit import audit_record

from . import council_sections, selectors
from .models import (
    ACTION_POINT_MAX_CHARS,
    ACTION_POINTS_MAX_CHARS,
    RESOLUTION_MAX_CHARS,
    CouncilReport,
    ReportGeneration,
)
from .tasks import report_generate_task


def _presented_error(report):
    return ValidationError(
        _("The report for %(year)s was presented to the council on %(date)s and can no longer be changed.")
        % {"year": report.year, "date": report.presented_on.isoformat()}
    )


def _record(municipality, year):
    report, _created = CouncilReport.objects.select_for_update().get_or_create(municipality=municipality, year=year)
    return report


def report_texts_save(*, municipality, year, actor, action_points, proposed_resolution):
    """Store the action points (one a line) and the proposed resolution of the year's report.

    Raises ValidationError (per field) when the resolution is empty or a text is too long, or when the report is
    already presented.
    """
    points = "\n".join(line.strip() for line in (action_points or "").splitlines() if line.strip())
    resolution = (proposed_resolution or "").strip()
    errors = {}
    if not resolution:
        errors["proposed_resolution"] = _("Write the proposed resolution. The usual text is: %(default)s") % {
            "default": council_sections.default_resolution(municipality)
        }
    elif len(resolution) > RESOLUTION_MAX_CHARS:
        errors["proposed_resolution"] = _("Write at most %(limit)s characters. Now there are %(count)s.") % {
            "limit": RESOLUTION_MAX_CHARS,
            "count": len(resolution),
        }
    long_points = [n for n, line in enumerate(points.splitlines(), start=1) if len(line) > ACTION_POINT_MAX_CHARS]
    if len(points) > ACTION_POINTS_MAX_CHARS:
        errors["action_points"] = _("Write at most %(limit)s characters. Now there are %(count)s.") % {
            "limit": ACTION_POINTS_MAX_CHARS,
            "count": len(points),
        }
    elif long_points:
        errors["action_points"] = _(
            "Action point %(number)s is longer than %(limit)s characters. Make it shorter or split it into two lines."
        ) % {"number": long_points[0], "limit": ACTION_POINT_MAX_CHARS}
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        report = _record(municipality, year)
        if report.is_presented:
            raise _presented_error(report)
        report.action_points, report.proposed_resolution = points, resolution
        report.save(update_fields=["action_points", "proposed_resolution", "updated_at"])
        audit_record(
            municipality=municipality,
            actor=actor,
            action="reports.texts_saved",
            target=report,
            data={"year": year, "action_points": len(report.action_point_list())},
        )
    return report


def report_generation_request(*, municipality, year, actor):
    """A new generation of the year's report, queued for the worker once the transaction commits."""
    with transaction.atomic():
        report = _record(municipality, year)
        if report.is_presented:
            raise _presented_error(report)
        generation = ReportGeneration.objects.create(
            report=report,
            created_by=actor if getattr(actor, "is_authenticated", False) else None,
            step=str(_("Waiting to start")),
        )
        audit_record(
            municipality=municipality,
            actor=actor,
            action="reports.generation_requested",
            target=report,
            data={"year": year, "generation_id": generation.pk},
        )
        transaction.on_commit(lambda: report_generate_task.enqueue(generation_id=generation.pk))
    return generation


def report_present(*, municipality, year, actor, meeting_date, today=None):
    """Record that the council received the year's report at its meeting on `meeting_date`: the latest finished
    generation is published on the public site. Raises ValidationError when there is nothing finished to present,
    the date is in the future, or the report is already presented."""
    today = today or timezone.localdate()
    if meeting_date is None:
        raise ValidationError({"meeting_date": _("Enter the date of the council meeting.")})
    if meeting_date > today:
        raise ValidationError(
            {"meeting_date": _("The council meeting cannot be in the future. Record it once the council has met.")}
        )
    if meeting_date.year <= year:
        raise ValidationError(
            {"meeting_date": _("The council meets about the %(year)s report after that year ends.") % {"year": year}}
        )
    with transaction.atomic():
        report = _record(municipality, year)
        if report.is_presented:
            raise _presented_error(report)
        generation = selectors.latest_done_generation(report)
        if generation is None:
            raise ValidationError(_("Generate the report first: there is no finished report to present."))
        report.presented_on, report.presented_at = meeting_date, timezone.now()
        report.presented_by = actor if getattr(actor, "is_authenticated", False) else None
        report.presented_generation = generation
        report.save(update_fields=["presented_on", "presented_at", "presented_by", "presented_generation"])
        audit_record(
            municipality=municipality,
            actor=actor,
            action="reports.presented",
            target=report,
            data={"year": year, "meeting_date": meeting_date.isoformat(), "generation_id": generation.pk},
            public=True,
        )
    return report
