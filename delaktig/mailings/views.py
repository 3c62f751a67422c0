"""The progress page of a mailing: how many have been sent, refreshed every few seconds while it is sending."""

from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from delaktig.organisations.permissions import staff_view

from .models import Mailing
from .services import mailing_progress

REFRESH_SECONDS = 5


@require_GET
@staff_view()
def mailing_detail(request, pk):
    mailing = get_object_or_404(Mailing.objects.select_related("created_by"), municipality=request.municipality, pk=pk)
    target = mailing.target if mailing.target_type_id else None
    context = {
        "mailing": mailing,
        "progress": mailing_progress(mailing),
        "failed": mailing.recipients.exclude(error="").count(),
        "is_running": mailing.status != Mailing.Status.DONE,
        "refresh_seconds": REFRESH_SECONDS,
        "target": target,
        "target_url": target.get_absolute_url() if hasattr(target, "get_absolute_url") else "",
    }
    return render(request, "mailings/detail.html", context)
