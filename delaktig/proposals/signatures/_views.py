"""Signing: the form, the page after it, the e-mail link, the count as JSON; staff: paper lists and invalidation."""

import functools
import logging
from urllib.parse import urlencode

from django.contrib import messages
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, ngettext
from django.views.decorators.http import require_GET, require_http_methods

from delaktig.accounts.models import IdentityLevel
from delaktig.core.middleware import database_unavailable, municipality_copy_will_do
from delaktig.core.ratelimit import client_ip
from delaktig.identity import selectors as identity
from delaktig.organisations.models import Role
from delaktig.organisations.permissions import staff_view

from ..models import PUBLIC_STATUSES, Proposal, SignatureStatus, Status
from . import _signing as signing
from ._forms import InvalidationForm, InvalidationReasonForm, PaperSignaturesForm, SignForm
from ._periods import signing_open
from ._protection import domain_of, rate_limit_hit, valid_ip
from ._selectors import (
    PUBLIC_COUNT_SECONDS,
    count_payload_json,
    matching_summary,
    public_signature_count,
    sign_identity_level,
    signing_window,
    signing_window_remembered,
)
from ._tokens import confirmation_max_age

logger = logging.getLogger(__name__)
PAPER_ROLES = (Role.OFFICER, Role.REGISTRAR, Role.DEMOCRACY_OFFICER)
INVALIDATE_ROLES = (Role.MODERATOR, Role.DEMOCRACY_OFFICER, Role.REGISTRAR)
DONE_STATES = (signing.SIGNED, signing.PENDING, signing.ALREADY, signing.CHECK_EMAIL, signing.CONFIRMED)
TOKEN_STATUS = {signing.INVALID: 404, signing.EXPIRED: 410}
COUNT_MAX_AGE = min(10, PUBLIC_COUNT_SECONDS)


def _find_proposal(request, pk, *args, **kwargs):
    """For staff_view: this municipality's proposal, else 404 (before a missing role is refused)."""
    return get_object_or_404(Proposal, municipality=request.municipality, pk=pk)


def _public_proposal(request, pk):
    rows = Proposal.objects.defer("text", "rejection_note")  # the hot path needs none of them
    proposal = get_object_or_404(rows, municipality=request.municipality, pk=pk, status__in=PUBLIC_STATUSES)
    proposal.municipality = request.municipality
    return proposal


def _closed(request, proposal):
    starts = proposal.signing_starts_at
    context = {
        "proposal": proposal,
        "count": public_signature_count(proposal),
        "not_started": proposal.status == Status.COLLECTING and starts is not None and starts > timezone.now(),
    }
    return render(request, "proposals/signing/closed.html", context)


def _unavailable(request, fault):
    """The database failed before anything was stored (it is restarting, say): a page that says try again."""
    logger.warning("Signing: the database failed before a signature was stored: %s", fault)
    return database_unavailable(request, "proposals/signing/unavailable.html")


@municipality_copy_will_do  # a signature changes nothing of the municipality's
@require_http_methods(["GET", "POST"])
def sign(request, pk):
    """Once a signature is committed nothing can fail this request (services_signing.after_signature), so a
    database fault that reaches here came before: the signer is asked to try again (a retry counts once)."""
    try:
        if request.method == "POST":
            return _sign_post(request, pk)
        return _sign_get(request, pk)
    except signing.DATABASE_AWAY as fault:
        return _unavailable(request, fault)


def _sign_get(request, pk):
    proposal = _public_proposal(request, pk)
    if not signing_open(proposal):
        return _closed(request, proposal)
    return _sign_form(request, proposal, SignForm(user=request.user))


def _sign_need(request, proposal):
    """What the person lacks to sign where the municipality asks for e-ID (or that signers live here); None
    otherwise. Below e-ID, signers under the level confirm by an e-mail link as before; at e-ID the link is no
    way round it, since e-ID is what makes one signature per person hold across e-mail addresses."""
    level = sign_identity_level(proposal.municipality)
    if level < IdentityLevel.SUBSTANTIAL and not identity.residents_only(proposal.municipality, identity.Action.SIGN):
        return None
    sign_url = reverse("proposals:sign", args=[proposal.municipality.slug, proposal.pk])
    return identity.need_for(request, level=level, action=identity.Action.SIGN, next_url=sign_url)


