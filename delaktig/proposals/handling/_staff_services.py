"""Writes of the proposals staff workspace: settings, categories, moderation, handling, the answer mailing.

Every step goes through workflow.transition (which writes the audit event); e-mail leaves after commit.
"""

import datetime

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from delaktig.core import exports
from delaktig.core.audit import audit_record
from delaktig.core.models import AuditEvent
from delaktig.mailings.services import mailing_create
from delaktig.organisations import case_numbers
from delaktig.organisations.models import Membership, Role
from delaktig.organisations.services import decision_record

from .. import workflow
from ..models import Proposal, ProposalCase, Referral, RegistryEntry, RejectionReason, Route, Status
from ..selectors import routed_body_for, settings_for
from ..services import registration_number_next
from . import _staff_selectors as selectors_staff
from ._staff_tasks import complaint_forward, referral_notify, rejection_notify

MAX_SIGNING_DAYS = 366


class ActionRefused(Exception):
    """A staff action that cannot be done now; .reasons say why, in words."""

    def __init__(self, reasons):
        self.reasons = [str(reason) for reason in reasons]
        super().__init__("; ".join(self.reasons))


def _json(value):
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    if value is None or isinstance(value, bool | int | str | list):
        return value
    return str(value)


# --- Settings and categories ----------------------------------------------------------------------------------


@transaction.atomic
def proposal_settings_update(*, proposal_settings, actor, values):
    before = type(proposal_settings).objects.select_for_update().get(pk=proposal_settings.pk)
    changed = {name: value for name, value in values.items() if getattr(before, name) != value}
    for name, value in changed.items():
        setattr(proposal_settings, name, value)
    proposal_settings.save()
    audit_record(
        municipality=proposal_settings.municipality,
        actor=actor,
        action="proposals.settings_update",
        target=proposal_settings,
        data={name: _json(value) for name, value in changed.items()},
    )
    return proposal_settings


@transaction.atomic
def category_save(*, form, municipality, actor):
    category = form.save(commit=False)
    created = category.pk is None
    category.municipality = municipality
    category.save()
    audit_record(
        municipality=municipality,
        actor=actor,
        action="proposals.category_create" if created else "proposals.category_update",
        target=category,
        data={"name": category.name, "skips_threshold": category.skips_threshold},
    )
    return category


@transaction.atomic
def category_delete(*, category, actor):
    audit_record(
        municipality=category.municipality,
        actor=actor,
        action="proposals.category_delete",
        target=category,
        data={"name": category.name},
    )
    category.delete()


# --- Moderation and handling -----------------------------------------------------------------------------------


def _locked(proposal):
    return (
        Proposal.objects.select_for_update(of=("self",)).select_related("category", "municipality").get(pk=proposal.pk)
    )


def _check(actor, proposal, name):
    reasons = workflow.refusals(actor, proposal, name)
    if reasons:
        raise workflow.TransitionRefused(reasons)


@transaction.atomic
def proposal_review(*, proposal, actor):
    return workflow.transition(_locked(proposal), "review", actor=actor)


@transaction.atomic
def proposal_prepare(*, proposal, actor):
    return workflow.transition(_locked(proposal), "prepare", actor=actor)


@transaction.atomic
def proposal_approve(*, proposal, actor):
    """Publish for signing: the window opens now, the threshold and the receiving body are fixed."""
    proposal = _locked(proposal)
    _check(actor, proposal, "approve")
    rules = settings_for(proposal.municipality)
    days = min(max(proposal.signing_days or rules.signing_period_days, 1), MAX_SIGNING_DAYS)
    now = timezone.now()
    proposal.signing_starts_at = now
    proposal.signing_ends_at = now + datetime.timedelta(days=days)
    proposal.threshold = rules.threshold()
    proposal.routed_body = routed_body_for(proposal, rules)
    data = {"threshold": proposal.threshold, "days": days, "ends": proposal.signing_ends_at.isoformat()}
    return workflow.transition(proposal, "approve", actor=actor, data=data)


