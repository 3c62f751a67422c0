"""What reports offers to other apps through delaktig.core.hooks."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from delaktig.core import hookspecs as core_hooks

from . import opendata  # noqa: F401  (registers the dataset)
from .models import CouncilReport
from .rules import REPORT_ROLES


@core_hooks.staff_nav_items.register
def yearly_report_nav(request):
    municipality = request.municipality
    if not request.user.roles_in(municipality) & REPORT_ROLES:
        return []
    return [(_("Yearly report"), reverse("reports:yearly", args=[municipality.slug]))]


@core_hooks.main_nav_items.register
def yearly_reports_main_nav(request):
    """The public page of yearly reports, once the council has received one."""
    municipality = getattr(request, "municipality", None)
    if municipality is None:
        return []
    if not CouncilReport.objects.filter(municipality=municipality, presented_on__isnull=False).exists():
        return []
    return [(_("Yearly reports"), reverse("reports:public_list", args=[municipality.slug]))]


@core_hooks.audit_action_labels.register
def report_audit_labels():
    return {
        "reports.texts_saved": gettext_lazy("Texts of the yearly report saved"),
        "reports.generation_requested": gettext_lazy("Yearly report generated"),
        "reports.presented": gettext_lazy("Yearly report presented to the council"),
    }
