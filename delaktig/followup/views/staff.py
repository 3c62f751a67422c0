"""The staff pages of follow-up: a dialogue's feedback deadline and e-mail, its measures, the settings."""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods, require_POST

from delaktig.core import workflow_views
from delaktig.dialogues.models import AWAITING_FEEDBACK
from delaktig.dialogues.selectors import dialogue_get
from delaktig.dialogues.views.staff.common import find_dialogue
from delaktig.dialogues.workflow import RUNNERS
from delaktig.mailings.services import mailing_progress
from delaktig.organisations.permissions import staff_view
from delaktig.participation.selectors import dialogue_participant_addresses

from .. import participant_evaluation, selectors, services, workflow
from ..forms import FollowupSettingsForm, MeasureForm, MeasureUpdateForm, NewFeedbackDateForm, StepForm
from ..hooks import SETTINGS_ROLES, has_feedback_page

TRACKERS = tuple(sorted(workflow.TRACKERS))
NEW_MEASURE_TITLE = gettext_lazy("New measure")
MAILING_GRACE = datetime.timedelta(minutes=10)
FIND_INPUTS = "find_inputs"  # the measure form's "Search" button: show the form again, save nothing


def post_data(request):
    return request.POST if request.method == "POST" else None


def _dialogue(request, pk):
    return dialogue_get(municipality=request.municipality, pk=pk)


def not_available(request, dialogue, title, message):
    context = {"dialogue": dialogue, "title": title, "message": message}
    return render(request, "dialogues/staff/not_available.html", context, status=409)


def _not_decided(request, dialogue, title):
    message = _("Measures can be added once the decision in the matter is recorded. The dialogue is “%(state)s”.")
    return not_available(request, dialogue, title, message % {"state": dialogue.get_state_display()})


# --- Feedback: the deadline, its alerts and the feedback e-mail ---------------------------------------------


@require_http_methods(["GET", "POST"])
@staff_view()
def feedback(request, pk):
    dialogue = _dialogue(request, pk)
    if not has_feedback_page(dialogue):
        message = _("Feedback is given after the dialogue has closed. The dialogue is “%(state)s” (%(kind)s).")
        values = {"state": dialogue.get_state_display(), "kind": dialogue.get_kind_display()}
        return not_available(request, dialogue, _("Feedback: deadline and e-mail"), message % values)
    may_set_date = _may_set_new_date(request.user, dialogue)
    if request.method == "POST" and not may_set_date:
        return not_available(request, dialogue, _("New date for the feedback"), _("You cannot set a new date now."))
    date_form = NewFeedbackDateForm(post_data(request), initial={"new_date": dialogue.feedback_new_due_on})
    if request.method == "POST" and date_form.is_valid():
        new_date = date_form.cleaned_data["new_date"]
        services.feedback_new_date_set(dialogue=dialogue, new_date=new_date, actor=request.user)
        messages.success(request, _("The new date is saved. The dialogue's public page shows it."))
        return redirect("followup:feedback", request.municipality.slug, dialogue.pk)
    return _render_feedback(request, dialogue, date_form if may_set_date else None)


def _may_set_new_date(user, dialogue):
    """Runners of the dialogue may promise a new date while the feedback is still owed."""
    owed = dialogue.feedback_published_at is None and dialogue.state in AWAITING_FEEDBACK
    return owed and dialogue.feedback_due_on is not None and user.has_role(dialogue.municipality, *RUNNERS)


def _render_feedback(request, dialogue, date_form):
    rules = selectors.settings_for(request.municipality)
    mailing = selectors.feedback_mailing_for(dialogue)
    context = {
        "dialogue": dialogue,
        "rules": rules,
        "dates": selectors.deadline_dates(dialogue, rules),
        "alerts": selectors.alerts_for(dialogue),
        "mailing": mailing,
        "progress": mailing_progress(mailing) if mailing else None,
        "mailing_pending": _mailing_pending(dialogue),
        "may_change_settings": request.user.has_role(request.municipality, *SETTINGS_ROLES),
        "date_form": date_form,
    }
    return render(request, "followup/staff/feedback.html", context)


