"""What the standing forums offer to central pages through hooks (registered in ForumsConfig.ready): the menus and
the audit labels."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from delaktig.core import hookspecs as core_hooks

from . import opendata  # noqa: F401  (registers the open dataset)
from .models import Forum
from .views.staff import FORUM_ROLES


@core_hooks.main_nav_items.register
def forums_main_nav(request):
    municipality = getattr(request, "municipality", None)
    if municipality is None or not Forum.objects.filter(municipality=municipality).exists():
        return []
    return [(pgettext("main menu", "Councils and forums"), reverse("forums:forums", args=[municipality.slug]))]


@core_hooks.staff_nav_items.register
def forums_staff_nav(request):
    if not request.user.has_role(request.municipality, *FORUM_ROLES):
        return []
    return [(_("Councils and forums"), reverse("forums:staff_forums", args=[request.municipality.slug]))]


@core_hooks.audit_action_labels.register
def forums_action_labels():
    return {
        "forum.create": _("Standing forum added"),
        "forum.update": _("Standing forum changed"),
        "forum_member.create": _("Member appointed to a standing forum"),
        "forum_member.update": _("Member of a standing forum changed"),
        "forum_meeting.create": _("Meeting of a standing forum added"),
        "forum_meeting.update": _("Meeting of a standing forum changed"),
        "forum_matter.create": _("Matter a standing forum was consulted on added"),
        "forum_matter.update": _("Matter a standing forum was consulted on changed"),
        "forum_statement.create": _("Statement of a standing forum recorded"),
        "forum_statement.update": _("Statement of a standing forum changed"),
    }
