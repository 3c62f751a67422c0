"""Two-step verification: a code from an authenticator app (TOTP, RFC 6238) after the password, and one-time
recovery codes for a lost phone.

Required for administrators, democracy officers, registrars and superusers who log in with a password (decision
125); anyone else may turn it on from My pages. A code is accepted one time step (30 seconds) early or late, and
never twice: `TwoFactor.last_step` moves forward with each use, in one conditional UPDATE, so two requests with the
same code cannot both pass. Each change leaves an audit event (`account.two_factor_*`).
"""

from __future__ import annotations

import hmac
import io
import secrets
import time
from typing import TYPE_CHECKING, Any

import pyotp
import segno
from django.contrib.auth.hashers import check_password, make_password
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .models import RecoveryCode, TwoFactor, User
from .services_credentials import audit_in_places, two_factor_notice

if TYPE_CHECKING:
    from collections.abc import Iterable

# Roles (organisations.Role values; accounts sits below organisations and names them as text) whose holders must
# use two-step verification when they log in with a password. organisations' tests check the names.
REQUIRED_ROLES = frozenset({"administrator", "democracy_officer", "registrar"})
ISSUER = "Delaktig"
STEP_SECONDS = 30
DRIFT_STEPS = 1  # a code of the step before or after the current one is accepted too (clocks drift)
RECOVERY_CODE_COUNT = 10
RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i: read off paper without doubt
RECOVERY_LENGTH = 10  # about 50 bits each
SELECTOR_LENGTH = 4


def two_factor_required(user: Any) -> bool:
    """Whether `user` must use two-step verification after a password."""
    return bool(user.is_superuser) or user.memberships.filter(role__in=REQUIRED_ROLES).exists()


def two_factor_of(user: Any) -> TwoFactor | None:
    """The person's confirmed authenticator, or None."""
    return TwoFactor.objects.filter(user=user, confirmed_at__isnull=False).first()


def two_factor_enabled(user: Any) -> bool:
    return TwoFactor.objects.filter(user=user, confirmed_at__isnull=False).exists()


def setup_secret_new() -> str:
    """A new secret for an app being set up. It is kept in the session of the person setting up (never in a row
    another session could find), so whoever else knows the password cannot learn the secret that is confirmed."""
    return pyotp.random_base32(32)


def provisioning_uri(secret: str, email: str) -> str:
    return pyotp.TOTP(secret, interval=STEP_SECONDS).provisioning_uri(name=email, issuer_name=ISSUER)


def qr_svg(secret: str, email: str) -> bytes:
    """The otpauth:// address as an SVG QR code (no script, no inline style: it is served as an image)."""
    buffer = io.BytesIO()
    segno.make(provisioning_uri(secret, email), error="m").save(
        buffer, kind="svg", scale=6, border=4, dark="#000", light="#fff", xmldecl=True, title="QR"
    )
    return buffer.getvalue()


