"""Reads for statements and opinion groups. Lists annotate their counts, so pages never run a query per row."""

import numpy as np
from django.core.cache import cache
from django.db.models import Count, Q
from django.urls import reverse

from delaktig.accounts.models import User
from delaktig.participation.models import ModerationStatus
from delaktig.participation.registry import InputRecord, ModerationItem

from .about import METHOD_KEY, METHOD_NAME
from .analysis import GROUP_LETTERS
from .models import Analysis, Choice, Statement, Vote

EXPORT_COLUMNS = ["id", "text", "seeded", "status", "created", "agree", "disagree", "pass"]
COUNTS_SECONDS = 30
VOTE_ROW = np.dtype([("user", np.int64), ("statement", np.int64), ("choice", np.int8)])
READ_CHUNK = 20_000  # votes read from the database at a time for the analysis


def with_counts(qs):
    """Annotate agree, disagree, passes and votes (the total) in the same query."""
    return qs.annotate(
        agree=Count("votes", filter=Q(votes__choice=Choice.AGREE)),
        disagree=Count("votes", filter=Q(votes__choice=Choice.DISAGREE)),
        passes=Count("votes", filter=Q(votes__choice=Choice.PASS)),
        vote_count=Count("votes"),
    )


def statements_published(module):
    return Statement.objects.published().filter(module=module)


def statements_counted(module, *, cached=True):
    """The published statements with their votes counted (agree, disagree, passes, vote_count), most votes first.
    The pages take the counts from choice_counts (cached), so a busy page does not count millions of votes per
    request; the decision basis and reports count now (`cached=False`)."""
    if not cached:
        return list(with_counts(statements_published(module)).order_by("-vote_count", "id"))
    counted = choice_counts(module.pk)
    items = list(statements_published(module))
    for item in items:
        item.agree, item.disagree, item.passes = (counted.get((item.pk, choice), 0) for choice in Choice.values)
        item.vote_count = item.agree + item.disagree + item.passes
    return sorted(items, key=lambda item: (-item.vote_count, item.pk))


def choice_counts(module_id):
    """{(statement id, choice): votes} in the module, in one GROUP BY, kept COUNTS_SECONDS in the cache."""
    key = f"statements:choice-counts:{module_id}"
    counts = cache.get(key)
    if counts is None:
        votes = Vote.objects.filter(module_id=module_id).order_by().values_list("statement_id", "choice")
        counts = {(pk, choice): n for pk, choice, n in votes.annotate(n=Count("id"))}
        cache.set(key, counts, COUNTS_SECONDS)
    return counts


def vote_counts(module_id):
    """{statement id: votes} in the module, counted in one GROUP BY and kept COUNTS_SECONDS in the cache: the voting
    page asks on every vote, and with 100,000 voters a count per request would read millions of rows."""
    key = f"statements:vote-counts:{module_id}"
    counts = cache.get(key)
    if counts is None:
        votes = Vote.objects.filter(module_id=module_id).order_by().values_list("statement_id")
        counts = dict(votes.annotate(n=Count("id")))
        cache.set(key, counts, COUNTS_SECONDS)
    return counts


def _not_voted(module, user):
    qs = statements_published(module)
    if user.is_authenticated:
        qs = qs.exclude(pk__in=Vote.objects.filter(module=module, user=user).values("statement"))
    return qs


def statement_next(module, user):
    """The published statement the person has not voted on that has the fewest votes so far (ties: the oldest),
    so new statements get their first votes quickly; None when they have voted on all. Two queries: the ids left
    for the person, and the statement; the counts come from the cache (at most COUNTS_SECONDS old)."""
    left = list(_not_voted(module, user).values_list("pk", flat=True))
    if not left:
        return None
    counts = vote_counts(module.pk)
    chosen = min(left, key=lambda pk: (counts.get(pk, 0), pk))
    return Statement.objects.get(pk=chosen)


def remaining_count(module, user):
    """How many published statements the person has not voted on yet."""
    return _not_voted(module, user).count()


def votes_of(module, user):
    """{statement id: choice} of the person's votes in the module."""
    if not user.is_authenticated:
        return {}
    return dict(Vote.objects.filter(module=module, user=user).values_list("statement_id", "choice"))


def my_statements(module, user):
    """The person's own statements in the module, with their status (pending ones too)."""
    if not user.is_authenticated:
        return []
    return list(Statement.objects.filter(module=module, author=user).order_by("-created_at", "-id"))


def vote_arrays(module_id):
    """The module's votes on published statements as three numpy arrays (participant, statement, choice), read in
    chunks straight into a packed array: 17 bytes a vote, not a Python object each."""
    qs = Vote.objects.filter(module_id=module_id, statement__status=ModerationStatus.PUBLISHED).order_by()
    rows = qs.values_list("user_id", "statement_id", "choice").iterator(chunk_size=READ_CHUNK)
    votes = np.fromiter(rows, dtype=VOTE_ROW)
    return votes["user"], votes["statement"], votes["choice"]


def analysis_of(module):
    """The newest stored analysis of the module, or None before the first."""
    return Analysis.objects.filter(module=module, ran_at__isnull=False).first()


