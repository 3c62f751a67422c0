"""The code book: the dialogue's themes. Add, rename, merge and delete (with confirmation)."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .. import selectors, services
from ..forms import MergeForm, ThemeEditForm, ThemeForm
from ..models import Theme
from .common import context, posted, url, workspace_view


def _theme(dialogue, theme_id):
    return get_object_or_404(Theme, pk=theme_id, dialogue=dialogue)


@require_http_methods(["GET", "POST"])
@workspace_view
def codebook(request, dialogue):
    form = ThemeForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            theme = services.theme_create(dialogue=dialogue, actor=request.user, **form.cleaned_data)
        except services.ResultsError as error:
            form.add_error("name", str(error))
        else:
            messages.success(request, _("The theme “%(name)s” is added.") % {"name": theme.name})
            return redirect(url("codebook", dialogue))
    themes = selectors.themes_for(dialogue)
    counts = selectors.theme_counts(dialogue)
    rows = [(theme, counts.get(theme.pk, 0)) for theme in themes]
    return render(request, "results/codebook.html", context(request, dialogue, "codebook", form=form, rows=rows))


@require_http_methods(["GET", "POST"])
@workspace_view(edit=True)
def theme_edit(request, dialogue, theme_id):
    theme = _theme(dialogue, theme_id)
    initial = {"name": theme.name, "description": theme.description, "order": theme.order}
    form = ThemeEditForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.theme_update(theme=theme, actor=request.user, **form.cleaned_data)
        except services.ResultsError as error:
            form.add_error("name", str(error))
        else:
            messages.success(request, _("The theme is saved."))
            return redirect(url("codebook", dialogue))
    return render(request, "results/theme_edit.html", context(request, dialogue, "codebook", form=form, theme=theme))


@require_http_methods(["GET", "POST"])
@workspace_view(edit=True)
def theme_merge(request, dialogue, theme_id):
    theme = _theme(dialogue, theme_id)
    form = MergeForm(posted(request), themes=selectors.themes_for(dialogue).exclude(pk=theme.pk))
    if request.method == "POST" and form.is_valid():
        target = form.cleaned_data["target"]
        services.theme_merge(source=theme, target=target, actor=request.user)
        messages.success(
            request, _("“%(source)s” is merged into “%(target)s”.") % {"source": theme.name, "target": target.name}
        )
        return redirect(url("codebook", dialogue))
    return render(request, "results/theme_merge.html", context(request, dialogue, "codebook", form=form, theme=theme))


@require_http_methods(["GET", "POST"])
@workspace_view(edit=True)
def theme_delete(request, dialogue, theme_id):
    theme = _theme(dialogue, theme_id)
    if request.method == "POST":
        services.theme_delete(theme=theme, actor=request.user)
        messages.success(request, _("The theme “%(name)s” is deleted.") % {"name": theme.name})
        return redirect(url("codebook", dialogue))
    count = selectors.theme_counts(dialogue).get(theme.pk, 0)
    return render(
        request, "results/theme_delete.html", context(request, dialogue, "codebook", theme=theme, count=count)
    )
