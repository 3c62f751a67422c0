"""The report as PDF: the print HTML (charts as inline SVG, each followed by its table) through WeasyPrint.

No network: the HTML has no external resources, and the fetcher allows only data: URLs in case one slips in.
The PDF is tagged (PDF/UA-1), with the document's language and title, so screen readers can follow it.
"""

from django.utils.translation import get_language

from .render_html import report_html


def render_pdf(report):
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    html = report_html(report, "reports/print.html", {"language_code": get_language() or "sv"})
    return HTML(string=html, url_fetcher=URLFetcher(allowed_protocols=("data",))).write_pdf(pdf_variant="pdf/ua-1")
