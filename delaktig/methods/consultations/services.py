"""Writes of a document consultation: the document and its versions, pictures and attachments, comments with whom
they represent, official answers, following, and the municipality's positions for the consultation report."""

from __future__ import annotations

from collections.abc import Sequence

from django.db import transaction
from django.utils import timezone

from delaktig.core.audit import audit_record
from delaktig.participation.models import Channel, Comment, ModerationStatus
from delaktig.participation.services import comment_create

from . import document_files, mail, versions, word_pictures
from .models import (
    Answer,
    Attachment,
    Chapter,
    Document,
    Follower,
    Image,
    Paragraph,
    Remark,
    Represents,
    SectionSummary,
    Source,
    Version,
)
from .text import Outline
from .word_pictures import Staged


def document_for(module) -> Document:
    """The module's document, made (empty) the first time staff open it."""
    document, _made = Document.objects.get_or_create(module=module, defaults={"municipality": module.municipality})
    return document


@transaction.atomic
def version_create(
    *, document: Document, outline: Outline, source: str, actor, note: str = "", pictures: Sequence[Staged] = ()
) -> Version:
    """A new version from an outline. Chapters and paragraphs that live on from the previous version keep its
    anchors (so their comments follow them); the rest get new ones. `pictures` are a Word file's pictures kept aside
    at the preview (word_pictures.py): they become the document's pictures where the text shows them."""
    document = Document.objects.select_for_update().get(pk=document.pk)
    taken, described = word_pictures.pictures_take(document=document, staged=list(pictures))
    previous = document.versions.order_by("-number").first()
    number = previous.number + 1 if previous else 1
    version = Version.objects.create(
        document=document,
        number=number,
        title=outline.title or (previous.title if previous else document.module.name),
        source=source,
        note=note,
        created_by=actor,
    )
    chapter_anchors, paragraph_anchors = _carried_anchors(previous, outline)
    images = {image.name: image for image in document.images.all()}
    next_anchor, order = document.next_anchor, 0
    for c_index, part in enumerate(outline.chapters):
        anchor = chapter_anchors.get(c_index)
        if anchor is None:
            anchor, next_anchor = next_anchor, next_anchor + 1
        chapter = Chapter.objects.create(
            version=version, order=c_index, anchor=anchor, title=part.title, level=part.level
        )
        rows = []
        for p_index, item in enumerate(part.paragraphs):
            anchor = paragraph_anchors.get((c_index, p_index))
            if anchor is None:
                anchor, next_anchor = next_anchor, next_anchor + 1
            rows.append(
                Paragraph(
                    version=version,
                    chapter=chapter,
                    order=order,
                    anchor=anchor,
                    kind=item.kind,
                    text=item.text,
                    source=taken[item.source].name if item.source in taken else item.source,
                    image=taken.get(item.source) or _named(images, item.source, source),
                )
            )
            order += 1
        Paragraph.objects.bulk_create(rows)
    Document.objects.filter(pk=document.pk).update(next_anchor=next_anchor)
    audit_record(
        municipality=document.municipality,
        actor=actor,
        action="consultations.version_create",
        target=version,
        data={"number": number, "pictures": len(taken)},
    )
    transaction.on_commit(lambda: word_pictures.staged_remove(list(pictures)))
    if described:  # a picture a published version shows got its description from the Word file
        document_files.version_files_forget(document)
    return version


def _named(images: dict[str, Image], name: str, source: str) -> Image | None:
    """The picture added under the name the text gives. Not for a Word file's picture that did not come with it: its
    name ("image2.png") says only where it is in that file, and the same name in an earlier one is another picture."""
    if not name or source == Source.DOCX:
        return None
    return images.get(name.rsplit("/", 1)[-1])


def _carried_anchors(previous: Version | None, outline: Outline):
    """({chapter index: anchor}, {(chapter index, paragraph index): anchor}) for what lives on from `previous`."""
    if previous is None:
        return {}, {}
    old_chapters = [(c.anchor, c.title or "-") for c in previous.chapters.all()]
    new_chapters = [(i, c.title or "-") for i, c in enumerate(outline.chapters)]
    chapters = {new: old for old, new in versions.matched(old_chapters, new_chapters).items()}
    old_paragraphs = [(p.anchor, p.text) for p in previous.paragraphs.all()]
    new_paragraphs = [
        ((c, p), item.text or item.source)
        for c, chapter in enumerate(outline.chapters)
        for p, item in enumerate(chapter.paragraphs)
    ]
    paragraphs = {new: old for old, new in versions.matched(old_paragraphs, new_paragraphs).items()}
    return chapters, paragraphs