def _sign_post(request, pk):
    """The hot path of a rush: the signing window from the process's copy, then one INSERT."""
    window = signing_window(municipality=request.municipality, pk=pk)
    if window is None:
        raise Http404("No such proposal")
    if not signing_open(window):
        return _closed(request, _public_proposal(request, pk))
    if _sign_need(request, window) is not None:  # the page says what is needed; nothing is saved
        return _sign_form(request, _public_proposal(request, pk), SignForm(user=request.user), status=403)
    cleaned = SignForm.cleaned_or_none(request.POST, user=request.user)
    if cleaned is not None:
        return _sign_submitted(request, window, cleaned)
    form = SignForm(request.POST, user=request.user)
    form.is_valid()  # shows what is wrong
    return _sign_form(request, _public_proposal(request, pk), form)


def _sign_form(request, proposal, form, status=200):
    context = {
        "proposal": proposal,
        "form": form,
        "count": public_signature_count(proposal),
        "already_signed": signing.has_signed(request.user, proposal),
        "need": _sign_need(request, proposal),
    }
    return render(request, "proposals/signing/sign.html", context, status=status)


def _sign_submitted(request, proposal, data):
    ip = valid_ip(client_ip(request))
    limited = rate_limit_hit(ip=ip, domain=domain_of(data["email"]))
    if limited:
        return render(
            request,
            "proposals/signing/rate_limited.html",
            {"proposal": _public_proposal(request, proposal.pk), "limit": limited},
            status=429,
        )
    outcome, _signature = signing.signature_sign(
        proposal=proposal,
        name=data["name"],
        email=data["email"],
        user=request.user,
        show_name=data["show_name"],
        wants_updates=data["wants_updates"],
        ip=ip,
        language=get_language(),
    )
    if outcome == signing.CLOSED:
        return _closed(request, _public_proposal(request, proposal.pk))
    return _done_redirect(request.municipality, proposal.pk, outcome)


def _done_redirect(municipality, pk, outcome):
    return HttpResponseRedirect(_done_url(municipality.slug, pk, outcome))


@functools.lru_cache(maxsize=4096)
def _done_url(slug, pk, outcome):
    return f"{reverse('proposals:sign_done', args=[slug, pk])}?{urlencode({'status': outcome})}"


@require_GET
def sign_done(request, pk):
    """The thank-you page. The signature is stored when the signer gets here, so while the database is away (a
    restart, say) the page is shown from this process's copy of the proposal, without menus: never an error."""
    state = request.GET.get("status")
    state = state if state in DONE_STATES else signing.PENDING
    try:
        proposal = _public_proposal(request, pk)
        context = _done_context(proposal, state, public_signature_count(proposal))
        return render(request, "proposals/signing/done.html", context)
    except signing.DATABASE_AWAY as fault:
        logger.warning("Signing: the thank-you page without the database: %s", fault)
    context = _done_context(_proposal_remembered(request, pk), state, None)
    context["municipality"] = request.municipality
    return HttpResponse(render_to_string("proposals/signing/done_plain.html", context))


def _done_context(proposal, state, count):
    return {"proposal": proposal, "state": state, "count": count, "days": confirmation_max_age().days}


def _proposal_remembered(request, pk):
    proposal = signing_window_remembered(municipality=request.municipality, pk=pk)
    if proposal is None:
        proposal = Proposal(pk=pk, municipality=request.municipality)
    return proposal


@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """GET shows a button, POST confirms (a mail scanner that follows links signs nothing). A database fault
    before the confirmation is committed asks to try again; after it, it cannot reach here (after_signature)."""
    try:
        return _confirm(request, token)
    except signing.DATABASE_AWAY as fault:
        return _unavailable(request, fault)


