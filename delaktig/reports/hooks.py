"""What reports offers to other apps through delaktig.core.hooks."""

from django.urls import reverse
from django.utils.translation import gettext as _

from delaktig.core import hookspecs as core_hooks

from .rules import REPORT_ROLES


@core_hooks.staff_nav_items.register
def yearly_report_nav(request):
    municipality = request.municipality
    if not request.user.roles_in(municipality) & REPORT_ROLES:
        return []
    return [(_("Yearly report"), reverse("reports:yearly", args=[municipality.slug]))]