@transaction.atomic
def version_publish(*, version: Version, actor) -> Version:
    now = timezone.now()
    Version.objects.filter(pk=version.pk).update(published_at=now)
    version.published_at = now
    document = version.document
    if document.published_at is None:
        Document.objects.filter(pk=document.pk).update(published_at=now)
        document.published_at = now
    audit_record(
        municipality=document.municipality,
        actor=actor,
        action="consultations.version_publish",
        target=version,
        data={"number": version.number},
        public=True,
    )
    document_files.version_files_later(version)  # the whole document as Word and PDF, for download
    return version


@transaction.atomic
def version_discard(*, version: Version, actor) -> None:
    """Remove a version that was never published (a preview saved by mistake)."""
    document = version.document
    audit_record(
        municipality=document.municipality,
        actor=actor,
        action="consultations.version_discard",
        target=document,
        data={"number": version.number},
    )
    version.delete()


@transaction.atomic
def image_add(*, document: Document, name: str, description: str, photo, actor) -> Image:
    """A cleaned picture (core.images.CleanPhoto); one of the same name replaces the old one."""
    from django.core.files.base import ContentFile

    stem = name.rsplit(".", 1)[0] or "bild"
    document.images.filter(name=name).delete()
    image = Image(
        document=document,
        name=name,
        description=description,
        content_type=photo.content_type,
        size=len(photo.data),
        width=photo.width,
        height=photo.height,
    )
    image.file.save(f"{stem}.{photo.extension}", ContentFile(photo.data), save=False)
    image.save()
    Paragraph.objects.filter(version__document=document, kind="image", source__endswith=name).update(image=image)
    audit_record(municipality=document.municipality, actor=actor, action="consultations.image_add", target=image)
    document_files.version_files_forget(document)
    return image


@transaction.atomic
def image_describe(*, image: Image, description: str, actor) -> Image:
    """The description of a picture already added: what it shows, for those who cannot see it."""
    image.description = description.strip()
    image.save(update_fields=["description", "updated_at"])
    document = image.document
    audit_record(municipality=document.municipality, actor=actor, action="consultations.image_describe", target=image)
    document_files.version_files_forget(document)
    return image


@transaction.atomic
def attachment_add(*, document: Document, title: str, data: bytes, file_name: str, actor) -> Attachment:
    from django.core.files.base import ContentFile

    attachment = Attachment(document=document, title=title, size=len(data))
    attachment.file.save(file_name, ContentFile(data), save=False)
    attachment.save()
    audit_record(
        municipality=document.municipality, actor=actor, action="consultations.attachment_add", target=attachment
    )
    return attachment


@transaction.atomic
def attachment_remove(*, attachment: Attachment, actor) -> None:
    document = attachment.document
    audit_record(
        municipality=document.municipality,
        actor=actor,
        action="consultations.attachment_remove",
        target=document,
        data={"title": attachment.title},
    )
    attachment.file.delete(save=False)
    attachment.delete()


# Comments


@transaction.atomic
def remark_create(
    *,
    module,
    version: Version,
    target,
    text: str,
    represents: str,
    organisation: str = "",
    user=None,
    pseudonym: str = "",
    channel: str = Channel.ONLINE,
    entered_by=None,
    received_on=None,
    sender_name: str = "",
    sender_address: str = "",
) -> Remark:
    """A comment on the document, a chapter or a paragraph of `version` (`target`), saying whom it represents.

    A resident's comment goes through participation's comment_create (moderated as the dialogue says, its name
    shown as the dialogue's plan says). One entered by staff from a letter or e-mail is published at once and shows
    no person's name, only the organisation's, if any (from the remark): the sender is kept for the case, never
    shown.
    """
    organisation = organisation.strip() if represents != Represents.MYSELF else ""
    dialogue = module.dialogue
    if entered_by is None:
        comment = comment_create(target=target, author=user, text=text, dialogue=dialogue, pseudonym=pseudonym)
    else:
        comment = comment_create(
            target=target,
            author=None,
            text=text,
            dialogue=dialogue,
            channel=channel,
            author_name="",
            entered_by=entered_by,
        )
    chapter_anchor, paragraph_anchor = _anchors_of(target)
    remark = Remark.objects.create(
        comment=comment,
        module=module,
        version=version,
        chapter_anchor=chapter_anchor,
        paragraph_anchor=paragraph_anchor,
        represents=represents,
        organisation=organisation,
        received_on=received_on,
        sender_name=sender_name,
        sender_address=sender_address,
        entered_by=entered_by,
    )
    audit_record(
        municipality=dialogue.municipality,
        actor=entered_by or comment.author,
        action="consultations.comment_create",
        target=comment,
        data={"represents": represents, "channel": channel},
    )
    if comment.status == ModerationStatus.PUBLISHED:  # in the report at once
        _report_refresh(document_id=version.document_id, actor=entered_by)  # never a resident's account
    if entered_by is None and channel == Channel.ONLINE:  # a letter entered at the desk gets no e-mail
        mail.receipt_later(remark, account=comment.author, user=user)
    return remark


