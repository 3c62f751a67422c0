"""Referral (remiss) of a citizen proposal to a board, the board's answer, and a corrected case number."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from delaktig.organisations.permissions import staff_view

from ... import workflow
from ...models import Route, Status
from .. import _staff_selectors as selectors_staff
from .. import _staff_services as services_staff
from .._staff_forms import NumberChangeForm, ReferForm, ReferralAnswerForm
from .common import HANDLER_ROLES, RECORDS_ROLES, find_proposal, not_available, post_data

REFER_TITLE = gettext_lazy("Refer to a board")
ANSWER_TITLE = gettext_lazy("Record the board's answer")
NUMBER_TITLE = gettext_lazy("Change the case number")
NUMBER_ROLES = tuple(sorted({*HANDLER_ROLES, *RECORDS_ROLES}))


def _get(request, pk):
    return selectors_staff.staff_proposal_get(municipality=request.municipality, pk=pk)


def _page(request, proposal, template, form, title, refused=None, **extra):
    context = {"proposal": proposal, "form": form, "title": title, "refused": refused, **extra}
    return render(request, template, context, status=409 if refused else 200)


@require_http_methods(["GET", "POST"])
@staff_view(*HANDLER_ROLES, find=find_proposal)
def referral(request, pk):
    proposal = _get(request, pk)
    if proposal.route != Route.CITIZEN_PROPOSAL or workflow.find(proposal, "refer") is None:
        return not_available(request, proposal, REFER_TITLE)
    form = ReferForm(post_data(request), proposal=proposal)
    if request.method == "POST" and form.is_valid():
        try:
            done = services_staff.proposal_refer(proposal=proposal, actor=request.user, **form.cleaned_data)
        except (workflow.TransitionRefused, services_staff.ActionRefused) as error:
            return _page(request, proposal, "proposals/staff/referral.html", form, REFER_TITLE, error.reasons)
        messages.success(
            request,
            _("The proposal is referred to %(body)s. We e-mail the proposer, citing %(number)s.")
            % {"body": done.body.name, "number": proposal.registration_number},
        )
        return redirect("proposals:staff_detail", request.municipality.slug, proposal.pk)
    return _page(request, proposal, "proposals/staff/referral.html", form, REFER_TITLE)


@require_http_methods(["GET", "POST"])
@staff_view(*HANDLER_ROLES, find=find_proposal)
def referral_answer(request, pk):
    proposal = _get(request, pk)
    if proposal.status != Status.REFERRED:
        return not_available(request, proposal, ANSWER_TITLE)
    waiting = proposal.referrals.select_related("body").filter(answered_on__isnull=True).first()
    form = ReferralAnswerForm(post_data(request), referral=waiting)
    extra = {"referral": waiting}
    if request.method == "POST" and form.is_valid():
        try:
            services_staff.referral_answer_record(proposal=proposal, actor=request.user, **form.cleaned_data)
        except (workflow.TransitionRefused, services_staff.ActionRefused) as error:
            return _page(
                request, proposal, "proposals/staff/referral_answer.html", form, ANSWER_TITLE, error.reasons, **extra
            )
        messages.success(request, _("The board's answer is recorded. The proposal is back in preparation."))
        return redirect("proposals:staff_detail", request.municipality.slug, proposal.pk)
    return _page(request, proposal, "proposals/staff/referral_answer.html", form, ANSWER_TITLE, **extra)


@require_http_methods(["GET", "POST"])
@staff_view(*NUMBER_ROLES, find=find_proposal)
def number_change(request, pk):
    proposal = _get(request, pk)
    if not proposal.registration_number:
        return not_available(request, proposal, NUMBER_TITLE)
    form = NumberChangeForm(post_data(request), proposal=proposal)
    if request.method == "POST" and form.is_valid():
        change = form.case_number_change()
        if change is None:
            messages.success(request, _("The case number is the same as before. Nothing was changed."))
            return redirect("proposals:staff_detail", request.municipality.slug, proposal.pk)
        try:
            services_staff.proposal_number_change(
                proposal=proposal, actor=request.user, number=change[1], reason=change[2]
            )
        except services_staff.ActionRefused as error:
            form.add_error("registration_number", error.reasons)
        else:
            messages.success(request, _("The case number is changed to %(number)s.") % {"number": change[1]})
            return redirect("proposals:staff_detail", request.municipality.slug, proposal.pk)
    return _page(request, proposal, "proposals/staff/number_change.html", form, NUMBER_TITLE)
