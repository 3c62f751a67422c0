"""Reads of the public proposal pages: the searchable list, one proposal with what its page shows, the feed.

Every read is a fixed number of queries. The list counts the signatures of the proposals it shows, in one
grouped query restricted to their ids (with_valid_counts), so neither paging nor counting reads the signatures of
proposals not shown; only sorting by most signed counts per proposal, one index lookup each. The page's count
comes from signatures.public_signature_count (cached). Neither grows with the signatures of other proposals.
"""

import math
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, Count, F, IntegerField, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from delaktig.core.audit import audit_events_for
from delaktig.core.search import search
from delaktig.organisations.models import Decision
from delaktig.participation.models import Comment, ModerationStatus

from ..models import PUBLIC_STATUSES, BelowThreshold, Proposal, Route, Signature, SignatureStatus, Status
from ..selectors import routed_body_for, valid_counts
from ..signatures import public_signature_count
from ..workflow import TRANSITIONS, timeline_words

NAMES_SHOWN = 100


def public_proposals(*, municipality):
    """This municipality's public proposals, without their counts: with_valid_counts adds them to a page."""
    return (
        Proposal.objects.filter(municipality=municipality, status__in=PUBLIC_STATUSES)
        .select_related("category", "routed_body")
        .annotate(published_at=Coalesce("signing_starts_at", "status_changed_at", "submitted_at", "created_at"))
    )


def _valid_count_of_each():
    """Each proposal's exact count of valid signatures as a correlated subquery: one lookup in the
    (proposal, status) index per proposal, never a join with the whole signature table."""
    valid = Signature.objects.filter(proposal=OuterRef("pk"), status=SignatureStatus.VALID).order_by()
    counted = valid.values("proposal").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def with_valid_counts(proposals):
    """Give each proposal its exact count of valid signatures as `valid_count`, in one grouped query over the
    signatures of these proposals only (none when sorting by most signed has counted them already)."""
    missing = [proposal for proposal in proposals if not hasattr(proposal, "valid_count")]
    counts = valid_counts([proposal.pk for proposal in missing])
    for proposal in missing:
        proposal.valid_count = counts.get(proposal.pk, 0)
    return proposals


ORDERINGS = {
    "signed": [F("valid_count").desc(), F("published_at").desc(), F("pk").desc()],
    "newest": [F("published_at").desc(), F("pk").desc()],
    "ending": [F("still_open").asc(), F("signing_ends_at").asc(nulls_last=True), F("pk").desc()],
}


def filtered(qs, *, q="", status="", category=None, body=None, sort="newest"):
    qs = search(qs, q, fields=("title", "text"))
    if status:
        qs = qs.filter(status=status)
    if category is not None:
        qs = qs.filter(category=category)
    if body is not None:
        qs = qs.filter(Q(routed_body=body) | Q(routed_body__isnull=True, category__responsible_body=body))
    if sort == "signed":
        qs = qs.annotate(valid_count=_valid_count_of_each())
    if sort == "ending":
        qs = qs.annotate(
            still_open=Case(
                When(status=Status.COLLECTING, then=Value(0)), default=Value(1), output_field=IntegerField()
            )
        )
    return qs.order_by(*ORDERINGS.get(sort, ORDERINGS["newest"]))


def proposal_visible(*, municipality, pk, user):
    """A public proposal of this municipality, or the proposer's own in any status; else None."""
    proposal = (
        Proposal.objects.filter(municipality=municipality, pk=pk)
        .select_related("category__responsible_body", "routed_body")
        .first()
    )
    if proposal is None:
        return None
    is_proposer = user.is_authenticated and proposal.proposer_id == user.pk
    if not (proposal.is_public or is_proposer):
        return None
    proposal.municipality = municipality
    if proposal.decision_id is not None:  # only a decided proposal pays for reading its decision (one query)
        proposal.decision = Decision.objects.select_related("body").get(pk=proposal.decision_id)
    return proposal


@dataclass(frozen=True)
class Progress:
    count: int
    threshold: int | None

    @property
    def percent(self):
        if not self.threshold:
            return 0
        return min(100, math.floor(self.count * 100 / self.threshold))

    @property
    def remaining(self):
        return max(0, (self.threshold or 0) - self.count)


def progress(proposal):
    return Progress(public_signature_count(proposal), proposal.threshold)