def one_year_later(day):
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


@transaction.atomic
def proposal_receive(*, proposal, actor):
    """The body receives the proposal: its case is created (exactly once) with a registration number."""
    proposal = _locked(proposal)
    _check(actor, proposal, "receive")
    rules = settings_for(proposal.municipality)
    body = proposal.routed_body or routed_body_for(proposal, rules)
    if body is None:
        raise ActionRefused([_("The municipality has no body to send the proposal to. Add one first.")])
    proposal.routed_body = body
    case = case_ensure(proposal=proposal, body=body)
    if proposal.route == Route.CITIZEN_PROPOSAL and not proposal.answer_deadline:
        proposal.answer_deadline = one_year_later(timezone.localdate())
    data = {"registration_number": case.registration_number, "body": body.name}
    return workflow.transition(proposal, "receive", actor=actor, data=data)


def case_ensure(*, proposal, body):
    """The proposal's one case (created if missing) and its registry entry. Call with the proposal locked."""
    case = ProposalCase.objects.filter(proposal=proposal).first()
    if case is None:
        if not proposal.registration_number:
            proposal.registration_number = registration_number_next(municipality=proposal.municipality)
            proposal.save(update_fields=["registration_number"])
        case = ProposalCase.objects.create(
            proposal=proposal, registration_number=proposal.registration_number, body=body
        )
    registry_entry_ensure(proposal=proposal, number=case.registration_number)
    return case


def registry_entry_ensure(*, proposal, number):
    """The registry entry for `number` (the proposal's or its case's registration number), created once."""
    sender = proposal.proposer.email if proposal.proposer_id and proposal.proposer else proposal.proposer_name
    entry, _created = RegistryEntry.objects.get_or_create(
        municipality=proposal.municipality,
        registration_number=number,
        defaults={
            "received_on": timezone.localdate(),
            "sender_reference": (sender or "–")[:254],
            "description": f"{proposal.get_route_display()}: {proposal.title}"[:300],
            "proposal": proposal,
        },
    )
    return entry


# --- Referral (remiss) -------------------------------------------------------------------------------------------


@transaction.atomic
def proposal_refer(*, proposal, actor, body, sent_on, due_on=None):
    """Send the citizen proposal to a board for preparation; the proposer is told by e-mail, citing the number."""
    proposal = _locked(proposal)
    if body.municipality_id != proposal.municipality_id:
        raise ValueError("The board belongs to another municipality.")
    _may(actor, proposal, "refer")
    referral = Referral.objects.create(
        proposal=proposal, body=body, sent_on=sent_on, due_on=due_on, created_by=_person(actor)
    )
    data = {"body": body.name, "sent_on": _json(sent_on), "due_on": _json(due_on), "referral": referral.pk}
    workflow.transition(proposal, "refer", actor=actor, data=data)
    transaction.on_commit(lambda: referral_notify.enqueue(referral_id=referral.pk))
    return referral


@transaction.atomic
def referral_answer_record(*, proposal, actor, answer, answered_on):
    """The board's answer and its date: the proposal goes back to preparation, and the proposer is told."""
    proposal = _locked(proposal)
    _may(actor, proposal, "referral_answer")
    referral = Referral.objects.select_for_update().filter(proposal=proposal, answered_on__isnull=True).first()
    if referral is None:
        raise ActionRefused([_("The proposal has no referral waiting for an answer.")])
    if answered_on < referral.sent_on:
        raise ActionRefused([_("The answer cannot be dated before the referral was sent.")])
    referral.answer, referral.answered_on = answer.strip(), answered_on
    referral.save(update_fields=["answer", "answered_on", "updated_at"])
    data = {"body": referral.body.name, "answered_on": _json(answered_on), "referral": referral.pk}
    workflow.transition(proposal, "referral_answer", actor=actor, data=data)
    transaction.on_commit(lambda: referral_notify.enqueue(referral_id=referral.pk))
    return referral


