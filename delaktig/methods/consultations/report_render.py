"""The consultation report as Word (python-docx, real headings and a table per section's comments) and as a tagged
PDF (WeasyPrint, PDF/UA-1, as the decision basis); `tagged_pdf` makes the whole document's PDF too."""

from __future__ import annotations

import io

from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from .report import Report


def report_docx(report: Report) -> bytes:
    import docx

    out = docx.Document()
    out.core_properties.title = f"{report.title}: {report.document_title}"
    out.core_properties.language = "sv-SE"
    out.add_heading(f"{report.title}: {report.document_title}", level=0)
    out.add_paragraph(f"{report.municipality} · {report.dialogue}")
    if report.period:
        out.add_paragraph(_("Consultation period: %(period)s") % {"period": report.period})
    out.add_paragraph(
        _("%(count)s comments. Version %(version)s of the document.")
        % {"count": report.total, "version": report.version}
    )
    out.add_heading(_("Positions"), level=1)
    table = out.add_table(rows=1, cols=2)
    table.style = "Table Grid"
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = _("Position"), pgettext("consultation", "Comments")
    for label, count in report.counts:
        row = table.add_row().cells
        row[0].text, row[1].text = label, str(count)
    for section in report.sections:
        out.add_heading(section.title, level=1)
        if section.summary:
            out.add_heading(_("Summary"), level=2)
            out.add_paragraph(section.summary)
        if not section.comments:
            out.add_paragraph(_("No comments on this part."))
        for comment in section.comments:
            _docx_comment(out, comment)
    buffer = io.BytesIO()
    out.save(buffer)
    return buffer.getvalue()


def _docx_comment(out, comment) -> None:
    out.add_heading(f"{comment.reference} · {comment.by}", level=2)
    if comment.quoted:
        out.add_paragraph(_("On the paragraph: %(text)s") % {"text": comment.quoted}, style="Quote")
    out.add_paragraph(comment.text)
    for who, text in comment.answers:
        out.add_paragraph(_("Answer from %(who)s: %(text)s") % {"who": who, "text": text})
    heading = out.add_paragraph()
    heading.add_run(_("The municipality's position: ")).bold = True
    heading.add_run(comment.position or _("Not yet decided"))
    if comment.response:
        out.add_paragraph(comment.response)


def report_pdf(report: Report) -> bytes:
    return tagged_pdf(render_to_string("consultations/report_document.html", {"r": report}))


def tagged_pdf(html: str, *, allowed_protocols: tuple[str, ...] = ()) -> bytes:
    """A PDF/UA-1 file (tagged for screen readers) from self-contained HTML: nothing is fetched but what
    `allowed_protocols` names (a document's pictures come inside the HTML as data: URLs)."""
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    fetcher = URLFetcher(allowed_protocols=allowed_protocols)
    return HTML(string=html, url_fetcher=fetcher).write_pdf(pdf_variant="pdf/ua-1")
