"""One dialogue in the staff workspace: create it, see it with its next step, take steps, cancel, audit log."""

from dataclasses import dataclass
from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import FieldDoesNotExist
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from delaktig.core import workflow_views
from delaktig.core.audit import action_label
from delaktig.dialogues import hookspecs as dialogue_hooks
from delaktig.organisations.permissions import staff_view

from ... import forms, guards, selectors, services, workflow
from ...models import PUBLIC_STATES, Dialogue, Kind, State
from .common import CREATE_ROLES, find_dialogue, get_dialogue, not_available, post_data, role_names, transition_roles
from .steps import STEPS

CANCEL_TITLE = gettext_lazy("Cancel the dialogue")
CLOSE_TITLE = gettext_lazy("Close the dialogue")
ADD_MODULE_TITLE = gettext_lazy("Add a way to take part")
SECONDARY = frozenset({"cancel", "decline"})
# States in which ways of taking part can still be added or changed.
MODULE_STATES = frozenset({State.INITIATIVE, State.ASSESSED, State.DECIDED, State.PLANNED, State.OPEN})


@dataclass(frozen=True)
class NextStep:
    """A step out of the current state as the staff page shows it."""

    name: str
    label: str
    missing: list
    allowed: bool
    who: str
    page_url: str
    page_title: str

    @property
    def ready(self):
        return self.allowed and not self.missing


def page_for(dialogue, spec):
    """(url, title) of the page where what `spec` misses is entered, else the page of the step itself."""
    failing = [guard for guard in spec.guards if guard(dialogue, "")]
    if guards.has_participation_module in failing[:1]:
        return _url("participation:module_add", dialogue), ADD_MODULE_TITLE
    if spec.name == "cancel":
        return _url("staff_cancel", dialogue), CANCEL_TITLE
    if spec.name == "close":
        return _url("staff_close", dialogue), CLOSE_TITLE
    for step in STEPS:
        if (failing and failing[0] in step.fills) or (not failing and spec.name in step.transitions):
            return _url(step.url_name, dialogue), step.title
    return "", ""


def _url(name, dialogue):
    url_name = name if ":" in name else f"dialogues:{name}"
    return reverse(url_name, args=[dialogue.municipality.slug, dialogue.pk])


def next_steps(dialogue, user):
    rows = []
    for _target, spec in workflow.next_steps(dialogue):
        url, title = page_for(dialogue, spec)
        rows.append(
            NextStep(
                name=spec.name,
                label=str(CANCEL_TITLE if spec.name == "cancel" else spec.label),
                missing=workflow.missing_for(dialogue, spec),
                allowed=workflow.may_take(user, dialogue, spec),
                who=role_names(spec.actors),
                page_url=url,
                page_title=str(title),
            )
        )
    return rows


def open_pages(dialogue, user):
    """[(url, title)] of the step pages this person can use on the dialogue now."""
    roles = user.roles_in(dialogue.municipality)
    pages = [(_url(s.url_name, dialogue), s.title) for s in STEPS if s.is_open(dialogue) and roles & s.roles]
    if dialogue.state in MODULE_STATES and roles & transition_roles("open"):
        pages.append((_url("participation:module_add", dialogue), ADD_MODULE_TITLE))
    for hook in dialogue_hooks.dialogue_staff_pages.implementations():  # outer apps' pages (results, decision basis …)
        pages.extend(hook(dialogue, user) or [])
    return pages


def module_pages(dialogue, user):
    """[(module, [(url, title)])]: each way of taking part with the staff pages its method offers the person."""
    return [
        (
            module,
            [
                page
                for hook in dialogue_hooks.module_staff_pages.implementations()
                for page in (hook(module, user) or [])
            ],
        )
        for module in dialogue.modules.all()
    ]


def render_detail(request, dialogue, refused=None, status=200):
    steps = next_steps(dialogue, request.user)
    primary = next((step for step in steps if step.name not in SECONDARY), None)
    context = {
        "dialogue": dialogue,
        "primary": primary,
        "secondary": [step for step in steps if step is not primary],
        "pages": [page for page in open_pages(dialogue, request.user) if not primary or page[0] != primary.page_url],
        "refused": refused,
        "is_public": dialogue.state in PUBLIC_STATES,
        "modules": module_pages(dialogue, request.user),
        "afterwards": selectors.afterwards(dialogue),
        "may_add_phase": dialogue.state in MODULE_STATES
        and request.user.has_role(dialogue.municipality, *transition_roles("open")),
    }
    return render(request, "dialogues/staff/detail.html", context, status=status)


