"""What the demo offers through delaktig.core.hooks: the notice about the demo inbox, and pruning it."""

import datetime

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from delaktig.accounts import hookspecs as account_hooks
from delaktig.accounts import services_twofactor as twofactor
from delaktig.core import hookspecs as core_hooks

from . import content
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


@account_hooks.login_code_aid.register
def demo_current_code(request, user):
    """While the demo runs, the second login step of a demo account shows the code its app would show, so that
    visitors can try the staff pages. Only for the demo's own published secrets: never for a real person."""
    if not demo_inbox_active():
        return None
    device = twofactor.two_factor_of(user)
    if device is None or device.secret not in content.TOTP_SECRETS.values():
        return None
    step = twofactor.current_step()
    if device.last_step is not None and device.last_step >= step:
        step = device.last_step + 1  # this step's code is used: the next one is accepted already
    return {
        "title": _("Demo aid: the code for this demo account"),
        "text": _(
            "In the demo you need no app. Write this code, which the app would show now. A real municipality's "
            "Delaktig never shows the code."
        ),
        "code": twofactor.code_at(device, step),
    }
