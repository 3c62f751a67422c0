"""Staff see the survey exactly as residents do, page by page, with the same checks; nothing is stored, and the
last step says so instead of submitting. The preview keeps its answers apart from any real answering."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from delaktig.organisations.permissions import staff_view

from .common import guard, survey_or_none, url
from .flow import Flow, about_view, check_answers, check_context, page_view


def _flow(request, dialogue_id, module_id):
    module, refusal = guard(request, dialogue_id, module_id, "build")
    if refusal:
        return None, refusal
    survey = survey_or_none(module)
    if survey is None:
        return None, redirect(url("staff:index", module))
    return Flow.of(request, module, survey, preview=True), None


@require_GET
@staff_view()
def start(request, dialogue_id, module_id):
    """The preview from the beginning: the first page, with nothing answered."""
    flow, refusal = _flow(request, dialogue_id, module_id)
    if refusal:
        return refusal
    flow.progress.answers, flow.progress.about = {}, {}
    flow.progress.save()
    pages = flow.pages()
    if not pages:
        return redirect(flow.check_url())
    return page_view(request, flow, pages[0])


@require_http_methods(["GET", "POST"])
@staff_view()
def page(request, dialogue_id, module_id, index):
    flow, refusal = _flow(request, dialogue_id, module_id)
    if refusal:
        return refusal
    return page_view(request, flow, index)


@require_http_methods(["GET", "POST"])
@staff_view()
def about(request, dialogue_id, module_id):
    flow, refusal = _flow(request, dialogue_id, module_id)
    if refusal:
        return refusal
    return about_view(request, flow)


@require_http_methods(["GET", "POST"])
@staff_view()
def check(request, dialogue_id, module_id):
    flow, refusal = _flow(request, dialogue_id, module_id)
    if refusal:
        return refusal
    _answers, errors = check_answers(flow)
    if request.method == "POST" and not errors:
        flow.progress.clear()
        messages.success(request, _("This was a preview: nothing was stored. Residents get a confirmation here."))
        return redirect(url("staff:index", flow.module))
    return render(request, "surveys/check.html", check_context(flow, errors=errors, receipt_form=None))
