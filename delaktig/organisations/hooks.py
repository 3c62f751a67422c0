"""What organisations offers to central pages through delaktig.core.hooks (registered in OrganisationsConfig.ready)."""

from django.utils.translation import gettext_lazy as _

from delaktig.core import hookspecs as core_hooks


@core_hooks.audit_action_labels.register
def organisations_action_labels():
    return {
        "area.create": _("Area added"),
        "area.update": _("Area changed"),
        "area.delete": _("Area removed"),
        "area.shapes_import": _("Areas' boundaries imported"),
        "checklist.arrange": _("Checklist questions arranged"),
        "membership.add": _("Role given"),
        "membership.remove": _("Role taken away"),
        "settings.update": _("The municipality's settings changed"),
    }
