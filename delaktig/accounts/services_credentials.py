"""Writes for a forgotten password, a new password and a new e-mail address.

Every change sends a receipt by e-mail (in the background, after commit) and leaves an audit event in the
municipality the person did it from and in each municipality where they hold a role.
"""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils.translation import get_language

from delaktig.core import ratelimit
from delaktig.core.audit import audit_record

from . import tasks
from .models import IdentityLevel, User
from .services import ConfirmationError, identity_level_raise
from .tokens import TokenError, email_change_token_read, email_digest

RESET_LIMIT = 3  # links asked for one address from one IP address …
RESET_ADDRESS_LIMIT = 5  # … and for one address from anywhere, so nobody can fill someone's mailbox
RESET_IP_LIMIT = 10  # … and from one IP address, whatever the address asked for
RESET_WINDOW = timedelta(hours=1)
EMAIL_CHANGE_LIMIT = 3  # links to a new address, per account
EMAIL_CHANGE_WINDOW = timedelta(hours=1)
PASSWORD_CHECK_LIMIT = 5  # wrong current passwords on My pages, as for logging in
PASSWORD_CHECK_WINDOW = timedelta(minutes=15)


def _language():
    return get_language() or "sv"


def _slug(municipality):
    return municipality.slug if municipality is not None else None


def _after_commit(task, **kwargs):
    transaction.on_commit(lambda: task.enqueue(language=_language(), **kwargs))


def two_factor_notice(user, event, municipality=None):
    """E-mail the holder about a change to their two-step verification (tasks.two_factor_notice_send), after
    commit (OWASP ASVS 2.2.3, 2.5.5, 2.8.5)."""
    _after_commit(tasks.two_factor_notice_send, user_id=user.pk, event=event, municipality_slug=_slug(municipality))


class PasswordChecker:
    """Counts wrong current passwords for one account from one IP address (the login limits)."""

    def __init__(self, *, user, ip):
        self.email, self.ip = user.email, ip

    def blocked(self):
        return ratelimit.reached("password_check", self.email, self.ip, limit=PASSWORD_CHECK_LIMIT)

    def failed(self):
        ratelimit.hit("password_check", self.email, self.ip, window=PASSWORD_CHECK_WINDOW)


def password_reset_throttled(*, email, ip):
    """Count one request for a reset link; True if the address (from this IP, or from anywhere) has had enough."""
    if (
        ratelimit.reached("reset", email, ip, limit=RESET_LIMIT)
        or ratelimit.reached("reset", email, "", limit=RESET_ADDRESS_LIMIT)
        or ratelimit.reached("reset-ip", "", ip, limit=RESET_IP_LIMIT)
    ):
        return True
    ratelimit.hit("reset", email, ip, window=RESET_WINDOW)
    ratelimit.hit("reset", email, "", window=RESET_WINDOW)
    ratelimit.hit("reset-ip", "", ip, window=RESET_WINDOW)
    return False


def password_reset_request(*, email, municipality=None):
    """Mail a reset link if the address has an account that may log in; silently nothing otherwise, so the page
    is the same whether or not the address has an account."""
    user = User.objects.filter(email__iexact=(email or "").strip(), is_active=True).first()
    if user is None or not user.has_usable_password():
        return None
    _after_commit(tasks.password_reset_email_send, user_id=user.pk, municipality_slug=_slug(municipality))
    return user


@transaction.atomic
def password_set(*, user, password, reason, municipality=None):
    """Give `user` a new password ("reset" by a link, or "change" on My pages), with a receipt and an audit event.

    A reset link reached the account's address, so it also confirms that address.
    """
    user.set_password(password)
    user.save(update_fields=["password"])
    if reason == "reset":
        identity_level_raise(user=user, level=IdentityLevel.EMAIL)
    audit_in_places(user, municipality, f"account.password_{reason}")
    _after_commit(tasks.password_changed_email_send, user_id=user.pk, municipality_slug=_slug(municipality))
    return user


def email_change_throttled(*, user):
    if ratelimit.reached("email_change", user.email, "", limit=EMAIL_CHANGE_LIMIT):
        return True
    ratelimit.hit("email_change", user.email, "", window=EMAIL_CHANGE_WINDOW)
    return False


def email_taken(email, *, by_other_than):
    return User.objects.filter(email__iexact=email).exclude(pk=by_other_than.pk).exists()


def email_change_request(*, user, new_email, municipality=None):
    """Mail a link to the new address; the address changes only when it is opened.

    If another account has the address, its owner is told instead and nothing changes: the person asking sees
    the same page either way, so My pages cannot be used to find out who has an account.
    """
    slug = _slug(municipality)
    owner = User.objects.filter(email__iexact=new_email).exclude(pk=user.pk).first()
    if owner is not None:
        if owner.is_active:
            _after_commit(tasks.email_change_taken_send, owner_id=owner.pk, municipality_slug=slug)
        return False
    _after_commit(tasks.email_change_link_send, user_id=user.pk, new_email=new_email, municipality_slug=slug)
    return True


def email_change_check(*, token):
    """(user, new address) for a change link, or ConfirmationError: "expired", "invalid", "used" or "taken"."""
    try:
        user_id, new_email, old_digest = email_change_token_read(token)
    except TokenError as error:
        raise ConfirmationError(error.reason) from None
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        raise ConfirmationError("invalid")
    if email_digest(user.email) != old_digest:
        raise ConfirmationError("used" if user.email.lower() == new_email.lower() else "invalid")
    if email_taken(new_email, by_other_than=user):
        raise ConfirmationError("taken")
    return user, new_email


def email_change_confirm(*, token, municipality=None):
    """Use a change link: the account gets the new address. Both addresses are told. A link works once."""
    try:
        with transaction.atomic():
            return _email_change(token, municipality)
    except IntegrityError:  # another account took the address in the same moment
        raise ConfirmationError("taken") from None


def _email_change(token, municipality):
    user, new_email = email_change_check(token=token)
    user = User.objects.select_for_update().get(pk=user.pk)
    user, new_email = email_change_check(token=token)  # again, under the lock: a double click changes once
    old_email = user.email
    user.email = new_email
    user.save(update_fields=["email"])
    identity_level_raise(user=user, level=IdentityLevel.EMAIL)
    audit_in_places(user, municipality, "account.email_change")
    _after_commit(tasks.email_changed_send, user_id=user.pk, old_email=old_email, municipality_slug=_slug(municipality))
    return user


def audit_in_places(user, municipality, action):
    """Audit events need a municipality: the one the person acted from, and each where they hold a role."""
    places = {m.pk: m for m in [municipality] if m is not None}
    for membership in user.memberships.select_related("municipality"):
        places.setdefault(membership.municipality_id, membership.municipality)
    for place in places.values():
        audit_record(municipality=place, actor=user, action=action, target=user)
