from django.urls import reverse
from django.utils.translation import gettext as _
from django_tasks import task

from delaktig.background import purposes

from .generation import report_generate
from .models import ReportGeneration


@task()
def report_generate_task(*, generation_id):
    report_generate(generation_id=generation_id)


@purposes.describes(report_generate_task)
def _generation_purpose(kwargs):
    generation = (
        ReportGeneration.objects.select_related("report__municipality").filter(pk=kwargs.get("generation_id")).first()
    )
    if generation is None:
        return None
    report = generation.report
    return purposes.Purpose(
        municipality_id=report.municipality_id,
        text=_("The yearly report %(year)s") % {"year": report.year},
        url=reverse("reports:generation", args=[report.municipality.slug, report.year, generation.pk]),
    )
