"""A consultation document's text as chapters and paragraphs, read from Markdown, from pasted text or from a Word
file (DOCX), so that residents can comment on the whole, a chapter or one paragraph.

- `from_markdown(text)`: `#`–`###` headings start chapters (a single `#` heading before any text is the title),
  blank lines separate paragraphs, a run of `-`/`*`/`1.` lines is one list paragraph, `![alt](file)` an image.
  Pasted text is read the same way: plain text is Markdown without headings (one chapter).
- `from_docx(data)`: the Title style is the title, Heading 1–3 start chapters, list styles make one list paragraph,
  a table one table paragraph (its rows as lines), a picture an image paragraph where it stands (with its
  description, the alt text of `wp:docPr`, and the name of its file inside the Word file as its source); the
  pictures' bytes come with the outline (`Outline.pictures`), unchecked: word_pictures.py checks and keeps them.

What cannot be read becomes a DocumentError with a message in words; nothing is half read.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

MAX_BYTES = 20 * 1024 * 1024  # a plan with pictures
MAX_PARAGRAPHS = 5000
MAX_PARAGRAPH_CHARS = 20_000
HEADING = re.compile(r"^(#{1,3})\s+(.+?)\s*#*\s*$")
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+(.+)$")
IMAGE = re.compile(r"^!\[([^\]]*)\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)\s*$")


class DocumentError(ValueError):
    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


@dataclass
class Paragraph:
    kind: str  # "text", "list", "table" or "image"
    text: str  # the words; a list's items and a table's rows one per line; an image's description
    source: str = ""  # an image's file name or reference in the document


@dataclass
class Chapter:
    title: str  # "" for text before the first heading
    level: int  # 1–3; 0 for text before the first heading
    paragraphs: list[Paragraph] = field(default_factory=list)


@dataclass
class Outline:
    title: str
    chapters: list[Chapter]
    # A Word file's pictures as they are inside it, by the name its image paragraphs give as their source
    pictures: dict[str, bytes] = field(default_factory=dict, repr=False, compare=False)

    @property
    def paragraph_count(self) -> int:
        return sum(len(chapter.paragraphs) for chapter in self.chapters)


# Markdown and pasted text


def from_markdown(text: str) -> Outline:
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if not text.strip():
        raise DocumentError(_("The document is empty."))
    title, chapters = "", [Chapter("", 0)]
    block: list[str] = []
    for line in [*text.split("\n"), ""]:
        heading = HEADING.match(line)
        if heading or not line.strip():
            _block_add(chapters[-1], block)
            block = []
        if heading:
            level, words = len(heading.group(1)), _words(heading.group(2))
            if level == 1 and not title and chapters == [Chapter("", 0)]:
                title = words
            else:
                chapters.append(Chapter(words, level))
        elif line.strip():
            block.append(line)
    return _checked(Outline(title, [chapter for chapter in chapters if chapter.title or chapter.paragraphs]))


def _block_add(chapter: Chapter, lines: list[str]) -> None:
    if not lines:
        return
    image = IMAGE.match(lines[0].strip()) if len(lines) == 1 else None
    if image:
        chapter.paragraphs.append(Paragraph("image", _words(image.group(1)), image.group(2)))
        return
    items = [LIST_ITEM.match(line) for line in lines]
    if all(items):
        chapter.paragraphs.append(Paragraph("list", "\n".join(_words(item.group(1)) for item in items if item)))
        return
    chapter.paragraphs.append(Paragraph("text", _words(" ".join(lines))))


# Word


def from_docx(data: bytes) -> Outline:
    if len(data) > MAX_BYTES:
        raise DocumentError(_("The file is larger than 20 MB."))
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise DocumentError(_("The file is not a Word document (.docx). Save it as .docx and try again."))
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile):
        raise DocumentError(_("The file is not a Word document (.docx). Save it as .docx and try again.")) from None
    title, chapters = "", [Chapter("", 0)]
    listing: list[str] = []
    pictures: dict[str, bytes] = {}
    for kind, item in _body(document):
        style = (item.style.name if kind == "p" and item.style is not None else "").lower()
        if kind == "p" and style.startswith("list") and item.text.strip():
            listing.append(_words(item.text))
            continue
        if listing:
            chapters[-1].paragraphs.append(Paragraph("list", "\n".join(listing)))
            listing = []
        if kind == "table":
            rows = [" | ".join(_words(cell.text) for cell in row.cells) for row in item.rows]
            chapters[-1].paragraphs.append(Paragraph("table", "\n".join(row for row in rows if row.strip(" |"))))
            continue
        level = _heading_level(style)
        words = _words(item.text)
        if style == "title" and words and not title:
            title = words
        elif level and words:
            chapters.append(Chapter(words, level))
        elif words:
            chapters[-1].paragraphs.append(Paragraph("text", words))
        for description, name in _pictures(item, pictures):
            chapters[-1].paragraphs.append(Paragraph("image", description, name))
    if listing:
        chapters[-1].paragraphs.append(Paragraph("list", "\n".join(listing)))
    outline = Outline(title, [chapter for chapter in chapters if chapter.title or chapter.paragraphs], pictures)
    if not outline.chapters:
        raise DocumentError(_("The document is empty."))
    return _checked(outline)


def _body(document):
    """Paragraphs and tables in the order of the document."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph as DocxParagraph

    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            yield "p", DocxParagraph(child, document)
        elif tag == "tbl":
            yield "table", Table(child, document)


def _heading_level(style: str) -> int:
    found = re.fullmatch(r"heading (\d)", style)
    return min(int(found.group(1)), 3) if found else 0


def _pictures(paragraph, blobs: dict[str, bytes]) -> list[tuple[str, str]]:
    """(description, file name) of the pictures in a paragraph: the alt text ("" for one without) and the name of
    the picture's file inside the Word file ("image1.png"); each picture's bytes go into `blobs` by that name."""
    found: list[tuple[str, str]] = []
    for element in paragraph._element.iter():
        if element.tag.endswith("}docPr"):
            found.append((_words(element.get("descr") or element.get("title") or ""), ""))
        elif element.tag.endswith("}blip") and found:
            name, blob = _picture_file(paragraph, element)
            found[-1] = (found[-1][0], name)
            if name and blob is not None:
                blobs.setdefault(name, blob)
    return found


def _picture_file(paragraph, blip) -> tuple[str, bytes | None]:
    """The name and bytes of the file a picture shows, when it is inside the Word file (not linked from outside)."""
    embedded = next((value for key, value in blip.attrib.items() if key.endswith("}embed")), "")
    part = paragraph.part.related_parts.get(embedded) if embedded else None
    if part is None:
        return "", None
    return str(part.partname).rsplit("/", 1)[-1], getattr(part, "blob", None)


# Both


def _words(text: str) -> str:
    return " ".join(text.split())


def _checked(outline: Outline) -> Outline:
    if not outline.chapters:
        raise DocumentError(_("The document is empty."))
    if outline.paragraph_count > MAX_PARAGRAPHS:
        raise DocumentError(
            _("The document has more than %(limit)s paragraphs. Divide it into parts.") % {"limit": MAX_PARAGRAPHS}
        )
    for chapter in outline.chapters:
        for paragraph in chapter.paragraphs:
            if len(paragraph.text) > MAX_PARAGRAPH_CHARS:
                raise DocumentError(
                    _("A paragraph in “%(chapter)s” is longer than %(limit)s characters. Divide it.")
                    % {"chapter": chapter.title or outline.title, "limit": MAX_PARAGRAPH_CHARS}
                )
    return outline
