"""Reads for the proposals staff workspace: lists, the moderation queue with duplicate hints, records, reports."""

import datetime
import difflib
import re
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from delaktig.core.search import search
from delaktig.mailings.models import Mailing

from ..models import Proposal, ProposalCase, RegistryEntry, Route, SignatureStatus, Status
from ..selectors import valid_counts

ANSWER_PURPOSE = "proposal_answer"
MODERATION_STATUSES = (Status.SUBMITTED, Status.UNDER_REVIEW)
OPEN_CITIZEN_STATUSES = (
    Status.SUBMITTED,
    Status.UNDER_REVIEW,
    Status.RECEIVED,
    Status.IN_PREPARATION,
    Status.REFERRED,
)


def staff_proposals(*, municipality):
    """The municipality's proposals, newest first; with_valid_signatures counts the signatures of a page."""
    return (
        Proposal.objects.filter(municipality=municipality)
        .select_related("category", "routed_body")
        .order_by("-submitted_at", "-id")
    )


def with_valid_signatures(proposals):
    """Give each proposal shown its exact count of valid signatures as `valid_signatures` (one grouped query over
    the signatures of these proposals only)."""
    counts = valid_counts([proposal.pk for proposal in proposals])
    for proposal in proposals:
        proposal.valid_signatures = counts.get(proposal.pk, 0)
    return proposals


def staff_filter(qs, *, q="", status="", route="", category=None, body=None):
    qs = search(qs, q, fields=("title", "text"), codes=("registration_number",), ranked=True)
    if status:
        qs = qs.filter(status=status)
    if route:
        qs = qs.filter(route=route)
    if category:
        qs = qs.filter(category_id=category)
    if body:
        qs = qs.filter(Q(routed_body_id=body) | Q(decision__body_id=body))
    return qs


def status_counts(*, municipality):
    """[(status, label, count)] in the order of the status list, every status shown."""
    rows = Proposal.objects.filter(municipality=municipality).values_list("status").annotate(n=Count("id"))
    counts = dict(rows.order_by())
    return [(value, label, counts.get(value, 0)) for value, label in Status.choices]


def staff_proposal_get(*, municipality, pk):
    qs = Proposal.objects.select_related("category", "routed_body", "decision__body", "proposer", "municipality")
    return get_object_or_404(qs, municipality=municipality, pk=pk)


def proposal_case(proposal):
    return ProposalCase.objects.filter(proposal=proposal).select_related("body").first()


def moderation_queue(*, municipality):
    return (
        Proposal.objects.filter(municipality=municipality, status__in=MODERATION_STATUSES)
        .select_related("category", "category__responsible_body")
        .order_by("submitted_at", "id")
    )


# --- "May duplicate": a Swedish-aware comparison of words ---------------------------------------------------

_STOP_WORDS_TEXT = """alla allt att av blev bli blir de dem den denna deras dess dessa det detta dig din dina
    ditt du där
    efter eller en er era ert ett från för ha hade han hans har henne hennes hon honom hur här i icke inte inom
    jag ju kan kunde man med mellan men mig min mina mitt mot mycket ni nu när någon något några och om oss på
    samma sedan sig sin sina sitt själv ska skall skulle som så sådan till under upp ut utan vad var vara varför
    vi vid vilka vilken vill vilket än är åt över också få får finns mer fler bör borde göra gör kommer kommunen
    förslag förslaget"""
STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())
# Common Swedish endings, longest first: "lekplatserna", "lekplatsen" and "lekplats" compare as one word.
SUFFIXES: tuple[str, ...] = ("arnas", "ernas", "ornas", "arna", "erna", "orna", "ande", "ende", "heten", "het")
SUFFIXES += ("ens", "ets", "are", "ast", "en", "et", "na", "ar", "er", "or", "an", "a", "e")
MIN_STEM = 3
HINT_MIN_SCORE = 0.2
HINTS_SHOWN = 3
WORD = re.compile(r"[^\W\d_]+")


def _stem(word):
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            return word[: -len(suffix)]
    return word


def words(text):
    """The meaningful words of a text: lower case, no punctuation or digits, no stop words, light stemming."""
    return frozenset(_stem(word) for word in WORD.findall(text.lower()) if word not in STOP_WORDS and len(word) > 1)


def similarity(a, b):
    """0..1: the larger of the word overlap (Jaccard) of title and text, and the likeness of the titles' words."""
    words_a, words_b = words(f"{a.title} {a.text}"), words(f"{b.title} {b.text}")
    union = words_a | words_b
    jaccard = len(words_a & words_b) / len(union) if union else 0.0
    title_a, title_b = sorted(words(a.title)), sorted(words(b.title))
    titles = difflib.SequenceMatcher(None, title_a, title_b).ratio() if title_a and title_b else 0.0
    return max(jaccard, titles)


@dataclass(frozen=True)
class DuplicateHint:
    proposal: Proposal
    score: float

    @property
    def percent(self):
        return round(self.score * 100)


