"""The step pages: each saves some of a dialogue's fields and can then take the step they lead to.

A page is open when one of its transitions leaves the dialogue's current state, or in the states
listed as `also` (to correct what was entered). Its roles are those of its transitions.

What the later stages need written (the summary of results, the feedback …) is kept by the apps that own those
stages: they add their fields to a page through the hook `dialogue_step_fields`, and the page saves them with the
dialogue's own, in one transaction and one change-log entry.
"""

from dataclasses import dataclass, field

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from delaktig.foundation.selectors import toolbox_suggestions
from delaktig.organisations.permissions import staff_view

from ... import forms, guards, services, workflow
from ... import hookspecs as dialogue_hooks
from ...models import State
from .common import (
    CREATE_ROLES,
    find_dialogue,
    get_dialogue,
    not_available,
    post_data,
    transition_kinds,
    transition_roles,
)


@dataclass(frozen=True)
class Step:
    url_name: str
    title: str
    form_class: type
    transitions: tuple = ()  # the steps this page leads to, in the order of its buttons
    also: frozenset = frozenset()  # states where the page corrects what was entered
    fills: tuple = ()  # the guards whose missing things this page enters
    buttons: dict = field(default_factory=dict)  # transition -> button text; default "Save and continue"
    intro: str = ""
    template: str = "dialogues/staff/step_form.html"
    explicit_roles: frozenset = frozenset()

    @cached_property
    def roles(self):
        return self.explicit_roles or transition_roles(*self.transitions)

    @cached_property
    def kinds(self):
        return transition_kinds(*self.transitions) if self.transitions else workflow.ALL_KINDS

    def is_open(self, dialogue):
        if dialogue.kind not in self.kinds:
            return False
        return dialogue.state in self.also or any(workflow.find(dialogue, name) for name in self.transitions)

    def next_buttons(self, dialogue):
        """[(transition name, button text)] for the steps that can be taken from here now."""
        return [
            (name, self.buttons.get(name) or _("Save and continue"))
            for name in self.transitions
            if workflow.find(dialogue, name)
        ]

    def build_form(self, data, dialogue):
        if self.form_class is forms.ChecklistForm:
            questions = dialogue.municipality.checklist_questions.filter(is_active=True)
            return forms.ChecklistForm(data, instance=dialogue, questions=questions)
        return self.form_class(data, instance=dialogue, elsewhere=self.fields_elsewhere(dialogue))

    def fields_elsewhere(self, dialogue):
        """The fields outer apps keep for the dialogue on this page (hook `dialogue_step_fields`)."""
        found = (hook(dialogue, self.url_name) for hook in dialogue_hooks.dialogue_step_fields.implementations())
        return [part for part in found if part]

    def save(self, form, dialogue, actor):
        if isinstance(form, forms.ChecklistForm):
            return services.checklist_save(
                dialogue=dialogue, actor=actor, answers=form.answers(), is_influenceable=form.influenceable()
            )
        return services.dialogue_update(
            dialogue=dialogue, actor=actor, changes=form.changes(), elsewhere=form.changes_elsewhere()
        )


