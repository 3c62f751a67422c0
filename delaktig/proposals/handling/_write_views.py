"""Writing a proposal in three steps: write, check (preview), confirmation. The draft lives in the session.

A double submit gives one proposal: the draft carries a key, and (proposer, submission_key) is unique.
"""

import uuid

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from delaktig.accounts.models import IdentityLevel
from delaktig.identity import selectors as identity

from ..models import Proposal, Route
from ..selectors import settings_for
from . import _writing as proposer
from ._public_forms import ProposalForm, draft_as_data
from ._public_selectors import next_steps

WRITE_URLS = {Route.EPETITION: "proposals:write", Route.CITIZEN_PROPOSAL: "proposals:write_citizen"}


def _keys(municipality):
    return f"proposals:draft:{municipality.pk}", f"proposals:submitted:{municipality.pk}"


def _refusal(request, rules, route):
    """A page that explains why the person cannot write a proposal now, or None when they can."""
    if not proposer.route_offered(rules, route):
        return _not_offered(request, rules, route)
    write_url = reverse(WRITE_URLS[route], args=[request.municipality.slug])
    level = proposer.identity_needed(rules)
    need = identity.need_for(request, level=level, action=identity.Action.PROPOSE, next_url=write_url)
    if need is None:
        return None
    context = {"route": route, "needed_label": IdentityLevel(level).label, "write_url": write_url, "need": need}
    status = 403 if request.user.is_authenticated else 200
    return render(request, "proposals/public/login_needed.html", context, status=status)


def _not_offered(request, rules, route):
    if route == Route.CITIZEN_PROPOSAL:
        context = {"message": rules.citizen_proposals_closed_message, "since": rules.citizen_proposals_from}
        return render(request, "proposals/public/citizen_closed.html", context)
    return render(request, "proposals/public/not_offered.html", {}, status=404)


def _form(request, rules, route, data=None, initial=None):
    return ProposalForm(data, initial=initial, municipality=request.municipality, route=route, rules=rules)


def _render_write(request, route, form):
    context = {"form": form, "route": route, "is_citizen": route == Route.CITIZEN_PROPOSAL}
    return render(request, "proposals/public/write.html", context)


@require_http_methods(["GET", "POST"])
def proposal_write(request, route):
    rules = settings_for(request.municipality)
    refusal = _refusal(request, rules, route)
    if refusal:
        return refusal
    draft_key, _submitted = _keys(request.municipality)
    draft = request.session.get(draft_key) or {}
    if draft.get("route") != route:
        draft = {}
    if request.method == "GET":
        initial = draft_as_data(draft) if draft else {"proposer_name": request.user.name}
        return _render_write(request, route, _form(request, rules, route, initial=initial))
    form = _form(request, rules, route, data=request.POST)
    if not form.is_valid():
        return _render_write(request, route, form)
    request.session[draft_key] = {**form.draft(), "route": route, "key": draft.get("key") or uuid.uuid4().hex}
    return redirect("proposals:preview", request.municipality.slug)


@require_http_methods(["GET", "POST"])
def proposal_preview(request):
    draft_key, submitted_key = _keys(request.municipality)
    draft = request.session.get(draft_key)
    if not draft or draft.get("route") not in WRITE_URLS:
        submitted = request.session.get(submitted_key)
        if request.method == "POST" and submitted:
            return redirect("proposals:submitted", request.municipality.slug, submitted)
        return redirect("proposals:write", request.municipality.slug)
    route = Route(draft["route"])
    rules = settings_for(request.municipality)
    refusal = _refusal(request, rules, route)
    if refusal:
        return refusal
    form = _form(request, rules, route, data=draft_as_data(draft))
    if not form.is_valid():
        return _render_write(request, route, form)
    if request.method == "GET":
        return _render_preview(request, route, form.cleaned_data)
    return _submit(request, route, draft, form.cleaned_data)


def _render_preview(request, route, data):
    context = {
        "draft": data,
        "route": route,
        "change_url": reverse(WRITE_URLS[route], args=[request.municipality.slug]),
    }
    return render(request, "proposals/public/preview.html", context)


def _submit(request, route, draft, data):
    proposal = proposer.proposal_submit(
        municipality=request.municipality,
        proposer=request.user,
        route=route,
        title=data["title"],
        text=data["text"],
        category=data.get("category"),
        signing_days=data.get("signing_days"),
        proposer_name=data["proposer_name"],
        submission_key=draft["key"],
    )
    draft_key, submitted_key = _keys(request.municipality)
    request.session.pop(draft_key, None)
    request.session[submitted_key] = proposal.pk
    messages.success(request, _("Your proposal is sent."))
    return redirect("proposals:submitted", request.municipality.slug, proposal.pk)


@require_GET
def proposal_submitted(request, pk):
    if not request.user.is_authenticated:
        raise Http404("Only the proposer sees the confirmation")
    proposal = (
        Proposal.objects.filter(municipality=request.municipality, proposer=request.user, pk=pk)
        .select_related("category")
        .first()
    )
    if proposal is None:
        raise Http404("No such proposal")
    proposal.municipality = request.municipality
    rules = settings_for(request.municipality)
    context = {"proposal": proposal, "steps": next_steps(proposal, rules)}
    return render(request, "proposals/public/submitted.html", context)
