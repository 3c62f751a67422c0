"""The vote's public pages: the alternatives and rules with the ballot, the cast (the hot path of a rush), the
voter's receipt, the results once the vote has closed with the anonymous ballot file, and the alternatives' images
and PDF files."""

from django.core.files.storage import default_storage
from django.db import IntegrityError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from delaktig.accounts.models import IdentityLevel
from delaktig.core import ratelimit
from delaktig.core.exports import csv_response
from delaktig.core.middleware import municipality_copy_will_do
from delaktig.identity import selectors as identity
from delaktig.organisations.models import Area
from delaktig.participation.rules import allowed
from delaktig.participation.views_module import module_context, refuse

from .. import by_email, selectors
from ..ballots import BallotInvalid, ballot_from_post, choice_ids
from ..eligibility import OUTSIDE, NotEligible, declared_from_post
from ..models import AlternativeImage, BallotType, VotingBy
from ..services import PaperBallotKept, ballot_cast
from ..window import vote_window, window_forget
from .common import ballot_text, counting_text, public_module_get, who_may_vote


def _url(module_or_window, name, municipality):
    return reverse(f"votes:{name}", args=[municipality.slug, module_or_window.dialogue_id, module_or_window.module_id])


def _vote_or_404(module):
    vote = selectors.vote_of(module)
    if vote is None:
        raise Http404("No vote set up yet")
    return vote


@require_GET
def index(request, dialogue_id, module_id):
    module = public_module_get(request, dialogue_id, module_id)
    vote = selectors.vote_of(module)
    if vote is None:
        return render(request, "votes/not_ready.html", module_context(module))
    return _page(request, module, vote)


def _page(request, module, vote, *, errors=None, posted=None, notice="", status=200):
    """The vote's page: the rules, the alternatives and the ballot (filled in with the voter's ballot or what they
    just posted), or why they cannot vote."""
    alternatives = list(vote.alternatives.prefetch_related("images"))
    vote._prefetched_objects_cache = {"alternatives": alternatives}
    now = timezone.now()
    closed = selectors.is_closed(module, now)
    by_mail = vote.voting_by == VotingBy.EMAIL_LINK
    if by_mail:
        decision = allowed(by_email.EMAIL_VOTER, "vote", module, now)
        mine, may_vote = None, bool(decision) and not closed
    else:
        decision = allowed(request.user, "vote", module, now)
        mine = selectors.my_ballot(vote, request.user)
        may_vote = bool(decision) and not closed and getattr(request.user, "identity_level", 0) >= vote.identity_level
    need = None if by_mail or closed else _need(request, vote)
    may_vote = may_vote and need is None
    reason = "" if may_vote or closed or (need and need.eid_url) else _reason(request, decision, vote)
    filled = _filled(vote, posted, mine)
    errors = errors or {}
    context = module_context(
        module,
        vote=vote,
        alternatives=[(alternative, filled.get(alternative.pk, "")) for alternative in alternatives],
        closes_at=selectors.closes_at(module),
        closed=closed,
        may_vote=may_vote,
        reason=reason,
        needs_login=decision.needs_login,
        login_url=f"{reverse('accounts:login')}?next={request.path}",
        mine=mine,
        mine_titles=_titles(vote, mine, alternatives),
        ballot_text=ballot_text(vote),
        counting_text=counting_text(vote),
        who_may_vote=who_may_vote(vote),
        areas=list(Area.objects.filter(municipality=module.dialogue.municipality).values_list("pk", "name")),
        outside=OUTSIDE,
        about=_about_values(posted, mine),
        errors=errors,
        error_list=[(f"#{_anchor(name)}", message) for name, message in errors.items()],
        notice=notice,
        places=range(1, _most(vote, alternatives) + 1),
        most=_most(vote, alternatives),
        kind=vote.ballot_type,
        by_mail=by_mail,
        email=posted.get("email", "") if posted is not None else "",
        need=need,
    )
    return render(request, "votes/index.html", context, status=status)


def _most(vote, alternatives):
    return min(vote.max_choices or len(alternatives), len(alternatives))


def _need(request, vote):
    """The one step to e-ID where the vote asks for it or only residents may vote; None otherwise."""
    municipality = request.municipality
    if vote.identity_level < IdentityLevel.SUBSTANTIAL and not identity.residents_only(
        municipality, identity.Action.VOTE
    ):
        return None
    return identity.need_for(request, level=vote.identity_level, action=identity.Action.VOTE, next_url=request.path)


def _reason(request, decision, vote):
    if not decision:
        return decision.reason
    return _("This vote needs a higher identity level than your account has: %(level)s.") % {
        "level": vote.get_identity_level_display()
    }


def _anchor(name):
    anchors = {"ballot": "ballot", "email": "id_email", "age": "id_age", "area": "id_area", "resident": "id_resident"}
    return anchors.get(name, "ballot")


