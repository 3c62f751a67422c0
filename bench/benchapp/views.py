"""Baselines the real endpoints are measured against. Mounted only by bench/urls.py."""

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_POST

from delaktig.core.middleware import municipality_copy_will_do
from delaktig.participation.models import Comment
from delaktig.proposals.models import Proposal, Signature, SignatureStatus

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


@municipality_copy_will_do  # as the real sign view
@require_POST
def bare_sign(request, pk):
    """Insert a row and answer: no checks, no mail. A repeated e-mail hits the unique key: 409."""
    try:
        _signature_from_post(request, pk).save()
    except IntegrityError:
        return HttpResponse(b"duplicate", status=409)
    return HttpResponse(b"ok")


@municipality_copy_will_do  # as the real cast of a ballot
@require_POST
def logged_in_floor(request, pk):
    """The least a write by a logged-in person must do: the session and the account read (as every logged-in request
    reads them), one row inserted with Model.save(), no checks. The session is not written. Baseline of W6's floor."""
    user = request.user
    if not user.is_authenticated:
        return HttpResponse(b"not logged in", status=403)
    try:
        Signature(
            proposal_id=pk, signer_key=f"u{user.pk}", name="", email=user.email, status=SignatureStatus.PENDING
        ).save()
    except IntegrityError:
        return HttpResponse(b"duplicate", status=409)
    return HttpResponse(b"ok")


@municipality_copy_will_do
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


@require_GET
def naive_detail(request, pk):
    """The proposal page as a first version would build it: an exact COUNT(*) on every view, every shown name and
    every published comment loaded as full rows, then the same template as proposals:detail."""
    from delaktig.proposals.handling import _public_selectors as public  # the baseline rebuilds the page's inside

    proposal = public.proposal_visible(municipality=request.municipality, pk=pk, user=request.user)
    if proposal is None:
        raise Http404("No such proposal")
    count = Signature.objects.filter(proposal=proposal, status=SignatureStatus.VALID).count()
    shown = Signature.objects.filter(proposal=proposal, status=SignatureStatus.VALID, show_name=True)
    names = [signature.name for signature in shown.order_by("-confirmed_at", "-pk")]
    comments = list(
        Comment.objects.filter(
            target_type=ContentType.objects.get_for_model(Proposal), target_id=proposal.pk, status="published"
        )
    )
    return render(request, "proposals/public/detail.html", _naive_context(request, proposal, count, names, comments))


def _naive_context(request, proposal, count, names, comments):
    from delaktig.proposals.handling import _public_selectors as public  # the baseline rebuilds the page's inside
    from delaktig.proposals.handling import _writing as proposer
    from delaktig.proposals.handling._public_forms import CommentForm
    from delaktig.proposals.handling._public_views import COMMENTS_PAGE_SIZE
    from delaktig.proposals.models import OPEN_FOR_WITHDRAWAL
    from delaktig.proposals.signatures import signing_open

    is_proposer = request.user.is_authenticated and proposal.proposer_id == request.user.pk
    return {
        "proposal": proposal,
        "is_proposer": is_proposer,
        "progress": public.Progress(count, proposal.threshold),
        "days_left": public.days_left(proposal),
        "signing_open": signing_open(proposal),
        "history": public.status_history(proposal),
        "attachment": public.attachment_info(proposal),
        "names": names[: public.NAMES_SHOWN],
        "more_names": len(names) > public.NAMES_SHOWN,
        "comments": Paginator(comments, COMMENTS_PAGE_SIZE).get_page(request.GET.get("page")),
        "can_comment": proposer.comment_allowed(proposal),
        "comment_form": CommentForm(),
        "may_withdraw": is_proposer and proposal.status in OPEN_FOR_WITHDRAWAL,
    }


MAP_SQL = (
    "SELECT id, geometry, category_id, shape FROM map_input_mapinput "
    "WHERE module_id = %s AND status = 'published' AND max_lon >= %s AND min_lon <= %s AND max_lat >= %s "
    "AND min_lat <= %s ORDER BY id DESC LIMIT %s"
)


@require_GET
def map_raw(request, module_pk):
    """W9's baseline: the map's bounding-box query in raw SQL, written out as the same GeoJSON as the real endpoint
    (no module lookup, no permission check, no ORM)."""
    from django.db import connection

    from delaktig.methods.map_input.selectors import MAP_LIMIT, feature_collection

    west, south, east, north = (float(part) for part in request.GET["bbox"].split(","))
    with connection.cursor() as cursor:
        cursor.execute(MAP_SQL, [module_pk, west, east, south, north, MAP_LIMIT + 1])
        rows = cursor.fetchall()
    text = feature_collection(rows[:MAP_LIMIT], truncated=len(rows) > MAP_LIMIT)
    return HttpResponse(text, content_type="application/geo+json")
