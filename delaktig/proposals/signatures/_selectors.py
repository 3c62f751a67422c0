"""Reads for signing: the cached public count (and as JSON), the signing window each process keeps a moment, a
person's signatures, and the signatures that match invalidation criteria."""

import datetime
import ipaddress
import json
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connection
from django.db.models import BooleanField, Q
from django.db.models.expressions import RawSQL

from delaktig.accounts.models import IdentityLevel
from delaktig.core.memo import LocalMemo

from ..models import PUBLIC_STATUSES, Proposal, Signature, SignatureStatus
from ..selectors import settings_for, signature_count
from ._protection import signer_key_for_email

PUBLIC_COUNT_SECONDS = 30  # the public count may lag this much
COUNT_KEY = "proposal-count:{pk}"  # public_signature_count
PAYLOAD_KEY = "proposal-count-json:{pk}"


# In the model's order: Model.from_db maps values to fields in that order.
WINDOW_FIELDS = ("id", "municipality_id", "status", "title", "signing_starts_at", "signing_ends_at", "threshold")
_windows = LocalMemo(seconds=5)  # (municipality id, proposal id) -> values of WINDOW_FIELDS
_payloads = LocalMemo(seconds=2)  # proposal id -> the cached count payload
_identity_levels = LocalMemo(seconds=5)  # municipality id -> the identity level that signs without a link


def signing_window(*, municipality, pk):
    """A public proposal with only the fields a signature needs, or None.

    A rush of signers all ask the same question (is it open?), so each process keeps the answer for
    PROPOSAL_SIGN_WINDOW_SECONDS (5). The period's end is compared with the clock at every request, so it is
    exact; a change of status reaches another process within those seconds (this one at once, on save).
    """
    key = (municipality.pk, pk)
    values = _windows.get(key)
    if values is None:
        rows = Proposal.objects.filter(municipality=municipality, pk=pk, status__in=PUBLIC_STATUSES)
        values = rows.values_list(*WINDOW_FIELDS).first()
        if values is None:
            return None
        _windows.set(key, values, float(getattr(settings, "PROPOSAL_SIGN_WINDOW_SECONDS", 5)))
    proposal = Proposal.from_db(DEFAULT_DB_ALIAS, WINDOW_FIELDS, values)
    proposal.municipality = municipality
    return proposal


def signing_window_remembered(*, municipality, pk):
    """This process's copy of the signing window (with the title), or None: no query. For a page that must not
    fail while the database is away."""
    values = _windows.get((municipality.pk, pk))
    if values is None:
        return None
    proposal = Proposal.from_db(DEFAULT_DB_ALIAS, WINDOW_FIELDS, values)
    proposal.municipality = municipality
    return proposal


def signing_window_forget(proposal_id):
    _windows.forget_matching(lambda key: key[1] == proposal_id)


def sign_identity_level(municipality):
    """The identity level a logged-in signer needs to sign without an e-mail link, from the process's copy
    (PROPOSAL_SIGN_WINDOW_SECONDS, like the signing window; this process forgets it when the rules are saved)."""
    level = _identity_levels.get(municipality.pk)
    if level is None:
        level = settings_for(municipality).sign_identity_level
        _identity_levels.set(municipality.pk, level, float(getattr(settings, "PROPOSAL_SIGN_WINDOW_SECONDS", 5)))
    return level


def sign_identity_level_forget(municipality_id):
    _identity_levels.forget(municipality_id)


def count_cache_keys(proposal_id):
    return [COUNT_KEY.format(pk=proposal_id), PAYLOAD_KEY.format(pk=proposal_id)]


def count_cache_forget(proposal_id):
    """After a change the count must show at once (invalidation, paper lists, the threshold, the end)."""
    cache.delete_many(count_cache_keys(proposal_id))
    _payloads.forget(proposal_id)


def count_payload_json(*, municipality, pk):
    """{"count", "threshold", "status"} of a public proposal as JSON bytes, or None. No database when it is
    cached; encoded once per process and interval."""
    found = _count_cached(municipality, pk)
    if found is None:
        return None
    if "json" not in found:  # this process's own copy: the encoding is kept with it
        found["json"] = json.dumps(found["payload"]).encode()
    return found["json"]