def _filled(vote, posted, mine):
    """{alternative id: value} for the ballot's fields: "1" when chosen, the place, the points."""
    if posted is not None:
        found = {}
        for alternative in vote.alternatives.all():
            pk = alternative.pk
            if vote.ballot_type in (BallotType.SINGLE, BallotType.APPROVAL):
                found[pk] = "1" if str(pk) in posted.getlist("choice") else ""
            else:
                prefix = "rank_" if vote.ballot_type == BallotType.RANKING else "points_"
                found[pk] = posted.get(f"{prefix}{pk}", "")
        return found
    if mine is None:
        return {}
    if vote.ballot_type == BallotType.POINTS:
        return {int(pk): str(points) for pk, points in mine.choices.items()}
    if vote.ballot_type == BallotType.RANKING:
        return {pk: str(place) for place, pk in enumerate(mine.choices, 1)}
    return dict.fromkeys(mine.choices, "1")


def _titles(vote, mine, alternatives):
    if mine is None:
        return []
    titles = {alternative.pk: alternative.title for alternative in alternatives}
    if vote.ballot_type == BallotType.POINTS:
        return [f"{titles.get(int(pk), '')}: {points}" for pk, points in mine.choices.items()]
    return [titles.get(pk, "") for pk in choice_ids(vote.ballot_type, mine.choices)]


def _about_values(posted, mine):
    if posted is not None:
        return {"age": posted.get("age", ""), "area": posted.get("area", ""), "resident": posted.get("resident", "")}
    return {"age": "", "area": str(mine.area_id) if mine and mine.area_id else "", "resident": ""}


@municipality_copy_will_do  # a ballot changes nothing of the municipality's
@require_POST
def cast(request, dialogue_id, module_id):
    """The hot path of a rush: the vote from the process's copy (window.py), the ballot and the voter's answers
    checked without the database, then one upsert and its audit event. The session is only read."""
    window = vote_window(municipality=request.municipality, dialogue_id=dialogue_id, module_id=module_id)
    if window is None:
        raise Http404("No such vote")
    module = window.module(request.municipality)
    now = timezone.now()
    if window.closed(now):
        return _again(request, window, notice=_("The vote has closed. Your ballot was not saved."))
    if window.voting_by == VotingBy.EMAIL_LINK:
        return _cast_by_email(request, window, module, now)
    decision = allowed(request.user, "vote", module, now)
    if not decision:
        return refuse(request, decision, next_url=_url(window, "index", request.municipality))
    if request.user.identity_level < window.identity_level:
        return _again(request, window)
    if identity.residents_only(request.municipality, identity.Action.VOTE) and not identity.is_resident(
        request.user, request.municipality
    ):
        return _again(request, window)
    errors = {}
    try:
        choices = ballot_from_post(request.POST, window.rules)
    except BallotInvalid as error:
        errors["ballot"] = error.message
    try:
        declared = declared_from_post(request.POST, window)
    except NotEligible as error:
        errors.update(error.errors)
    if errors:
        return _again(request, window, errors=errors, posted=request.POST)
    try:
        done = ballot_cast(
            municipality=request.municipality, vote_id=window.vote_id, user=request.user, choices=choices,
            declared=declared, now=now,
        )  # fmt: skip
    except IntegrityError:  # the vote or an area went away in the seconds this process remembers them
        window_forget(window.module_id)
        return _again(
            request, window, notice=_("The vote changed while you were voting. Check your ballot and vote again.")
        )
    except PaperBallotKept:
        return _again(
            request, window, notice=_("Your ballot came on paper and is counted. It cannot be changed on the web.")
        )
    receipt = _url(window, "receipt", request.municipality)
    return redirect(f"{receipt}?{'changed' if done.changed else 'cast'}=1")


def _checked(post, window):
    """(choices, declared, errors) of a posted ballot."""
    errors, choices, declared = {}, None, None
    try:
        choices = ballot_from_post(post, window.rules)
    except BallotInvalid as error:
        errors["ballot"] = error.message
    try:
        declared = declared_from_post(post, window)
    except NotEligible as error:
        errors.update(error.errors)
    return choices, declared, errors


def _cast_by_email(request, window, module, now):
    """A ballot with an e-mail address: no session and no account read. Checked as the logged-in cast is, then the
    address; stored waiting for its link, with the mail queued in the same transaction (by_email.py)."""
    if not allowed(by_email.EMAIL_VOTER, "vote", module, now):
        return _again(request, window, notice=_("This is not possible in the current phase."))
    choices, declared, errors = _checked(request.POST, window)
    email = ""
    try:
        email = by_email.address_checked(request.POST.get("email", ""))
    except by_email.AddressRefused as error:
        errors["email"] = error.message
    if errors or choices is None or declared is None:
        return _again(request, window, errors=errors, posted=request.POST)
    if by_email.rate_limited(ip=ratelimit.client_ip(request), email=email):
        return _again(
            request, window, notice=_("Many ballots have come from here lately. Wait a while and vote again."),
            posted=request.POST, status=429,
        )  # fmt: skip
    try:
        by_email.pending_cast(
            municipality=request.municipality, vote_id=window.vote_id, email=email, choices=choices,
            declared=declared, language=get_language() or "", now=now,
        )  # fmt: skip
    except IntegrityError:  # the vote or an area went away in the seconds this process remembers them
        window_forget(window.module_id)
        return _again(
            request, window, notice=_("The vote changed while you were voting. Check your ballot and vote again.")
        )
    return redirect(_url(window, "sent", request.municipality))


