"""The agenda appendix: a meeting's approved questions as a PDF, made with WeasyPrint as the yearly report is
(no network: only data: URLs are fetched; tagged PDF/UA-1 with its language and title)."""

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import get_language


def appendix_pdf(meeting, questions):
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    context = {"meeting": meeting, "questions": questions, "language_code": get_language() or "sv"}
    html = render_to_string("council/public/appendix.html", context)
    return HTML(string=html, url_fetcher=URLFetcher(allowed_protocols=("data",))).write_pdf(pdf_variant="pdf/ua-1")


def appendix_pdf_response(meeting, questions):
    response = HttpResponse(appendix_pdf(meeting, list(questions)), content_type="application/pdf")
    local_date = meeting.local_date().isoformat()
    response["Content-Disposition"] = f'inline; filename="fragestund-{meeting.body_id}-{local_date}.pdf"'
    return response
