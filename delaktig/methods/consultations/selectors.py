"""Reads of a document consultation, including the manifest's callables (stats, exports, personal data, erasure,
participants, the moderation queue)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from delaktig.participation.identity import what_is_public
from delaktig.participation.models import Comment, ModerationStatus
from delaktig.participation.registry import InputRecord, ModerationItem

from .about import METHOD_KEY, METHOD_NAME
from .models import (
    REFERENCE_PREFIX,
    Answer,
    Chapter,
    Document,
    Follower,
    Image,
    Paragraph,
    Remark,
    Represents,
    Version,
)

COMMENT_CONTENTS = gettext_lazy("the text of your comment")


def remark_public_lines(remark: Remark) -> list[str]:
    """What of a resident's comment is public, in sentences: for the confirmation page and the e-mail receipt."""
    comment = remark.comment
    lines = what_is_public(remark.module.dialogue, shown_name=comment.author_name, contents=COMMENT_CONTENTS)
    if remark.represents != Represents.MYSELF and remark.organisation:
        organisation = _("The name of the organisation or authority you represent, “%(organisation)s”, is shown too.")
        lines.insert(1, organisation % {"organisation": remark.organisation})
    return lines


def document_of(module) -> Document | None:
    return Document.objects.filter(module=module).first()


def published_version(document: Document | None, number: int | None = None) -> Version | None:
    """The newest published version, or the published version `number`."""
    if document is None:
        return None
    versions = document.versions.exclude(published_at=None)
    if number is not None:
        return versions.filter(number=number).first()
    return versions.order_by("-number").first()


def latest_version(document: Document | None) -> Version | None:
    return document.versions.order_by("-number").first() if document else None


@dataclass(frozen=True)
class NamedPicture:
    """A picture the newest version shows: its name in the text, the description the text gives, and the picture
    shown there (None while it is missing)."""

    name: str
    text: str
    image: Image | None

    @property
    def described(self) -> bool:
        return bool(self.text or (self.image is not None and self.image.description))


def pictures_named(document: Document) -> list[NamedPicture]:
    """Every picture the newest version names, each name once, in the order of the text."""
    version = latest_version(document)
    if version is None:
        return []
    named: dict[str, NamedPicture] = {}
    paragraphs = version.paragraphs.filter(kind="image").exclude(source="").select_related("image").order_by("order")
    for paragraph in paragraphs:
        name = paragraph.source.rsplit("/", 1)[-1]
        if name not in named:
            named[name] = NamedPicture(name, paragraph.text, paragraph.image)
    return list(named.values())


def pictures_undescribed(version: Version | None) -> list[str]:
    """The names of the pictures `version` shows with no description at all (neither in the text nor added)."""
    if version is None:
        return []
    shown = version.paragraphs.filter(kind="image", text="", image__description="").exclude(image=None)
    return sorted(set(shown.values_list("image__name", flat=True)))


def chapters_of(version: Version) -> list[Chapter]:
    """The version's chapters, each with its paragraphs (and their pictures) read in one more query."""
    paragraphs = Paragraph.objects.select_related("image").order_by("order")
    return list(version.chapters.prefetch_related(Prefetch("paragraphs", queryset=paragraphs)).order_by("order"))


def module_comments(module) -> QuerySet[Comment]:
    return Comment.objects.filter(consultation_remark__module=module)


def published_remarks(module) -> QuerySet[Remark]:
    return (
        Remark.objects.filter(module=module, comment__status=ModerationStatus.PUBLISHED)
        .select_related("comment")
        .prefetch_related(Prefetch("comment__consultation_answers", queryset=Answer.objects.order_by("created_at")))
        .order_by("comment__created_at", "comment_id")
    )


