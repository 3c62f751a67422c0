"""Public pages: one statement at a time to vote on, the person's votes, writing a statement, and the opinion
groups. Every page works without JavaScript; a vote is a form posted with three buttons."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from delaktig.dialogues.views.staff.common import post_data
from delaktig.participation.rules import allowed
from delaktig.participation.urls import module_url
from delaktig.participation.views_module import module_context, refuse

from .. import selectors, services
from ..forms import StatementForm
from ..map import group_map
from ..models import Choice, Statement
from .common import post_guard, public_module_get

WRITTEN = "statements_written"  # the session's list of statements the person wrote (for the receipt page)


@require_GET
def index(request, dialogue_id, module_id):
    module = public_module_get(request, dialogue_id, module_id)
    statement = selectors.statement_next(module, request.user)
    context = module_context(
        module,
        statement=statement,
        remaining=selectors.remaining_count(module, request.user),
        voted=len(selectors.votes_of(module, request.user)),
        can_vote=allowed(request.user, "vote", module),
        can_post=allowed(request.user, "post", module),
        choices=Choice,
        phase=module.active_phase(),
        analysis=selectors.analysis_of(module),
    )
    return render(request, "statements/index.html", context)


@require_POST
def vote(request, dialogue_id, module_id):
    """Store the vote and show the next statement; every refusal is a message on the page, nothing stored."""
    module = public_module_get(request, dialogue_id, module_id)
    back = _back_url(request, module)
    decision = allowed(request.user, "vote", module)
    if not decision:
        return refuse(request, decision, next_url=module_url(module, "index"))
    statement = _statement_of(module, request.POST.get("statement"))
    choice = _choice_of(request.POST.get("choice"))
    if statement is None:
        messages.error(request, _("We could not find that statement. Vote on this one instead."))
        return redirect(back)
    try:
        services.vote_cast(statement=statement, user=request.user, choice=choice)
    except services.VoteRefused as refused:
        messages.error(request, str(refused.message))
        return redirect(back)
    messages.success(request, _("Your vote is saved: %(choice)s.") % {"choice": Choice(choice).label})
    return redirect(back)


def _statement_of(module, value):
    """The module's statement with this id (any status: the service refuses the unpublished), or None."""
    try:
        pk = int(value)
    except (TypeError, ValueError):
        return None
    return Statement.objects.filter(module=module, pk=pk).select_related("municipality").first()


def _choice_of(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _back_url(request, module):
    """Where the person voted from: the next statement, or their list of votes."""
    wanted = request.POST.get("next", "")
    safe = wanted and url_has_allowed_host_and_scheme(wanted, allowed_hosts={request.get_host()})
    if safe and wanted.startswith(module_url(module, "index")):
        return wanted
    return module_url(module, "index")


@require_GET
def my_votes(request, dialogue_id, module_id):
    module = public_module_get(request, dialogue_id, module_id)
    if not request.user.is_authenticated:
        return refuse(request, allowed(request.user, "vote", module), next_url=request.get_full_path())
    mine = selectors.votes_of(module, request.user)
    statements = [item for item in selectors.statements_counted(module) if item.pk in mine]
    for item in statements:
        item.my_choice, item.my_choice_label = mine[item.pk], Choice(mine[item.pk]).label
    context = module_context(
        module,
        statements=statements,
        own=selectors.my_statements(module, request.user),
        can_vote=allowed(request.user, "vote", module),
        choices=Choice,
    )
    return render(request, "statements/my_votes.html", context)


@require_http_methods(["GET", "POST"])
def create(request, dialogue_id, module_id):
    module, refusal = post_guard(request, dialogue_id, module_id)
    if refusal:
        return refusal
    form = StatementForm(post_data(request))
    if request.method == "POST" and form.is_valid():
        statement = services.statement_create(module=module, author=request.user, text=form.cleaned_data["text"])
        request.session[WRITTEN] = [*request.session.get(WRITTEN, [])[-49:], statement.pk]
        return redirect(module_url(module, "create_done", statement.pk))
    return render(request, "statements/create.html", module_context(module, form=form))


@require_GET
def create_done(request, dialogue_id, module_id, statement_id):
    module = public_module_get(request, dialogue_id, module_id)
    statement = Statement.objects.filter(module=module, pk=statement_id).first()
    if statement is None or statement_id not in request.session.get(WRITTEN, []):
        return redirect(module_url(module, "index"))
    return render(request, "statements/create_done.html", module_context(module, statement=statement))


@require_GET
def groups(request, dialogue_id, module_id):
    module = public_module_get(request, dialogue_id, module_id)
    view = selectors.groups_view(module)
    context = module_context(
        module,
        view=view,
        map=group_map(view) if view and view["groups"] else None,
        statements=selectors.statements_counted(module),
        can_vote=allowed(request.user, "vote", module),
    )
    return render(request, "statements/groups.html", context)
