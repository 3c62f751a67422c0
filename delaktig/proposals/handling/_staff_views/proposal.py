"""One proposal in the staff workspace: its status and next step, the steps, the decision, the answer mailing."""

from dataclasses import dataclass

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from delaktig.core import workflow_views
from delaktig.core.audit import action_label, audit_events_for
from delaktig.organisations.permissions import staff_view

from ... import guards, workflow
from ...models import Status
from ...selectors import signature_count
from .. import _staff_selectors as selectors_staff
from .. import _staff_services as services_staff
from .._staff_forms import AnswerMailingForm, DecisionForm, RejectForm
from .common import HANDLER_ROLES, find_proposal, not_available, post_data, role_names

DECISION_TITLE = gettext_lazy("Record the decision")
ANSWER_TITLE = gettext_lazy("Send the answer")
# Guards that tell which of two alternative steps applies; a step they refuse is not offered at all.
ALTERNATIVES = (guards.not_threshold_free, guards.goes_straight_to_body)
PAGE_STEPS = {
    "decide": "proposals:decision",
    "reject": "",
    "refer": "proposals:referral",
    "referral_answer": "proposals:referral_answer",
}


@dataclass(frozen=True)
class NextStep:
    name: str
    label: str
    missing: list
    allowed: bool
    who: str
    page: str  # URL name of the page where the step is taken, "" for a button or the inline form

    @property
    def ready(self):
        return self.allowed and not self.missing


def staff_steps(proposal, user):
    """The steps staff can take from the proposal's status, with what is missing for each."""
    rows = []
    for _target, step in workflow.next_steps(proposal):
        if workflow.SYSTEM in step.actors or workflow.PROPOSER in step.actors:
            continue
        if any(guard in ALTERNATIVES and guard(proposal, "") for guard in step.guards):
            continue
        missing = [] if step.name in PAGE_STEPS else [r for guard in step.guards for r in guard(proposal, "")]
        allowed = workflow.may_take(user, proposal, step)
        rows.append(NextStep(step.name, str(step.label), missing, allowed, role_names(step.actors), ""))
    return [row if row.name not in PAGE_STEPS else _with_page(row) for row in rows]


def _with_page(row):
    return NextStep(row.name, row.label, row.missing, row.allowed, row.who, PAGE_STEPS[row.name])


def detail_context(request, proposal):
    steps = staff_steps(proposal, request.user)
    primary = next((step for step in steps if step.name != "reject"), None)
    refer = next((step for step in steps if step.name == "refer" and step is not primary and step.allowed), None)
    reject = next((step for step in steps if step.name == "reject"), None)
    case = selectors_staff.proposal_case(proposal)
    days_left = (proposal.answer_deadline - timezone.localdate()).days if proposal.answer_deadline else None
    return {
        "proposal": proposal,
        "case": case,
        "primary": primary,
        "reject": reject,
        "refer": refer,
        "referrals": list(proposal.referrals.select_related("body")),
        "signatures": signature_count(proposal),
        "days_left": days_left,
        "days_overdue": -days_left if days_left is not None and days_left < 0 else 0,
        "mailings": list(selectors_staff.answer_mailings(proposal)),
        "may_answer": request.user.has_role(proposal.municipality, *HANDLER_ROLES),
        "events": [(event, event_label(event)) for event in audit_events_for(proposal).select_related("actor")],
    }


EVENT_LABELS = {
    "proposal.answer_mailing": gettext_lazy("The answer was sent by e-mail"),
    "proposal.case_number_change": gettext_lazy("The case number was changed"),
}


def event_label(event):
    """The event in words, in the reader's language (the label stored with the event is only a fallback)."""
    if event.action == "proposal.case_number_change":
        return _("The case number was changed from %(from)s to %(to)s. Reason: %(reason)s") % {
            "from": event.data.get("from", ""),
            "to": event.data.get("to", ""),
            "reason": event.data.get("reason") or "–",
        }
    if event.action in EVENT_LABELS:
        return EVENT_LABELS[event.action]
    for (_source, target), step in workflow.TRANSITIONS.items():
        if event.action == f"proposal.{step.name}" and event.data.get("to") == target:
            return workflow.timeline_words(step, event.data) or step.label
    return event.data.get("label") or action_label(event.action)  # never the bare key


