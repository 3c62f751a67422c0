"""What accounts offers through delaktig.core.hooks: its audit events' actions in words."""

from django.utils.translation import gettext as _

from delaktig.core import hookspecs as core_hooks


@core_hooks.audit_action_labels.register
def accounts_audit_labels():
    return {
        "account.password_reset": _("New password chosen with a link"),
        "account.password_change": _("Password changed"),
        "account.email_change": _("E-mail address changed"),
        "account.two_factor_on": _("Two-step verification turned on"),
        "account.two_factor_off": _("Two-step verification turned off"),
        "account.two_factor_codes_new": _("New recovery codes made"),
        "account.two_factor_recovery_code_used": _("Logged in with a recovery code"),
        "account.two_factor_reset": _("Two-step verification reset by an administrator"),
        "account.sessions_ended": _("Logged out everywhere else"),
    }