@require_GET
@staff_view()
def dialogue_detail(request, pk):
    return render_detail(request, selectors.staff_dialogue_get(municipality=request.municipality, pk=pk))


@require_http_methods(["GET", "POST"])
@staff_view(*CREATE_ROLES)
def dialogue_create(request):
    form = forms.CreateForm(post_data(request), instance=Dialogue(municipality=request.municipality))
    if request.method == "GET" and request.user.has_role(request.municipality, *forms.RESPONSIBLE_ROLES):
        form.initial["responsible_officer"] = request.user.pk
    if request.method == "POST" and form.is_valid():
        dialogue = services.dialogue_create(municipality=request.municipality, actor=request.user, **form.changes())
        messages.success(request, _("The initiative “%(title)s” is created.") % {"title": dialogue.title})
        return redirect("dialogues:staff_detail", request.municipality.slug, dialogue.pk)
    return render(request, "dialogues/staff/create.html", {"form": form})


@require_POST
@staff_view()
def take_step(request, pk, step):
    dialogue = selectors.staff_dialogue_get(municipality=request.municipality, pk=pk)

    def take(dialogue, name, *, actor, note):
        if name == "close" and workflow.find(dialogue, name):  # closing asks first: the page says what it means
            return redirect("dialogues:staff_close", request.municipality.slug, dialogue.pk)
        return workflow.transition(dialogue, name, actor=actor, note=note)

    return workflow_views.take_step(
        request,
        dialogue,
        step,
        lifecycle=workflow.LIFECYCLE,
        who=role_names,
        take=take,
        refused=lambda reasons, status=200: render_detail(request, dialogue, refused=reasons, status=status),
        done=lambda: redirect("dialogues:staff_detail", request.municipality.slug, dialogue.pk),
    )


@require_http_methods(["GET", "POST"])
@staff_view(*transition_roles("close"), find=find_dialogue)
def close(request, pk):
    """Ask before closing: residents can no longer take part, and the time for feedback starts."""
    dialogue = get_dialogue(request, pk)
    if not workflow.find(dialogue, "close"):
        return not_available(request, dialogue, CLOSE_TITLE)
    refused = None
    if request.method == "POST":
        try:
            workflow.transition(dialogue, "close", actor=request.user)
        except workflow.TransitionRefused as error:
            refused = error.reasons
        else:
            messages.success(request, _("The dialogue is closed."))
            return redirect("dialogues:staff_detail", request.municipality.slug, dialogue.pk)
    context = {
        "dialogue": dialogue,
        "refused": refused,
        "is_information": dialogue.kind == Kind.INFORMATION,
        "feedback_due": timezone.localdate() + timedelta(days=dialogue.municipality.feedback_deadline_days),
    }
    return render(request, "dialogues/staff/close.html", context)


@require_http_methods(["GET", "POST"])
@staff_view(*transition_roles("cancel"), find=find_dialogue)
def cancel(request, pk):
    dialogue = get_dialogue(request, pk)
    if not workflow.find(dialogue, "cancel"):
        return not_available(request, dialogue, CANCEL_TITLE)
    form = forms.CancelForm(post_data(request), instance=dialogue)
    refused = None
    if request.method == "POST" and form.is_valid():
        try:
            services.dialogue_cancel(dialogue=dialogue, actor=request.user, reason=form.cleaned_data["cancel_reason"])
        except workflow.TransitionRefused as error:
            refused = error.reasons
        else:
            messages.success(request, _("The dialogue is cancelled."))
            return redirect("dialogues:staff_detail", request.municipality.slug, dialogue.pk)
    return render(request, "dialogues/staff/cancel.html", {"dialogue": dialogue, "form": form, "refused": refused})


def field_names(model, names):
    """The fields an audit event lists, as people call them (the form's labels), never the keys."""
    shown = []
    for name in names or []:
        try:
            shown.append(str(model._meta.get_field(name).verbose_name))
        except FieldDoesNotExist:
            shown.append(_("another field"))
    return shown


@require_GET
@staff_view()
def audit_log(request, pk):
    dialogue = get_dialogue(request, pk)
    events = [
        (event, action_label(event.action), field_names(Dialogue, event.data.get("fields")))
        for event in selectors.dialogue_audit_trail(dialogue)
    ]
    return render(request, "dialogues/staff/audit.html", {"dialogue": dialogue, "events": events})
