"""Writes for accounts: registration, e-mail confirmation, identity level, and erasure."""

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language

from delaktig.accounts import hookspecs as account_hooks
from delaktig.core.audit import audit_record

from . import tasks
from .models import IdentityLevel, User, identity_level_text
from .tokens import TokenError, confirmation_token_read, email_digest


class ConfirmationError(Exception):
    """A confirmation link that cannot be used: reason is "expired", "invalid" or "used"."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def _language():
    return get_language() or "sv"


@transaction.atomic
def user_register(*, name, email, password, municipality=None):
    """Create an unconfirmed account and mail a confirmation link.

    If the address already has an account, nothing is created and its owner gets a mail saying so:
    the page the visitor sees is the same either way, so the form never reveals who has an account.
    The links in the e-mails lead back to `municipality`'s pages when there is one.
    """
    email = User.objects.normalize_email(email).lower()
    existing = User.objects.filter(email__iexact=email, is_active=True).first()
    if existing is not None:
        language = _language()
        transaction.on_commit(
            lambda: tasks.account_exists_email_send.enqueue(
                user_id=existing.pk, language=language, municipality_slug=_slug(municipality)
            )
        )
        return None
    user = User.objects.create_user(email, password, name=name, identity_level=IdentityLevel.NONE)
    confirmation_send(user=user, municipality=municipality)
    return user


def _slug(municipality):
    return municipality.slug if municipality is not None else None


def confirmation_send(*, user, municipality=None):
    language, slug = _language(), _slug(municipality)
    transaction.on_commit(
        lambda: tasks.confirmation_email_send.enqueue(user_id=user.pk, language=language, municipality_slug=slug)
    )


def confirmation_resend(*, email, municipality=None):
    """Send a new link if the address belongs to an unconfirmed account; silently nothing otherwise."""
    user = User.objects.filter(email__iexact=(email or "").strip(), is_active=True).first()
    if user is not None and user.identity_level < IdentityLevel.EMAIL:
        confirmation_send(user=user, municipality=municipality)
    return user


def confirmation_check(*, token):
    """The account a confirmation link is for, or ConfirmationError saying why it cannot be used."""
    try:
        user_id, digest = confirmation_token_read(token)
    except TokenError as error:
        raise ConfirmationError(error.reason) from None
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None or email_digest(user.email) != digest:
        raise ConfirmationError("invalid")
    if user.identity_level >= IdentityLevel.EMAIL:
        raise ConfirmationError("used")
    return user


@transaction.atomic
def email_confirm(*, token):
    """Use a confirmation link: the account's identity level rises to EMAIL. A link works once."""
    user = confirmation_check(token=token)
    user = User.objects.select_for_update().get(pk=user.pk)
    if user.identity_level >= IdentityLevel.EMAIL:
        raise ConfirmationError("used")
    identity_level_raise(user=user, level=IdentityLevel.EMAIL)
    return user


def identity_level_raise(*, user, level):
    """Raise (never lower) how sure we are who the person is.

    E-mail confirmation raises it to EMAIL; an e-ID login through the municipality's OpenID Connect broker
    (the app `identity`) raises it to the level the provider's level of assurance maps to, usually SUBSTANTIAL.
    """
    if user.identity_level < level:
        user.identity_level = level
        user.save(update_fields=["identity_level"])
    return user


def identity_level_of(user):
    """The identity level to store with an action `user` takes now (IdentityLevel.NONE without an account).

    Read from the user already in memory (the request's), so storing it costs no query: the hot paths put it in
    the statement they already send. An e-ID login only has to raise the person's level (identity_level_raise)
    for the actions after it to record the higher level.
    """
    if user is None or not getattr(user, "is_authenticated", False):
        return int(IdentityLevel.NONE)
    return int(user.identity_level)


def _with_level_text(row):
    """A row of an action that counts names its identity level in words beside the number."""
    if isinstance(row, dict) and "identity_level" in row and "identity_level_text" not in row:
        return {**row, "identity_level_text": str(identity_level_text(row["identity_level"]))}
    return row


def personal_data_collect(*, user):
    """Everything we hold about `user`: account, roles, and what every app offers through "personal_data"."""
    data: dict[str, Any] = {
        "account": {
            "email": user.email,
            "name": user.name,
            "phone": user.phone,
            "identity_level": user.identity_level,
            "identity_level_text": user.get_identity_level_display(),
            "date_joined": user.date_joined,
            "last_login": user.last_login,
        },
        "memberships": [
            {
                "municipality": m.municipality.name,
                "role": m.role,
                "role_text": m.get_role_display(),
                "body": m.body.name if m.body else None,
                "department": m.department.name if m.department else None,
                "title": m.title,
            }
            for m in user.memberships.select_related("municipality", "body", "department")
        ],
        "exported_at": timezone.now(),
    }
    for hook in account_hooks.personal_data.implementations():
        for section, rows in (hook(user) or {}).items():
            data.setdefault("activity", {})[str(section)] = [_with_level_text(row) for row in rows]
    return data


@transaction.atomic
def user_erase(*, user):
    """Erase an account: every app's `erase_user` hook first, then the account itself is anonymised.

    The row stays, so records that point to it (registered documents, audit events) still hold together.
    """
    erased = sum(hook(user) or 0 for hook in account_hooks.erase_user.implementations())
    for membership in user.memberships.select_related("municipality"):
        audit_record(
            municipality=membership.municipality,
            actor=user,
            action="membership.remove",
            target=membership,
            data={"role": membership.role, "reason": "account_deleted"},
        )
        membership.delete()
    user.email = f"deleted-{user.pk}@invalid"
    user.name = ""
    user.phone = ""
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.identity_level = IdentityLevel.NONE
    user.set_unusable_password()
    user.save()
    return erased
