"""What the action plan offers to other apps through delaktig.core.hooks."""

from django.urls import reverse
from django.utils.translation import gettext as _

from delaktig.core import hookspecs as core_hooks


@core_hooks.staff_nav_items.register
def actionplan_staff_nav(request):
    municipality = request.municipality
    if not request.user.roles_in(municipality):
        return []
    return [(_("Action plan"), reverse("actionplan:overview", args=[municipality.slug]))]


@core_hooks.audit_action_labels.register
def actionplan_audit_labels():
    return {
        "actionplan.plan_create": _("Action plan created"),
        "actionplan.plan_update": _("Action plan changed"),
        "actionplan.goal_add": _("Goal added to the action plan"),
        "actionplan.action_add": _("Action added to the action plan"),
        "actionplan.action_update": _("Action changed"),
        "actionplan.followup": _("Action followed up"),
        "actionplan.training_add": _("Training added"),
        "actionplan.training_record": _("Training recorded"),
        "actionplan.ambassador": _("Participation ambassador appointed"),
    }
