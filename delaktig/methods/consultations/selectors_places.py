"""Places in a document a comment can be written on: the whole document, a chapter or a paragraph.

A place is named by a slug, the same as the element's id on the reading page: "hela", "kapitel-3", "stycke-12".
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.text import Truncator
from django.utils.translation import gettext as _

from .models import Chapter, Document, Paragraph, Version
from .selectors import document_of, published_version

WHOLE = "hela"


@dataclass(frozen=True)
class Place:
    slug: str
    target: object  # the Document, Chapter or Paragraph the comment targets
    chapter: Chapter | None
    paragraph: Paragraph | None

    @property
    def label(self) -> str:
        if self.paragraph is not None and self.chapter is not None:
            return _("A paragraph in “%(chapter)s”") % {"chapter": self.chapter.title or _("Introduction")}
        if self.chapter is not None:
            return _("The chapter “%(chapter)s”") % {"chapter": self.chapter.title or _("Introduction")}
        return _("The whole document")


def place_get(document: Document, version: Version, slug: str) -> Place | None:
    """The place `slug` names in `version`, or None."""
    if slug == WHOLE:
        return Place(slug, document, None, None)
    kind, _sep, number = slug.partition("-")
    if not number.isdigit() or len(number) > 9:
        return None
    if kind == "kapitel":
        chapter = version.chapters.filter(anchor=int(number)).first()
        return Place(slug, chapter, chapter, None) if chapter else None
    if kind == "stycke":
        paragraph = version.paragraphs.select_related("chapter").filter(anchor=int(number)).first()
        return Place(slug, paragraph, paragraph.chapter, paragraph) if paragraph else None
    return None


def place_choices(module) -> list[tuple[str, str]]:
    """For the desk: the whole document, every chapter and every paragraph of the published version."""
    version = published_version(document_of(module))
    choices = [(WHOLE, _("The whole document"))]
    if version is None:
        return choices
    for chapter in version.chapters.prefetch_related("paragraphs").order_by("order"):
        title = chapter.title or _("Introduction")
        choices.append((f"kapitel-{chapter.anchor}", _("Chapter: %(title)s") % {"title": title}))
        for paragraph in chapter.paragraphs.all():
            words = Truncator(paragraph.text).words(8)
            choices.append((f"stycke-{paragraph.anchor}", f"— {words}"))
    return choices
