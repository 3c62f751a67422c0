"""Writes of the citizen panel: signing up and confirming, leaving and erasure, staff imports and status changes,
removal after inactivity, settings, and drawing samples.

Public contract (the survey method calls these; do not rename without telling it):

- `sample_draw(*, municipality, size, by_area, seed, actor, purpose="", target="") -> Sample`
- `member_touch(*, member)`: the member did something (answered a survey); records the day, nothing more
"""

import calendar
import datetime

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language

from delaktig.core.audit import audit_record

from . import selectors, tasks
from .consent import CONSENT_VERSION
from .importing import MemberFile, email_digest, members_read
from .models import (
    IN_PANEL,
    PanelMember,
    PanelSettings,
    Sample,
    SampleMember,
    Source,
    Status,
    new_link_key,
)

STAFF_STATUSES = (Status.ACTIVE, Status.PAUSED, Status.REMOVED)


class MembersImportRefused(Exception):
    """Nothing was imported; `parsed` has the reasons (row errors, or no new members)."""

    def __init__(self, parsed, reason=""):
        super().__init__("members import refused")
        self.parsed = parsed
        self.reason = reason


class SampleRefused(Exception):
    """The sample cannot be drawn; `reasons` say why, in words."""

    def __init__(self, reasons):
        super().__init__("; ".join(str(reason) for reason in reasons))
        self.reasons = reasons


def _mail(member, kind):
    language = get_language() or "sv"
    transaction.on_commit(lambda: tasks.member_email_send.enqueue(member_id=member.pk, kind=kind, language=language))


def _audit(member, action, actor=None, **data):
    audit_record(
        municipality=member.municipality,
        actor=actor,
        action=action,
        target=member,
        data={"reference": member.reference, **data},
    )


# Residents


@transaction.atomic
def member_signup(*, municipality, name, email, phone, age_band, gender, area, user=None) -> PanelMember | None:
    """Sign up: a member waiting for confirmation, and a confirmation link by e-mail.

    An address already in the panel gets an e-mail saying so and nothing changes; a sign-up waiting for
    confirmation is updated and gets a new link. The page the visitor sees is the same either way, so the form
    never tells who is in the panel. Returns the member waiting for confirmation, or None.
    """
    email = email.strip().lower()
    existing = PanelMember.objects.select_for_update().filter(municipality=municipality, email=email).first()
    if existing is not None and existing.status in IN_PANEL:
        _mail(existing, "already")
        return None
    member = existing or PanelMember(municipality=municipality, email=email, source=Source.SIGNUP)
    member.name, member.phone, member.age_band, member.gender, member.area = name, phone, age_band, gender, area
    member.consent_at, member.consent_version = timezone.now(), CONSENT_VERSION
    if user is not None and user.is_authenticated and user.email.lower() == email:
        member.user = user
    member.save()
    _audit(member, "panel_member.signup", user)
    _mail(member, "confirm")
    return member


@transaction.atomic
def member_confirm(*, member) -> PanelMember:
    """The link in the confirmation e-mail was used: the member becomes active and gets a receipt. Once only."""
    member = PanelMember.objects.select_for_update().get(pk=member.pk)
    if member.status != Status.PENDING:
        return member
    member.status, member.last_active_on = Status.ACTIVE, timezone.localdate()
    member.save(update_fields=["status", "last_active_on", "updated_at"])
    _audit(member, "panel_member.confirm")
    _mail(member, "welcome")
    return member


def member_touch(*, member) -> None:
    """Record that the member was active today (answered a survey, opened their data).

    Only the day is kept, and no audit event: a time, or an event per answer, could be matched with the time an
    answer came in, and panel answers must stay anonymous. A member who left or was removed stays so.
    """
    today = timezone.localdate()
    if member.status in IN_PANEL and member.last_active_on != today:
        PanelMember.objects.filter(pk=member.pk, status__in=IN_PANEL).update(last_active_on=today)
        member.last_active_on = today


