"""What foundation offers to central pages through delaktig.core.hooks (registered in FoundationConfig.ready)."""

from django.utils.translation import gettext_lazy as _

from delaktig.core import hookspecs as core_hooks


@core_hooks.audit_action_labels.register
def foundation_action_labels():
    return {
        "principles.create": _("Principles written"),
        "toolbox.create": _("Method added to the toolbox"),
        "toolbox.update": _("Method in the toolbox changed"),
        "handbook.create": _("Handbook page written"),
        "handbook.update": _("Handbook page changed"),
    }
