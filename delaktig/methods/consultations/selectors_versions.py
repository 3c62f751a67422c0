"""What changed between two versions of a document, paragraph by paragraph, by the anchors the new version kept
(services.version_create carried them over with versions.matched)."""

from __future__ import annotations

from dataclasses import dataclass, field

from . import versions
from .models import Paragraph, Version


@dataclass(frozen=True)
class ParagraphChange:
    kind: str  # "unchanged", "changed", "added" or "removed"
    chapter: str  # the chapter's title where the paragraph stands (in the new version, or the old when removed)
    old: Paragraph | None = None
    new: Paragraph | None = None
    diff: list[tuple[str, str]] = field(default_factory=list)

    @property
    def anchor(self) -> int:
        return (self.new or self.old).anchor  # type: ignore[union-attr]


def _paragraphs(version: Version) -> list[Paragraph]:
    return list(version.paragraphs.select_related("chapter").order_by("order"))


def version_changes(old: Version, new: Version) -> list[ParagraphChange]:
    """Every paragraph of the new version in order, each removed one after the last paragraph before it that lived
    on (or first)."""
    before = _paragraphs(old)
    after = _paragraphs(new)
    kept = {p.anchor for p in after}
    removed_after: dict[int | None, list[Paragraph]] = {}
    last_kept = None
    for paragraph in before:
        if paragraph.anchor in kept:
            last_kept = paragraph.anchor
        else:
            removed_after.setdefault(last_kept, []).append(paragraph)
    old_by_anchor = {p.anchor: p for p in before}
    result = [ParagraphChange("removed", p.chapter.title, old=p) for p in removed_after.get(None, [])]
    for paragraph in after:
        source = old_by_anchor.get(paragraph.anchor)
        if source is None:
            result.append(ParagraphChange("added", paragraph.chapter.title, new=paragraph))
        elif " ".join(source.text.split()) == " ".join(paragraph.text.split()):
            result.append(ParagraphChange("unchanged", paragraph.chapter.title, old=source, new=paragraph))
        else:
            diff = versions.words_diff(source.text, paragraph.text)
            result.append(ParagraphChange("changed", paragraph.chapter.title, old=source, new=paragraph, diff=diff))
        result += [ParagraphChange("removed", p.chapter.title, old=p) for p in removed_after.get(paragraph.anchor, [])]
    return result
