"""Public pages of open input: the list, one input with its comments, support and comment."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from delaktig.participation.forms_inputs import CommentForm
from delaktig.participation.identity import what_is_public
from delaktig.participation.models import ModerationStatus
from delaktig.participation.rules import allowed
from delaktig.participation.services import comment_create

from .. import selectors, services
from ..forms import InputFilterForm
from ..public_names import COMMENT_CONTENTS
from .common import module_context, public_module_get, refuse

PAGE_SIZE = 20


@require_GET
def index(request, dialogue_id, module_id):
    module = public_module_get(request, dialogue_id, module_id)
    form = InputFilterForm(request.GET, module=module)
    filters = form.filters()
    inputs = selectors.inputs_published(module, **filters)
    page = Paginator(inputs, PAGE_SIZE).get_page(request.GET.get("page"))
    context = module_context(
        module,
        page=page,
        filter_form=form.without_errors(module),
        is_filtered=bool(filters["search"] or filters["category"]),
        decision=allowed(request.user, "post", module),
        phase=module.active_phase(),
    )
    return render(request, "open_input/index.html", context)


def _input_or_404(request, module, input_id):
    item = selectors.input_visible(module, input_id, request.user)
    if item is None:
        raise Http404("No such input")
    return item


def _detail(request, module, item, comment_form=None, status=200):
    comment_form = comment_form or CommentForm(dialogue=module.dialogue, user=request.user, names=selectors.INPUTS)
    context = module_context(
        module,
        input=item,
        comments=selectors.comments_published(item) if item.is_published else [],
        has_supported=selectors.has_supported(item, request.user),
        comment_form=comment_form,
        can_comment=allowed(request.user, "comment", module),
        comment_public_lines=_comment_public_lines(module.dialogue, comment_form, request.user),
        can_support=allowed(request.user, "support", module),
        is_author=request.user.is_authenticated and item.author_id == request.user.pk,
    )
    return render(request, "open_input/detail.html", context, status=status)


def _comment_public_lines(dialogue, form, user):
    pseudonym = (form.data.get("pseudonym") if form.is_bound else None) or form.initial.get("pseudonym", "")
    if not pseudonym and "pseudonym" in form.fields:
        pseudonym = form.fields["pseudonym"].initial
    shown_name = dialogue.public_name_for(user, pseudonym)
    return what_is_public(dialogue, shown_name=shown_name, contents=COMMENT_CONTENTS)


@require_GET
def input_detail(request, dialogue_id, module_id, input_id):
    module = public_module_get(request, dialogue_id, module_id)
    return _detail(request, module, _input_or_404(request, module, input_id))


def _published_or_404(request, module, input_id):
    item = _input_or_404(request, module, input_id)
    if not item.is_published:
        raise Http404("Input not published")
    return item


@require_POST
def support(request, dialogue_id, module_id, input_id):
    module = public_module_get(request, dialogue_id, module_id)
    item = _published_or_404(request, module, input_id)
    decision = allowed(request.user, "support", module)
    if not decision:
        return refuse(request, decision, next_url=item.get_absolute_url())
    add = request.POST.get("support") != "remove"
    services.support_toggle(item=item, user=request.user, support=add)
    messages.success(request, _("Thank you for your support.") if add else _("You no longer support this input."))
    return redirect(item.get_absolute_url())


@require_POST
def comment(request, dialogue_id, module_id, input_id):
    module = public_module_get(request, dialogue_id, module_id)
    item = _published_or_404(request, module, input_id)
    decision = allowed(request.user, "comment", module)
    if not decision:
        return refuse(request, decision, next_url=item.get_absolute_url())
    form = CommentForm(request.POST, dialogue=module.dialogue, user=request.user, names=selectors.INPUTS)
    if not form.is_valid():
        return _detail(request, module, item, comment_form=form)
    created = comment_create(
        target=item, dialogue=module.dialogue, author=request.user, text=form.cleaned_data["text"], **_pseudonym(form)
    )
    if created.status == ModerationStatus.PUBLISHED:
        done = _("Your comment is published.")
    else:
        done = _("Thank you. We will publish your comment when we have read it.")
    public = what_is_public(module.dialogue, shown_name=created.author_name, contents=COMMENT_CONTENTS)
    messages.success(request, " ".join([done, *public]))
    return redirect(item.get_absolute_url())


def _pseudonym(form):
    return {"pseudonym": form.pseudonym()} if form.pseudonym() else {}
