"""The whole document as a Word file (DOCX) and as a tagged PDF for download: real headings, lists as lists, pictures
with their descriptions."""

from __future__ import annotations

import base64
import io

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from .models import Version
from .report_render import tagged_pdf
from .selectors import chapters_of


def document_docx(version: Version) -> bytes:
    import docx
    from docx.shared import Cm

    out = docx.Document()
    out.core_properties.title = version.title
    out.core_properties.language = "sv-SE"
    out.add_heading(version.title, level=0)
    out.add_paragraph(_("Version %(number)s") % {"number": version.number})
    for chapter in chapters_of(version):
        if chapter.title:
            out.add_heading(chapter.title, level=max(1, min(chapter.level, 3)))
        for paragraph in chapter.paragraphs.all():
            if paragraph.kind == "list":
                for line in paragraph.lines:
                    out.add_paragraph(line, style="List Bullet")
            elif paragraph.kind == "image":
                _picture(out, paragraph, Cm(15))
            else:
                for line in paragraph.lines:
                    out.add_paragraph(line)
    buffer = io.BytesIO()
    out.save(buffer)
    return buffer.getvalue()


def _picture(out, paragraph, width) -> None:
    image = paragraph.image
    if image is not None:
        try:
            with image.file.open("rb") as handle:
                out.add_picture(io.BytesIO(handle.read()), width=width)
                shape = out.inline_shapes[-1]
                shape._inline.docPr.set("descr", image.description or paragraph.text)
        except (OSError, ValueError):
            pass
    if paragraph.text:
        out.add_paragraph(paragraph.text, style="Caption")


def document_pdf(version: Version) -> bytes:
    """The version as a tagged PDF (PDF/UA-1, as the consultation report): its pictures inside it, nothing fetched."""
    chapters = chapters_of(version)
    pictures = {
        paragraph.pk: _data_url(paragraph.image)
        for chapter in chapters
        for paragraph in chapter.paragraphs.all()
        if paragraph.kind == "image" and paragraph.image is not None
    }
    context = {"version": version, "chapters": chapters, "pictures": pictures}
    return tagged_pdf(render_to_string("consultations/document_pdf.html", context), allowed_protocols=("data",))


def _data_url(image) -> str:
    """The picture as a data: URL, or "" when its file cannot be read (the description is shown instead)."""
    try:
        with image.file.open("rb") as handle:
            data = handle.read()
    except (OSError, ValueError):
        return ""
    return f"data:{image.content_type};base64,{base64.b64encode(data).decode('ascii')}"