def _confirm(request, token):
    if len(token) > 400:
        state, signature = signing.INVALID, None
    elif request.method == "POST":
        state, signature = signing.signature_confirm(token=token, municipality=request.municipality)
        if state == signing.CONFIRMED:
            return _done_redirect(request.municipality, signature.proposal_id, signing.CONFIRMED)
    else:
        state, signature = signing.signature_for_token(token=token, municipality=request.municipality)
    proposal = signature.proposal if signature else None
    context = {"state": state, "signature": signature, "proposal": proposal, "token": token}
    if proposal is not None:
        context["count"] = public_signature_count(proposal)
    return render(request, "proposals/signing/confirm.html", context, status=TOKEN_STATUS.get(state, 200))


@require_GET
def count_json(request, pk):
    """What the proposal page polls: served from the cache, no session, one COUNT per refresh interval."""
    body = count_payload_json(municipality=request.municipality, pk=pk)
    if body is None:
        return JsonResponse({"error": "not found"}, status=404)
    response = HttpResponse(body, content_type="application/json")
    response["Cache-Control"] = f"public, max-age={COUNT_MAX_AGE}"
    return response


@require_http_methods(["GET", "POST"])
@staff_view(*PAPER_ROLES, find=_find_proposal)
def paper_signatures(request, pk):
    proposal = get_object_or_404(Proposal, municipality=request.municipality, pk=pk)
    proposal.municipality = request.municipality
    is_open = proposal.status == Status.COLLECTING
    form = PaperSignaturesForm(request.POST if request.method == "POST" and is_open else None)
    if form.is_bound and form.is_valid():
        added, repeated = signing.paper_signatures_add(
            proposal=proposal, actor=request.user, people=form.cleaned_data["people"]
        )
        _paper_messages(request, added, repeated)
        return redirect("proposals:paper_signatures", request.municipality.slug, proposal.pk)
    context = {
        "proposal": proposal,
        "form": form,
        "is_open": is_open,
        "count": proposal.signatures.filter(status=SignatureStatus.VALID).count(),
        "paper_count": proposal.signatures.filter(status=SignatureStatus.VALID, channel="paper").count(),
    }
    return render(request, "proposals/signing/paper.html", context)


def _paper_messages(request, added, repeated):
    if added:
        text = ngettext(
            "%(count)s paper signature is registered.", "%(count)s paper signatures are registered.", len(added)
        )
        messages.success(request, text % {"count": len(added)})
    if repeated:
        text = ngettext(
            "Already registered, so not counted again: %(names)s.",
            "Already registered, so not counted again: %(names)s.",
            len(repeated),
        )
        messages.warning(request, text % {"names": ", ".join(repeated)})


@require_http_methods(["GET", "POST"])
@staff_view(*INVALIDATE_ROLES)
def invalidate(request):
    """Criteria (GET) → a preview of how many match → the reason and the button (POST)."""
    data = request.POST if request.method == "POST" else (request.GET or None)
    form = InvalidationForm(data, municipality=request.municipality)
    reason_form = InvalidationReasonForm(request.POST if request.method == "POST" else None)
    context = {"form": form, "reason_form": reason_form}
    if form.is_bound and form.is_valid():
        criteria = form.criteria()
        if reason_form.is_bound and reason_form.is_valid():
            return _invalidated(request, criteria, reason_form.cleaned_data["reason"])
        total, rows = matching_summary(municipality=request.municipality, criteria=criteria)
        hidden = [(name, form.data.get(name, "")) for name in form.fields]
        context.update(preview=True, total=total, rows=rows, hidden=hidden)
    return render(request, "proposals/signing/invalidate.html", context)


def _invalidated(request, criteria, reason):
    result = signing.signatures_invalidate(
        municipality=request.municipality, actor=request.user, criteria=criteria, reason=reason
    )
    total = sum(result.values())
    text = ngettext(
        "%(count)s signature is invalidated. The count is corrected.",
        "%(count)s signatures are invalidated. The counts are corrected.",
        total,
    )
    messages.success(request, text % {"count": total})
    return redirect("proposals:invalidate", request.municipality.slug)
