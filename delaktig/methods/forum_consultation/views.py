"""Pages of a forum consultation: the public page with the forum's statements, and the staff pages to choose the
forum, record its statement and pick statements recorded in the forum."""

import functools

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_safe

from delaktig.organisations.permissions import staff_view
from delaktig.participation import views_module
from delaktig.participation.rules import allowed
from delaktig.participation.urls import module_url

from . import selectors, services
from .forms import ChooseForm, PickForm, StatementForm
from .models import KEY

module_get = functools.partial(views_module.module_get, method=KEY)
public_module_get = functools.partial(views_module.public_module_get, method=KEY)
staff_guard = functools.partial(views_module.staff_guard, method=KEY)


def post_data(request):
    return request.POST if request.method == "POST" else None


def context_of(module, **extra):
    choice = selectors.choice_of(module)
    return views_module.module_context(module, choice=choice, items=selectors.inputs_of(module), **extra)


@require_safe
def index(request, dialogue_id, module_id):
    module = public_module_get(request, dialogue_id, module_id)
    return render(request, "forum_consultation/index.html", context_of(module))


@require_GET
@staff_view()
def staff_index(request, dialogue_id, module_id):
    module = module_get(request, dialogue_id, module_id)
    can_record = bool(allowed(request.user, "record", module))
    return render(request, "forum_consultation/staff/index.html", context_of(module, can_record=can_record))


def back(module):
    return redirect(module_url(module, "index", staff=True))


@require_http_methods(["GET", "POST"])
@staff_view()
def choose(request, dialogue_id, module_id):
    module, refusal = staff_guard(request, dialogue_id, module_id, "record")
    if refusal:
        return refusal
    choice = selectors.choice_of(module)
    initial = {"forum": choice.forum} if choice else None
    form = ChooseForm(post_data(request), initial=initial, forums=selectors.forums_to_choose(module))
    if request.method == "POST" and form.is_valid():
        try:
            services.forum_choose(module=module, forum=form.cleaned_data["forum"], actor=request.user)
        except ValidationError as refused:
            form.add_error("forum", refused)
        else:
            messages.success(request, _("The forum is chosen. Record its statement when it has given it."))
            return back(module)
    return render(request, "forum_consultation/staff/choose.html", context_of(module, form=form))


@require_http_methods(["GET", "POST"])
@staff_view()
def record(request, dialogue_id, module_id):
    module, refusal = staff_guard(request, dialogue_id, module_id, "record")
    if refusal:
        return refusal
    choice = selectors.choice_of(module)
    form = StatementForm(post_data(request))
    if choice and request.method == "POST" and form.is_valid():
        services.statement_record(module=module, actor=request.user, **form.cleaned_data)
        messages.success(request, _("The statement is recorded. It is now an input of the dialogue."))
        return back(module)
    return render(request, "forum_consultation/staff/record.html", context_of(module, form=form))


@require_http_methods(["GET", "POST"])
@staff_view()
def pick(request, dialogue_id, module_id):
    module, refusal = staff_guard(request, dialogue_id, module_id, "record")
    if refusal:
        return refusal
    choice = selectors.choice_of(module)
    statements = selectors.statements_to_pick(module, choice) if choice else None
    form = PickForm(post_data(request), statements=statements) if choice else None
    if form is not None and request.method == "POST" and form.is_valid():
        picked = services.statements_pick(
            module=module, actor=request.user, statements=list(form.cleaned_data["statements"])
        )
        done = ngettext(
            "%(count)s statement is now an input of the dialogue.",
            "%(count)s statements are now inputs of the dialogue.",
            len(picked),
        )
        messages.success(request, done % {"count": len(picked)})
        return back(module)
    context = context_of(module, form=form, has_statements=bool(statements is not None and statements.exists()))
    return render(request, "forum_consultation/staff/pick.html", context)
