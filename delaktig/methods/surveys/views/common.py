"""Fetching a module and its survey safely, and refusing in words: shared by the public and staff views."""

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import render

from delaktig.core.reads import prefetched, read_together, select_list
from delaktig.dialogues.models import Dialogue
from delaktig.participation.models import Module, Phase
from delaktig.participation.rules import allowed

from ..about import METHOD_KEY
from ..links import url  # noqa: F401  (the views import it from here)
from ..models import Survey


def module_get(request, dialogue_id, module_id):
    """This municipality's survey module in this dialogue, or 404: with its dialogue and its survey (if any) in one
    query, its phases in a second, both written once (core.reads: every answering request asks); the municipality
    is the request's."""
    parts = ((Module, "m"), (Dialogue, "d"), (Survey, "s"))
    found = read_together(_module_sql(parts), [module_id, dialogue_id, request.municipality.pk, METHOD_KEY], parts)
    if not found:
        raise Http404("No such survey module")
    module, dialogue, survey = found[0]
    module.dialogue, dialogue.municipality = dialogue, request.municipality
    Module.survey.related.set_cached_value(module, survey)  # None: module.survey raises DoesNotExist, as the ORM's
    if survey is not None:
        survey.module = module
    phase = ((Phase, "p"),)
    sql = f"SELECT {select_list(phase)} FROM {_table(Phase)} p WHERE p.module_id = %s ORDER BY p.starts_at, p.id"
    prefetched(module, "phases", [row[0] for row in read_together(sql, [module.pk], phase)])
    return module


def _module_sql(parts):
    return (
        f"SELECT {select_list(parts)} FROM {_table(Module)} m JOIN {_table(Dialogue)} d ON d.id = m.dialogue_id "
        f"LEFT JOIN {_table(Survey)} s ON s.module_id = m.id "
        "WHERE m.id = %s AND m.dialogue_id = %s AND d.municipality_id = %s AND m.method = %s"
    )


def _table(model):
    return f'"{model._meta.db_table}"'


def public_module_get(request, dialogue_id, module_id):
    """As module_get, and the dialogue must be public (staff of the municipality see it earlier)."""
    module = module_get(request, dialogue_id, module_id)
    if not allowed(request.user, "view", module):
        raise Http404("Dialogue not public")
    return module


def survey_or_none(module):
    """The module's survey (read with the module by module_get), or None before one is made."""
    try:
        survey = module.survey
    except Survey.DoesNotExist:
        return None
    if survey is not None:
        survey.module = module
        survey.municipality = module.dialogue.municipality
    return survey


def survey_or_404(module):
    survey = survey_or_none(module)
    if survey is None:
        raise Http404("No survey yet")
    return survey


def refuse(request, decision, *, next_url, back_url=None):
    """Send people who only need to log in to the login page; tell everyone else why not."""
    if decision.needs_login:
        return redirect_to_login(next_url)
    return message(request, title=None, text=decision.reason, back_url=back_url or next_url, status=403)


def message(request, *, title, text, back_url=None, status=200, module=None, extra=""):
    """A page that says one thing: a refusal, a used link, a survey not ready."""
    context = {"title": title, "text": text, "back_url": back_url, "module": module, "extra": extra}
    if module is not None:
        context["dialogue"] = module.dialogue
    return render(request, "surveys/message.html", context, status=status)


def guard(request, dialogue_id, module_id, action):
    """The module for a staff page, and a 403 page with the reason when the person's role does not allow `action`
    (None when it does)."""
    module = module_get(request, dialogue_id, module_id)
    decision = allowed(request.user, action, module)
    if decision:
        return module, None
    return module, refuse(request, decision, next_url=request.get_full_path(), back_url=url("staff:index", module))


def module_context(module, **extra):
    return {"module": module, "dialogue": module.dialogue, **extra}
