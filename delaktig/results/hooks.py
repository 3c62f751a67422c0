"""What results offers to other apps through delaktig.core.hooks."""

from django.urls import reverse
from django.utils.translation import gettext as _

from delaktig.core import hookspecs as core_hooks
from delaktig.dialogues import hookspecs as dialogue_hooks
from delaktig.participation.figures import dialogue_figures, people_counted

from .forms import compiled_results_fields
from .models import CompiledResults
from .services import compiled_results_save
from .views.common import READ_ROLES, WORKSPACE_STATES


@dialogue_hooks.dialogue_staff_pages.register
def workspace_page(dialogue, user):
    """The workspace link on the dialogue's staff page, from the day it opens (reading early helps)."""
    if dialogue.state not in WORKSPACE_STATES or not user.has_role(dialogue.municipality, *READ_ROLES):
        return []
    return [(reverse("results:overview", args=[dialogue.municipality.slug, dialogue.pk]), _("Results workspace"))]


# What staff write when they compile the results (CompiledResults), on the dialogue's own pages.


@dialogue_hooks.dialogue_step_fields.register
def compiled_results_step_fields(dialogue, page):
    """The summary and the offline count on the dialogue's "Compile the results" page."""
    if page != "staff_results":
        return None
    compiled = CompiledResults.of(dialogue)
    fields = compiled_results_fields()
    in_the_room = people_counted(dialogue)
    if in_the_room is not None:
        fields["offline_participant_count"].help_text = _(
            "People who took part at meetings, on paper or by phone. %(counted)s were counted at the meetings "
            "recorded here: leave the field empty to use that number, or write the whole number of people."
        ) % {"counted": in_the_room}
    return dialogue_hooks.StepFields(
        fields=fields,
        initial={"results_summary": compiled.summary, "offline_participant_count": compiled.offline_participant_count},
        needed=("results_summary",),
        save=lambda values: compiled_results_save(
            compiled=compiled,
            summary=values["results_summary"],
            offline_participant_count=values["offline_participant_count"],
        ),
    )


@dialogue_hooks.dialogue_step_missing.register
def compiled_results_missing(dialogue, guard):
    if guard == "results_compiled" and not CompiledResults.of(dialogue).summary.strip():
        return [_("Write a summary of the results.")]
    return []


@dialogue_hooks.dialogue_afterwards.register
def compiled_results_afterwards(dialogue):
    compiled = CompiledResults.of(dialogue)
    return {"results_summary": compiled.summary, "offline_participant_count": compiled.offline_participant_count}


@dialogue_hooks.dialogue_public_figures.register
def public_figures(dialogue):
    """Participation counted through the registry, with the people staff counted offline."""
    people_offline = CompiledResults.of(dialogue).offline_participant_count
    return {"figures": dialogue_figures(dialogue, people_offline=people_offline)}


@core_hooks.audit_action_labels.register
def results_action_labels():
    return {
        "results.theme_create": _("Theme added"),
        "results.theme_update": _("Theme changed"),
        "results.theme_merge": _("Themes merged"),
        "results.theme_delete": _("Theme removed"),
        "results.tags_set": _("Input given themes"),
        "results.quote_create": _("Quote chosen"),
        "results.quote_delete": _("Quote removed"),
        "results.suggestions_start": _("Theme suggestions asked for"),
        "results.suggestion_accept": _("Suggested theme accepted"),
        "results.suggestion_dismiss": _("Suggested theme dismissed"),
        "results.suggestion_merge": _("Suggested theme merged into a theme"),
    }
