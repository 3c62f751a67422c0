"""The sign-in sheet of a meeting as PDF: the people registered, with room to sign, and empty rows for those who
come without registering. WeasyPrint, as the decision basis and the yearly report; nothing is fetched."""

from django.template.loader import render_to_string

from delaktig.accounts.identity import PROTECTED, protected_emails

from .calendar import meeting_location

EMPTY_ROWS = 10  # for people who come without registering


def signin_html(meeting, registered):
    context = {
        "meeting": meeting,
        "dialogue": meeting.module.dialogue,
        "municipality": meeting.module.dialogue.municipality,
        "location": meeting_location(meeting),
        "registered": _names_shown(registered),
        "empty_rows": range(EMPTY_ROWS),
    }
    return render_to_string("dialogue_meetings/staff/signin_sheet.html", context)


def _names_shown(registered):
    """The sheet goes round the room: a person with a protected identity is on it as "Protected identity"."""
    rows = list(registered)
    hidden = protected_emails(row.email for row in rows)
    for row in rows:
        row.name_on_sheet = str(PROTECTED) if row.email.lower() in hidden else row.name
    return rows


def signin_pdf(meeting, registered):
    # Imported here: loading Pango is slow and only this page needs it.
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    html = signin_html(meeting, registered)
    return HTML(string=html, url_fetcher=URLFetcher(allowed_protocols=())).write_pdf(pdf_variant="pdf/ua-1")
