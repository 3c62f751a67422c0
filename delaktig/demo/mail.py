"""The demo's e-mail backend: every message lands in the demo inbox (a table) instead of being sent.

`manage.py run_demo` sets EMAIL_BACKEND to it for every process it starts; production keeps SMTP. The inbox pages
(/demo/inkorg/) exist only while this backend is the active one.
"""

import sys

from django.conf import settings
from django.core.mail.backends.base import BaseEmailBackend

BACKEND = "delaktig.demo.mail.DemoInboxBackend"


def demo_inbox_active():
    return settings.EMAIL_BACKEND == BACKEND


class DemoInboxBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        from .models import DemoMail

        rows = [_row(message) for message in email_messages if message.recipients()]
        DemoMail.objects.bulk_create(rows)
        for row in rows:  # one line in `make run`'s output, so the sender sees that something happened
            print(f"[demo inbox] {row.subject} → {row.to}", file=sys.stdout, flush=True)
        return len(rows)


def _row(message):
    from .models import DemoMail

    html = next((content for content, mimetype in getattr(message, "alternatives", []) if mimetype == "text/html"), "")
    return DemoMail(
        to=",".join(message.recipients()),
        from_email=message.from_email or "",
        subject=str(message.subject or ""),
        body=str(message.body or ""),
        html=str(html or ""),
        attachments=[_attachment_name(item) for item in message.attachments],
    )


def _attachment_name(item):
    if isinstance(item, tuple):  # (filename, content, mimetype)
        return str(item[0] or "")
    return str(item.get_filename() or "")  # a MIME part