def _may(actor, proposal, name):
    """Refuse a step in the wrong status or for the wrong role before its form's data is stored."""
    found = workflow.find(proposal, name)
    if found is None or not workflow.may_take(actor, proposal, found.step):
        raise workflow.TransitionRefused(workflow.refusals(actor, proposal, name))


def _person(actor):
    return actor if getattr(actor, "is_authenticated", False) else None


# --- Changing the case number ------------------------------------------------------------------------------------


@transaction.atomic
def proposal_number_change(*, proposal, actor, number, reason):
    """A corrected registration number: the proposal, its case and its registry entry keep one number, and the
    change leaves an event with the old and new number and the reason."""
    proposal = _locked(proposal)
    before = proposal.registration_number
    if before == number:
        return proposal
    taken = Proposal.objects.filter(municipality=proposal.municipality, registration_number=number)
    if taken.exclude(pk=proposal.pk).exists():
        raise ActionRefused([_("Another proposal already has the number %(number)s.") % {"number": number}])
    proposal.registration_number = number
    proposal.save(update_fields=["registration_number", "updated_at"])
    ProposalCase.objects.filter(proposal=proposal).update(registration_number=number)
    if RegistryEntry.objects.filter(municipality=proposal.municipality, registration_number=before).exists():
        RegistryEntry.objects.filter(municipality=proposal.municipality, registration_number=before).update(
            registration_number=number
        )
    case_numbers.case_number_change_record(
        municipality=proposal.municipality,
        actor=actor,
        target=proposal,
        action="proposal.case_number_change",
        before=before,
        after=number,
        reason=reason.strip(),
    )
    return proposal


STEP_SERVICES = {"review": proposal_review, "approve": proposal_approve, "receive": proposal_receive}
STEP_SERVICES["prepare"] = proposal_prepare


def proposal_step(*, proposal, name, actor):
    """Take a step that needs no form. Raises TransitionRefused or ActionRefused."""
    if name not in STEP_SERVICES:
        raise workflow.TransitionRefused(workflow.refusals(actor, proposal, name) or [_("This step needs a form.")])
    return STEP_SERVICES[name](proposal=proposal, actor=actor)


@transaction.atomic
def proposal_reject(*, proposal, actor, reason, note):
    """Reject with a reason; the proposer is told why by e-mail. A complaint goes to the complaints channel."""
    proposal = _locked(proposal)
    proposal.rejection_reason = reason
    proposal.rejection_note = note.strip()
    workflow.transition(proposal, "reject", actor=actor, data={"reason": reason})
    transaction.on_commit(lambda: rejection_notify.enqueue(proposal_id=proposal.pk))
    if reason == RejectionReason.COMPLAINT and settings_for(proposal.municipality).complaints_email:
        transaction.on_commit(lambda: complaint_forward.enqueue(proposal_id=proposal.pk))
    return proposal


@transaction.atomic
def proposal_decide(*, proposal, actor, decision):
    """Record the decision ({body, date, minute_item, text}) and mark the proposal decided, or neither.

    The attachment, if any, is already set on `proposal` by the decision form.
    """
    current = _locked(proposal)
    proposal.status = current.status  # if someone else moved it meanwhile, the step is refused with the reason
    recorded = decision_record(municipality=proposal.municipality, existing=current.decision, **decision)
    proposal.decision = recorded
    data = {
        "body": recorded.body.name if recorded and recorded.body else "",
        "date": _json(recorded.date if recorded else None),
        "minute_item": recorded.minute_item if recorded else "",
    }
    return workflow.transition(proposal, "decide", actor=actor, data=data)


# --- The answer to signers -------------------------------------------------------------------------------------


def answer_message(proposal):
    """(subject, body) of the answer e-mail, in the municipality's language; {name} is each recipient's name."""
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "proposal": proposal,
            "municipality": proposal.municipality,
            "url": settings.SITE_URL.rstrip("/") + proposal.get_absolute_url(),
        }
        subject = _("Answer to the proposal “%(title)s”") % {"title": proposal.title}
        body = render_to_string("proposals/staff/emails/answer.txt", context)
    return " ".join(subject.split())[:200], body