def _again(request, window, *, errors=None, posted=None, notice="", status=200):
    """The vote's page again, read from the database, with what was wrong and nothing stored."""
    module = public_module_get(request, window.dialogue_id, window.module_id)
    return _page(request, module, _vote_or_404(module), errors=errors, posted=posted, notice=notice, status=status)


@require_GET
def sent(request, dialogue_id, module_id):
    """After a ballot cast with an e-mail address: look in the mailbox."""
    module = public_module_get(request, dialogue_id, module_id)
    vote = _vote_or_404(module)
    context = module_context(module, vote=vote, closes_at=selectors.closes_at(module), days=by_email.confirm_days())
    return render(request, "votes/sent.html", context)


CONFIRM_STATUS = {by_email.INVALID: 404, by_email.EXPIRED: 410, by_email.CLOSED: 410}


@require_http_methods(["GET", "POST"])
def confirm(request, dialogue_id, module_id, token):
    """The link in the mail: GET shows the ballot and a button (a mail scanner that follows links counts nothing),
    POST counts it. Any other link gets a page that says why, never an error."""
    module = public_module_get(request, dialogue_id, module_id)
    if request.method == "POST":
        found = by_email.pending_confirm(token=token, municipality=request.municipality)
    else:
        found = by_email.pending_find(token=token, municipality=request.municipality)
    if found.vote is not None and found.vote.module_id != module.pk:
        found = by_email.Found(by_email.INVALID)
    vote = found.vote
    shown = found.ballot if found.state == by_email.DONE else found.pending
    alternatives = list(vote.alternatives.all()) if vote is not None else []
    context = module_context(
        module,
        vote=vote,
        state=found.state,
        ballot=found.ballot if found.state in (by_email.DONE, by_email.USED) else None,
        titles=_titles(vote, shown, alternatives) if vote is not None and shown is not None else [],
        token=token,
        closes_at=selectors.closes_at(module),
        days=by_email.confirm_days(),
    )
    return render(request, "votes/confirm.html", context, status=CONFIRM_STATUS.get(found.state, 200))


@require_GET
def receipt(request, dialogue_id, module_id):
    module = public_module_get(request, dialogue_id, module_id)
    vote = _vote_or_404(module)
    mine = selectors.my_ballot(vote, request.user)
    if mine is None:
        return redirect(module.get_absolute_url())
    alternatives = list(vote.alternatives.all())
    context = module_context(
        module,
        vote=vote,
        ballot=mine,
        titles=_titles(vote, mine, alternatives),
        changed="changed" in request.GET,
        closes_at=selectors.closes_at(module),
        closed=selectors.is_closed(module),
    )
    return render(request, "votes/receipt.html", context)


@require_GET
def results(request, dialogue_id, module_id):
    module = public_module_get(request, dialogue_id, module_id)
    vote = _vote_or_404(module)
    visible = selectors.results_visible(module, vote, request.user)
    context = module_context(
        module,
        vote=vote,
        results=selectors.results_of(vote) if visible else None,
        closes_at=selectors.closes_at(module),
        counting_text=counting_text(vote),
        csv_url=_url_of(module, "ballots_csv"),
    )
    return render(request, "votes/results.html", context)


def _url_of(module, name):
    return reverse(f"votes:{name}", args=[module.dialogue.municipality.slug, module.dialogue_id, module.pk])


@require_GET
def ballots_csv(request, dialogue_id, module_id):
    """The anonymous ballot file, for anyone to recount (counting.py); only once the vote has closed."""
    module = public_module_get(request, dialogue_id, module_id)
    vote = _vote_or_404(module)
    if not selectors.is_closed(module):
        raise Http404("The vote has not closed")
    return csv_response(f"omrostning-{vote.pk}-rostsedlar.csv", selectors.ballot_file_rows(vote))


def _file(field_file, content_type):
    if not field_file or not default_storage.exists(field_file.name):
        raise Http404("No file")
    response = FileResponse(default_storage.open(field_file.name, "rb"), content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    return response


IMAGE_TYPES = {"jpg": "image/jpeg", "png": "image/png", "webp": "image/webp"}


@require_GET
def image(request, dialogue_id, module_id, image_id):
    module = public_module_get(request, dialogue_id, module_id)
    found = get_object_or_404(AlternativeImage, pk=image_id, alternative__vote__module=module)
    extension = found.image.name.rsplit(".", 1)[-1]
    return _file(found.image, IMAGE_TYPES.get(extension, "image/jpeg"))


@require_GET
def pdf(request, dialogue_id, module_id, alternative_id):
    module = public_module_get(request, dialogue_id, module_id)
    vote = _vote_or_404(module)
    alternative = get_object_or_404(vote.alternatives, pk=alternative_id)
    return _file(alternative.pdf, "application/pdf")
