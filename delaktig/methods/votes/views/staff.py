"""The staff workspace of a vote: the overview with turnout so far, the ballot and who may vote, the alternatives
(with images, alt texts and a PDF), and the results once the vote has closed (earlier only when the vote allows)."""

from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from delaktig.organisations.permissions import staff_view
from delaktig.participation.rules import allowed
from delaktig.participation.urls import module_url
from delaktig.participation.views_module import overview_context

from .. import selectors, services
from ..forms import AlternativeForm, VoteForm
from ..models import Alternative, AlternativeImage
from ..navigation import desk_url
from .common import ballot_text, counting_text, module_get, staff_guard, who_may_vote

ACTIONS = ("manage", "enter", "results")
LABELS = (
    ("ballots", gettext_lazy("Ballots")),
    ("paper_ballots", gettext_lazy("Ballots from paper")),
    ("changed_ballots", gettext_lazy("Ballots changed after they were cast")),
)


def _url(name, module, *extra):
    return module_url(module, name, *extra, staff=True)


def _alternative_find(request, dialogue_id, module_id, alternative_id):
    module = module_get(request, dialogue_id, module_id)
    get_object_or_404(Alternative, pk=alternative_id, vote__module=module)


@require_GET
@staff_view()
def index(request, dialogue_id, module_id):
    module = module_get(request, dialogue_id, module_id)
    vote = selectors.vote_of(module)
    stats = selectors.stats(module)
    labels = [(key, str(label)) for key, label in LABELS]
    context = overview_context(
        request,
        module,
        stats,
        actions=ACTIONS,
        labels=labels,
        vote=vote,
        alternatives=list(vote.alternatives.prefetch_related("images")) if vote else [],
        closes_at=selectors.closes_at(module),
        closed=selectors.is_closed(module),
        desk_url=desk_url(module),
        ballot_text=ballot_text(vote) if vote else "",
        counting_text=counting_text(vote) if vote else "",
        who_may_vote=who_may_vote(vote) if vote else [],
    )
    return render(request, "votes/staff/index.html", context)


@require_http_methods(["GET", "POST"])
@staff_view()
def settings(request, dialogue_id, module_id):
    module, refused = staff_guard(request, dialogue_id, module_id, "manage")
    if refused:
        return refused
    vote = selectors.vote_of(module)
    municipality = module.dialogue.municipality
    form = VoteForm(request.POST or None, instance=vote, municipality=municipality)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
        try:
            services.vote_save(module=module, actor=request.user, **fields)
        except services.VoteLocked:
            form.add_error("ballot_type", _("People have voted: the ballot can no longer change."))
        else:
            return redirect(_url("index", module))
    context = {"module": module, "dialogue": module.dialogue, "form": form, "vote": vote}
    return render(request, "votes/staff/settings.html", context)


@require_http_methods(["GET", "POST"])
@staff_view()
def alternative_add(request, dialogue_id, module_id):
    module, refused = staff_guard(request, dialogue_id, module_id, "manage")
    if refused:
        return refused
    vote = selectors.vote_of(module)
    if vote is None:
        return redirect(_url("settings", module))
    return _alternative_form(request, module, vote, None)


@require_http_methods(["GET", "POST"])
@staff_view(find=_alternative_find)
def alternative_edit(request, dialogue_id, module_id, alternative_id):
    module, refused = staff_guard(request, dialogue_id, module_id, "manage")
    if refused:
        return refused
    vote = selectors.vote_of(module)
    alternative = get_object_or_404(Alternative, pk=alternative_id, vote__module=module)
    if request.method == "POST" and request.POST.get("remove"):
        return _remove(request, module, alternative)
    if request.method == "POST" and request.POST.get("remove_image"):
        image_id = request.POST["remove_image"]
        images = AlternativeImage.objects.filter(alternative=alternative)
        image = images.filter(pk=int(image_id)).first() if image_id.isdigit() else None
        if image is not None:
            services.image_remove(image=image, actor=request.user)
        return redirect(_url("alternative_edit", module, alternative.pk))
    return _alternative_form(request, module, vote, alternative)


def _remove(request, module, alternative):
    try:
        services.alternative_remove(alternative=alternative, actor=request.user)
    except services.VoteLocked:
        return _alternative_form(
            request,
            module,
            alternative.vote,
            alternative,
            problem=_("People have voted: no alternative can be removed."),
        )
    return redirect(_url("index", module))


def _alternative_form(request, module, vote, alternative, problem=""):
    initial = {}
    if alternative is not None:
        initial = {"title": alternative.title, "description": alternative.description, "cost": alternative.cost}
    posted = request.method == "POST" and not problem
    form = AlternativeForm(
        request.POST if posted else None,
        request.FILES if posted else None,
        initial=initial,
        has_pdf=bool(alternative and alternative.pdf),
    )
    if posted and form.is_valid():
        data = form.cleaned_data
        try:
            saved = services.alternative_save(
                vote=vote, actor=request.user, alternative=alternative, title=data["title"],
                description=data["description"], cost=data["cost"], pdf=data["pdf"],
                pdf_remove=data.get("pdf_remove", False), image=data["image"], alt_text=data["alt_text"].strip(),
            )  # fmt: skip
        except services.VoteLocked:
            form.add_error(None, _("People have voted: no alternative can be added."))
        else:
            return redirect(_url("alternative_edit", module, saved.pk))
    context = {
        "module": module,
        "dialogue": module.dialogue,
        "vote": vote,
        "alternative": alternative,
        "images": list(alternative.images.all()) if alternative else [],
        "form": form,
        "problem": problem,
    }
    return render(request, "votes/staff/alternative.html", context)


@require_GET
@staff_view()
def results(request, dialogue_id, module_id):
    module, refused = staff_guard(request, dialogue_id, module_id, "results")
    if refused:
        return refused
    vote = selectors.vote_of(module)
    visible = selectors.results_visible(module, vote, request.user, staff=True)
    closed = selectors.is_closed(module)
    context = {
        "module": module,
        "dialogue": module.dialogue,
        "vote": vote,
        "results": selectors.results_of(vote) if visible else None,
        "closed": closed,
        "closes_at": selectors.closes_at(module),
        "csv_url": _public_csv(module) if closed else "",
        "counting_text": counting_text(vote) if vote else "",
        "can_manage": bool(allowed(request.user, "manage", module)),
    }
    return render(request, "votes/staff/results.html", context)


def _public_csv(module):
    """The anonymous ballot file is public once the vote has closed, and never before, for staff too."""
    return module_url(module, "ballots_csv")
