"""Reads of forum consultations, including what the manifest gives central code (stats, exports, inputs, personal
data). A forum's statement is shown without a person's name: the forum speaks, not one of its members."""

from typing import Any

from django.db.models import Count, QuerySet
from django.urls import reverse

from delaktig.forums.models import Forum, Statement
from delaktig.participation.models import Module
from delaktig.participation.registry import InputRecord

from .models import KEY, REFERENCE_PREFIX, ForumChoice, ForumInput


def choice_of(module: Module) -> ForumChoice | None:
    return ForumChoice.objects.select_related("forum__municipality", "consultation").filter(module=module).first()


def summary_of(module: Module) -> ForumChoice | None:
    """The module's forum with the number of statements taken in (`statement_count`), in one query."""
    found = ForumChoice.objects.select_related("forum").filter(module=module)
    return found.annotate(statement_count=Count("module__forum_inputs")).first()


def forums_to_choose(module: Module) -> QuerySet[Forum]:
    return Forum.objects.filter(municipality_id=module.dialogue.municipality_id).order_by("name")


def inputs_of(module: Module) -> QuerySet[ForumInput]:
    return ForumInput.objects.filter(module=module).select_related(
        "statement__consultation__forum", "statement__meeting"
    )


def statements_to_pick(module: Module, choice: ForumChoice) -> QuerySet[Statement]:
    """The forum's statements that the module has not taken in yet, newest first."""
    taken = ForumInput.objects.filter(module=module).values("statement_id")
    found = Statement.objects.filter(consultation__forum=choice.forum).exclude(pk__in=taken)
    return found.select_related("consultation").order_by("-given_on", "-id")


def stats(module: Module) -> dict[str, int]:
    return {"statements": ForumInput.objects.filter(module=module).count()}


def title_of(item: ForumInput) -> str:
    return f"{item.statement.consultation.forum.name}: {item.statement.consultation.title}"


def export_rows(module: Module) -> list[dict[str, Any]]:
    return [
        {
            "reference": f"{REFERENCE_PREFIX}-{item.pk}",
            "forum": item.statement.consultation.forum.name,
            "matter": item.statement.consultation.title,
            "given_on": item.statement.given_on.isoformat(),
            "channel": item.channel,
            "text": item.statement.text,
        }
        for item in inputs_of(module)
    ]


def inputs(module: Module, ids: list[int] | None = None) -> list[InputRecord]:
    found = inputs_of(module)
    if ids is not None:
        found = found.filter(pk__in=ids)
    staff_url = reverse(f"{KEY}_staff:index", args=[module.dialogue.municipality.slug, module.dialogue_id, module.pk])
    return [
        InputRecord(
            ref=f"{KEY}:{item.pk}",
            module_id=module.pk,
            method=KEY,
            title=title_of(item),
            text=item.statement.text,
            channel=item.channel,
            created_at=item.created_at,
            author_shown="",
            staff_url=staff_url,
            received_on=item.statement.given_on,
        )
        for item in found
    ]


def input_rows(module: Module) -> QuerySet[ForumInput]:
    return ForumInput.objects.filter(module=module)


def input_channels(module: Module) -> dict[str, int]:
    """The statements taken in, counted per channel in the database (the yearly report, the public figures)."""
    counted = ForumInput.objects.filter(module=module).values("channel").annotate(n=Count("id"))
    return {row["channel"]: row["n"] for row in counted}


def participant_ids(module: Module) -> set[int]:
    """The accounts that recorded the forum's statements (the forum has none of its own)."""
    found = ForumInput.objects.filter(module=module, recorded_by__isnull=False)
    return set(found.values_list("recorded_by_id", flat=True))


def personal_data(user: Any) -> list[dict[str, Any]]:
    found = ForumInput.objects.filter(recorded_by=user).select_related("module__dialogue", "statement__consultation")
    return [
        {
            "dialogue": item.module.dialogue.title,
            "forum_statement": f"{REFERENCE_PREFIX}-{item.pk}",
            "recorded_at": item.created_at.isoformat(),
        }
        for item in found
    ]


def public_names_hide(module: Module) -> int:
    """Statements never show a person's name; the count of those shown without one."""
    return ForumInput.objects.filter(module=module).count()
