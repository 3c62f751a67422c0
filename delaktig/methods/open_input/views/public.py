"""Public pages of open input: the list, one input with its comments, support and comment."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_GET

from delaktig.participation.forms_inputs import CommentForm
from delaktig.participation.rules import allowed
from delaktig.participation.views_inputs import comment_view, detail_context, input_or_404, support_view
from delaktig.participation.views_module import module_context

from .. import selectors
from ..forms import InputFilterForm
from .common import public_module_get

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


def _detail(request, module, item, comment_form=None):
    comment_form = comment_form or CommentForm(dialogue=module.dialogue, user=request.user, names=selectors.INPUTS)
    context = detail_context(request, module, item, reads=selectors.INPUTS, comment_form=comment_form)
    context["is_author"] = request.user.is_authenticated and item.author_id == request.user.pk
    return render(request, "open_input/detail.html", context)


@require_GET
def input_detail(request, dialogue_id, module_id, input_id):
    module = public_module_get(request, dialogue_id, module_id)
    return _detail(request, module, input_or_404(selectors.INPUTS, request, module, input_id))


support = support_view(selectors.INPUTS)
comment = comment_view(selectors.INPUTS, detail=_detail, names=selectors.INPUTS)
