"""What the privacy app offers through core's hooks: the staff menu item, the retention job and audit labels."""

from django.urls import reverse
from django.utils.translation import gettext as _

from delaktig.core import hookspecs as core_hooks

from . import services
from .views import PEOPLE_ROLES

DAY = 24 * 60 * 60


@core_hooks.staff_nav_items.register
def privacy_staff_nav(request):
    if not request.user.has_role(request.municipality, *PEOPLE_ROLES):
        return []
    return [(_("Personal data"), reverse("privacy:overview", args=[request.municipality.slug]))]


def retention_job():
    return services.retention_apply()


@core_hooks.periodic_jobs.register
def privacy_periodic_jobs():
    """Retention (gallring) of every kind of personal data, once a day; safe to run again."""
    return [("privacy_retention", DAY, retention_job)]


@core_hooks.audit_action_labels.register
def privacy_action_labels():
    return {
        "retention.run": _("Personal data removed under the retention rules"),
        "retention.period_update": _("Retention period changed"),
        "audit_log.view": _("Audit log viewed"),
        "audit_log.export": _("Audit log downloaded"),
        "person.protect": _("Identity marked as protected"),
        "person.unprotect": _("Protection of identity lifted"),
        "person.register_extract": _("Register extract made"),
    }
