"""What identity offers central pages through hooks (registered in IdentityConfig.ready): the login page's e-ID and
staff buttons, My pages' e-ID section, "my data", erasure, audit labels and forgetting used nonces."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _

from delaktig.accounts import hookspecs as account_hooks
from delaktig.core import hookspecs as core_hooks

from . import selectors, services
from .models import PersonalIdentity, ProviderKind

HOUR = 60 * 60


@account_hooks.login_options.register
def identity_login_options(request, next_url):
    municipality = request.municipality
    options = []
    query = f"?{urlencode({'next': next_url})}" if next_url else ""
    if selectors.provider_for(municipality, ProviderKind.RESIDENT_EID) is not None:
        options.append(
            {
                "label": _("Log in with e-identification"),
                "url": reverse("identity:eid_start", args=[municipality.slug]) + query,
                "hint": _("For example BankID or Freja eID. You can make an account at the same time."),
            }
        )
    if selectors.provider_for(municipality, ProviderKind.STAFF_SSO) is not None:
        options.append(
            {
                "label": _("Log in with the municipality's account"),
                "url": reverse("identity:sso_start", args=[municipality.slug]) + query,
                "hint": _("For staff of the municipality."),
            }
        )
    return options


@account_hooks.my_pages_section.register
def identity_my_pages(request):
    user, municipality = request.user, request.municipality
    if not user.is_authenticated:
        return None
    identity = selectors.identity_of(user)
    link_url = None
    if identity is None:
        link_url = selectors.eid_login_url(municipality, request.get_full_path())
        if link_url is None:
            return None
    context = {"identity": identity, "link_url": link_url, "municipality": municipality}
    return {"title": _("E-identification"), "template": "identity/my_pages_section.html", "context": context}


@account_hooks.personal_data.register
def identity_personal_data(user):
    identity = PersonalIdentity.objects.filter(user=user).first()
    if identity is None:
        return {}
    return {
        _("E-identification"): [
            {
                "linked_at": identity.created_at,
                "level": identity.get_level_display(),
                "municipality_of_residence_code": identity.residence_code,
                "last_used_at": identity.last_used_at,
                "personal_identity_number": _("Not stored: only a keyed hash that cannot be read back."),
            }
        ]
    }


@account_hooks.erase_user.register
def identity_erase(user):
    deleted = PersonalIdentity.objects.filter(user=user).delete()[0]
    return deleted + user.sso_accounts.all().delete()[0]


@core_hooks.audit_action_labels.register
def identity_action_labels():
    return {
        "identity.login": _("Logged in with e-identification"),
        "identity.link": _("E-identification linked to the account"),
        "identity.unlink": _("E-identification removed from the account"),
        "identity.account_create": _("Account made with e-identification"),
        "identity.sso_login": _("Logged in with the municipality's account"),
        "identity.provider_add": _("Login provider added"),
        "identity.provider_change": _("Login provider changed"),
        "identity.provider_remove": _("Login provider removed"),
        "identity.action_rules": _("What actions ask of people changed"),
    }


@core_hooks.periodic_jobs.register
def identity_periodic_jobs():
    return [("identity_nonces_forget", HOUR, services.nonces_forget)]
