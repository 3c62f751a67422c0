"""PDF through WeasyPrint from an HTML template with print CSS (A4, page numbers, the number in every header)."""

import io

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

TEMPLATE = "decisionbasis/document.html"


def css_string(text):
    """A CSS string literal; quotes, backslashes and angle brackets escaped so nothing leaves the string."""
    escaped = "".join(f"\\{ord(ch):x} " if ch in '"\\<>\n\r' else ch for ch in str(text))
    return mark_safe(f'"{escaped}"')


def render_html(content):
    css = {
        "municipality": css_string(content.municipality),
        "registration": css_string(f"{_('Registration number')}: {content.registration_number}"),
        "version": css_string(f"{_('Decision basis')}, {_('version')} {content.version}"),
        "page": css_string(_("Page")),
        "of": css_string(_("of")),
    }
    return render_to_string(TEMPLATE, {"c": content, "css": css})


def render_pdf(content):
    # Imported here: loading Pango is slow and only the worker needs it.
    from weasyprint import HTML, Attachment
    from weasyprint.urls import URLFetcher

    # The document is self-contained: only data: addresses (the logo) are read, so nothing is fetched (no network,
    # no files).
    fetcher = URLFetcher(allowed_protocols=("data",))
    # PDF/UA: a tagged PDF (headings, tables, quotes, language, title) that screen readers can follow; the
    # decision basis is often published with the meeting's papers, and public documents must be accessible.
    attachments = [_consultation(content, fetcher, Attachment)] if content.consultation_pdf else []
    attachments += [_offered(document, fetcher, Attachment) for document in content.documents]
    attachments += [_uploaded(item, fetcher, Attachment) for item in content.uploaded]
    document = HTML(string=render_html(content), url_fetcher=fetcher)
    return document.write_pdf(pdf_variant="pdf/ua-1", attachments=attachments)


def _consultation(content, fetcher, attachment):
    """The uploaded consultation report travels inside the PDF as an attachment (and beside it as a file)."""
    return attachment(
        file_obj=io.BytesIO(content.consultation_pdf),
        name=content.consultation_file_name,
        description=_("Consultation report"),
        url_fetcher=fetcher,
    )


def _offered(document, fetcher, attachment):
    """A document a method made for the matter (registry.DecisionBasisDocument) travels inside the PDF."""
    return attachment(
        file_obj=io.BytesIO(document.pdf), name=document.file_name, description=document.title, url_fetcher=fetcher
    )


def _uploaded(item, fetcher, attachment):
    """An attachment the officer chose (a map, a report) travels inside the PDF as well."""
    return attachment(file_obj=io.BytesIO(item.data), name=item.name, description=item.name, url_fetcher=fetcher)