@dataclass
class Comments:
    """The published comments of a module, by where they were written, with counts for the reading page."""

    whole: list[Remark] = field(default_factory=list)
    chapters: dict[int, list[Remark]] = field(default_factory=dict)  # chapter anchor -> on the chapter itself
    paragraphs: dict[int, list[Remark]] = field(default_factory=dict)  # paragraph anchor -> on the paragraph
    per_chapter: Counter = field(default_factory=Counter)  # chapter anchor -> all comments in the chapter

    @property
    def total(self) -> int:
        return len(self.whole) + sum(self.per_chapter.values())

    def not_in(self, chapters) -> list[Remark]:
        """Comments on chapters or paragraphs that are not in this version (removed in a later one), oldest first."""
        shown_chapters = {chapter.anchor for chapter in chapters}
        shown = {paragraph.anchor for chapter in chapters for paragraph in chapter.paragraphs.all()}
        found = [r for anchor, rs in self.paragraphs.items() if anchor not in shown for r in rs]
        found += [r for anchor, rs in self.chapters.items() if anchor not in shown_chapters for r in rs]
        return sorted(found, key=lambda remark: (remark.comment.created_at, remark.comment_id))


def comments_by_place(module) -> Comments:
    found = Comments()
    for remark in published_remarks(module):
        if remark.paragraph_anchor is not None:
            found.paragraphs.setdefault(remark.paragraph_anchor, []).append(remark)
        elif remark.chapter_anchor is not None:
            found.chapters.setdefault(remark.chapter_anchor, []).append(remark)
        else:
            found.whole.append(remark)
        if remark.chapter_anchor is not None:
            found.per_chapter[remark.chapter_anchor] += 1
    return found


def comment_counts(module) -> dict[str, int]:
    """Comments by moderation status, and how many still lack the municipality's position (for the staff page)."""
    received = module_comments(module).exclude(status=ModerationStatus.REJECTED)
    return received.aggregate(
        total=Count("pk"),
        pending=Count("pk", filter=Q(status=ModerationStatus.PENDING)),
        without_position=Count("pk", filter=Q(status=ModerationStatus.PUBLISHED, consultation_remark__position="")),
    )


def is_following(document: Document | None, user) -> bool:
    if document is None or not user.is_authenticated:
        return False
    return Follower.objects.filter(document=document, user=user).exists()


def remark_get(module, comment_id) -> Remark | None:
    return Remark.objects.select_related("comment", "version").filter(module=module, comment_id=comment_id).first()


# The manifest's callables


def stats(module) -> dict[str, int]:
    counts = module_comments(module).aggregate(
        comments=Count("pk", filter=~Q(status=ModerationStatus.REJECTED)),
        by_organisations=Count(
            "pk", filter=~Q(status=ModerationStatus.REJECTED) & ~Q(consultation_remark__represents="myself")
        ),
        by_letter=Count("pk", filter=~Q(status=ModerationStatus.REJECTED) & ~Q(channel="online")),
    )
    counts["answers"] = Answer.objects.filter(module=module).count()
    return counts


STAT_KEYS = ("comments", "by_organisations", "by_letter", "answers")


def export_rows(module) -> list[dict]:
    """One row per comment received (never the writer, the sender or an account)."""
    remarks = (
        Remark.objects.filter(module=module)
        .exclude(comment__status=ModerationStatus.REJECTED)
        .select_related("comment", "version")
        .annotate(answers=Count("comment__consultation_answers"))
        .order_by("comment__created_at", "comment_id")
    )
    return [
        {
            "reference": remark.reference,
            "created_at": remark.comment.created_at.isoformat(),
            "received_on": remark.received_on.isoformat() if remark.received_on else "",
            "channel": remark.comment.channel,
            "version": remark.version.number,
            "chapter": remark.chapter_anchor or "",
            "paragraph": remark.paragraph_anchor or "",
            "represents": remark.represents,
            "organisation": remark.organisation,
            "text": remark.comment.text,
            "status": remark.comment.status,
            "position": remark.position,
            "response": remark.response,
            "answers": remark.answers,
        }
        for remark in remarks
    ]


