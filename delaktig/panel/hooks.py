"""What the panel offers to central pages through hooks (registered in PanelConfig.ready): the menus, audit labels,
the periodic removal of inactive members, and My pages, "my data" and erasure for people with an account."""

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from delaktig.accounts import hookspecs as account_hooks
from delaktig.core import hookspecs as core_hooks
from delaktig.foundation import hookspecs as foundation_hooks

from . import selectors, services
from .models import IN_PANEL, PanelMember
from .retention import RETENTION
from .views.staff import PANEL_ROLES


@core_hooks.main_nav_items.register
def panel_main_nav(request):
    municipality = getattr(request, "municipality", None)
    if municipality is None or not selectors.signup_open(municipality):
        return []
    return [(pgettext("main menu", "Citizen panel"), reverse("panel:signup", args=[municipality.slug]))]


TOOLBOX_KEY = "citizen_panel"  # what a toolbox method names to be carried out by the panel


@foundation_hooks.participation_method_choices.register
def panel_toolbox_choice():
    return [(TOOLBOX_KEY, _("Citizen panel"))]


@foundation_hooks.toolbox_method_sections.register
def panel_toolbox_section(request, method):
    """On the toolbox page of the method the panel carries out: how to join, or that sign-up is closed."""
    if method.participation_method != TOOLBOX_KEY:
        return []
    context = {"signup_open": selectors.signup_open(request.municipality)}
    return [{"template": "panel/public/_toolbox_section.html", "context": context}]


@core_hooks.staff_nav_items.register
def panel_staff_nav(request):
    if not request.user.has_role(request.municipality, *PANEL_ROLES):
        return []
    return [(_("Citizen panel"), reverse("panel:staff_overview", args=[request.municipality.slug]))]


@core_hooks.retention_kinds.register
def panel_retention():
    """Inactive members and unconfirmed sign-ups, removed by the retention job (privacy)."""
    return RETENTION


@core_hooks.audit_action_labels.register
def panel_action_labels():
    return {
        "panel_member.signup": _("Signed up for the citizen panel"),
        "panel_member.confirm": _("Joined the citizen panel"),
        "panel_member.leave": _("Left the citizen panel"),
        "panel_member.erase": _("Data in the citizen panel erased"),
        "panel_member.pause": _("Paused in the citizen panel"),
        "panel_member.resume": _("Resumed in the citizen panel"),
        "panel_member.status": _("Status in the citizen panel changed by staff"),
        "panel.import": _("Members imported to the citizen panel"),
        "panel.inactive_remove": _("Inactive members removed from the citizen panel"),
        "panel_settings.update": _("Citizen panel settings changed"),
        "panel_sample.draw": _("Sample drawn from the citizen panel"),
    }


@account_hooks.my_pages_section.register
def panel_my_pages(request):
    members = [m for m in selectors.members_of_user(request.user) if m.status in IN_PANEL]
    municipality = getattr(request, "municipality", None)
    if municipality is not None:
        members = [m for m in members if m.municipality_id == municipality.pk]
    if not members:
        return None
    rows = [(member, selectors.data_url(member)) for member in members]
    return {"title": _("Citizen panel"), "template": "panel/public/my_pages.html", "context": {"rows": rows}}


@account_hooks.personal_data.register
def panel_personal_data(user):
    return {
        "citizen_panel": [
            {
                "municipality": member.municipality.name,
                "reference": member.reference,
                "name": member.name,
                "email": member.email,
                "phone": member.phone,
                "age_band": member.age_band,
                "gender": member.gender,
                "area": member.area.name if member.area else None,
                "status": member.status,
                "consent_at": member.consent_at.isoformat() if member.consent_at else None,
                "consent_version": member.consent_version,
                "last_active_on": member.last_active_on.isoformat() if member.last_active_on else None,
            }
            for member in selectors.members_of_user(user).select_related("area")
        ]
    }


@account_hooks.erase_user.register
def panel_erase_user(user):
    return services.members_erase_for_user(user=user)


@account_hooks.identity_protect.register
def panel_identity_protect(user):
    """Protected identity: the person's membership in the panel (by account or address) is marked, so staff pages
    show no name or contact details."""
    mine = Q(user=user) | Q(email__iexact=user.email)
    return (
        PanelMember.objects.filter(mine, protected_identity=False)
        .exclude(email="", user=None)
        .update(protected_identity=True)
    )
