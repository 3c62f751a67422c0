"""What the demo offers through delaktig.core.hooks: the notice about the demo inbox, and pruning it."""

import datetime

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from delaktig.core import hookspecs as core_hooks

from .mail import demo_inbox_active

DEMO_INBOX_KEEP_DAYS = 7


@core_hooks.site_notices.register
def demo_inbox_notice(request):
    if not demo_inbox_active():
        return []
    return [
        {
            "text": _("Demo: e-mail is not really sent, it ends up in the demo inbox."),
            "link_text": _("Open the demo inbox"),
            "url": reverse("demo:inbox"),
        }
    ]


def demo_inbox_prune():
    """Delete demo e-mails older than DEMO_INBOX_KEEP_DAYS days."""
    from .models import DemoMail

    days = getattr(settings, "DEMO_INBOX_KEEP_DAYS", DEMO_INBOX_KEEP_DAYS)
    deleted, _rows = DemoMail.objects.filter(sent_at__lt=timezone.now() - datetime.timedelta(days=days)).delete()
    return {"demo_emails_deleted": deleted}


@core_hooks.periodic_jobs.register
def demo_periodic_jobs():
    return [("demo_inbox_prune", 24 * 60 * 60, demo_inbox_prune)]
