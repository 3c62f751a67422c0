"""Baselines the real endpoints are measured against. Mounted only by bench/urls.py."""

from django.db import IntegrityError, transaction
from django.http import HttpResponse, JsonResponse
from django.views.decorators.http import require_GET, require_POST

from delaktig.proposals.models import Signature, SignatureStatus

from .models import NaiveCounter


def _signature_from_post(request, pk):
    email = request.POST.get("email", "").strip().lower()
    return Signature(
        proposal_id=pk,
        signer_key=email,
        name=request.POST.get("name", "")[:150],
        email=email,
        email_domain=email.rpartition("@")[2],
        show_name=bool(request.POST.get("show_name")),
        wants_updates=bool(request.POST.get("wants_updates")),
        status=SignatureStatus.PENDING,
        ip_address=request.META.get("REMOTE_ADDR"),
    )


@require_POST
def bare_sign(request, pk):
    """Insert a row and answer: no checks, no mail. A repeated e-mail hits the unique key: 409."""
    try:
        _signature_from_post(request, pk).save()
    except IntegrityError:
        return HttpResponse(b"duplicate", status=409)
    return HttpResponse(b"ok")


@require_POST
def naive_sign(request, pk):
    """Insert, then counter + 1 on one locked row: every signer queues behind that row lock."""
    try:
        with transaction.atomic():
            counter = NaiveCounter.objects.select_for_update().get(proposal_id=pk)
            _signature_from_post(request, pk).save()
            counter.count += 1
            counter.save(update_fields=["count"])
    except IntegrityError:
        return HttpResponse(b"duplicate", status=409)
    return HttpResponse(b"ok")


@require_GET
def ping(request):
    """No database, no template: the floor of the HTTP stack."""
    return JsonResponse({"ok": True})