def _count_cached(municipality, pk):
    cached = _payloads.get(pk)
    if cached is None:
        cached = cache.get(PAYLOAD_KEY.format(pk=pk))
        if cached is not None:
            _payloads.set(pk, cached)
    if cached is not None:
        return cached if cached["municipality"] == municipality.pk else None
    proposal = (
        Proposal.objects.filter(municipality=municipality, pk=pk, status__in=PUBLIC_STATUSES)
        .only("pk", "status", "threshold")
        .first()
    )
    if proposal is None:
        return None
    payload = {"count": signature_count(proposal), "threshold": proposal.threshold, "status": proposal.status}
    cached = {"municipality": municipality.pk, "payload": payload}
    cache.set(PAYLOAD_KEY.format(pk=pk), cached, PUBLIC_COUNT_SECONDS)
    cached = dict(cached)
    _payloads.set(pk, cached)
    return cached


@dataclass(frozen=True)
class Criteria:
    """Which signatures to invalidate: all given criteria must hold."""

    proposal: Proposal | None = None
    email_domain: str = ""
    network: ipaddress.IPv4Network | ipaddress.IPv6Network | None = None
    created_from: datetime.datetime | None = None
    created_to: datetime.datetime | None = None

    def describe(self):
        return {
            "proposal": self.proposal.pk if self.proposal else None,
            "email_domain": self.email_domain,
            "ip_range": str(self.network) if self.network else "",
            "from": self.created_from.isoformat() if self.created_from else "",
            "to": self.created_to.isoformat() if self.created_to else "",
        }


def _candidates(municipality, criteria):
    """Online signatures still counted or waiting; paper signatures were checked in person and are left alone."""
    rows = Signature.objects.filter(
        proposal__municipality=municipality,
        status__in=[SignatureStatus.VALID, SignatureStatus.PENDING],
        channel="online",
    )
    if criteria.proposal is not None:
        rows = rows.filter(proposal=criteria.proposal)
    if criteria.email_domain:
        rows = rows.filter(email_domain=criteria.email_domain.strip().lower())
    if criteria.created_from:
        rows = rows.filter(created_at__gte=criteria.created_from)
    if criteria.created_to:
        rows = rows.filter(created_at__lt=criteria.created_to)
    return rows


def signatures_matching(*, municipality, criteria):
    """[(signature id, proposal id)] of every matching signature, oldest first."""
    rows = _candidates(municipality, criteria).order_by("pk")
    network = criteria.network
    if network is None:
        return list(rows.values_list("pk", "proposal_id"))
    if connection.vendor == "postgresql":
        inside = RawSQL('"proposals_signature"."ip_address" <<= %s::inet', (str(network),), BooleanField())
        return list(rows.alias(inside=inside).filter(inside=True).values_list("pk", "proposal_id"))
    return [
        (pk, proposal_id)
        for pk, proposal_id, ip in rows.exclude(ip_address=None).values_list("pk", "proposal_id", "ip_address")
        if _inside(ip, network)
    ]


def _inside(ip, network):
    try:
        return ipaddress.ip_address(ip) in network
    except ValueError:
        return False


def matching_summary(*, municipality, criteria):
    """(total, [(proposal, count)]) for the preview before invalidating."""
    counts: dict[int, int] = {}
    for _pk, proposal_id in signatures_matching(municipality=municipality, criteria=criteria):
        counts[proposal_id] = counts.get(proposal_id, 0) + 1
    proposals = Proposal.objects.in_bulk(list(counts))
    rows = sorted(((proposals[pk], n) for pk, n in counts.items()), key=lambda row: -row[1])
    return sum(counts.values()), rows


def public_signature_count(proposal):
    """The count shown to the public, cached briefly so a busy proposal costs one COUNT per interval."""
    key = COUNT_KEY.format(pk=proposal.pk)
    count = cache.get(key)
    if count is None:
        count = signature_count(proposal)
        cache.set(key, count, PUBLIC_COUNT_SECONDS)
    return count


def signatures_of(user):
    """The person's signatures: given while logged in, or with the e-mail address they have confirmed."""
    mine = Q(user=user)
    if user.identity_level >= IdentityLevel.EMAIL and user.email:
        mine |= Q(signer_key=signer_key_for_email(user.email))
    return Signature.objects.filter(mine).select_related("proposal__municipality").order_by("-created_at", "-pk")
