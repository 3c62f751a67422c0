"""The participants' evaluation of a dialogue: invite everyone who took part, and make a survey's questions the
municipality's evaluation survey (or go back to the shipped one)."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from delaktig.organisations.permissions import staff_view

from ..evaluation import participant_recipients, template_reset, template_save
from ..models import Purpose
from ..services_invitations import invitations_create
from .common import guard, survey_or_none, url
from .invitations import page_context


def _evaluation_survey(request, dialogue_id, module_id, action):
    """(module, survey, refusal): the module's survey when it is a participants' evaluation."""
    module, refusal = guard(request, dialogue_id, module_id, action)
    if refusal:
        return module, None, refusal
    survey = survey_or_none(module)
    if survey is None or survey.purpose != Purpose.EVALUATION:
        return module, None, redirect(url("staff:index", module))
    return module, survey, None


@require_POST
@staff_view()
def invite_participants(request, dialogue_id, module_id):
    module, survey, refusal = _evaluation_survey(request, dialogue_id, module_id, "invite")
    if refusal:
        return refusal
    recipients = participant_recipients(survey)
    if not recipients:
        messages.info(
            request, _("Nobody who took part in the dialogue gave an e-mail address. Hand out links instead.")
        )
        return redirect(url("staff:invitations", module))
    made = invitations_create(survey=survey, recipients=recipients, actor=request.user)
    return render(request, "surveys/staff/invitations_made.html", page_context(module, survey, None, made=made))


@require_POST
@staff_view()
def template_use(request, dialogue_id, module_id):
    module, survey, refusal = _evaluation_survey(request, dialogue_id, module_id, "evaluation_template")
    if refusal:
        return refusal
    template_save(survey=survey, actor=request.user)
    messages.success(
        request, _("The questions of this survey are now the municipality's evaluation survey for coming dialogues.")
    )
    return redirect(url("staff:index", module))


@require_POST
@staff_view()
def template_default(request, dialogue_id, module_id):
    module, survey, refusal = _evaluation_survey(request, dialogue_id, module_id, "evaluation_template")
    if refusal:
        return refusal
    template_reset(municipality=survey.municipality, actor=request.user)
    messages.success(request, _("Coming dialogues get the shipped evaluation survey again."))
    return redirect(url("staff:index", module))