def _mailing_pending(dialogue):
    """Feedback published moments ago: its mailing is being created after the commit."""
    published = dialogue.feedback_published_at
    return bool(published) and timezone.now() - published < MAILING_GRACE


@require_http_methods(["GET", "POST"])
@staff_view(*SETTINGS_ROLES)
def settings_edit(request):
    rules = selectors.settings_for(request.municipality)
    form = FollowupSettingsForm(post_data(request), instance=rules)
    if request.method == "POST" and form.is_valid():
        services.followup_settings_update(followup_settings=rules, actor=request.user, values=form.changed_values())
        messages.success(request, _("The deadline e-mails are saved."))
        return redirect("followup:settings", request.municipality.slug)
    return render(request, "followup/staff/settings.html", {"form": form})


# --- Measures -----------------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@staff_view()
def measures(request, pk):
    """The dialogue's measures; a POST creates the measures the results suggest (the winners of a participatory
    budget), each once, for those who track measures."""
    dialogue = _dialogue(request, pk)
    may_track = request.user.has_role(request.municipality, *TRACKERS)
    if request.method == "POST":
        if not may_track:
            raise PermissionDenied("Only those who track measures create them")
        return _measures_from_results(request, dialogue)
    context = {
        "dialogue": dialogue,
        "measures": selectors.measures_for(dialogue),
        "is_decided": selectors.measures_are_public(dialogue),
        "may_track": may_track,
        "offered": selectors.measures_offered(dialogue),
    }
    return render(request, "followup/staff/measures.html", context)


def _measures_from_results(request, dialogue):
    if not selectors.measures_are_public(dialogue):
        return _not_decided(request, dialogue, _("Create measures from the result"))
    made = services.measures_from_results_create(dialogue=dialogue, actor=request.user)
    if made:
        message = ngettext("%(count)s measure is created.", "%(count)s measures are created.", len(made))
        messages.success(request, message % {"count": len(made)})
    else:
        messages.info(request, _("Every measure the result suggests is already created."))
    return redirect("followup:measures", request.municipality.slug, dialogue.pk)


def _measure_form(dialogue, measure=None, data=None):
    return MeasureForm(
        data,
        instance=measure,
        dialogue=dialogue,
        themes=selectors.theme_queryset(dialogue),
        inputs=selectors.input_options(dialogue),
        finding=data is not None and FIND_INPUTS in data,
    )


@require_http_methods(["GET", "POST"])
@staff_view(*TRACKERS, find=find_dialogue)
def measure_create(request, pk):
    dialogue = _dialogue(request, pk)
    if not selectors.measures_are_public(dialogue):
        return _not_decided(request, dialogue, NEW_MEASURE_TITLE)
    form = _measure_form(dialogue, data=post_data(request))
    if request.method == "POST" and not form.finding and form.is_valid():
        measure = services.measure_create(
            dialogue=dialogue, actor=request.user, fields=form.measure_fields(), themes=form.cleaned_data["themes"]
        )
        messages.success(request, _("The measure “%(title)s” is saved.") % {"title": measure.title})
        return redirect("followup:measure", request.municipality.slug, dialogue.pk, measure.pk)
    return render(request, "followup/staff/measure_form.html", {"dialogue": dialogue, "form": form})


def render_measure(request, dialogue, measure, *, form=None, update_form=None, step_form=None, refused=None):
    context = {
        "dialogue": dialogue,
        "measure": measure,
        "form": form or _measure_form(dialogue, measure),
        "update_form": update_form or MeasureUpdateForm(prefix="update"),
        "step_form": step_form or StepForm(prefix="step"),
        "steps": [step for _target, step in workflow.next_steps(measure)],
        "updates": measure.updates.order_by("-date", "-id"),
        "refused": refused,
    }
    status = 200 if not (refused or (form and form.errors) or (update_form and update_form.errors)) else 400
    return render(request, "followup/staff/measure.html", context, status=status)