@transaction.atomic
def answer_mailing_create(*, proposal, actor, send_again=False):
    """Send the decision to the proposer and every signer who asked for updates, once (unless sent again)."""
    proposal = _locked(proposal)
    if proposal.status != Status.DECIDED:
        raise ActionRefused([_("The answer can be sent when the decision is recorded.")])
    if selectors_staff.answer_mailings(proposal).exists() and not send_again:
        raise ActionRefused([_("The answer has already been sent. Tick the box to send it again.")])
    subject, body = answer_message(proposal)
    mailing = mailing_create(
        municipality=proposal.municipality,
        purpose=selectors_staff.ANSWER_PURPOSE,
        subject=subject,
        body=body,
        recipients=selectors_staff.answer_recipients(proposal),
        target=proposal,
        actor=actor,
    )
    audit_record(
        municipality=proposal.municipality,
        actor=actor,
        action="proposal.answer_mailing",
        target=proposal,
        data={"mailing": mailing.pk, "recipients": mailing.total, "again": bool(send_again)},
    )
    return mailing


# --- The report on citizen proposals not yet decided -----------------------------------------------------------

REPORT_ACTION = "proposals.unfinished_report"


def report_recipients(municipality):
    """The municipality's contact address and its democracy officers, each once."""
    officers = Membership.objects.filter(
        municipality=municipality, role=Role.DEMOCRACY_OFFICER, user__is_active=True
    ).values_list("user__email", flat=True)
    emails: dict[str, str] = {}
    for email in [municipality.contact_email, *officers]:
        if email:
            emails.setdefault(email.strip().lower(), email.strip())
    return list(emails.values())


def report_sent(*, municipality, period):
    return AuditEvent.objects.filter(municipality=municipality, action=REPORT_ACTION, data__period=period).exists()


@transaction.atomic
def unfinished_report_send(*, municipality, today=None, force=False):
    """E-mail the report in a report month, once per month (force: again). Returns (sent, why not)."""
    today = today or timezone.localdate()
    rules = settings_for(municipality)
    rules = type(rules).objects.select_for_update().get(pk=rules.pk)  # one sender per municipality at a time
    period = f"{today:%Y-%m}"
    if today.month not in (rules.report_months or []) and not force:
        return False, "not a report month"
    if report_sent(municipality=municipality, period=period) and not force:
        return False, f"already sent for {period}"
    rows = selectors_staff.unfinished_citizen_proposals(municipality=municipality, today=today)
    if not rules.citizen_proposals_enabled and not rows:
        return False, "citizen proposals are not offered"
    recipients = report_recipients(municipality)
    if not recipients:
        return False, "no contact e-mail and no democracy officer"
    _report_message(municipality, rows, today, recipients).send()
    overdue = sum(1 for row in rows if row.is_overdue)
    data = {"period": period, "proposals": len(rows), "overdue": overdue, "recipients": len(recipients)}
    audit_record(municipality=municipality, actor=None, action=REPORT_ACTION, target=rules, data=data)
    return True, ""


def _report_message(municipality, rows, today, recipients):
    with translation.override(settings.LANGUAGE_CODE):
        url = settings.SITE_URL.rstrip("/") + reverse("proposals:unfinished_report", args=[municipality.slug])
        context = {"municipality": municipality, "rows": rows, "today": today, "url": url}
        subject = _("Citizen proposals not yet decided: %(municipality)s") % {"municipality": municipality.name}
        body = render_to_string("proposals/staff/emails/unfinished_report.txt", context)
    message = EmailMessage(subject, body, None, recipients)
    header, table = selectors_staff.unfinished_table(rows)
    attachment = exports.csv_text([header, *table], delimiter=exports.SWEDISH_EXCEL)
    message.attach(f"medborgarforslag-{today.isoformat()}.csv", attachment, "text/csv")
    return message