def member_touch_by_address(*, municipality, email: str) -> None:
    """A survey invitation to this address was answered: if a member of the panel has it, they were active today.
    The survey says only that an invitation was used, never which response came from it."""
    if not email:
        return
    member = PanelMember.objects.filter(municipality=municipality, email__iexact=email.strip()).first()
    if member is not None:
        member_touch(member=member)


def _anonymise(member, *, status, keep_digest):
    """Blank the contact details and every link sent before; the row stays with its demographics for the samples."""
    member.email_digest = email_digest(member.email) if keep_digest and member.email else ""
    member.email = member.name = member.phone = ""
    member.user = None
    member.link_key = new_link_key()
    member.status, member.ended_on = status, timezone.localdate()
    member.save()


@transaction.atomic
def member_leave(*, member, actor=None, erase=False) -> PanelMember:
    """The member leaves the panel (the link in every e-mail, their data page, or erasing their account): their
    name and contact details are deleted at once. The address is kept only as a keyed hash, so that an import does
    not add them again; signing up again on the website works."""
    if not member.email:
        return member
    _anonymise(member, status=Status.LEFT, keep_digest=True)
    _audit(member, "panel_member.erase" if erase else "panel_member.leave", actor)
    return member


@transaction.atomic
def member_pause(*, member, paused: bool, actor=None) -> PanelMember:
    """A paused member gets no surveys until they resume; pausing is not inactivity."""
    if member.status not in IN_PANEL:
        return member
    member.status = Status.PAUSED if paused else Status.ACTIVE
    member.last_active_on = timezone.localdate()
    member.save(update_fields=["status", "last_active_on", "updated_at"])
    _audit(member, "panel_member.pause" if paused else "panel_member.resume", actor)
    return member


def data_link_send(*, municipality, email) -> None:
    """Mail a link to the member's data if the address is in the panel; silently nothing otherwise."""
    member = PanelMember.objects.filter(
        municipality=municipality, email=(email or "").strip().lower(), status__in=IN_PANEL
    ).first()
    if member is not None:
        _mail(member, "data")


@transaction.atomic
def members_erase_for_user(*, user) -> int:
    """An account is erased: every panel membership linked to it, or with its confirmed address, leaves."""
    members = list(selectors.members_of_user(user))
    for member in members:
        member_leave(member=member, actor=None, erase=True)
    return len(members)


# Staff


@transaction.atomic
def member_status_set(*, member, status, actor) -> PanelMember:
    """Staff make a member active, pause them, or remove them (removing deletes name and contact details)."""
    if status not in STAFF_STATUSES or member.status not in IN_PANEL:
        return member
    if status == Status.REMOVED:
        _anonymise(member, status=Status.REMOVED, keep_digest=False)
    else:
        member.status = status
        member.save(update_fields=["status", "updated_at"])
    _audit(member, "panel_member.status", actor, status=status)
    return member


def members_check(*, municipality, text) -> MemberFile:
    """What importing `text` would do; CsvError when the file cannot be read. Nothing is written."""
    return members_read(text, municipality, list(municipality.areas.all()))


@transaction.atomic
def members_import(*, municipality, text, consent_text, actor) -> MemberFile:
    """Import every new member of the file or none (MembersImportRefused). Imported members are active at once,
    with the date of consent from the file and `consent_text` naming what they agreed to."""
    parsed = members_check(municipality=municipality, text=text)
    if not parsed.importable:
        raise MembersImportRefused(parsed)
    today = timezone.localdate()
    members = [_imported(municipality, row, consent_text, today) for row in parsed.new]
    try:
        with transaction.atomic():
            PanelMember.objects.bulk_create(members)
    except IntegrityError:  # someone signed up with one of the addresses meanwhile
        raise MembersImportRefused(parsed, reason="changed") from None
    audit_record(
        municipality=municipality,
        actor=actor,
        action="panel.import",
        target=municipality,
        data={"imported": len(members), "already": len(parsed.already), "left": len(parsed.left)},
    )
    return parsed


