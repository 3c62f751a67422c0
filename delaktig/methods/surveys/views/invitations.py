"""Invitations: staff paste addresses or upload a file (with a group per person, for response rates per group), or
ask for links to print; each person gets a one-time link through a mailing whose progress shows here. A reminder
gives those who have not answered a new link."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from delaktig.organisations.permissions import staff_view
from delaktig.panel.selectors import samples_of

from .. import selectors
from ..evaluation import participant_recipients
from ..forms_builder import InvitationForm, SampleInvitationForm
from ..models import Purpose
from ..services_invitations import invitations_create, invitations_from_sample, invitations_remind
from .common import guard, module_context, survey_or_none, url


def page_context(module, survey, form, sample_form=None, **extra):
    samples = samples_of(survey.municipality)
    if survey.purpose == Purpose.EVALUATION:
        extra.setdefault("participants", len(participant_recipients(survey)))
    return module_context(
        module,
        survey=survey,
        form=form,
        sample_form=sample_form or SampleInvitationForm(samples=samples),
        counts=selectors.invitation_counts(survey),
        mailings=selectors.survey_mailings(survey),
        **extra,
    )


@require_http_methods(["GET", "POST"])
@staff_view()
def index(request, dialogue_id, module_id):
    module, refusal = guard(request, dialogue_id, module_id, "invite")
    if refusal:
        return refusal
    survey = survey_or_none(module)
    if survey is None:
        return redirect(url("staff:index", module))
    form = InvitationForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        made = invitations_create(
            survey=survey, recipients=form.recipients, actor=request.user, message=form.cleaned_data["message"]
        )
        return render(request, "surveys/staff/invitations_made.html", page_context(module, survey, None, made=made))
    return render(request, "surveys/staff/invitations.html", page_context(module, survey, form))


@require_POST
@staff_view()
def from_sample(request, dialogue_id, module_id):
    """Invite a sample drawn from the citizen panel; the members' addresses never show on this page."""
    module, refusal = guard(request, dialogue_id, module_id, "invite")
    if refusal:
        return refusal
    survey = survey_or_none(module)
    if survey is None:
        return redirect(url("staff:index", module))
    form = SampleInvitationForm(request.POST, samples=samples_of(survey.municipality))
    if not form.is_valid():
        context = page_context(module, survey, InvitationForm(), sample_form=form)
        return render(request, "surveys/staff/invitations.html", context)
    made = invitations_from_sample(
        survey=survey,
        sample=form.cleaned_data["sample"],
        actor=request.user,
        message=form.cleaned_data["panel_message"],
    )
    return render(request, "surveys/staff/invitations_made.html", page_context(module, survey, None, made=made))


@require_http_methods(["GET", "POST"])
@staff_view()
def remind(request, dialogue_id, module_id):
    """GET: how many would get a reminder, and a button to send it; POST: send it."""
    module, refusal = guard(request, dialogue_id, module_id, "invite")
    if refusal:
        return refusal
    survey = survey_or_none(module)
    if survey is None:
        return redirect(url("staff:index", module))
    if request.method == "GET":
        waiting = survey.invitations.filter(answered=False).exclude(email="").count()
        context = module_context(module, survey=survey, waiting=waiting)
        return render(request, "surveys/staff/remind.html", context)
    mailing = invitations_remind(survey=survey, actor=request.user, message=request.POST.get("message", "")[:1000])
    if mailing is None:
        messages.info(request, _("Everyone invited by e-mail has answered. No reminder was sent."))
    else:
        messages.success(
            request, _("A reminder with a new link goes to %(n)s people. Follow it below.") % {"n": mailing.total}
        )
    return redirect(url("staff:invitations", module))