def days_left(proposal, now=None):
    """Whole days left to sign (1 on the last day), or None when the proposal is not collecting."""
    if proposal.status != Status.COLLECTING or proposal.signing_ends_at is None:
        return None
    seconds = (proposal.signing_ends_at - (now or timezone.now())).total_seconds()
    return max(0, math.ceil(seconds / 86400))


def status_history(proposal):
    """[(label, when)] of the proposal's public events. Never who did it: staff names are not published."""
    events = audit_events_for(proposal, public_only=True).order_by("created_at", "pk").only("data", "created_at")
    rows = [(_event_label(event.data), event.created_at) for event in events]
    return [(label, when) for label, when in rows if label]


def _event_label(data):
    """The step's public label in the reader's language; the stored label only if the step is unknown."""
    step = TRANSITIONS.get((data.get("from"), data.get("to")))
    if step is not None and step.timeline:
        return timeline_words(step, data)
    if data.get("to") == Status.SUBMITTED:
        return Status.SUBMITTED.label
    return data.get("label", "")


def shown_signer_names(proposal, limit=NAMES_SHOWN):
    """Names of valid signers who asked to be shown, newest first; one more than `limit` tells there are more."""
    signatures = Signature.objects.filter(proposal=proposal, status=SignatureStatus.VALID, show_name=True)
    return list(signatures.order_by("-confirmed_at", "-pk").values_list("name", flat=True)[: limit + 1])


def published_comments(proposal):
    return Comment.objects.filter(
        target_type=ContentType.objects.get_for_model(Proposal),
        target_id=proposal.pk,
        status=ModerationStatus.PUBLISHED,
    ).only("author_name", "text", "created_at")


def attachment_info(proposal):
    """{"url", "type", "size"} of the decision's attachment, or None; the size is None if the file is gone."""
    attachment = proposal.decision_attachment
    if not attachment:
        return None
    kind = attachment.name.rpartition(".")[2].lower() if "." in attachment.name else ""
    try:
        size = attachment.size
    except (OSError, ValueError):
        size = None
    return {"url": attachment.url, "name": attachment.name.rpartition("/")[2], "type": kind, "size": size}


def feed_proposals(*, municipality, limit=30):
    return (
        Proposal.objects.filter(municipality=municipality, status__in=PUBLIC_STATUSES)
        .select_related("municipality", "category")
        .annotate(published_at=Coalesce("signing_starts_at", "status_changed_at", "submitted_at", "created_at"))
        .order_by("-published_at", "-pk")[:limit]
    )


def proposals_of(user):
    return Proposal.objects.filter(proposer=user).select_related("municipality").order_by("-submitted_at", "-pk")


def next_steps(proposal, rules):
    """What happens after sending, in plain sentences for the confirmation page and the receipt."""
    body = routed_body_for(proposal, rules)
    body_name = body.name if body else _("the responsible committee")
    steps = [_("We check that your proposal follows our rules.")]
    skips = proposal.route == Route.CITIZEN_PROPOSAL or (proposal.category and proposal.category.skips_threshold)
    if skips:
        steps.append(_("Then %(body)s receives it and handles it.") % {"body": body_name})
        if proposal.route == Route.CITIZEN_PROPOSAL:
            steps.append(_("The municipal council decides on a citizen proposal within one year."))
        return steps
    days = proposal.signing_days or rules.signing_period_days
    steps.append(_("Then we publish it, and others can sign it for %(days)s days.") % {"days": days})
    needed = {"count": rules.threshold(), "body": body_name}
    steps.append(_("If %(count)s people sign it, %(body)s receives it, handles it and answers.") % needed)
    if rules.below_threshold == BelowThreshold.OFFICER:
        steps.append(_("If fewer sign it, an officer answers it."))
    else:
        steps.append(_("If fewer sign it, the proposal is closed. It stays public."))
    return steps


def comments_waiting(*, municipality):
    """Comments on this municipality's proposals that wait for a moderator, oldest first, with their proposal."""
    comments = list(
        Comment.objects.filter(
            municipality=municipality,
            target_type=ContentType.objects.get_for_model(Proposal),
            status=ModerationStatus.PENDING,
        ).order_by("created_at", "pk")
    )
    proposals = Proposal.objects.in_bulk({c.target_id for c in comments})
    for comment in comments:
        comment.proposal = proposals.get(comment.target_id)  # type: ignore[attr-defined]  # shown on the page
    return comments