def _imported(municipality, row, consent_text, today):
    consent_at = timezone.make_aware(datetime.datetime.combine(row["consent_on"], datetime.time(12, 0)))
    return PanelMember(
        municipality=municipality,
        email=row["email"],
        name=row["name"],
        phone=row["phone"],
        age_band=row["age_band"],
        gender=row["gender"],
        area=row["area"],
        status=Status.ACTIVE,
        source=Source.IMPORT,
        consent_at=consent_at,
        consent_version=f"import: {consent_text}"[:120],
        last_active_on=today,
    )


@transaction.atomic
def settings_save(*, municipality, actor, signup_open: bool, inactivity_months: int) -> PanelSettings:
    found, _created = PanelSettings.objects.get_or_create(municipality=municipality)
    found.signup_open, found.inactivity_months = signup_open, inactivity_months
    found.save()
    key = selectors.signup_open_key(municipality.pk)
    cache.delete(key)
    transaction.on_commit(lambda: cache.delete(key))  # and again, should a page have cached the old one meanwhile
    audit_record(
        municipality=municipality,
        actor=actor,
        action="panel_settings.update",
        target=found,
        data={"signup_open": signup_open, "inactivity_months": inactivity_months},
    )
    return found


def months_before(day, months):
    """The same day `months` months earlier (the month's last day when it is shorter)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return day.replace(year=year, month=month + 1, day=min(day.day, last))


def members_inactive_remove(municipality, cutoff) -> int:
    """Retention (panel/retention.py): members inactive since before `cutoff` (a datetime; the municipality's
    setting, default 24 months) are removed: name and contact details deleted, the row kept for the samples it was
    in. Safe to run again."""
    return _remove_inactive(municipality, timezone.localdate(cutoff), today=timezone.localdate())


def signups_unconfirmed_remove(municipality, cutoff) -> int:
    """Retention: sign-ups never confirmed are deleted once their link has expired."""
    stale = PanelMember.objects.filter(municipality=municipality, status=Status.PENDING, created_at__lt=cutoff)
    _total, per_model = stale.delete()
    return per_model.get(PanelMember._meta.label, 0)


@transaction.atomic
def _remove_inactive(municipality, cutoff, *, today):
    members = PanelMember.objects.filter(municipality=municipality, status__in=IN_PANEL)
    inactive = members.filter(
        Q(last_active_on__lt=cutoff) | Q(last_active_on__isnull=True, created_at__date__lt=cutoff)
    )
    removed = inactive.update(
        email="", name="", phone="", user=None, email_digest="", status=Status.REMOVED, ended_on=today
    )
    if removed:
        audit_record(
            municipality=municipality,
            actor=None,
            action="panel.inactive_remove",
            target=municipality,
            data={"removed": removed, "inactive_since": cutoff.isoformat()},
        )
    return removed


@transaction.atomic
def sample_draw(*, municipality, size: int, by_area: bool, seed: int, actor, purpose="", target="") -> Sample:
    """Draw and store a stratified random sample of active members (selectors.sample_plan), with each member's
    stratum; SampleRefused when it cannot be drawn. A stratum with too few members gives all it has: the shortfall
    is kept in the sample's strata and shown with its composition."""
    plan = selectors.sample_plan(municipality=municipality, size=size, by_area=by_area, seed=seed)
    if plan.refusals:
        raise SampleRefused(plan.refusals)
    sample = Sample.objects.create(
        municipality=municipality,
        purpose=purpose,
        target=target,
        size=size,
        by_area=by_area,
        seed=seed,
        population_year=plan.year,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
        strata=[
            {
                "key": stratum.key,
                "quota": stratum.quota,
                "available": stratum.available,
                "drawn": len(stratum.drawn),
                "population_share": stratum.population_share,
            }
            for stratum in plan.strata
        ],
    )
    SampleMember.objects.bulk_create(
        SampleMember(sample=sample, member_id=member_id, stratum=stratum.key)
        for stratum in plan.strata
        for member_id in stratum.drawn
    )
    audit_record(
        municipality=municipality,
        actor=actor,
        action="panel_sample.draw",
        target=sample,
        data={"size": size, "drawn": plan.drawn, "shortfall": plan.shortfall, "seed": seed, "by_area": by_area},
    )
    return sample
