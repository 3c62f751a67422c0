"""Signing a proposal: one INSERT per signature, a confirmation link by e-mail, paper lists, bulk invalidation.

The unique key (proposal, signer_key) is the only thing that decides whether a signature is new: there is
no read-before-write and no counter on the proposal row, so a rush of signers never queues behind a lock.
The count is derived from the rows (proposals.selectors.signature_count); the threshold is checked after commit.

Once the signature is committed, its outcome is the signer's answer whatever fails next: the threshold check
and the outbox's kick are done after the commit by `after_signature`, which logs a failure (the database
restarting, say) and leaves the step to the periodic command (thresholds_recheck, the outbox's send).
"""

import logging
from contextlib import nullcontext

from django.db import IntegrityError, InterfaceError, OperationalError, transaction
from django.utils import timezone

from delaktig.accounts.models import IdentityLevel, User
from delaktig.accounts.services import identity_level_of
from delaktig.core.audit import audit_record
from delaktig.core.inserts import insert_unless_taken
from delaktig.identity import selectors as identity

from ..models import Signature, SignatureStatus
from ._outbox import outbox_kick
from ._periods import confirmation_open, signing_open
from ._protection import domain_of, paper_signer_key, signer_key_for_email
from ._selectors import count_cache_forget, sign_identity_level, signatures_matching
from ._tasks import signature_mail_send
from ._thresholds import threshold_check
from ._tokens import TokenExpired, confirmation_token_read, key_digest

logger = logging.getLogger(__name__)
# The database went away (a restart, a cut connection): not the input's fault, and over in a moment.
DATABASE_AWAY = (OperationalError, InterfaceError)

ONE_PER_PERSON = ("proposal", "signer_key")  # the unique constraint one_signature_per_person
SIGNED = "valid"  # counted at once
PENDING = "pending"  # waits for the e-mail link
ALREADY = "already"  # this person had signed before
CHECK_EMAIL = "check_email"  # a repeat from someone not logged in: the answer goes to the mailbox only
CLOSED = "closed"
CONFIRMED = "confirmed"
EXPIRED = "expired"
INVALID = "invalid"
INVALIDATED = "invalidated"


def signs_at_once(user, proposal):
    """A logged-in person whose identity is sure enough needs no confirmation link."""
    if not getattr(user, "is_authenticated", False):
        return False
    needed = max(sign_identity_level(proposal.municipality), IdentityLevel.EMAIL)
    return user.identity_level >= needed


def has_signed(user, proposal):
    """Whether a logged-in person has a valid or pending signature on the proposal (others: never asked)."""
    if not getattr(user, "is_authenticated", False):
        return False
    keys = {signer_key_for_email(user.email), signer_key_for(user, user.email)}
    return proposal.signatures.filter(signer_key__in=keys).exclude(status=SignatureStatus.INVALIDATED).exists()


def signer_key_for(user, email):
    """One signature per person: an account with e-ID signs under its number's keyed hash, which holds whatever
    e-mail address the account has; everyone else under the e-mail address."""
    link = identity.identity_of(user) if getattr(user, "is_authenticated", False) else None
    return f"eid:{link.pin_hash}" if link is not None else signer_key_for_email(email)


def signature_sign(*, proposal, name, email, user=None, show_name=False, wants_updates=True, ip=None, language=None):
    """Sign `proposal`; returns (outcome, signature). Outcomes: SIGNED, PENDING, ALREADY, CHECK_EMAIL, CLOSED."""
    if not signing_open(proposal):
        return CLOSED, None
    logged_in = getattr(user, "is_authenticated", False)
    at_once = signs_at_once(user, proposal)
    email = user.email if logged_in else email
    now = timezone.now()
    signature = Signature(
        proposal=proposal,
        signer_key=signer_key_for(user, email),
        user=user if logged_in else None,
        name=name.strip(),
        email=email.strip(),
        email_domain=domain_of(email),
        show_name=show_name and not _protected(user if logged_in else None, email),
        wants_updates=wants_updates,
        status=SignatureStatus.VALID if at_once else SignatureStatus.PENDING,
        confirmed_at=now if at_once else None,
        identity_level=identity_level_of(user) if at_once else None,  # a column of the one INSERT, no query
        ip_address=ip or None,
        language=(language or "")[:10],
    )
    if _insert(signature, counted=at_once):
        return (SIGNED if at_once else PENDING), signature
    return _repeat(proposal, signature.signer_key, logged_in, language)


