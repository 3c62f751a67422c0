"""The list of inputs: search and filters (GET), tagging with themes (POST), marking quotes."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .. import selectors, selectors_workspace, services
from ..forms import InputFilterForm, QuoteForm
from ..models import Quote
from .common import context, posted, url, workspace_view

PER_PAGE = 25


@require_http_methods(["GET", "POST"])
@workspace_view
def inputs(request, dialogue):
    if request.method == "POST":
        return _save_tags(request, dialogue)
    themes = list(selectors.themes_for(dialogue))
    modules = selectors_workspace.modules_of(dialogue)
    form = InputFilterForm(request.GET, themes=themes, modules=modules)
    filters = form.filters()
    records = selectors_workspace.workspace_inputs_paged(dialogue, filters, modules)
    page = Paginator(records, PER_PAGE).get_page(request.GET.get("page"))
    refs = [record.ref for record in page.object_list]
    tags = selectors_workspace.tags_by_ref(dialogue, refs=refs)
    quotes = selectors_workspace.quotes_by_ref(dialogue, refs=refs)
    rows = [
        (r, selectors.channel_label(r.channel), tags.get(r.ref, set()), quotes.get(r.ref, [])) for r in page.object_list
    ]
    page_context = context(
        request,
        dialogue,
        "inputs",
        form=form,
        page=page,
        rows=rows,
        themes=themes,
        is_filtered=any(filters.values()),
        next_url=request.get_full_path(),
    )
    return render(request, "results/inputs.html", page_context)


def _save_tags(request, dialogue):
    refs = request.POST.getlist("ref")
    assignments = {ref: set() for ref in refs}
    for value in request.POST.getlist("tag"):
        ref, _sep, theme_id = value.rpartition("|")
        if ref in assignments and theme_id.isdigit():
            assignments[ref].add(int(theme_id))
        else:
            assignments.setdefault(ref, set())  # an unknown ref is refused by the service
    try:
        added, removed = services.tags_set(dialogue=dialogue, actor=request.user, assignments=assignments)
    except services.ResultsError as error:
        messages.error(request, str(error))
    else:
        counts = {"added": added, "removed": removed}
        messages.success(request, _("The themes are saved: %(added)s added, %(removed)s removed.") % counts)
    return redirect(_safe_next(request, dialogue))


def _safe_next(request, dialogue):
    target = request.POST.get("next", "")
    base = url("inputs", dialogue)
    return target if target.startswith(base) else base


@require_http_methods(["GET", "POST"])
@workspace_view(edit=True)
def quote_create(request, dialogue):
    record = selectors_workspace.record_get(dialogue, request.GET.get("ref") or request.POST.get("ref", ""))
    if record is None:
        raise Http404("No such input in this dialogue")
    form = QuoteForm(posted(request), themes=selectors.themes_for(dialogue))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.quote_create(
                dialogue=dialogue,
                actor=request.user,
                record=record,
                text=data["text"],
                theme=data["theme"],
                note=data["note"],
            )
        except services.ResultsError as error:
            form.add_error("text", str(error))
        else:
            messages.success(request, _("The quote is saved."))
            return redirect(url("inputs", dialogue))
    return render(request, "results/quote_form.html", context(request, dialogue, "inputs", form=form, record=record))


@require_http_methods(["GET", "POST"])
@workspace_view(edit=True)
def quote_delete(request, dialogue, quote_id):
    quote = get_object_or_404(Quote, pk=quote_id, dialogue=dialogue)
    if request.method == "POST":
        services.quote_delete(quote=quote, actor=request.user)
        messages.success(request, _("The quote is removed."))
        return redirect(url("overview", dialogue))
    return render(request, "results/quote_delete.html", context(request, dialogue, "overview", quote=quote))
