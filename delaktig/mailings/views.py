"""The progress page of a mailing: how many have been sent, refreshed every few seconds while it is sending."""

import re

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from .models import Mailing
from .services import mailing_progress

REFRESH_SECONDS = 5
PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def preview_body(body):
    """The text as staff read it: each recipient's own values ({name}, {link}, {footer}) in words."""
    words = {
        "name": _("[the recipient's name]"),
        "link": _("[the recipient's personal link]"),
        "footer": _("[for members of the citizen panel: their own link to leave it]"),
    }
    return PLACEHOLDER.sub(lambda match: str(words.get(match.group(1), _("[the recipient's own text]"))), body)


@require_GET
def mailing_detail(request, pk):
    """Staff of the mailing's municipality only: anyone else gets a 404 (as organisations.staff_view does)."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not request.user.roles_in(request.municipality):
        raise Http404("Not staff of this municipality")
    mailing = get_object_or_404(Mailing.objects.select_related("created_by"), municipality=request.municipality, pk=pk)
    target = mailing.target if mailing.target_type_id else None
    context = {
        "mailing": mailing,
        "body": preview_body(mailing.body),
        "progress": mailing_progress(mailing),
        "is_running": mailing.status != Mailing.Status.DONE,
        "refresh_seconds": REFRESH_SECONDS,
        "target": target,
        "target_url": target.get_absolute_url() if hasattr(target, "get_absolute_url") else "",
    }
    return render(request, "mailings/detail.html", context)