def _protected(user, email):
    """Whether the signer's identity is protected (skyddade personuppgifter): then the name is never shown, even
    when asked for. A signer who is not logged in is matched by the address (one indexed lookup)."""
    if user is not None:
        return user.protected_identity
    return User.objects.filter(email=(email or "").strip().lower(), protected_identity=True).exists()


def _insert(signature, *, counted):
    """One INSERT that the unique key turns into nothing for a second signature (core.inserts). Outside a
    transaction that is the whole statement (no BEGIN/COMMIT around it); inside one, a savepoint keeps any
    other refusal (the proposal removed meanwhile) from spoiling it.

    After commit, a valid signature checks the threshold and a pending one asks the outbox to send its link.
    """
    try:
        with _savepoint_if_in_transaction():
            stored = _insert_reconnecting(signature)
    except IntegrityError:
        stored = False
    if not stored:
        signature.pk = None
        return False
    if counted:
        proposal_id, threshold = signature.proposal_id, signature.proposal.threshold
        transaction.on_commit(lambda: after_signature(threshold_check, proposal_id, threshold=threshold))
    else:
        transaction.on_commit(lambda: after_signature(outbox_kick))
    return True


def _insert_reconnecting(signature):
    """A process keeps its database connection between requests; after a database restart the first statement
    on it fails. Outside a transaction the INSERT is sent once more on a new connection: ON CONFLICT DO NOTHING
    makes sending it twice safe (if the first one was stored after all, the second stores nothing and the
    signer gets the answer for a repeat)."""
    try:
        return insert_unless_taken(signature, ONE_PER_PERSON)
    except DATABASE_AWAY as fault:
        connection = transaction.get_connection()
        if connection.in_atomic_block:
            raise
        logger.warning("Signing: the database connection failed (%s); trying once more on a new one", fault)
        connection.close()
        return insert_unless_taken(signature, ONE_PER_PERSON)


def after_signature(step, *args, **kwargs):
    """Run a step that follows a committed signature (the threshold check, the outbox's kick). The signature is
    stored whatever happens here, so a failure must not turn the signer's answer into an error page: it is
    logged, and the periodic command does the step (proposals_expire runs thresholds_recheck and empties the
    outbox). Returns the step's result, or None when it failed."""
    try:
        return step(*args, **kwargs)
    except Exception:
        logger.exception("Signing: %s failed after the signature was stored; the periodic job does it", step.__name__)
        return None


def _savepoint_if_in_transaction():
    return transaction.atomic() if transaction.get_connection().in_atomic_block else nullcontext()


def _repeat(proposal, signer_key, logged_in, language):
    """A second attempt. Tell the mailbox, not the browser: whether an address has signed is that person's
    business. A pending signature goes back into the outbox (one UPDATE), so its link is mailed again.

    The signature is stored, so a database fault here still gives the answer for a repeat (the e-mail is then
    not sent again: signing once more sends it)."""
    try:
        return _repeat_answered(proposal, signer_key, logged_in, language)
    except DATABASE_AWAY:
        logger.warning("Signing: a repeat for proposal %s could not be handled", proposal.pk, exc_info=True)
        return (ALREADY if logged_in else CHECK_EMAIL), None


def _repeat_answered(proposal, signer_key, logged_in, language):
    mine = Signature.objects.filter(proposal=proposal, signer_key=signer_key)
    if mine.filter(status=SignatureStatus.PENDING).update(confirmation_mailed_at=None, language=(language or "")[:10]):
        transaction.on_commit(lambda: after_signature(outbox_kick))
        return (PENDING if logged_in else CHECK_EMAIL), None
    existing = mine.first()
    if existing is None:  # removed between the INSERT and now
        return CHECK_EMAIL, None
    if not logged_in:  # valid (or invalidated: the task sends nothing then)
        _mail_enqueue(existing.pk, language)
        return CHECK_EMAIL, existing
    return ALREADY, existing


def _mail_enqueue(signature_id, language):
    signature_mail_send.enqueue(signature_id=signature_id, language=language)


