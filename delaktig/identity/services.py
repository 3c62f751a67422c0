"""Writes for identity: nonces used, e-ID logins, linking and unlinking, accounts made at a first e-ID login,
single sign-on for staff with its roles. Each in one transaction with its audit event; nothing half-saved."""

import hashlib
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from delaktig.accounts.models import IdentityLevel, User
from delaktig.accounts.services import identity_level_raise
from delaktig.core.audit import audit_record
from delaktig.organisations.models import Membership

from . import pins
from .models import OidcConfiguration, PersonalIdentity, SsoAccount, SsoRole, UsedNonce
from .oidc import Refused

# Roles a directory group may give: those that need no body (an elected official's body is chosen by staff).
SSO_ROLES = ("officer", "democracy_officer", "registrar", "moderator", "administrator")


class AlreadyLinked(Exception):
    """The personal identity number is linked to another account (or this account has another e-ID)."""


class EmailTaken(Exception):
    """The e-mail address got an account a moment ago (the form checked it before)."""


@dataclass
class VerifiedPerson:
    """Who the e-ID said the person is, as kept between the callback and the person's choice (in the session)."""

    configuration_id: int
    pin_hash: str
    level: int
    residence: str = ""
    name: str = ""
    email: str = ""  # only an address the provider says is verified

    def as_session(self) -> dict[str, Any]:
        return asdict(self)


def nonce_use(*, issuer: str, nonce: str, expires: float) -> None:
    """Remember a nonce until its token expires; Refused("replay") if it was used before."""
    digest = hashlib.sha256(f"{issuer}\n{nonce}".encode()).hexdigest()
    until = datetime.fromtimestamp(max(expires, timezone.now().timestamp()) + 120, tz=UTC)
    try:
        with transaction.atomic():
            UsedNonce.objects.create(digest=digest, expires_at=until)
    except IntegrityError:
        raise Refused("replay") from None


def nonces_forget() -> int:
    """The periodic job: nonces whose tokens have expired can be forgotten."""
    return UsedNonce.objects.filter(expires_at__lt=timezone.now()).delete()[0]


def person_from_claims(*, configuration: OidcConfiguration, claims: dict[str, Any]) -> VerifiedPerson:
    level = configuration.level_for(claims.get(configuration.acr_claim or "acr"))
    if level < IdentityLevel.EMAIL:
        raise Refused("level", str(claims.get(configuration.acr_claim or "acr")))
    try:
        pin_hash = pins.pin_hash(claims.get(configuration.pin_claim))
    except pins.InvalidPin:
        raise Refused("claims", "personal identity number") from None
    residence = str(claims.get(configuration.residence_claim, "")) if configuration.residence_claim else ""
    name = str(claims.get("name") or " ".join(filter(None, [claims.get("given_name"), claims.get("family_name")])))
    email = str(claims.get("email", "")) if claims.get("email_verified") is True else ""
    return VerifiedPerson(configuration.pk, pin_hash, int(level), residence[:4], name[:150], email[:254])


def linked_user(*, person: VerifiedPerson) -> User | None:
    link = PersonalIdentity.objects.select_related("user").filter(pin_hash=person.pin_hash).first()
    return link.user if link is not None and link.user.is_active else None


def _municipality(person: VerifiedPerson):
    return OidcConfiguration.objects.select_related("municipality").get(pk=person.configuration_id).municipality


def _refresh(link: PersonalIdentity, person: VerifiedPerson) -> None:
    link.level = max(link.level, person.level)
    link.residence_code = person.residence
    link.last_used_at = timezone.now()
    link.save(update_fields=["level", "residence_code", "last_used_at", "updated_at"])
    identity_level_raise(user=link.user, level=person.level)


@transaction.atomic
def eid_login(*, person: VerifiedPerson) -> User:
    """An e-ID login of a person whose number is linked: the account's level rises to what the provider gave."""
    link = PersonalIdentity.objects.select_for_update().select_related("user").get(pin_hash=person.pin_hash)
    _refresh(link, person)
    audit_record(
        municipality=_municipality(person),
        actor=link.user,
        action="identity.login",
        target=link.user,
        data={"level": person.level},
    )
    return link.user


@transaction.atomic
def identity_link(*, user: User, person: VerifiedPerson) -> PersonalIdentity:
    """Link the e-ID to `user` (after the person confirmed). AlreadyLinked if the number belongs to another
    account or the account has another e-ID; then nothing is saved."""
    user = User.objects.select_for_update().get(pk=user.pk)
    existing = PersonalIdentity.objects.filter(pin_hash=person.pin_hash).first()
    if existing is not None and existing.user_id != user.pk:
        raise AlreadyLinked()
    if existing is None:
        if PersonalIdentity.objects.filter(user=user).exists():
            raise AlreadyLinked()
        try:
            with transaction.atomic():
                existing = PersonalIdentity.objects.create(
                    user=user, pin_hash=person.pin_hash, level=person.level, level_before=user.identity_level
                )
        except IntegrityError:  # linked by a parallel request a moment ago
            raise AlreadyLinked() from None
    _refresh(existing, person)
    audit_record(
        municipality=_municipality(person),
        actor=user,
        action="identity.link",
        target=user,
        data={"level": person.level},
    )
    return existing


