"""What the baseline offers to central pages through the hooks (registered in BaselineConfig.ready)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from delaktig.core import hookspecs as core_hooks

from .views.staff import REGISTRARS


@core_hooks.staff_nav_items.register
def baseline_staff_nav(request):
    if not request.user.has_role(request.municipality, *REGISTRARS):
        return []
    return [(_("Baseline"), reverse("baseline:staff_baseline", args=[request.municipality.slug]))]


@core_hooks.audit_action_labels.register
def baseline_action_labels():
    return {
        "baseline_activity.create": _("Activity registered in the baseline"),
        "baseline_activity.update": _("Registered activity changed"),
        "baseline_activity.delete": _("Registered activity removed"),
        "baseline_activity.import": _("Activities imported to the baseline"),
        "baseline_capacity.create": _("Capacity added"),
        "baseline_capacity.update": _("Capacity changed"),
        "baseline_capacity.delete": _("Capacity removed"),
    }
