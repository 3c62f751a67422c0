"""Giving input in three steps: write, check your answers, confirmation. The draft lives in the session."""

import uuid

from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from delaktig.participation.demographics import AgeBand, Gender
from delaktig.participation.rules import allowed

from .. import services
from ..forms import InputForm
from ..models import Input
from .common import module_context, public_module_get, refuse


def _keys(module):
    return f"open_input:draft:{module.pk}", f"open_input:submitted:{module.pk}"


def _url(name, module, *extra):
    return reverse(f"open_input:{name}", args=[module.municipality.slug, module.dialogue_id, module.pk, *extra])


def _guard(request, dialogue_id, module_id):
    """The module, and a refusal response when the person may not give input now."""
    module = public_module_get(request, dialogue_id, module_id)
    decision = allowed(request.user, "post", module)
    return module, (
        None if decision else refuse(request, decision, next_url=_url("create", module), back_url=_url("index", module))
    )


def _render_write(request, module, form):
    return render(request, "open_input/create_write.html", module_context(module, form=form))


@require_http_methods(["GET", "POST"])
def create_write(request, dialogue_id, module_id):
    module, refusal = _guard(request, dialogue_id, module_id)
    if refusal:
        return refusal
    draft_key, _ = _keys(module)
    draft = request.session.get(draft_key) or {}
    if request.method == "GET":
        return _render_write(request, module, InputForm(initial=draft, module=module))
    form = InputForm(request.POST, module=module)
    if not form.is_valid():
        return _render_write(request, module, form)
    request.session[draft_key] = {**form.draft(), "key": draft.get("key") or uuid.uuid4().hex}
    return redirect(_url("create_check", module))


@require_http_methods(["GET", "POST"])
def create_check(request, dialogue_id, module_id):
    module, refusal = _guard(request, dialogue_id, module_id)
    if refusal:
        return refusal
    draft_key, submitted_key = _keys(module)
    draft = request.session.get(draft_key)
    if not draft:
        submitted = request.session.get(submitted_key)
        if request.method == "POST" and submitted:
            return redirect(_url("create_done", module, submitted))
        return redirect(_url("create", module))
    form = InputForm(draft, module=module)
    if not form.is_valid():
        return _render_write(request, module, form)
    if request.method == "GET":
        return render(request, "open_input/create_check.html", _check_context(module, form.cleaned_data))
    item = services.input_create(module=module, author=request.user, submission_key=draft["key"], **form.values())
    request.session.pop(draft_key, None)
    request.session[submitted_key] = item.pk
    return redirect(_url("create_done", module, item.pk))


def _check_context(module, draft):
    labels = {
        "age_band_label": dict(AgeBand.choices).get(draft.get("age_band"), ""),
        "gender_label": dict(Gender.choices).get(draft.get("gender"), ""),
    }
    return module_context(module, draft=draft, **labels)


@require_GET
def create_done(request, dialogue_id, module_id, input_id):
    module = public_module_get(request, dialogue_id, module_id)
    if not request.user.is_authenticated:
        raise Http404("Only the writer sees the confirmation")
    item = Input.objects.filter(module=module, author=request.user, pk=input_id).first()
    if item is None:
        raise Http404("No such input")
    item.module = module
    return render(request, "open_input/create_done.html", module_context(module, input=item))