def duplicate_candidates(*, municipality, months, exclude_ids=()):
    """Proposals of the window that a new one could repeat: decided or in any status but rejected."""
    since = timezone.now() - datetime.timedelta(days=round(months * 30.44))
    return list(
        Proposal.objects.filter(municipality=municipality, submitted_at__gte=since)
        .exclude(status=Status.REJECTED)
        .exclude(pk__in=exclude_ids)
        .only("pk", "title", "text", "status", "registration_number", "submitted_at", "municipality_id")
    )


def duplicate_hints(proposal, candidates):
    """The most similar other proposals (at most three), with a score, most similar first."""
    scored = [DuplicateHint(other, similarity(proposal, other)) for other in candidates if other.pk != proposal.pk]
    scored = [hint for hint in scored if hint.score >= HINT_MIN_SCORE]
    return sorted(scored, key=lambda hint: -hint.score)[:HINTS_SHOWN]


# --- Answer mailing --------------------------------------------------------------------------------------------


def answer_recipients(proposal):
    """(email, name) of every signer with a valid signature who asked for updates, and the proposer."""
    signers = proposal.signatures.filter(status=SignatureStatus.VALID, wants_updates=True).exclude(email="")
    recipients = list(signers.order_by("id").values_list("email", "name"))
    if proposal.proposer and proposal.proposer.email:
        recipients.insert(0, (proposal.proposer.email, proposal.proposer_name or proposal.proposer.name))
    return recipients


def answer_recipient_count(proposal):
    """How many people the answer goes to: each address once, as the mailing sends it."""
    return len({email.strip().lower() for email, _name in answer_recipients(proposal)})


def answer_mailings(proposal):
    return Mailing.objects.filter(
        municipality=proposal.municipality,
        purpose=ANSWER_PURPOSE,
        target_type=ContentType.objects.get_for_model(Proposal),
        target_id=proposal.pk,
    ).order_by("-created_at")


# --- Records and reports ---------------------------------------------------------------------------------------


def registry_entries(*, municipality, date_from=None, date_to=None):
    qs = RegistryEntry.objects.filter(municipality=municipality).select_related("proposal")
    if date_from:
        qs = qs.filter(received_on__gte=date_from)
    if date_to:
        qs = qs.filter(received_on__lte=date_to)
    return qs.order_by("received_on", "id")


@dataclass(frozen=True)
class UnfinishedRow:
    proposal: Proposal
    received_on: datetime.date | None
    deadline: datetime.date | None
    days_left: int | None

    @property
    def body(self):
        case = getattr(self.proposal, "case", None)
        return case.body if case else self.proposal.routed_body

    @property
    def is_overdue(self):
        return self.days_left is not None and self.days_left < 0

    @property
    def days_overdue(self):
        return -self.days_left if self.days_left is not None and self.days_left < 0 else 0


def received_on(proposal):
    case = getattr(proposal, "case", None)  # None when there is no case yet
    moment = case.created_at if case else proposal.submitted_at
    return timezone.localdate(moment) if moment else None


def unfinished_citizen_proposals(*, municipality, today=None):
    """Citizen proposals not yet decided, the latest deadline last; with days left (negative: overdue)."""
    today = today or timezone.localdate()
    qs = (
        Proposal.objects.filter(
            municipality=municipality, route=Route.CITIZEN_PROPOSAL, status__in=OPEN_CITIZEN_STATUSES
        )
        .select_related("routed_body", "case", "case__body")
        .order_by("answer_deadline", "submitted_at", "id")
    )
    rows = []
    for proposal in qs:
        deadline = proposal.answer_deadline
        days_left = (deadline - today).days if deadline else None
        rows.append(UnfinishedRow(proposal, received_on(proposal), deadline, days_left))
    return sorted(rows, key=lambda row: (row.deadline is None, row.deadline or today))


# --- Tables for CSV downloads ----------------------------------------------------------------------------------
# For the records system and spreadsheets, written by core.exports in the Swedish Excel format (UTF-8 with a byte
# order mark, semicolons, every text cell protected against formulas). Dates are ISO 8601.


def registry_table(entries):
    header = [_("Received"), _("Registration number"), _("Sender's reference"), _("Description"), _("Status")]
    rows = [
        [
            entry.received_on.isoformat(),
            entry.registration_number,
            entry.sender_reference,
            entry.description,
            entry.proposal.get_status_display() if entry.proposal else "",
        ]
        for entry in entries
    ]
    return header, rows


def unfinished_table(rows):
    header = [
        _("Registration number"), _("Title"), _("Status"), _("Received"), _("Answer due"), _("Days left"), _("Body"),
    ]  # fmt: skip
    return header, [
        [
            row.proposal.registration_number,
            row.proposal.title,
            row.proposal.get_status_display(),
            row.received_on.isoformat() if row.received_on else "",
            row.deadline.isoformat() if row.deadline else "",
            "" if row.days_left is None else row.days_left,
            row.body.name if row.body else "",
        ]
        for row in rows
    ]
