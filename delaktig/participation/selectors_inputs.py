"""Reads shared by the methods whose inputs residents support and comment on: an AbstractInput model, its
AbstractSupport rows (related name "supports") and the shared Comment.

A method makes one InputReads for its input model in its selectors, and its manifest and views use the reads:

    INPUTS = InputReads(MapInput, method_name=METHOD_NAME, related=("category", "district"))
    ... MethodManifest(..., participant_ids=selectors.INPUTS.participant_ids, ...)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.functional import Promise

from delaktig.accounts.models import User

from .models import Comment, ModerationStatus
from .registry import InputRecord, ModerationItem

RECENT_LIMIT = 20


def count_of(qs: QuerySet[Any], column: str) -> Coalesce:
    """The number of rows of `qs` (filtered on an OuterRef) as a subquery: 0 when there are none."""
    counted = qs.order_by().values(column).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def _no_details(item: Any) -> Mapping[str, Any]:
    return {}


class InputReads:
    """The reads of one input model. `related` are the relations an input's pages and title read, fetched with it;
    `record_details(item)` gives InputRecord's optional fields (demographics, received_on) for the results."""

    def __init__(
        self,
        model: Any,
        *,
        method_name: str | Promise,
        related: Iterable[str] = (),
        record_details: Callable[[Any], Mapping[str, Any]] = _no_details,
    ) -> None:
        self.model = model
        self.method_name = method_name
        self.related = tuple(related)
        self.record_details = record_details

    @property
    def key(self) -> str:
        """The method's key, which is its app label."""
        return self.model._meta.app_label

    @property
    def support_model(self) -> Any:
        return self.model._meta.get_field("supports").related_model

    def input_type(self) -> ContentType:
        return ContentType.objects.get_for_model(self.model)

    def with_related(self, qs: QuerySet[Any], *more: str) -> QuerySet[Any]:
        fields = (*self.related, *more)
        return qs.select_related(*fields) if fields else qs

    # Public pages

    def with_counts(self, qs: QuerySet[Any]) -> QuerySet[Any]:
        """Annotate support_count and comment_count (published comments) in the same query."""
        supports = self.support_model.objects.filter(input=OuterRef("pk"))
        comments = Comment.objects.filter(
            target_type=self.input_type(), target_id=OuterRef("pk"), status=ModerationStatus.PUBLISHED
        )
        return qs.annotate(support_count=count_of(supports, "input_id"), comment_count=count_of(comments, "target_id"))

    def input_visible(self, module: Any, pk: int, user: Any) -> Any:
        """A published input, or the viewer's own input whatever its status; None otherwise."""
        qs = self.with_counts(self.with_related(self.model.objects.filter(module=module, pk=pk)))
        mine = Q(author=user) if user.is_authenticated else Q(pk__in=[])
        item = qs.filter(Q(status=ModerationStatus.PUBLISHED) | mine).first()
        if item is not None:
            item.module = module
        return item

    @staticmethod
    def comments_published(item: Any) -> list[Comment]:
        return list(item.comments.filter(status=ModerationStatus.PUBLISHED).order_by("created_at", "id"))

    def has_supported(self, item: Any, user: Any) -> bool:
        return user.is_authenticated and self.support_model.objects.filter(input=item, user=user).exists()

    def module_summary(self, module: Any) -> dict[str, Any]:
        """The active phase and published input count for the dialogue page (at most two queries)."""
        published = self.model.objects.published().filter(module=module)
        return {"phase": module.active_phase(), "published": published.count()}

    # Staff pages: moderation

    def module_comments(self, module: Any) -> QuerySet[Comment]:
        return Comment.objects.filter(
            target_type=self.input_type(), target_id__in=self.model.objects.filter(module=module).values("pk")
        )

    def inputs_pending(self, module: Any) -> list[Any]:
        qs = self.model.objects.filter(module=module, status=ModerationStatus.PENDING)
        return list(self.with_related(qs, "author").order_by("created_at", "id"))

    def inputs_recently_published(self, module: Any, limit: int = RECENT_LIMIT) -> list[Any]:
        qs = self.with_related(self.model.objects.published().filter(module=module), "author")
        return list(qs.order_by("-created_at", "-id")[:limit])

    def comments_pending(self, module: Any) -> list[Comment]:
        pending = self.module_comments(module).filter(status=ModerationStatus.PENDING).select_related("author")
        return self.attach_inputs(list(pending.order_by("created_at", "id")))

    def comments_recently_published(self, module: Any, limit: int = RECENT_LIMIT) -> list[Comment]:
        published = self.module_comments(module).filter(status=ModerationStatus.PUBLISHED).select_related("author")
        return self.attach_inputs(list(published.order_by("-created_at", "-id")[:limit]))

    def attach_inputs(self, comments: list[Comment], *select: str) -> list[Comment]:
        """Give each comment its input (`comment.input`) in one query: a generic target cannot be select_related."""
        inputs = self.with_related(self.model.objects.all(), *select).in_bulk({c.target_id for c in comments})
        for comment in comments:
            comment.input = inputs.get(comment.target_id)  # type: ignore[attr-defined]
        return comments

    # The central moderation page

    def _pending_inputs(self, municipality: Any) -> QuerySet[Any]:
        return self.model.objects.filter(municipality=municipality, status=ModerationStatus.PENDING)

    def _pending_comments(self, municipality: Any) -> QuerySet[Comment]:
        """Pending comments on inputs that exist (a comment whose input is gone is not listed, so not counted)."""
        return Comment.objects.filter(
            municipality=municipality,
            target_type=self.input_type(),
            target_id__in=self.model.objects.filter(municipality=municipality).values("pk"),
            status=ModerationStatus.PENDING,
        )

    def moderation_queue(self, municipality: Any, limit: int | None = None) -> list[ModerationItem]:
        """Pending inputs and pending comments on them, oldest first, for the municipality's moderation page: with
        `limit`, only the oldest `limit` (the central page asks for no more than it shows)."""
        select = "module__dialogue__municipality"
        inputs = self.with_related(self._pending_inputs(municipality), select).order_by("created_at", "id")[:limit]
        comments = list(self._pending_comments(municipality).order_by("created_at", "id")[:limit])
        items = [self._queue_item(item.module, item.title, item.text, item.created_at) for item in inputs]
        for comment in self.attach_inputs(comments, select):
            parent = comment.input  # type: ignore[attr-defined]
            if parent:
                items.append(self._queue_item(parent.module, parent.title, comment.text, comment.created_at))
        return sorted(items, key=lambda item: item.created_at)[:limit]

    def moderation_count(self, municipality: Any) -> int:
        """How many items moderation_queue(municipality) holds, counted in the database."""
        return self._pending_inputs(municipality).count() + self._pending_comments(municipality).count()

    def _queue_item(self, module: Any, title: str, text: str, created_at: Any) -> ModerationItem:
        dialogue = module.dialogue
        url = reverse(f"{self.key}_staff:moderation", args=[dialogue.municipality.slug, dialogue.pk, module.pk])
        return ModerationItem(
            method_name=str(self.method_name), title=title, text=text, created_at=created_at, dialogue=dialogue, url=url
        )

    # Reports, the results workspace and participants

    def stats(self, module: Any) -> dict[str, int]:
        """Counts for reports. Removed input and comments are left out; pending ones were still received."""
        inputs = self.model.objects.received().filter(module=module)
        return {
            "inputs": inputs.count(),
            "comments": self.module_comments(module).exclude(status=ModerationStatus.REJECTED).count(),
            "supports": self.support_model.objects.filter(input__in=inputs).count(),
            "participants": len(self.participant_ids(module)),
        }

    def participant_ids(self, module: Any) -> set[int]:
        """Everyone who wrote an input, commented on one or supported one, with an account."""
        authors = self.model.objects.filter(module=module, author__isnull=False)
        ids = set(authors.values_list("author_id", flat=True))
        ids |= set(self.module_comments(module).filter(author__isnull=False).values_list("author_id", flat=True))
        ids |= set(self.support_model.objects.filter(input__module=module).values_list("user_id", flat=True))
        return ids

    def participant_addresses(self, module: Any) -> list[tuple[str, str]]:
        """(email, name) of everyone who took part online with an account that is still active, each address once.
        Input that came in another way keeps no contact details; erasure unlinks a person from what they wrote."""
        people = User.objects.filter(pk__in=self.participant_ids(module), is_active=True).exclude(email="")
        seen, result = set(), []
        for email, name in people.order_by("id").values_list("email", "name"):
            if email.lower() not in seen:
                seen.add(email.lower())
                result.append((email, name))
        return result

    def input_rows(self, module: Any) -> QuerySet[Any]:
        """The same inputs as `inputs`, as a QuerySet the results workspace filters, counts and pages in the
        database."""
        return self.model.objects.received().filter(module=module)

    def inputs(self, module: Any, ids: Iterable[int] | None = None) -> list[InputRecord]:
        """Every input of the module that was not removed (pending ones included), for the results workspace; with
        `ids`, only those of them (a page of the workspace)."""
        qs = self.with_related(self.input_rows(module)).order_by("created_at", "id")
        if ids is not None:
            qs = qs.filter(pk__in=ids)
        slug = module.dialogue.municipality.slug
        return [self._record(slug, module, item) for item in qs]

    def _record(self, slug: str, module: Any, item: Any) -> InputRecord:
        args = [slug, module.dialogue_id, module.pk, "input", item.pk]
        return InputRecord(
            ref=f"{self.key}:{item.pk}",
            module_id=module.pk,
            method=self.key,
            title=item.title,
            text=item.text,
            channel=item.channel,
            created_at=item.created_at,
            author_shown=item.author_name if item.is_published else "",
            staff_url=reverse(f"{self.key}_staff:moderate", args=args),
            **self.record_details(item),
        )

    def input_channels(self, module: Any) -> dict[str, int]:
        """{channel: number} of the same inputs as `inputs`, counted in the database (the yearly report)."""
        received = self.model.objects.received().filter(module=module).order_by()
        return dict(received.values_list("channel").annotate(n=Count("id")))

    # "My data", erasure and public names

    def comments_data(self, user: Any) -> list[dict[str, Any]]:
        """The user's comments on inputs of this method, for "my data"."""
        comments = list(Comment.objects.filter(author=user, target_type=self.input_type()))
        attached = self.attach_inputs(comments, "module__dialogue__municipality")
        return [self._comment_data(comment) for comment in attached]

    def _comment_data(self, comment: Any) -> dict[str, Any]:
        parent = comment.input
        return {
            "type": f"{self.key}.comment",
            "on": parent.reference if parent else "",
            "dialogue": parent.module.dialogue.title if parent else "",
            "text": comment.text,
            "name_shown": comment.author_name,
            "status": comment.status,
            "moderation_reason": comment.moderation_reason,
            "url": parent.get_absolute_url() if parent else "",
            "created": comment.created_at.isoformat(),
            "identity_level": comment.identity_level,
        }

    def supports_data(self, user: Any, *, with_title: bool = False) -> list[dict[str, Any]]:
        """The user's supports, for "my data"; `with_title` names the input's title too."""
        supports = self.support_model.objects.filter(user=user).select_related("input__module__dialogue")
        return [self._support_data(support, with_title) for support in supports]

    def _support_data(self, support: Any, with_title: bool) -> dict[str, Any]:
        title = {"title": support.input.title} if with_title else {}
        return {
            "type": f"{self.key}.support",
            "on": support.input.reference,
            "dialogue": support.input.module.dialogue.title,
            **title,
            "created": support.created_at.isoformat(),
        }

    def erase(self, user: Any, **cleared: Any) -> int:
        """Anonymise the user's inputs (clearing `cleared` fields too) and comments, which stay as records, and
        delete their supports."""
        inputs = self.model.objects.filter(author=user).update(author=None, author_name="", **cleared)
        comments = Comment.objects.filter(author=user, target_type=self.input_type())
        anonymised = comments.update(author=None, author_name="")
        supports, _ = self.support_model.objects.filter(user=user).delete()
        return inputs + anonymised + supports

    def public_names_hide(self, module: Any) -> int:
        """The dialogue's setting became stricter: input and comments already sent are shown without a name."""
        comments = self.module_comments(module).exclude(author_name="").update(author_name="")
        return self.model.objects.filter(module=module).exclude(author_name="").update(author_name="") + comments

    def _dialogue_comments(self, dialogue: Any) -> QuerySet[Comment]:
        inputs = self.model.objects.filter(module__dialogue=dialogue).values("pk")
        return Comment.objects.filter(target_type=self.input_type(), target_id__in=inputs)

    def pseudonym_last_used(self, dialogue: Any, user: Any) -> str:
        """The pseudonym `user` last wrote under in this dialogue, so they keep one name; "" if none."""
        if not user.is_authenticated:
            return ""
        found: list[tuple[str, Any]] = []
        for qs in (self.model.objects.filter(module__dialogue=dialogue), self._dialogue_comments(dialogue)):
            mine = qs.filter(author=user).exclude(author_name="").order_by("-created_at")
            found += list(mine.values_list("author_name", "created_at")[:1])
        return max(found, key=lambda pair: pair[1])[0] if found else ""

    def pseudonym_taken(self, dialogue: Any, pseudonym: str, user: Any) -> bool:
        """Does someone else already write under this pseudonym in this dialogue?"""
        same = Q(author_name__iexact=pseudonym) & ~Q(author=user)
        inputs = self.model.objects.filter(module__dialogue=dialogue).filter(same)
        return inputs.exists() or self._dialogue_comments(dialogue).filter(same).exists()