def secret_for_reading(secret: str) -> str:
    """The secret in groups of four, for typing into an app by hand."""
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def current_step(at: float | None = None) -> int:
    return int((time.time() if at is None else at) // STEP_SECONDS)


def code_at(device: TwoFactor, step: int) -> str:
    return pyotp.TOTP(device.secret, interval=STEP_SECONDS).at(step * STEP_SECONDS)


def _normalised_code(code: str) -> str:
    return "".join(character for character in (code or "") if character.isdigit())


def _matching_step(device: TwoFactor, code: str) -> int | None:
    code = _normalised_code(code)
    if len(code) != 6:
        return None
    now = current_step()
    for step in range(now - DRIFT_STEPS, now + DRIFT_STEPS + 1):
        if hmac.compare_digest(code_at(device, step), code):
            return step
    return None


def _use_step(device: TwoFactor, step: int) -> bool:
    """Mark `step` used, only if no code of it or a later step was used: True if this request got it."""
    unused = Q(last_step__isnull=True) | Q(last_step__lt=step)
    return TwoFactor.objects.filter(Q(pk=device.pk) & unused).update(last_step=step) == 1


def code_verify(*, user: User, code: str) -> bool:
    """Whether `code` is a valid, unused code of the person's confirmed authenticator (and use it up)."""
    device = two_factor_of(user)
    if device is None:
        return False
    step = _matching_step(device, code)
    if step is None:
        return False
    if not _use_step(device, step):
        two_factor_notice(user, "code_replayed")  # OWASP ASVS 2.8.5: refused, and the holder is told
        return False
    return True


@transaction.atomic
def setup_confirm(*, user: User, secret: str, code: str, municipality: Any = None) -> list[str] | None:
    """Confirm the app being set up with one code from it: then it counts (replacing any earlier one), the person
    gets new recovery codes (returned, in clear, to show once) and an audit event is left. None if the code is
    wrong."""
    candidate = TwoFactor(user=user)
    candidate.secret = secret
    step = _matching_step(candidate, code)
    if step is None:
        return None
    TwoFactor.objects.update_or_create(
        user=user, defaults={"secret": secret, "confirmed_at": timezone.now(), "last_step": step}
    )
    codes = recovery_codes_create(user=user, audit=False)
    audit_in_places(user, municipality, "account.two_factor_on")
    two_factor_notice(user, "on", municipality)
    return codes


def _recovery_code() -> str:
    return "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_LENGTH))


def recovery_code_display(code: str) -> str:
    half = len(code) // 2
    return f"{code[:half]}-{code[half:]}"


def _normalised_recovery(code: str) -> str:
    return "".join(character for character in (code or "").lower() if character.isalnum())


@transaction.atomic
def recovery_codes_create(*, user: User, municipality: Any = None, audit: bool = True) -> list[str]:
    """New recovery codes for `user` (the old ones stop working): returned once, stored only as hashes."""
    RecoveryCode.objects.filter(user=user).delete()
    codes = [_recovery_code() for _ in range(RECOVERY_CODE_COUNT)]
    RecoveryCode.objects.bulk_create(
        RecoveryCode(user=user, selector=code[:SELECTOR_LENGTH], code_hash=make_password(code)) for code in codes
    )
    if audit:
        audit_in_places(user, municipality, "account.two_factor_codes_new")
        two_factor_notice(user, "codes_new", municipality)
    return [recovery_code_display(code) for code in codes]


def recovery_codes_left(*, user: User) -> int:
    return RecoveryCode.objects.filter(user=user, used_at__isnull=True).count()


@transaction.atomic
def recovery_code_use(*, user: User, code: str, municipality: Any = None) -> bool:
    """Use one recovery code instead of the app's code: True if it was an unused code of this person's."""
    code = _normalised_recovery(code)
    if len(code) != RECOVERY_LENGTH or not two_factor_enabled(user):
        return False
    candidates: Iterable[RecoveryCode] = RecoveryCode.objects.select_for_update().filter(
        user=user, selector=code[:SELECTOR_LENGTH], used_at__isnull=True
    )
    for candidate in candidates:
        if check_password(code, candidate.code_hash):
            RecoveryCode.objects.filter(pk=candidate.pk).update(used_at=timezone.now())
            audit_in_places(user, municipality, "account.two_factor_recovery_code_used")
            two_factor_notice(user, "recovery_code_used", municipality)
            return True
    return False


@transaction.atomic
def two_factor_off(*, user: User, municipality: Any = None) -> None:
    """The person turns two-step verification off (or starts again with another phone): app and codes go."""
    TwoFactor.objects.filter(user=user).delete()
    RecoveryCode.objects.filter(user=user).delete()
    audit_in_places(user, municipality, "account.two_factor_off")
    two_factor_notice(user, "off", municipality)


@transaction.atomic
def two_factor_reset(*, user: User, actor: User, municipality: Any) -> None:
    """An administrator removes a colleague's authenticator (a lost phone): the colleague sets up a new one at
    the next login. One audit event in the administrator's municipality, with the administrator as actor."""
    from delaktig.core.audit import audit_record

    TwoFactor.objects.filter(user=user).delete()
    RecoveryCode.objects.filter(user=user).delete()
    audit_record(municipality=municipality, actor=actor, action="account.two_factor_reset", target=user)
    two_factor_notice(user, "reset", municipality)


def demo_device_set(*, user: User, secret: str) -> TwoFactor:
    """A confirmed authenticator with a known secret (the demo accounts; never used for real people)."""
    device, _created = TwoFactor.objects.update_or_create(
        user=user, defaults={"secret": secret, "confirmed_at": timezone.now(), "last_step": None}
    )
    return device
