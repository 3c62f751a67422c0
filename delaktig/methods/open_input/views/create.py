"""Giving input in three steps: write, check your answers, confirmation. The draft lives in the session."""

import uuid

from django.contrib import messages
from django.core import signing
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from delaktig.participation.demographics import AgeBand, Gender
from delaktig.participation.identity import what_is_public
from delaktig.participation.urls import module_url
from delaktig.participation.views_module import module_context

from .. import services
from ..forms import InputForm
from ..models import Input
from ..public_names import INPUT_CONTENTS
from .common import post_guard, public_module_get

RECEIPT_SALT = "open_input.receipt"
RECEIPT_MAX_AGE = 24 * 60 * 60  # the confirmation of input that keeps no account can be shown for a day


def _keys(module):
    return f"open_input:draft:{module.pk}", f"open_input:submitted:{module.pk}"


def _url(name, module, *extra):
    return module_url(module, name, *extra)


def _render_write(request, module, form):
    return render(request, "open_input/create_write.html", module_context(module, form=form))


@require_http_methods(["GET", "POST"])
def create_write(request, dialogue_id, module_id):
    module, refusal = post_guard(request, dialogue_id, module_id)
    if refusal:
        return refusal
    draft_key, _submitted = _keys(module)
    draft = request.session.get(draft_key) or {}
    if request.method == "GET":
        return _render_write(request, module, InputForm(initial=draft, module=module, user=request.user))
    form = InputForm(request.POST, module=module, user=request.user)
    if not form.is_valid():
        return _render_write(request, module, form)
    identity = module.dialogue.public_identity  # what the check page promises; checked again when sending
    request.session[draft_key] = {**form.draft(), "key": draft.get("key") or uuid.uuid4().hex, "identity": identity}
    return redirect(_url("create_check", module))


@require_http_methods(["GET", "POST"])
def create_check(request, dialogue_id, module_id):
    module, refusal = post_guard(request, dialogue_id, module_id)
    if refusal:
        return refusal
    draft_key, submitted_key = _keys(module)
    draft = request.session.get(draft_key)
    if not draft:
        submitted = request.session.get(submitted_key)
        if request.method == "POST" and submitted:
            return redirect(_url("create_done", module, submitted))
        return redirect(_url("create", module))
    form = InputForm(draft, module=module, user=request.user)
    if not form.is_valid():
        return _render_write(request, module, form)
    if request.method == "GET":
        return render(request, "open_input/create_check.html", _check_context(request, module, form.cleaned_data))
    if draft.get("identity") != module.dialogue.public_identity:
        request.session[draft_key] = {**draft, "identity": module.dialogue.public_identity}
        messages.warning(request, _("How participants are shown has just changed. Check what will be public again."))
        return redirect(_url("create_check", module))
    item = services.input_create(module=module, author=request.user, submission_key=draft["key"], **form.values())
    request.session.pop(draft_key, None)
    if item.author_id is None:  # anonymous by design: not even the session links the person to the input
        token = signing.dumps(item.pk, salt=RECEIPT_SALT)
        return redirect(_url("create_done", module, item.pk) + f"?kvitto={token}")
    request.session[submitted_key] = item.pk
    return redirect(_url("create_done", module, item.pk))


def _check_context(request, module, draft):
    dialogue = module.dialogue
    shown_name = dialogue.public_name_for(request.user, draft.get("pseudonym", ""))
    labels = {
        "age_band_label": dict(AgeBand.choices).get(draft.get("age_band"), ""),
        "gender_label": dict(Gender.choices).get(draft.get("gender"), ""),
        "public_lines": what_is_public(dialogue, shown_name=shown_name, contents=INPUT_CONTENTS),
    }
    return module_context(module, draft=draft, **labels)


def _receipt_token_valid(request, input_id):
    try:
        return signing.loads(request.GET.get("kvitto", ""), salt=RECEIPT_SALT, max_age=RECEIPT_MAX_AGE) == input_id
    except signing.BadSignature:
        return False


@require_GET
def create_done(request, dialogue_id, module_id, input_id):
    module = public_module_get(request, dialogue_id, module_id)
    if not request.user.is_authenticated:
        raise Http404("Only the writer sees the confirmation")
    items = Input.objects.filter(module=module, pk=input_id)
    if _receipt_token_valid(request, input_id):
        item = items.filter(author__isnull=True).first()
    else:
        item = items.filter(author=request.user).first()
    if item is None:
        raise Http404("No such input")
    item.module = module
    public_lines = what_is_public(module.dialogue, shown_name=item.author_name, contents=INPUT_CONTENTS)
    return render(request, "open_input/create_done.html", module_context(module, input=item, public_lines=public_lines))