def groups_view(module):
    """The stored analysis with the statements' texts in: {analysis, groups, consensus, points} for the pages and
    the decision basis. Statements removed since the analysis ran are left out."""
    analysis = analysis_of(module)
    if analysis is None:
        return None
    result = analysis.result
    texts = dict(statements_published(module).values_list("pk", "text"))
    groups = []
    for group in result.get("groups", []):
        representative = [
            dict(item, text=texts[item["statement"]]) for item in group["representative"] if item["statement"] in texts
        ]
        groups.append(dict(group, representative=representative))
    consensus = [
        dict(item, text=texts[item["statement"]], group_shares=list(zip(GROUP_LETTERS, item["shares"], strict=False)))
        for item in result.get("consensus", [])
        if item["statement"] in texts
    ]
    return {"analysis": analysis, "result": result, "groups": groups, "consensus": consensus}


def module_summary(module):
    """The running phase and the published statements for the dialogue page (one query)."""
    return {"phase": module.active_phase(), "published": statements_published(module).count()}


# The manifest's reads


def stats(module):
    received = Statement.objects.received().filter(module=module)
    return {
        "statements": received.count(),
        "votes": Vote.objects.filter(module=module).count(),
        "participants": len(participant_ids(module)),
    }


def export_rows(module):
    """One row per statement that was not removed, with its votes counted. No names, no user ids."""
    qs = with_counts(Statement.objects.received().filter(module=module)).order_by("created_at", "id")
    return [
        {
            "id": item.pk,
            "text": item.text,
            "seeded": item.seeded,
            "status": item.status,
            "created": item.created_at.isoformat(),
            "agree": item.agree,
            "disagree": item.disagree,
            "pass": item.passes,
        }
        for item in qs
    ]


def personal_data(user):
    """The statements the person wrote and their votes, for "my data"."""
    written = Statement.objects.filter(author=user).select_related("module__dialogue")
    votes = Vote.objects.filter(user=user).select_related("statement__module__dialogue")
    return [
        {
            "type": "statements.statement",
            "reference": item.reference,
            "dialogue": item.module.dialogue.title,
            "text": item.text,
            "status": item.status,
            "moderation_reason": item.moderation_reason,
            "created": item.created_at.isoformat(),
            "identity_level": item.identity_level,
        }
        for item in written
    ] + [
        {
            "type": "statements.vote",
            "on": vote.statement.reference,
            "dialogue": vote.statement.module.dialogue.title,
            "vote": str(Choice(vote.choice).label),
            "created": vote.created_at.isoformat(),
        }
        for vote in votes
    ]


def erase(user):
    """The person's statements stay, without the account; their votes are deleted (the next analysis leaves them
    out)."""
    written = Statement.objects.filter(author=user).update(author=None)
    votes, _ = Vote.objects.filter(user=user).delete()
    return written + votes


def participant_ids(module):
    """Everyone who wrote a statement or voted, with an account."""
    ids = set(Statement.objects.filter(module=module, author__isnull=False).values_list("author_id", flat=True))
    return ids | set(Vote.objects.filter(module=module).values_list("user_id", flat=True).distinct())


def participant_addresses(module):
    """(email, name) of everyone who took part with an account that is still active, each address once."""
    people = User.objects.filter(pk__in=participant_ids(module), is_active=True).exclude(email="")
    seen, result = set(), []
    for email, name in people.order_by("id").values_list("email", "name"):
        if email.lower() not in seen:
            seen.add(email.lower())
            result.append((email, name))
    return result


def public_names_hide(module):
    """Statements are never shown with a name: every statement of the module is already shown without one."""
    return Statement.objects.filter(module=module).count()


def _pending(municipality):
    return Statement.objects.filter(municipality=municipality, status=ModerationStatus.PENDING)


def moderation_queue(municipality, limit=None):
    """Residents' statements waiting for a moderator, oldest first."""
    qs = _pending(municipality).select_related("module__dialogue__municipality").order_by("created_at", "id")
    return [_queue_item(item) for item in qs[:limit]]


def moderation_count(municipality):
    return _pending(municipality).count()


def _queue_item(item):
    module = item.module
    dialogue = module.dialogue
    url = reverse(f"{METHOD_KEY}_staff:moderate", args=[dialogue.municipality.slug, dialogue.pk, module.pk, item.pk])
    return ModerationItem(
        method_name=str(METHOD_NAME),
        title=item.reference,
        text=item.text,
        created_at=item.created_at,
        dialogue=dialogue,
        url=url,
    )


def input_rows(module):
    """The statements that were not removed, as rows the results workspace filters and pages."""
    return Statement.objects.received().filter(module=module)


def inputs(module, ids=None):
    """Every statement not removed, for the results workspace and the decision basis; with `ids`, only those."""
    qs = input_rows(module).order_by("created_at", "id")
    if ids is not None:
        qs = qs.filter(pk__in=ids)
    slug = module.dialogue.municipality.slug
    return [
        InputRecord(
            ref=f"{METHOD_KEY}:{item.pk}",
            module_id=module.pk,
            method=METHOD_KEY,
            title=item.text,
            text=item.text,
            channel=item.channel,
            created_at=item.created_at,
            staff_url=reverse(f"{METHOD_KEY}_staff:moderate", args=[slug, module.dialogue_id, module.pk, item.pk]),
        )
        for item in qs
    ]


def input_channels(module):
    return dict(input_rows(module).order_by().values_list("channel").annotate(n=Count("id")))


def statements_all_counted(module):
    """Every statement of the module, removed ones too, with its votes counted, newest first (staff)."""
    return list(with_counts(Statement.objects.filter(module=module)).order_by("-created_at", "-id"))


def moderation_count_module(module):
    return Statement.objects.filter(module=module, status=ModerationStatus.PENDING).count()