@transaction.atomic
def account_create(*, person: VerifiedPerson, name: str, email: str) -> User:
    """A new account at a first e-ID login. The e-mail address is the person's own word (a provider's verified
    address is given as the default); the account has no password: it logs in with e-ID."""
    if PersonalIdentity.objects.filter(pin_hash=person.pin_hash).exists():
        raise AlreadyLinked()
    try:
        with transaction.atomic():
            user = User.objects.create_user(email, None, name=name, identity_level=IdentityLevel.NONE)
    except IntegrityError:
        raise EmailTaken() from None
    if person.email and person.email.lower() == user.email:
        user.identity_level = IdentityLevel.EMAIL
        user.save(update_fields=["identity_level"])
    level_before = user.identity_level
    try:
        with transaction.atomic():
            PersonalIdentity.objects.create(
                user=user, pin_hash=person.pin_hash, level=person.level, level_before=level_before
            )
    except IntegrityError:
        raise AlreadyLinked() from None
    link = PersonalIdentity.objects.get(user=user)
    _refresh(link, person)
    audit_record(
        municipality=_municipality(person),
        actor=user,
        action="identity.account_create",
        target=user,
        data={"level": person.level},
    )
    return user


@transaction.atomic
def identity_unlink(*, user: User, municipality=None) -> bool:
    """Remove the account's e-ID link. The identity level falls back to what it was before the link, so the same
    number linked to another account never leaves two accounts at e-ID level for one person."""
    link = PersonalIdentity.objects.select_for_update().filter(user=user).first()
    if link is None:
        return False
    user = User.objects.select_for_update().get(pk=user.pk)
    user.identity_level = min(user.identity_level, link.level_before)
    user.save(update_fields=["identity_level"])
    link.delete()
    if municipality is not None:
        audit_record(municipality=municipality, actor=user, action="identity.unlink", target=user)
    return True


# -- staff single sign-on ------------------------------------------------------------------------------------------


def _roles_from(configuration: OidcConfiguration, claims: dict[str, Any]) -> set[str]:
    groups = claims.get(configuration.groups_claim or "groups") or []
    if isinstance(groups, str):
        groups = [groups]
    mapping = configuration.group_roles or {}
    return {mapping[group] for group in groups if group in mapping and mapping[group] in SSO_ROLES}


@transaction.atomic
def sso_login(*, configuration: OidcConfiguration, claims: dict[str, Any]) -> User:
    """A staff login through the municipality's directory: the account is found by the directory's subject, then
    by its e-mail address (the municipality's own directory vouches for it), or made. Roles are set from the
    groups: missing ones added, and roles single sign-on gave before but the groups no longer give removed. Roles
    given by hand are never touched."""
    subject = str(claims["sub"])
    account = SsoAccount.objects.select_related("user").filter(configuration=configuration, subject=subject).first()
    user = account.user if account is not None else None
    email = str(claims.get("email") or "").strip().lower()
    if user is None:
        if not email:
            raise Refused("claims", "email")
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            user = User.objects.create_user(email, None, name=str(claims.get("name", ""))[:150])
        SsoAccount.objects.create(configuration=configuration, subject=subject, user=user)
    if not user.is_active:
        raise Refused("claims", "inactive")
    identity_level_raise(user=user, level=IdentityLevel.EMAIL)
    municipality = configuration.municipality
    added, removed = _roles_apply(configuration, user, _roles_from(configuration, claims))
    audit_record(
        municipality=municipality,
        actor=user,
        action="identity.sso_login",
        target=user,
        data={"added": sorted(added), "removed": sorted(removed)},
    )
    return user


def _roles_apply(configuration, user, wanted):
    municipality = configuration.municipality
    held = Membership.objects.filter(user=user, municipality=municipality, body=None, department=None)
    held_roles = {m.role for m in held}
    added = set()
    for role in sorted(wanted - held_roles):
        membership = Membership.objects.create(user=user, municipality=municipality, role=role)
        SsoRole.objects.create(membership=membership, configuration=configuration)
        audit_record(
            municipality=municipality,
            actor=user,
            action="membership.add",
            target=membership,
            data={"role": role, "by": "sso"},
        )
        added.add(role)
    removed = set()
    for membership in held.filter(sso_role__configuration=configuration).exclude(role__in=wanted):
        audit_record(
            municipality=municipality,
            actor=user,
            action="membership.remove",
            target=membership,
            data={"role": membership.role, "reason": "sso_group_gone"},
        )
        removed.add(membership.role)
        membership.delete()
    user.__dict__.pop("_roles_cache", None)
    return added, removed