@require_http_methods(["GET", "POST"])
@staff_view(*TRACKERS, find=find_dialogue)
def measure_edit(request, pk, measure_id):
    dialogue = _dialogue(request, pk)
    measure = selectors.measure_get(dialogue=dialogue, pk=measure_id)
    form = _measure_form(dialogue, measure, post_data(request))
    if request.method == "POST" and not form.finding:
        if form.is_valid():
            services.measure_edit(
                measure=measure, actor=request.user, fields=form.measure_fields(), themes=form.cleaned_data["themes"]
            )
            messages.success(request, _("The measure “%(title)s” is saved.") % {"title": measure.title})
            return redirect("followup:measure", request.municipality.slug, dialogue.pk, measure.pk)
        measure.refresh_from_db()  # the form wrote what was typed into the instance
        return render_measure(request, dialogue, measure, form=form)
    return render_measure(request, dialogue, measure, form=form)


@require_POST
@staff_view(*TRACKERS, find=find_dialogue)
def measure_update_add(request, pk, measure_id):
    dialogue = _dialogue(request, pk)
    measure = selectors.measure_get(dialogue=dialogue, pk=measure_id)
    form = MeasureUpdateForm(request.POST, prefix="update")
    if not form.is_valid():
        return render_measure(request, dialogue, measure, update_form=form)
    services.measure_update_create(measure=measure, actor=request.user, **form.cleaned_data)
    messages.success(request, _("The update is published."))
    return redirect("followup:measure", request.municipality.slug, dialogue.pk, measure.pk)


@require_POST
@staff_view(*TRACKERS, find=find_dialogue)
def measure_step(request, pk, measure_id, step):
    dialogue = _dialogue(request, pk)
    measure = selectors.measure_get(dialogue=dialogue, pk=measure_id)
    form = StepForm(request.POST, prefix="step")

    def refused(reasons, status=None):
        measure.refresh_from_db()
        return render_measure(request, dialogue, measure, step_form=form, refused=reasons)

    return workflow_views.take_step(
        request,
        measure,
        step,
        lifecycle=workflow.LIFECYCLE,
        note=form.cleaned_data["note"] if form.is_valid() else "",
        refused=refused,
        message=lambda _step: _("The measure is now “%(status)s”.") % {"status": measure.get_status_display()},
        done=lambda: redirect("followup:measure", request.municipality.slug, dialogue.pk, measure.pk),
    )


# --- The participants' evaluation ---------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@staff_view()
def participants_evaluation(request, pk):
    """Ask the participants of a closed dialogue how it went (through the method that offers it), and see what they
    answered."""
    dialogue = _dialogue(request, pk)
    title = _("The participants' evaluation")
    if not participant_evaluation.askable(dialogue):
        message = _("Participants are asked once the dialogue has closed. The dialogue is “%(state)s” (%(kind)s).")
        values = {"state": dialogue.get_state_display(), "kind": dialogue.get_kind_display()}
        return not_available(request, dialogue, title, message % values)
    may_ask = request.user.has_role(dialogue.municipality, *RUNNERS)
    if request.method == "POST":
        if not may_ask:
            return not_available(request, dialogue, title, _("Your role does not allow this."))
        return redirect(participant_evaluation.offer().start(dialogue, request.user))
    figures = participant_evaluation.figures_of([dialogue]).get(dialogue.pk)
    context = {
        "dialogue": dialogue,
        "figures": figures,
        "rows": participant_evaluation.question_rows(figures) if figures else [],
        "may_ask": may_ask,
        "addresses": len(dialogue_participant_addresses(dialogue)) if figures is None else None,
    }
    return render(request, "followup/staff/participants_evaluation.html", context)