def report_request(*, document: Document, actor):
    """The consultation report's files, asked for (report_files.report_request)."""
    from .report_files import report_request as request_files

    return request_files(document=document, actor=actor)


def _report_refresh(*, document_id: int | None, actor) -> None:
    """What the consultation report says changed: its files are made again after the commit, if staff have had them
    made before (report_files.report_refresh_later)."""
    from .report_files import report_refresh_later

    report_refresh_later(document_id=document_id, actor=actor)


def _document_id_of(module) -> int | None:
    return Document.objects.filter(module=module).values_list("pk", flat=True).first()


def _anchors_of(target):
    if isinstance(target, Paragraph):
        return target.chapter.anchor, target.anchor
    if isinstance(target, Chapter):
        return target.anchor, None
    return None, None


@transaction.atomic
def remark_undo(*, remark: Remark, actor) -> None:
    comment = remark.comment
    audit_record(
        municipality=comment.municipality,
        actor=actor,
        action="consultations.comment_undo",
        target=remark.module,
        data={"comment": comment.pk},
    )
    _report_refresh(document_id=_document_id_of(remark.module), actor=actor)
    comment.delete()  # the remark goes with it


@transaction.atomic
def answer_create(*, comment: Comment, module, author, role: str, text: str) -> Answer:
    """An official answer under a comment; those who follow the document are told after the commit."""
    answer = Answer.objects.create(
        comment=comment, module=module, author=author, author_name=author.name or author.email, role=role, text=text
    )
    audit_record(
        municipality=comment.municipality,
        actor=author,
        action="consultations.answer_create",
        target=answer,
        data={"comment": comment.pk},
        public=True,
    )
    from .mail import followers_tell_later

    followers_tell_later(answer)
    _report_refresh(document_id=_document_id_of(module), actor=author)
    return answer


@transaction.atomic
def follow_set(*, document: Document, user, follow: bool) -> bool:
    """Start or stop following the document; whether anything changed."""
    if follow:
        _row, changed = Follower.objects.get_or_create(document=document, user=user)
    else:
        changed = bool(Follower.objects.filter(document=document, user=user).delete()[0])
    if changed:
        audit_record(
            municipality=document.municipality,
            actor=user,
            action="consultations.follow" if follow else "consultations.unfollow",
            target=document,
        )
    return changed


@transaction.atomic
def position_set(*, remark: Remark, position: str, response: str, actor) -> Remark:
    """The municipality's position on a comment and its response, for the consultation report."""
    remark.position = position
    remark.response = response
    remark.responded_at = timezone.now()
    remark.save(update_fields=["position", "response", "responded_at"])
    audit_record(
        municipality=remark.comment.municipality,
        actor=actor,
        action="consultations.position_set",
        target=remark.comment,
        data={"position": position},
    )
    _report_refresh(document_id=remark.version.document_id, actor=actor)
    return remark


@transaction.atomic
def summary_set(*, document: Document, chapter_anchor: int, text: str, actor) -> None:
    """The staff's summary of a section's comments ("" removes it)."""
    if text.strip():
        SectionSummary.objects.update_or_create(
            document=document, chapter_anchor=chapter_anchor, defaults={"text": text.strip()}
        )
    else:
        SectionSummary.objects.filter(document=document, chapter_anchor=chapter_anchor).delete()
    audit_record(
        municipality=document.municipality,
        actor=actor,
        action="consultations.summary_set",
        target=document,
        data={"section": chapter_anchor},
    )
    _report_refresh(document_id=document.pk, actor=actor)
