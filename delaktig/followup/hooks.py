"""What followup offers to other apps through delaktig.core.hooks."""

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from delaktig.core import hookspecs as core_hooks
from delaktig.dialogues import hookspecs as dialogue_hooks
from delaktig.dialogues.models import AWAITING_FEEDBACK, Kind
from delaktig.organisations.models import Role

from . import participant_evaluation, selectors
from .forms import (
    OUTCOME_PAGES,
    evaluation_fields,
    evaluation_initial,
    evaluation_needed,
    evaluation_values,
    outcome_fields,
)
from .models import Evaluation, Outcome
from .services import evaluation_save, feedback_deadlines_check, feedback_mailing_create_later, outcome_save

SETTINGS_ROLES = frozenset({Role.ADMINISTRATOR, Role.DEMOCRACY_OFFICER})


@dialogue_hooks.feedback_published.register
def mail_the_feedback(dialogue, actor):
    """Once the feedback is committed, mail it to every follower and participant who asked for updates."""
    dialogue_id, actor_id = dialogue.pk, getattr(actor, "pk", None)
    transaction.on_commit(lambda: feedback_mailing_create_later(dialogue_id=dialogue_id, actor_id=actor_id))


def has_feedback_page(dialogue):
    """Deadlines and the feedback mailing concern dialogues that have closed (never information activities)."""
    return dialogue.kind != Kind.INFORMATION and (
        dialogue.state in AWAITING_FEEDBACK or dialogue.state in selectors.FEEDBACK_STATES
    )


@dialogue_hooks.dialogue_staff_pages.register
def followup_pages(dialogue, user):
    slug = dialogue.municipality.slug
    pages = []
    if has_feedback_page(dialogue):
        pages.append((reverse("followup:feedback", args=[slug, dialogue.pk]), _("Feedback: deadline and e-mail")))
    if selectors.measures_are_public(dialogue):
        pages.append((reverse("followup:measures", args=[slug, dialogue.pk]), _("Measures after the decision")))
    if participant_evaluation.askable(dialogue):
        url = reverse("followup:participants_evaluation", args=[slug, dialogue.pk])
        pages.append((url, _("The participants' evaluation")))
    return pages


@dialogue_hooks.dialogue_public_sections.register
def measures_section(request, dialogue):
    if not selectors.measures_are_public(dialogue):
        return []
    measures = selectors.measures_for(dialogue)
    if not measures:
        return []
    return [{"template": "followup/public/_measures_section.html", "context": {"measures": measures}}]


@dialogue_hooks.dialogue_public_sections.register
def evaluation_section(request, dialogue):
    """The staff evaluation, once the dialogue is evaluated."""
    found = selectors.public_evaluation(dialogue)
    return [{"template": "followup/public/_evaluation_section.html", "context": found}] if found else []


@core_hooks.audit_action_labels.register
def followup_action_labels():
    return {
        "measure.create": gettext_lazy("Measure added"),
        "measure.edit": gettext_lazy("Measure changed"),
        "measure.update": gettext_lazy("Progress of a measure reported"),
        "followup.feedback_mailing": gettext_lazy("Feedback sent to participants"),
        "followup.feedback_new_date": gettext_lazy("New date for the feedback"),
        "followup.settings_update": gettext_lazy("Follow-up settings changed"),
    }


@core_hooks.staff_nav_items.register
def settings_menu_item(request):
    if not request.user.has_role(request.municipality, *SETTINGS_ROLES):
        return []
    return [(_("Feedback deadlines"), reverse("followup:settings", args=[request.municipality.slug]))]


@core_hooks.main_nav_items.register
def implementation_menu_item(request):
    return [(_("What happens now"), reverse("followup:implementation", args=[request.municipality.slug]))]


@core_hooks.periodic_jobs.register
def followup_periodic_jobs():
    """Reminders before feedback deadlines and escalation after them (`manage.py periodic`)."""
    return [("feedback_deadlines", 60 * 60, feedback_deadlines_check)]


# What came of the dialogue (Outcome): its fields on the dialogue's step pages, and what the steps need.

OUTCOME_MISSING = {
    "matter_decision_recorded": ("input_influence", gettext_lazy("Describe how the input mattered.")),
    "feedback_written": ("feedback", gettext_lazy("Write the feedback to participants.")),
}
EVALUATION_PAGE = "staff_evaluation"


@dialogue_hooks.dialogue_step_fields.register
def outcome_step_fields(dialogue, page):
    """How the input mattered (with the decision in the matter), the feedback and the evaluation."""
    if page not in OUTCOME_PAGES:
        return None
    outcome = Outcome.of(dialogue)
    fields = outcome_fields(page)
    return dialogue_hooks.StepFields(
        fields=fields,
        initial={name: getattr(outcome, name) for name in fields},
        needed=tuple(fields),
        save=lambda values: outcome_save(outcome=outcome, values=values),
    )


@dialogue_hooks.dialogue_step_fields.register
def evaluation_step_fields(dialogue, page):
    """The structured evaluation: purpose, methods, each target group of the plan, lessons, participants' view."""
    if page != EVALUATION_PAGE:
        return None
    evaluation = Evaluation.of(dialogue)
    groups = selectors.plan_target_groups(dialogue)

    def save(values):
        answers, reaches = evaluation_values(values, groups)
        evaluation_save(evaluation=evaluation, answers=answers, reaches=reaches)

    return dialogue_hooks.StepFields(
        fields=evaluation_fields(dialogue, groups),
        initial=evaluation_initial(evaluation, groups),
        needed=evaluation_needed(groups),
        save=save,
    )


@dialogue_hooks.dialogue_step_missing.register
def outcome_missing(dialogue, guard):
    if guard == "evaluation_written":
        return selectors.evaluation_missing(dialogue)
    if guard not in OUTCOME_MISSING:
        return []
    name, reason = OUTCOME_MISSING[guard]
    return [] if getattr(Outcome.of(dialogue), name).strip() else [str(reason)]


@dialogue_hooks.dialogue_afterwards.register
def outcome_afterwards(dialogue):
    outcome = Outcome.of(dialogue)
    return {
        "input_influence": outcome.input_influence,
        "feedback": outcome.feedback,
        "evaluation": selectors.evaluation_text(dialogue),
    }