EDIT = Step(
    "staff_edit",
    gettext_lazy("Change the initiative"),
    forms.InitiativeForm,
    also=frozenset({State.INITIATIVE, State.ASSESSED}),
    explicit_roles=CREATE_ROLES,
)
CHECKLIST = Step(
    "staff_checklist",
    gettext_lazy("Fill in the checklist"),
    forms.ChecklistForm,
    ("assess",),
    also=frozenset({State.ASSESSED}),
    fills=(guards.checklist_complete, guards.question_influenceable),
    buttons={"assess": gettext_lazy("Save and mark the checklist as complete")},
    intro=gettext_lazy("The checklist is the basis for the political decision to hold a citizen dialogue."),
)
DECISION = Step(
    "staff_decision",
    gettext_lazy("Record the decision to hold the dialogue"),
    forms.DecisionForm,
    ("decide", "decline"),
    fills=(guards.decision_recorded,),
    buttons={"decide": gettext_lazy("Decided to hold"), "decline": gettext_lazy("Declined")},
    intro=gettext_lazy("Enter what the body decided, from the minutes of the meeting."),
)
PLAN = Step(
    "staff_plan",
    gettext_lazy("Write the plan"),
    forms.PlanForm,
    ("plan", "plan_directly"),
    also=frozenset({State.PLANNED}),
    fills=(guards.plan_complete,),
    buttons={
        "plan": gettext_lazy("Save and approve the plan"),
        "plan_directly": gettext_lazy("Save and approve the plan"),
    },
    intro=gettext_lazy("Residents see the plan: what they can influence, how much, and until when."),
)
RESULTS = Step(
    "staff_results",
    gettext_lazy("Compile the results"),
    forms.DialogueForm,
    ("compile_results",),
    also=frozenset({State.RESULTS_COMPILED}),
    fills=(guards.results_compiled,),
    buttons={"compile_results": gettext_lazy("Save and publish the results")},
    template="dialogues/staff/results.html",
)
MATTER_DECISION = Step(
    "staff_matter_decision",
    gettext_lazy("Record the decision in the matter"),
    forms.MatterDecisionForm,
    ("record_matter_decision",),
    also=frozenset({State.MATTER_DECIDED}),
    fills=(guards.matter_decision_recorded,),
    intro=gettext_lazy("What was decided in the matter the dialogue gave input to."),
)
FEEDBACK = Step(
    "staff_feedback",
    gettext_lazy("Write feedback to participants"),
    forms.DialogueForm,
    ("publish_feedback", "publish_feedback_directly"),
    also=frozenset({State.RESULTS_COMPILED, State.MATTER_DECIDED, State.FEEDBACK_PUBLISHED}),
    fills=(guards.feedback_written,),
    buttons={
        "publish_feedback": gettext_lazy("Save and publish the feedback"),
        "publish_feedback_directly": gettext_lazy("Save and publish the feedback"),
    },
)
EVALUATION = Step(
    "staff_evaluation",
    gettext_lazy("Evaluate the dialogue"),
    forms.DialogueForm,
    ("evaluate",),
    also=frozenset({State.EVALUATED}),
    fills=(guards.evaluation_written,),
    buttons={"evaluate": gettext_lazy("Save and record the evaluation")},
)
STEPS = (EDIT, CHECKLIST, DECISION, PLAN, RESULTS, MATTER_DECISION, FEEDBACK, EVALUATION)


def step_page(request, pk, step):
    dialogue = get_dialogue(request, pk)
    if not step.is_open(dialogue):
        return not_available(request, dialogue, step.title)
    form = step.build_form(post_data(request), dialogue)
    if request.method == "POST" and form.is_valid():
        step.save(form, dialogue, request.user)
        name = request.POST.get("step", "")
        if name not in dict(step.next_buttons(dialogue)):
            messages.success(request, _("Your changes are saved."))
            return redirect("dialogues:staff_detail", request.municipality.slug, dialogue.pk)
        _target, spec = workflow.find(dialogue, name)
        try:
            workflow.transition(dialogue, name, actor=request.user)
        except workflow.TransitionRefused as refused:
            return render_step(request, step, dialogue, form, refused=refused.reasons)
        messages.success(request, _("Done: %(step)s.") % {"step": spec.label})
        return redirect("dialogues:staff_detail", request.municipality.slug, dialogue.pk)
    return render_step(request, step, dialogue, form)


def render_step(request, step, dialogue, form, refused=None):
    context = {
        "dialogue": dialogue,
        "step": step,
        "form": form,
        "buttons": step.next_buttons(dialogue),
        "refused": refused,
        "missing": [reason for guard in step.fills for reason in guard(dialogue, "")],
        **extra_context(step, dialogue),
    }
    return render(request, step.template, context)


def extra_context(step, dialogue):
    if step in (CHECKLIST, PLAN):
        return {"suggestions": suggestions(dialogue)}
    if step is RESULTS:
        return {"module_stats": module_stats(dialogue)}
    return {}


def suggestions(dialogue):
    """Toolbox methods for the chosen ladder level and target groups, once either is known."""
    groups = [group.pk for group in dialogue.target_groups.all()] if dialogue.pk else []
    if not dialogue.ladder_level and not groups:
        return []
    return toolbox_suggestions(
        municipality=dialogue.municipality, ladder_level=dialogue.ladder_level, target_group_ids=groups
    )[:5]


def module_stats(dialogue):
    """[(module, {label: number})] for each way of taking part, as its method counts it."""
    rows = []
    for module in dialogue.modules.all():
        manifest = module.manifest
        labels = manifest.stat_labels if manifest else {}
        stats = manifest.stats(module) if manifest else {}
        rows.append((module, {labels[key]: value for key, value in stats.items() if key in labels}))  # no bare keys
    return rows


def _step_view(step):
    @require_http_methods(["GET", "POST"])
    @staff_view(*step.roles, find=find_dialogue)
    def view(request, pk):
        return step_page(request, pk, step)

    view.__name__ = step.url_name
    return view


dialogue_edit = _step_view(EDIT)
checklist = _step_view(CHECKLIST)
decision = _step_view(DECISION)
plan = _step_view(PLAN)
results = _step_view(RESULTS)
matter_decision = _step_view(MATTER_DECISION)
feedback = _step_view(FEEDBACK)
evaluation = _step_view(EVALUATION)
