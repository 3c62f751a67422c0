"""The consultation report (samrådsredogörelse): every comment received, grouped by the section of the document it
concerns (the whole document first, then each chapter of the newest version), with the staff's summary per section
and the municipality's response and position per comment. Plain data, rendered as Word and as a tagged PDF."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from delaktig.participation.models import ModerationStatus

from .models import Paragraph, Position, Remark, Represents
from .selectors import document_of, latest_version, published_version


@dataclass(frozen=True)
class ReportComment:
    comment_id: int
    reference: str
    text: str
    quoted: str  # the paragraph it was written on, "" for a chapter or the whole document
    by: str  # "Privatperson", or the organisation or authority
    channel: str
    received_on: str
    position: str  # in words, "" when not decided
    position_key: str
    response: str
    answers: tuple[tuple[str, str], ...]  # (who, text)


@dataclass(frozen=True)
class ReportSection:
    anchor: int  # 0 for the whole document
    title: str
    summary: str
    comments: tuple[ReportComment, ...]


@dataclass(frozen=True)
class Report:
    title: str
    document_title: str
    municipality: str
    dialogue: str
    version: int
    generated_on: object
    period: str
    sections: tuple[ReportSection, ...]
    counts: tuple[tuple[str, int], ...]  # (position in words, number of comments)

    @property
    def total(self) -> int:
        return sum(len(section.comments) for section in self.sections)


def _by(remark) -> str:
    if remark.represents == Represents.MYSELF:
        return _("Private person")
    kind = _("Organisation") if remark.represents == Represents.ORGANISATION else _("Authority")
    return f"{remark.organisation} ({kind.lower()})"


def report_of(module) -> Report | None:
    document = document_of(module)
    version = published_version(document) or latest_version(document)
    if document is None or version is None:
        return None
    remarks = list(
        Remark.objects.filter(module=module, comment__status=ModerationStatus.PUBLISHED)
        .select_related("comment", "version")
        .prefetch_related("comment__consultation_answers")
        .order_by("comment__created_at", "comment_id")
    )
    texts = {
        (version_id, anchor): text
        for version_id, anchor, text in Paragraph.objects.filter(version__document=document).values_list(
            "version_id", "anchor", "text"
        )
    }
    summaries = dict(document.summaries.values_list("chapter_anchor", "text"))
    chapters = list(version.chapters.order_by("order").values_list("anchor", "title"))
    known = {anchor for anchor, _title in chapters}
    grouped: dict[int, list[ReportComment]] = {}
    for remark in remarks:
        anchor = remark.chapter_anchor if remark.chapter_anchor in known else 0
        grouped.setdefault(anchor, []).append(_comment(remark, texts))
    sections = [ReportSection(0, _("The document as a whole"), summaries.get(0, ""), tuple(grouped.get(0, [])))]
    sections += [
        ReportSection(anchor, title or _("Introduction"), summaries.get(anchor, ""), tuple(grouped.get(anchor, [])))
        for anchor, title in chapters
    ]
    counts = [(str(label), sum(1 for r in remarks if r.position == key)) for key, label in Position.choices]
    counts.append((_("Not yet decided"), sum(1 for r in remarks if not r.position)))
    return Report(
        title=_("Consultation report"),
        document_title=version.title,
        municipality=module.dialogue.municipality.name,
        dialogue=module.dialogue.title,
        version=version.number,
        generated_on=timezone.localdate(),
        period=_period(module),
        sections=tuple(sections),
        counts=tuple(counts),
    )


def _comment(remark, texts) -> ReportComment:
    comment = remark.comment
    return ReportComment(
        comment_id=remark.comment_id,
        reference=remark.reference,
        text=comment.text,
        quoted=texts.get((remark.version_id, remark.paragraph_anchor), ""),
        by=_by(remark),
        channel=str(comment.get_channel_display()),
        received_on=remark.received_on.isoformat() if remark.received_on else "",
        position=str(remark.get_position_display()) if remark.position else "",
        position_key=remark.position,
        response=remark.response,
        answers=tuple(
            (f"{a.author_name} ({a.get_role_display().lower()})", a.text) for a in comment.consultation_answers.all()
        ),
    )


def _period(module) -> str:
    from delaktig.core.templatetags.delaktig import human_date

    from .phases import COMMENTING

    phase = module.phases.filter(phase_type=COMMENTING.key).order_by("starts_at").first()
    if phase is None:
        return ""
    return f"{human_date(phase.starts_at)} – {human_date(phase.ends_at)}"
