"""Reads for identity: a municipality's providers, an account's e-ID, and what an action needs of a person."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _

from delaktig.accounts.models import IdentityLevel
from delaktig.core.memo import LocalMemo

from .models import Action as Action  # re-exported: callers name the action they check
from .models import ActionRule, OidcConfiguration, PersonalIdentity, ProviderKind


def provider_for(municipality, kind) -> OidcConfiguration | None:
    if municipality is None:
        return None
    return OidcConfiguration.objects.filter(municipality=municipality, kind=kind, is_active=True).first()


def identity_of(user) -> PersonalIdentity | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return PersonalIdentity.objects.filter(user=user).first()


def is_resident(user, municipality) -> bool:
    """Whether the person's e-ID said, at their last e-ID login, that they live in `municipality`."""
    identity = identity_of(user)
    return bool(
        identity and municipality.municipality_code and identity.residence_code == municipality.municipality_code
    )


def level_unreachable(municipality, level) -> str | None:
    """For a settings form: why `level` would lock everyone out (e-ID with no provider to give it), or None."""
    if level >= IdentityLevel.SUBSTANTIAL and provider_for(municipality, ProviderKind.RESIDENT_EID) is None:
        return str(
            _(
                "No one can log in with e-identification here yet. An administrator first sets up the provider under "
                "Settings → Login and e-identification."
            )
        )
    return None


def eid_login_url(municipality, next_url) -> str | None:
    """The one step to e-ID: a login (or, logged in, a link) that comes back to `next_url`; None without a provider."""
    if provider_for(municipality, ProviderKind.RESIDENT_EID) is None:
        return None
    return f"{reverse('identity:eid_start', args=[municipality.slug])}?{urlencode({'next': next_url})}"


@dataclass(frozen=True)
class Need:
    """What a person lacks for an action, in words, and the one step that gives it (eid_url, or None)."""

    level: int
    residents_only: bool
    missing: str  # "login", "level", "residence"
    eid_url: str | None

    @property
    def level_label(self):
        return IdentityLevel(self.level).label


_rules = LocalMemo(seconds=5)  # municipality id -> {action: (residents only, level)}; read on the signing hot path


def _rules_of(municipality) -> dict[str, tuple[bool, int]]:
    found = _rules.get(municipality.pk)
    if found is None:
        rows = ActionRule.objects.filter(municipality=municipality).values_list(
            "action", "residents_only", "identity_level"
        )
        found = {action: (only, level) for action, only, level in rows}
        _rules.set(municipality.pk, found)
    return found


def residents_only(municipality, action) -> bool:
    return _rules_of(municipality).get(str(action), (False, 0))[0]


def action_level(municipality, action) -> int:
    """The level the municipality asks for an action that has no setting of its own (answering a survey)."""
    return _rules_of(municipality).get(str(action), (False, 0))[1]


def rules_forget(municipality_id) -> None:
    _rules.forget(municipality_id)


def need_for(request, *, level, action, next_url=None) -> Need | None:
    """None when the person may do `action` (an Action value); otherwise what is missing. The e-ID level and the
    municipality of residence come from the person's e-ID; lower levels are reached by logging in and confirming
    the e-mail address as before."""
    user, municipality = request.user, request.municipality
    only_residents = residents_only(municipality, action)
    next_url = next_url or request.get_full_path()
    wants_eid = level >= IdentityLevel.SUBSTANTIAL or only_residents
    eid = eid_login_url(municipality, next_url) if wants_eid else None
    if not user.is_authenticated:
        missing = "login"
    elif user.identity_level < level:
        missing = "level"
    elif only_residents and not is_resident(user, municipality):
        missing = "residence" if identity_of(user) is not None else "level"
    else:
        return None
    return Need(level=level, residents_only=only_residents, missing=missing, eid_url=eid)
