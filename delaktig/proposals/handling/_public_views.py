"""Public proposal pages: the list, one proposal, commenting and withdrawing; writing is in public_write."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from delaktig.accounts.models import IdentityLevel

from .. import workflow
from ..models import OPEN_FOR_WITHDRAWAL, Proposal
from ..selectors import settings_for
from ..signatures import signing_open
from . import _public_selectors as public
from . import _writing as proposer
from ._feeds import ProposalFeed
from ._public_forms import CommentForm, ProposalFilterForm
from ._write_views import proposal_preview, proposal_submitted, proposal_write
from ._writing import route_offered

__all__ = [
    "ProposalFeed",
    "proposal_comment",
    "proposal_detail",
    "proposal_list",
    "proposal_preview",
    "proposal_submitted",
    "proposal_withdraw",
    "proposal_write",
]

PAGE_SIZE = 20
COMMENTS_PAGE_SIZE = 50


@require_GET
def proposal_list(request):
    municipality = request.municipality
    form = ProposalFilterForm(request.GET, municipality=municipality)
    filters = form.filters()
    proposals = public.filtered(public.public_proposals(municipality=municipality), **filters)
    page = Paginator(proposals, PAGE_SIZE).get_page(request.GET.get("page"))
    for proposal in public.with_valid_counts(page.object_list):
        proposal.municipality = municipality
    rules = settings_for(municipality)
    context = {
        "page": page,
        "filter_form": form.without_errors(),
        "is_filtered": any(filters[name] for name in ("q", "status", "category", "body")),
        "epetitions_offered": route_offered(rules, "epetition"),
        "citizen_offered": route_offered(rules, "citizen_proposal"),
    }
    return render(request, "proposals/public/list.html", context)


def _visible_or_404(request, pk):
    proposal = public.proposal_visible(municipality=request.municipality, pk=pk, user=request.user)
    if proposal is None:
        raise Http404("No such proposal")
    return proposal


def _detail(request, proposal, comment_form=None, status=200):
    is_proposer = request.user.is_authenticated and proposal.proposer_id == request.user.pk
    names = public.shown_signer_names(proposal) if proposal.is_public else []
    comments = public.published_comments(proposal) if proposal.is_public else []
    context = {
        "proposal": proposal,
        "is_proposer": is_proposer,
        "progress": public.progress(proposal) if proposal.is_public else None,
        "days_left": public.days_left(proposal),
        "signing_open": signing_open(proposal),
        "history": public.status_history(proposal),
        "referrals": list(proposal.referrals.select_related("body")) if proposal.is_public else [],
        "attachment": public.attachment_info(proposal),
        "names": names[: public.NAMES_SHOWN],
        "more_names": len(names) > public.NAMES_SHOWN,
        "comments": Paginator(comments, COMMENTS_PAGE_SIZE).get_page(request.GET.get("page")),
        "can_comment": proposer.comment_allowed(proposal),
        "comment_form": comment_form or CommentForm(),
        "may_withdraw": is_proposer and proposal.status in OPEN_FOR_WITHDRAWAL,
    }
    return render(request, "proposals/public/detail.html", context, status=status)


@require_GET
def proposal_detail(request, pk):
    return _detail(request, _visible_or_404(request, pk))


def _refused(request, proposal, reasons, status=403):
    context = {"proposal": proposal, "reasons": reasons}
    return render(request, "proposals/public/refused.html", context, status=status)


@require_POST
def proposal_comment(request, pk):
    proposal = _visible_or_404(request, pk)
    if not request.user.is_authenticated:
        return redirect_to_login(proposal.get_absolute_url())
    if request.user.identity_level < IdentityLevel.EMAIL:
        return _refused(request, proposal, [_("Confirm your e-mail address to comment.")])
    if not proposer.comment_allowed(proposal):
        return _refused(request, proposal, [_("Comments are closed for this proposal.")])
    form = CommentForm(request.POST)
    if not form.is_valid():
        return _detail(request, proposal, comment_form=form)
    proposer.proposal_comment(proposal=proposal, author=request.user, text=form.cleaned_data["text"])
    messages.success(request, _("Thank you. We will publish your comment when we have read it."))
    return redirect(proposal.get_absolute_url())


def _own_or_404(request, pk):
    proposal = (
        Proposal.objects.filter(municipality=request.municipality, proposer=request.user, pk=pk)
        .select_related("category")
        .first()
    )
    if proposal is None:
        raise Http404("Only the proposer may withdraw")
    proposal.municipality = request.municipality
    return proposal


@require_http_methods(["GET", "POST"])
def proposal_withdraw(request, pk):
    """GET (or a POST without confirm) asks "are you sure?"; a POST with confirm=yes withdraws."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    proposal = _own_or_404(request, pk)
    reasons = proposer.withdraw_refusals(proposal, request.user)
    if reasons:
        return _refused(request, proposal, reasons, status=409 if request.method == "POST" else 200)
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        try:
            proposer.proposal_withdraw(proposal=proposal, actor=request.user)
        except workflow.TransitionRefused as refused:
            return _refused(request, proposal, refused.reasons, status=409)
        messages.success(request, _("Your proposal is withdrawn."))
        return redirect(proposal.get_absolute_url())
    return render(request, "proposals/public/withdraw.html", {"proposal": proposal})