def personal_data(user) -> list[dict]:
    comments = (
        Remark.objects.filter(comment__author=user)
        .select_related("comment", "module__dialogue")
        .order_by("comment__created_at")
    )
    rows = [
        {
            "kind": "comment",
            "reference": remark.reference,
            "dialogue": remark.module.dialogue.title,
            "document": remark.module.name,
            "text": remark.comment.text,
            "represents": remark.represents,
            "organisation": remark.organisation,
            "created_at": remark.comment.created_at.isoformat(),
            "status": remark.comment.status,
        }
        for remark in comments
    ]
    follows = Follower.objects.filter(user=user).select_related("document__module__dialogue")
    rows += [
        {
            "kind": "follow",
            "dialogue": row.document.module.dialogue.title,
            "document": row.document.module.name,
            "created_at": row.created_at.isoformat(),
        }
        for row in follows
    ]
    answers = Answer.objects.filter(author=user).select_related("module__dialogue")
    rows += [
        {
            "kind": "answer",
            "dialogue": row.module.dialogue.title,
            "document": row.module.name,
            "text": row.text,
            "created_at": row.created_at.isoformat(),
        }
        for row in answers
    ]
    return rows


def erase(user) -> int:
    """Comments keep their text without a name or account; follows end; official answers keep their text (they
    were written in office) but lose the account."""
    comments = Comment.objects.filter(author=user, consultation_remark__isnull=False)
    touched = comments.update(author=None, author_name="")
    touched += Follower.objects.filter(user=user).delete()[0]
    touched += Answer.objects.filter(author=user).update(author=None)
    return touched


def participant_ids(module) -> set[int]:
    ids = module_comments(module).exclude(author=None).values_list("author_id", flat=True)
    return set(ids)


def participant_addresses(module) -> list[tuple[str, str]]:
    """(email, name) of everyone who commented with an active account, or follows, each address once."""
    from delaktig.accounts.models import User

    followers = Follower.objects.filter(document__module=module).values("user_id")
    people = User.objects.filter(Q(pk__in=participant_ids(module)) | Q(pk__in=followers), is_active=True)
    unique: dict[str, tuple[str, str]] = {}
    for email, name in people.exclude(email="").order_by("id").values_list("email", "name"):
        unique.setdefault(email.lower(), (email.lower(), name))
    return list(unique.values())


def public_names_hide(module) -> int:
    return module_comments(module).exclude(author_name="").update(author_name="")


def _pending(municipality) -> QuerySet[Comment]:
    return Comment.objects.filter(
        municipality=municipality, status=ModerationStatus.PENDING, consultation_remark__isnull=False
    )


def moderation_queue(municipality, limit=None) -> list[ModerationItem]:
    comments = _pending(municipality).select_related("consultation_remark__module__dialogue__municipality")
    items = []
    for comment in comments.order_by("created_at", "id")[:limit]:
        module = comment.consultation_remark.module
        dialogue = module.dialogue
        url = reverse(f"{METHOD_KEY}_staff:comments", args=[dialogue.municipality.slug, dialogue.pk, module.pk])
        items.append(
            ModerationItem(
                method_name=str(METHOD_NAME),
                title=module.name,
                text=comment.text,
                created_at=comment.created_at,
                dialogue=dialogue,
                url=url + "?status=pending",
            )
        )
    return items


def moderation_count(municipality) -> int:
    return _pending(municipality).count()


def inputs(module) -> list[InputRecord]:
    """Every comment received, for the dialogue's results workspace."""
    remarks = (
        Remark.objects.filter(module=module)
        .exclude(comment__status=ModerationStatus.REJECTED)
        .select_related("comment")
        .order_by("comment__created_at", "comment_id")
    )
    return [
        InputRecord(
            ref=f"{METHOD_KEY}:{remark.comment_id}",
            module_id=module.pk,
            method=METHOD_KEY,
            title=remark.organisation,
            text=remark.comment.text,
            channel=remark.comment.channel,
            created_at=remark.comment.created_at,
            author_shown=remark.comment.author_name if remark.comment.status == ModerationStatus.PUBLISHED else "",
            received_on=remark.received_on,
            staff_url=reverse(
                f"{METHOD_KEY}_staff:comment",
                args=[module.dialogue.municipality.slug, module.dialogue_id, module.pk, remark.comment_id],
            ),
        )
        for remark in remarks
    ]


def reference(comment_id) -> str:
    return f"{REFERENCE_PREFIX}-{comment_id}"
