"""What matters offers to other apps through delaktig.core.hooks."""

from django.urls import reverse
from django.utils.translation import gettext as _

from delaktig.core import hookspecs as core_hooks


@core_hooks.staff_nav_items.register
def matters_staff_nav(request):
    municipality = request.municipality
    if not request.user.roles_in(municipality):
        return []
    return [(_("Coming matters"), reverse("matters:staff_list", args=[municipality.slug]))]


@core_hooks.main_nav_items.register
def matters_main_nav(request):
    municipality = getattr(request, "municipality", None)
    if municipality is None:
        return []
    return [(_("Coming decisions"), reverse("matters:coming", args=[municipality.slug]))]


@core_hooks.audit_action_labels.register
def matters_audit_labels():
    return {
        "matters.register": _("Matter registered"),
        "matters.update": _("Matter changed"),
        "matters.answer": _("Answered whether a citizen dialogue is planned"),
        "matters.link": _("Dialogue linked to the matter"),
        "matters.decided": _("Matter marked as decided"),
        "matters.case_number_change": _("Case number changed"),
    }
