"""Reading the demo inbox: search by recipient, and an e-mail's text with its web addresses as links."""

import re

from django.core.paginator import Paginator
from django.utils.html import escape
from django.utils.safestring import mark_safe

from .models import DemoMail

PER_PAGE = 25
WEB_ADDRESS = re.compile(r"https?://[^\s<>\"']+")
NOT_PART_OF_ADDRESS = ".,;:!?)]}»”’'"


def inbox_page(*, recipient="", page_number=1):
    mails = DemoMail.objects.only("to", "subject", "sent_at", "attachments")
    if recipient:
        mails = mails.filter(to__icontains=recipient)
    return Paginator(mails, PER_PAGE).get_page(page_number)


def text_with_links(text):
    """The e-mail's text as HTML: everything escaped, paragraphs and line breaks kept, http(s) addresses as links."""
    paragraphs = [part for part in re.split(r"\n[ \t]*\n", (text or "").strip()) if part.strip()]
    return mark_safe("\n".join(f"<p>{_linked(part).replace(chr(10), '<br>' + chr(10))}</p>" for part in paragraphs))


def _linked(text):
    pieces, position = [], 0
    for match in WEB_ADDRESS.finditer(text):
        address = match.group().rstrip(NOT_PART_OF_ADDRESS)
        end = match.start() + len(address)
        pieces += [escape(text[position : match.start()]), f'<a href="{escape(address)}">{escape(address)}</a>']
        position = end
    pieces.append(escape(text[position:]))
    return "".join(pieces)
