"""The public site: the list of dialogues, a dialogue's page, its easy-to-read version, following it."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from delaktig.dialogues import hookspecs as dialogue_hooks

from .. import selectors, services
from ..filters import DialogueFilterForm
from ..models import Kind, State

PAGE_SIZE = 10


@require_safe
def dialogue_list(request):
    municipality = request.municipality
    form = DialogueFilterForm(
        request.GET,
        municipality=municipality,
        bodies=selectors.public_bodies(municipality=municipality),
        years=selectors.public_years(municipality=municipality),
    )
    dialogues = selectors.public_dialogues(municipality=municipality, **form.filters())
    page = Paginator(dialogues, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"form": form.without_errors(), "page": page, "is_filtered": form.is_filtered()}
    return render(request, "dialogues/public/list.html", context)


@require_safe
def dialogue_redirect(request, pk):
    dialogue = selectors.dialogue_get(municipality=request.municipality, pk=pk, public=True)
    return redirect(dialogue, permanent=True)


@require_safe
def dialogue_detail(request, pk, slug):
    dialogue = selectors.public_dialogue_get(municipality=request.municipality, pk=pk)
    if slug != dialogue.slug:
        return redirect(dialogue, permanent=True)
    modules = list(dialogue.modules.all())
    context = {
        "dialogue": dialogue,
        "modules": modules,
        "timeline": selectors.timeline_entries(dialogue),
        "is_following": selectors.is_following(user=request.user, dialogue=dialogue),
        "extra_sections": _extra_sections(request, dialogue),
        **_afterwards(dialogue, has_modules=bool(modules)),
    }
    if context["show_results"]:
        context.update(_figures(dialogue), afterwards=selectors.afterwards(dialogue))
    return render(request, "dialogues/public/detail.html", context)


def _extra_sections(request, dialogue):
    """Sections outer apps add to the public page (hook `dialogue_public_sections`), in hook order."""
    sections = (hook(request, dialogue) for hook in dialogue_hooks.dialogue_public_sections.implementations())
    return [section for found in sections for section in (found or [])]


def _figures(dialogue):
    """Participation figures counted from what is stored (hook `dialogue_public_figures`), never typed in."""
    found = {}
    for hook in dialogue_hooks.dialogue_public_figures.implementations():
        found.update(hook(dialogue) or {})
    return found


def _afterwards(dialogue, *, has_modules):
    """Which of the parts that come after the dialogue are published yet.

    An information activity never invites input: it has no part about taking part, whatever its state.
    """
    is_information = dialogue.kind == Kind.INFORMATION
    matter = dialogue.decision_in_matter
    return {
        "is_information": is_information,
        "is_open": dialogue.state == State.OPEN,
        "is_coming": dialogue.state == State.PLANNED,
        "show_take_part": not is_information and (dialogue.state in {State.OPEN, State.PLANNED} or has_modules),
        "feedback_late": dialogue.is_feedback_overdue,
        "new_date_passed": bool(dialogue.feedback_new_due_on and dialogue.feedback_new_due_on < timezone.localdate()),
        "languages": selectors.content_languages(dialogue),
        "show_results": dialogue.state in selectors.RESULTS_STATES,
        "show_decision": dialogue.state in selectors.DECISION_STATES and bool(matter and matter.body_id),
        "show_feedback": dialogue.state in selectors.FEEDBACK_STATES,
        "awaiting_feedback": dialogue.state in selectors.STATE_GROUPS["finished"] - selectors.FEEDBACK_STATES,
    }


@require_safe
def dialogue_easy_read(request, pk, slug):
    dialogue = selectors.dialogue_get(municipality=request.municipality, pk=pk, public=True)
    if slug != dialogue.slug:
        return redirect("dialogues:easy_read", dialogue.municipality.slug, dialogue.pk, dialogue.slug)
    return render(request, "dialogues/public/easy_read.html", {"dialogue": dialogue})


@require_POST
def dialogue_follow(request, pk, slug):
    dialogue = selectors.dialogue_get(municipality=request.municipality, pk=pk, public=True)
    if not request.user.is_authenticated:
        return redirect_to_login(dialogue.get_absolute_url())
    if request.POST.get("action") == "unfollow":
        services.follower_remove(dialogue=dialogue, user=request.user)
        messages.success(request, _("You no longer follow this dialogue."))
    else:
        services.follower_add(dialogue=dialogue, user=request.user)
        messages.success(
            request, _("You follow this dialogue. We will e-mail you when the results and the feedback are published.")
        )
    return redirect(dialogue)