def render_detail(request, proposal, *, refused=None, reject_form=None, status=200):
    context = detail_context(request, proposal)
    context["refused"] = refused
    context["reject_form"] = reject_form or RejectForm(prefix=f"p{proposal.pk}")
    return render(request, "proposals/staff/detail.html", context, status=status)


@require_GET
@staff_view()
def proposal_detail(request, pk):
    return render_detail(request, selectors_staff.staff_proposal_get(municipality=request.municipality, pk=pk))


def _back(request, proposal):
    if request.POST.get("next") == "moderation":
        return redirect("proposals:moderation", request.municipality.slug)
    return redirect("proposals:staff_detail", request.municipality.slug, proposal.pk)


class StepTaker:
    """Takes a proposal step through its service; rejecting needs its form, which a refusal shows again."""

    def __init__(self, request, proposal):
        self.request, self.proposal, self.reject_form = request, proposal, None

    def take(self, proposal, name, *, actor, note=""):
        if name != "reject":
            return services_staff.proposal_step(proposal=proposal, name=name, actor=actor)
        self.reject_form = RejectForm(self.request.POST, prefix=f"p{proposal.pk}")
        if not self.reject_form.is_valid():
            return render_detail(self.request, proposal, reject_form=self.reject_form)
        return services_staff.proposal_reject(proposal=proposal, actor=actor, **self.reject_form.cleaned_data)

    def refused(self, reasons, status=200):
        return render_detail(self.request, self.proposal, refused=reasons, reject_form=self.reject_form, status=status)


@require_POST
@staff_view()
def take_step(request, pk, step):
    proposal = selectors_staff.staff_proposal_get(municipality=request.municipality, pk=pk)
    taker = StepTaker(request, proposal)
    return workflow_views.take_step(
        request,
        proposal,
        step,
        lifecycle=workflow.LIFECYCLE,
        who=role_names,
        take=taker.take,
        refused=taker.refused,
        done=lambda: _back(request, proposal),
        also_refused=(services_staff.ActionRefused,),
    )


@require_http_methods(["GET", "POST"])
@staff_view(*HANDLER_ROLES, find=find_proposal)
def decision(request, pk):
    proposal = selectors_staff.staff_proposal_get(municipality=request.municipality, pk=pk)
    if proposal.status != Status.IN_PREPARATION:
        return not_available(request, proposal, DECISION_TITLE)
    files = request.FILES if request.method == "POST" else None
    form = DecisionForm(post_data(request), files, instance=proposal)
    refused = None
    if request.method == "POST" and form.is_valid():
        try:
            services_staff.proposal_decide(proposal=form.instance, actor=request.user, decision=form.decision())
        except workflow.TransitionRefused as error:
            refused = error.reasons
        else:
            messages.success(request, _("The decision is recorded. Now send the answer to the signers."))
            return redirect("proposals:answer_mailing", request.municipality.slug, proposal.pk)
    context = {"proposal": proposal, "form": form, "refused": refused, "title": DECISION_TITLE}
    return render(request, "proposals/staff/decision.html", context)


@require_http_methods(["GET", "POST"])
@staff_view(*HANDLER_ROLES, find=find_proposal)
def answer_mailing(request, pk):
    proposal = selectors_staff.staff_proposal_get(municipality=request.municipality, pk=pk)
    if proposal.status != Status.DECIDED:
        return not_available(request, proposal, ANSWER_TITLE)
    previous = list(selectors_staff.answer_mailings(proposal))
    form = AnswerMailingForm(post_data(request))
    refused = None
    if request.method == "POST" and form.is_valid():
        try:
            mailing = services_staff.answer_mailing_create(
                proposal=proposal, actor=request.user, send_again=form.cleaned_data["send_again"]
            )
        except services_staff.ActionRefused as error:
            refused = error.reasons
        else:
            messages.success(request, _("The answer is being sent. You can follow the progress here."))
            return redirect("mailings:detail", request.municipality.slug, mailing.pk)
    subject, body = services_staff.answer_message(proposal)
    context = {
        "proposal": proposal,
        "form": form,
        "refused": refused,
        "previous": previous,
        "recipients": selectors_staff.answer_recipient_count(proposal),
        "subject": subject,
        "body": body,
        "title": ANSWER_TITLE,
    }
    return render(request, "proposals/staff/answer_mailing.html", context, status=409 if refused else 200)