def signature_for_token(*, token, municipality):
    """(state, signature) for a confirmation link, changing nothing. State PENDING means it can be confirmed."""
    try:
        named = confirmation_token_read(token)
    except TokenExpired:
        return EXPIRED, None
    if named is None:
        return INVALID, None
    signature_id, digest = named
    signature = (
        Signature.objects.select_related("proposal__municipality")
        .filter(pk=signature_id, proposal__municipality=municipality)
        .first()
    )
    if signature is None or digest != key_digest(signature.signer_key):
        return INVALID, None
    return _state_of(signature), signature


def _state_of(signature):
    if signature.status == SignatureStatus.VALID:
        return ALREADY
    if signature.status == SignatureStatus.INVALIDATED:
        return INVALIDATED
    return PENDING if confirmation_open(signature.proposal) else CLOSED


def signature_confirm(*, token, municipality):
    """Make a pending signature valid. Returns (state, signature): CONFIRMED, or why not."""
    state, signature = signature_for_token(token=token, municipality=municipality)
    if state != PENDING:
        return state, signature
    with transaction.atomic():
        changed = Signature.objects.filter(pk=signature.pk, status=SignatureStatus.PENDING).update(
            status=SignatureStatus.VALID, confirmed_at=timezone.now(), identity_level=IdentityLevel.EMAIL
        )
        if not changed:  # a double click: the first one confirmed it
            return ALREADY, signature
        proposal_id, threshold = signature.proposal_id, signature.proposal.threshold
        transaction.on_commit(lambda: after_signature(threshold_check, proposal_id, threshold=threshold))
    signature.status, signature.identity_level = SignatureStatus.VALID, IdentityLevel.EMAIL
    return CONFIRMED, signature


def paper_signatures_add(*, proposal, actor, people):
    """Register signatures collected on paper; people = [(name, postal address or year of birth)].

    Returns (added, repeated): the names stored, and the names already registered for this proposal.
    """
    added, repeated = [], []
    now = timezone.now()
    with transaction.atomic():
        for name, identifier in people:
            signature = _paper_signature(proposal, name, identifier, now)
            try:
                with transaction.atomic():
                    signature.save(force_insert=True)
                added.append(name)
            except IntegrityError:
                repeated.append(name)
        if added:
            _paper_recorded(proposal, actor, len(added))
    return added, repeated


def _paper_signature(proposal, name, identifier, now):
    return Signature(
        proposal=proposal,
        signer_key=paper_signer_key(name, identifier),
        name=name.strip()[:150],
        channel="paper",
        identity_checked=True,
        status=SignatureStatus.VALID,
        confirmed_at=now,
        wants_updates=False,
    )


def _paper_recorded(proposal, actor, count):
    audit_record(
        municipality=proposal.municipality,
        actor=actor,
        action="proposal.paper_signatures_added",
        target=proposal,
        data={"count": count},
    )
    proposal_id, threshold = proposal.pk, proposal.threshold
    transaction.on_commit(
        lambda: (
            after_signature(count_cache_forget, proposal_id),
            after_signature(threshold_check, proposal_id, threshold=threshold),
        )
    )


@transaction.atomic
def signatures_invalidate(*, municipality, actor, criteria, reason):
    """Invalidate every valid or pending signature that matches; returns {proposal: count}.

    The count corrects itself because it is derived from the rows; the cached public count is cleared.
    """
    rows = signatures_matching(municipality=municipality, criteria=criteria)
    by_proposal: dict[int, list[int]] = {}
    for signature_id, proposal_id in rows:
        by_proposal.setdefault(proposal_id, []).append(signature_id)
    now = timezone.now()
    result = {}
    for proposal_id, ids in by_proposal.items():
        changed = _invalidate_ids(ids, now, reason)
        proposal = municipality.proposals.get(pk=proposal_id)
        audit_record(
            municipality=municipality,
            actor=actor,
            action="proposal.signatures_invalidated",
            target=proposal,
            data={"count": changed, "reason": reason, "criteria": criteria.describe()},
        )
        result[proposal] = changed
    transaction.on_commit(lambda: [count_cache_forget(pk) for pk in by_proposal])
    return result


def _invalidate_ids(ids, now, reason, chunk=500):
    changed = 0
    for start in range(0, len(ids), chunk):
        changed += Signature.objects.filter(
            pk__in=ids[start : start + chunk], status__in=[SignatureStatus.VALID, SignatureStatus.PENDING]
        ).update(status=SignatureStatus.INVALIDATED, invalidated_at=now, invalidation_reason=reason[:200])
    return changed
