"""Residents answer: the survey's page, its pages of questions, "about you", the check and the confirmation; saving
to continue later; opening an invitation or a draft link.

Who may answer: the dialogue's phase must accept answers (participation.rules.allowed), and the survey's access
decides the rest. Open: anyone, and a signed cookie plus a limit per connection keep one browser from answering
again and again. Logged in: one response per account (held by the database). By invitation: the person must have
opened their personal link in this browser; the link works until it has been used to answer.

"Send" stores what the check page showed: the page carries the progress signed (progress.Progress.seal), so an open
survey's send reads no session at all, and the confirmation page, reached by a signed link, forgets the progress.
The seal also says when the check page found the answers complete (`checked`: the survey's `updated_at` then). An
open survey's send with such a seal, and nothing else to do (no receipt, draft or invitation), takes the short way
(`_sent_short`): that the survey accepts answers is kept in this process for a few seconds (ACCEPTING_SECONDS, and
never past the end of the phase), and the response is stored on condition that the survey has not changed since the
check (services.response_receive), without reading anything. Anything else, or a short way that stores nothing,
takes the full way, which reads and checks everything and says what is wrong.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.core import signing
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from delaktig.accounts.models import IdentityLevel
from delaktig.core import ratelimit
from delaktig.core.memo import LocalMemo
from delaktig.core.middleware import municipality_copy_will_do
from delaktig.identity import selectors as identity
from delaktig.participation.rules import allowed

from ..forms_answer import ReceiptForm
from ..mail import draft_link_send_now
from ..models import Access, Invitation, Participation
from ..progress import DONE_MAX_AGE, DONE_SALT, Progress
from ..services import AlreadyAnswered, draft_find, draft_save, response_receive, response_submit
from ..services_invitations import invitation_find
from ..structure import AnswersInvalid, structure_of
from .common import message, module_get, public_module_get, survey_or_none, url
from .flow import Flow, about_view, check_answers, check_context, page_view

ANSWERED_COOKIE = "surveys_answered"
ANSWERED_SALT = "surveys.answered"
ANSWERED_MAX_AGE = 365 * 24 * 60 * 60
SUBMIT_LIMIT = 30  # settings.SURVEY_SUBMIT_RATE_PER_IP: responses to one open survey from one connection per hour
SUBMIT_WINDOW = timedelta(hours=1)
LINK_LIMIT = 20  # unknown invitation or draft links from one connection per hour
LINK_WINDOW = timedelta(hours=1)
MAIL_LIMIT = 5  # draft links mailed from one connection per hour
MAIL_WINDOW = timedelta(hours=1)
SEAL_FIELD = "sealed"  # the check page's progress, signed
DONE_PARAMETER = "svar"  # the confirmation page's signed reference
ACCEPTING_SECONDS = 5  # how long a process keeps that an open survey accepts answers (never past its phase's end)


# Who may answer


def answered_here(request, survey):
    """Has this browser answered this open survey (the signed cookie set on the confirmation)?"""
    try:
        value = request.get_signed_cookie(ANSWERED_COOKIE, default="", salt=ANSWERED_SALT, max_age=ANSWERED_MAX_AGE)
    except signing.BadSignature:
        return False
    return str(survey.pk) in value.split(",")


def _remember_answered(request, response, survey):
    try:
        value = request.get_signed_cookie(ANSWERED_COOKIE, default="", salt=ANSWERED_SALT, max_age=ANSWERED_MAX_AGE)
    except signing.BadSignature:
        value = ""
    ids = [item for item in value.split(",") if item][-49:] + [str(survey.pk)]
    response.set_signed_cookie(
        ANSWERED_COOKIE,
        ",".join(ids),
        salt=ANSWERED_SALT,
        max_age=ANSWERED_MAX_AGE,
        httponly=True,
        samesite="Lax",
        secure=request.is_secure(),
    )


NOT_READY, LOGIN, ALREADY, INVITED_ONLY, USED, CLOSED, IDENTITY = (
    "not_ready",
    "login",
    "already",
    "invited_only",
    "used",
    "closed",
    "identity",
)


def refusal_of(request, module, survey, progress=None, structure=None):
    """None when this person may answer now; else (kind, reason in words). `structure`: the survey's, when it is
    loaded already (its questions say whether the survey is ready, without asking the database again)."""
    if survey is None or not (structure.questions if structure is not None else survey.questions.exists()):
        return NOT_READY, _("The survey is not open yet. Come back later.")
    who = AnonymousUser() if survey.access == Access.OPEN else request.user  # open: anyone, whoever they are
    decision = allowed(who, "answer", module)
    if not decision and (survey.access == Access.LOGGED_IN or not decision.needs_login):
        return (LOGIN if decision.needs_login else CLOSED), decision.reason
    if survey.access == Access.LOGGED_IN and _identity_need(request) is not None:
        return IDENTITY, _("The municipality asks for e-identification, or that you live here, to answer.")
    if survey.access == Access.LOGGED_IN and Participation.objects.filter(survey=survey, user=request.user).exists():
        return ALREADY, ALREADY_TEXT()
    if survey.access == Access.OPEN and answered_here(request, survey):
        return ALREADY, ALREADY_TEXT()
    if survey.access == Access.INVITATION:
        invitation = _invitation_of(survey, progress)
        if invitation is None:
            return INVITED_ONLY, _(
                "Only people who have been invited can answer. Open the personal link in your invitation."
            )
        if invitation.answered:
            return USED, USED_TEXT()
    return None


def _identity_need(request):
    """For surveys of logged-in residents: what the municipality's rule for surveys asks that the person lacks."""
    municipality = request.municipality
    level = identity.action_level(municipality, identity.Action.SURVEY)
    if level < IdentityLevel.SUBSTANTIAL and not identity.residents_only(municipality, identity.Action.SURVEY):
        return None
    return identity.need_for(request, level=level, action=identity.Action.SURVEY)


def ALREADY_TEXT():  # noqa: N802
    return _("We have your answers to this survey. Each person answers once. Thank you for taking part!")


def USED_TEXT():  # noqa: N802
    return _("This invitation has already been used to answer the survey. Each invitation can answer once.")


def why_not(request, module, survey, progress=None, structure=None):
    """None when this person may answer now; else the page that says why not."""
    refusal = refusal_of(request, module, survey, progress, structure)
    if refusal is None:
        return None
    kind, text = refusal
    if kind == LOGIN:
        return redirect_to_login(request.get_full_path())
    if kind == IDENTITY:
        context = {"need": _identity_need(request), "module": module, "dialogue": module.dialogue}
        return render(request, "surveys/identity_needed.html", context, status=403)
    if kind == ALREADY:
        return _already(request, module)
    if kind == USED:
        return _link_used(request, module)
    titles = {NOT_READY: _("The survey is not ready"), INVITED_ONLY: _("The survey is by invitation")}
    status = 200 if kind == NOT_READY else 403
    return message(
        request, title=titles.get(kind), text=text, back_url=url("index", module), module=module, status=status
    )


def _invitation_of(survey, progress):
    if progress is None or not progress.invitation_id:
        return None
    return Invitation.objects.filter(pk=progress.invitation_id, survey=survey).first()


def _already(request, module):
    return message(
        request,
        title=_("You have already answered"),
        text=ALREADY_TEXT(),
        back_url=module.dialogue.get_absolute_url(),
        module=module,
    )


def _link_used(request, module):
    return message(
        request,
        title=_("The link has been used"),
        text=USED_TEXT(),
        back_url=module.dialogue.get_absolute_url(),
        module=module,
        status=410,
    )


def _answering(request, dialogue_id, module_id, sealed=None):
    """(flow, None) for someone who may answer, or (None, the page that says why not). `sealed`: the progress a
    check page carried, used instead of the session's when it is valid."""
    module = public_module_get(request, dialogue_id, module_id)
    survey = survey_or_none(module)
    progress = Progress.unsealed(request, survey, sealed) if sealed and survey is not None else None
    flow = Flow.of(request, module, survey, progress=progress) if survey is not None else None
    refusal = (
        why_not(request, module, survey, flow.progress, flow.structure) if flow else why_not(request, module, None)
    )
    return (None, refusal) if refusal else (flow, None)


# The pages


@require_GET
def index(request, dialogue_id, module_id):
    module = public_module_get(request, dialogue_id, module_id)
    survey = survey_or_none(module)
    flow = Flow.of(request, module, survey) if survey is not None else None
    refusal = (
        refusal_of(request, module, survey, flow.progress, flow.structure)
        if flow
        else refusal_of(request, module, None)
    )
    context = {
        "module": module,
        "dialogue": module.dialogue,
        "survey": survey,
        "flow": flow,
        "phase": module.active_phase(),
        "refusal": refusal[0] if refusal else "",
        "refusal_text": refusal[1] if refusal else "",
        "questions": len(flow.structure.questions) if flow else 0,
        "started": bool(flow and flow.progress.answers),
        "need": _identity_need(request) if refusal and refusal[0] == IDENTITY else None,
    }
    return render(request, "surveys/index.html", context)


@municipality_copy_will_do  # answering changes nothing of the municipality's
@require_http_methods(["GET", "POST"])
def page(request, dialogue_id, module_id, number):
    flow, refusal = _answering(request, dialogue_id, module_id)
    if refusal:
        return refusal
    return page_view(request, flow, number, on_save=lambda page: _save(request, flow, page))


@municipality_copy_will_do
@require_http_methods(["GET", "POST"])
def about(request, dialogue_id, module_id):
    flow, refusal = _answering(request, dialogue_id, module_id)
    if refusal:
        return refusal
    return about_view(request, flow, on_save=lambda page: _save(request, flow, page))


def _receipt_address(request, flow):
    """The address a receipt goes to when it is known: the account's, or the invitation's (as the check page knew
    it, when "send" carries the page's progress)."""
    if flow.progress.sealed:
        return flow.progress.known_address
    if request.user.is_authenticated and request.user.email:
        return request.user.email
    invitation = _invitation_of(flow.survey, flow.progress)
    return invitation.email if invitation is not None else ""


@municipality_copy_will_do  # a response changes nothing of the municipality's
@require_http_methods(["GET", "POST"])
def check(request, dialogue_id, module_id):
    sealed = request.POST.get(SEAL_FIELD) if request.method == "POST" else None
    if sealed:
        sent = _sent_short(request, dialogue_id, module_id, sealed)
        if sent is not None:
            return sent
    flow, refusal = _answering(request, dialogue_id, module_id, sealed)
    if refusal:
        return refusal
    known = _receipt_address(request, flow)
    form = ReceiptForm(request.POST if request.method == "POST" else None, address_known=bool(known))
    answers, errors = check_answers(flow)
    if request.method == "POST" and not errors and form.is_valid():
        if flow.survey.access == Access.OPEN and _too_many(request, flow.survey):
            form.add_error(
                None, _("Many answers have come from your connection in a short while. Try again in an hour.")
            )
        else:
            return _submit(request, flow, answers, receipt_to=known or form.cleaned_data.get("email", ""))
    return _check_page(request, flow, errors=errors, receipt_form=form, receipt_known=bool(known))


def _check_page(request, flow, **context):
    """The check page, carrying the progress it shows (kept in the session first, so its key is the same in every
    copy of the page)."""
    if not flow.progress.stored:
        flow.progress.save()
    address = _receipt_address(request, flow) if context.get("receipt_known") else ""
    checked = "" if context.get("errors") else flow.survey.updated_at.isoformat()  # complete as the survey is now
    seal = flow.progress.seal(to=address, checked=checked)
    return render(request, "surveys/check.html", check_context(flow, seal=seal, **context))


def submit_limit():
    """Responses to one open survey from one connection per hour (a school or a library shares one address)."""
    return int(getattr(settings, "SURVEY_SUBMIT_RATE_PER_IP", SUBMIT_LIMIT))


def _too_many(request, survey):
    hits = ratelimit.hit("surveys.submit", ratelimit.client_ip(request), survey.pk, window=SUBMIT_WINDOW)
    return hits > submit_limit()


def _submit(request, flow, answers, *, receipt_to):
    survey, progress = flow.survey, flow.progress
    draft = draft_find(survey=survey, token=progress.draft_token) if progress.draft_token else None
    try:
        response = response_submit(
            survey=survey,
            structure=flow.structure,
            answers=answers,
            about=progress.about,
            user=request.user if survey.access == Access.LOGGED_IN else None,
            invitation_id=progress.invitation_id,
            draft_id=draft.pk if draft else None,
            receipt_to=receipt_to,
            once=progress.once,
        )
    except AlreadyAnswered:
        progress.clear()
        return _link_used(request, flow.module) if progress.invitation_id else _already(request, flow.module)
    except AnswersInvalid as invalid:  # the survey changed while the person answered
        return _check_page(request, flow, errors=invalid.errors, receipt_form=ReceiptForm(), receipt_known=True)
    if not progress.sealed:  # else the confirmation page forgets it: sending reads and writes no session
        progress.clear()
    done = redirect(_done_url(flow, response, receipt=bool(receipt_to)))
    if survey.access == Access.OPEN:
        _remember_answered(request, done, survey)
    return done


# The short way of an open survey's send


@dataclass(frozen=True)
class Accepting:
    """An open survey that accepts answers now, as one process keeps it for a few seconds."""

    module: object
    survey: object
    done_path: str  # the confirmation page's


_accepting = LocalMemo(seconds=ACCEPTING_SECONDS, keep=500)  # (municipality, dialogue, module) ids -> Accepting


def _sent_short(request, dialogue_id, module_id, sealed):
    """The response stored and the confirmation's redirect; None for the full way (see the module's docstring)."""
    accepting = _accepting_of(request, dialogue_id, module_id)
    if accepting is None:
        return None
    survey = accepting.survey
    progress = Progress.unsealed(request, survey, sealed)
    if progress is None or not _short_will_do(request, progress):
        return None
    if answered_here(request, survey) or _too_many(request, survey):
        return None
    try:
        checked_at = datetime.fromisoformat(progress.checked)
    except ValueError:
        return None
    response = response_receive(
        survey=survey, answers=progress.answers, about=progress.about, once=progress.once, checked_at=checked_at
    )
    if response is None:
        return None
    flow = Flow(accepting.module, survey, None, progress)
    done = redirect(_done_url(flow, response, receipt=False, path=accepting.done_path))
    _remember_answered(request, done, survey)
    return done


def _short_will_do(request, progress):
    """Checked complete, and nothing to do but store: no receipt, no draft to remove, no invitation to mark."""
    if not progress.checked or progress.known_address or progress.draft_token or progress.invitation_id:
        return False
    return not request.POST.get("email", "").strip()


def _accepting_of(request, dialogue_id, module_id):
    """The open survey of this module while it accepts answers (kept a few seconds per process), else None."""
    key = (request.municipality.pk, dialogue_id, module_id)
    found = _accepting.get(key)
    if found is not None:
        return found
    module = module_get(request, dialogue_id, module_id)  # a 404 as on the full way; who asks is not read
    survey = survey_or_none(module)
    anyone = AnonymousUser()
    if survey is None or survey.access != Access.OPEN or survey.purpose or not allowed(anyone, "view", module):
        return None
    now = timezone.now()
    decision = allowed(anyone, "answer", module, now)
    phase = module.active_phase(now)
    if phase is None or (not decision and not decision.needs_login) or not structure_of(survey, kept=True).questions:
        return None
    found = Accepting(module=module, survey=survey, done_path=url("done", module))
    _accepting.set(key, found, seconds=min(ACCEPTING_SECONDS, (phase.ends_at - now).total_seconds()))
    return found


def _done_url(flow, response, *, receipt, path=None):
    """The confirmation page's address (`path` when known), with the reference signed: for this survey, this
    answering, a day."""
    value = {"reference": response.reference, "receipt": receipt, "once": flow.progress.once_hash()}
    signed = signing.dumps(value, salt=DONE_SALT.format(flow.survey.pk), compress=True)
    return f"{path or url('done', flow.module)}?{DONE_PARAMETER}={signed}"


@require_GET
def done(request, dialogue_id, module_id):
    module = public_module_get(request, dialogue_id, module_id)
    survey = survey_or_none(module)
    last = _done_of(request, survey) if survey else None
    if not last:
        return redirect(url("index", module))
    progress = Progress(request, survey)
    if progress.stored and progress.once_hash() == last.get("once"):  # the answering just sent: forgotten here
        progress.clear()
    context = {"module": module, "dialogue": module.dialogue, "survey": survey, **last}
    return render(request, "surveys/done.html", context)


def _done_of(request, survey):
    try:
        value = signing.loads(
            request.GET.get(DONE_PARAMETER, ""), salt=DONE_SALT.format(survey.pk), max_age=DONE_MAX_AGE
        )
    except signing.BadSignature:
        return None
    if not isinstance(value, dict) or not value.get("reference"):
        return None
    return {"reference": str(value["reference"]), "receipt": bool(value.get("receipt")), "once": value.get("once")}


# Save and continue later


def draft_url(flow, token):
    return settings.SITE_URL.rstrip("/") + url("draft", flow.module, token)


def _save(request, flow, page_number):
    progress = flow.progress
    _draft, token = draft_save(
        survey=flow.survey,
        answers=progress.answers,
        about=progress.about,
        page=page_number,
        token=progress.draft_token,
        user=request.user,
        invitation_id=progress.invitation_id,
    )
    progress.draft_token, progress.page = token, page_number
    progress.save()
    return redirect(url("saved", flow.module))


@require_http_methods(["GET", "POST"])
def saved(request, dialogue_id, module_id):
    """The link to continue, shown here (and mailed on request, the address not kept)."""
    flow, refusal = _answering(request, dialogue_id, module_id)
    if refusal:
        return refusal
    draft = draft_find(survey=flow.survey, token=flow.progress.draft_token) if flow.progress.draft_token else None
    if draft is None:
        return redirect(url("index", flow.module))
    form = ReceiptForm(request.POST if request.method == "POST" else None, address_known=False, required=True)
    sent = ""
    if request.method == "POST" and form.is_valid():
        client = ratelimit.client_ip(request)
        if ratelimit.hit("surveys.draft_mail", client, window=MAIL_WINDOW) > MAIL_LIMIT:
            form.add_error(None, _("You have asked many times in a short while. Try again in an hour."))
        else:
            sent = form.cleaned_data["email"]
            draft_link_send_now(
                survey=flow.survey,
                email=sent,
                url=draft_url(flow, flow.progress.draft_token),
                expires_at=draft.expires_at,
            )
            form = ReceiptForm(address_known=False, required=True)
    context = flow.context(
        link=draft_url(flow, flow.progress.draft_token),
        continue_url=flow.page_url(draft.page) if draft.page <= len(flow.structure.sections) else flow.about_url(),
        expires_at=draft.expires_at,
        form=form,
        sent=sent,
    )
    return render(request, "surveys/saved.html", context)


def _unknown_link(request, module, text):
    ratelimit.hit("surveys.link", ratelimit.client_ip(request), window=LINK_WINDOW)
    return message(
        request, title=_("The link does not work"), text=text, back_url=url("index", module), module=module, status=404
    )


def _too_many_links(request):
    return ratelimit.reached("surveys.link", ratelimit.client_ip(request), limit=LINK_LIMIT)


@require_GET
def draft(request, dialogue_id, module_id, token):
    """Continue where you left off, on any device: the answers saved come back into this browser."""
    module = public_module_get(request, dialogue_id, module_id)
    survey = survey_or_none(module)
    found = draft_find(survey=survey, token=token) if survey and not _too_many_links(request) else None
    if found is None:
        return _unknown_link(
            request,
            module,
            _(
                "The link to continue has expired or is not complete. Check that you copied the whole link, or start "
                "again."
            ),
        )
    flow = Flow.of(request, module, survey)
    progress = flow.progress
    progress.answers, progress.about, progress.page = dict(found.answers), dict(found.about), found.page
    progress.draft_token = token
    if found.invitation_id:
        progress.invitation_id = found.invitation_id
    progress.save()
    refusal = why_not(request, module, survey, progress, flow.structure)
    if refusal:
        return refusal
    messages_continue(request)
    if found.page > len(flow.structure.sections):
        return redirect(flow.about_url())
    return redirect(flow.page_url(found.page) if found.page in flow.pages() else flow.start_url())


def messages_continue(request):
    from django.contrib import messages

    messages.info(request, _("Welcome back. Your answers so far are filled in."))


@require_GET
def invitation(request, dialogue_id, module_id, token):
    """A personal link: checked, remembered in this browser, then the survey starts. No login needed."""
    module = public_module_get(request, dialogue_id, module_id)
    survey = survey_or_none(module)
    found = invitation_find(survey=survey, token=token) if survey and not _too_many_links(request) else None
    if found is None:
        return _unknown_link(
            request,
            module,
            _(
                "This invitation link does not work. Check that you copied the whole link from the e-mail. If we have "
                "sent you a reminder, use the link in the latest e-mail."
            ),
        )
    if found.answered:
        return _link_used(request, module)
    flow = Flow.of(request, module, survey)
    flow.progress.invitation_id = found.pk
    flow.progress.save()
    return redirect(url("index", module))


@require_POST
def restart(request, dialogue_id, module_id):
    """Forget the answers so far in this browser (an invitation opened here is kept)."""
    module = public_module_get(request, dialogue_id, module_id)
    survey = survey_or_none(module)
    if survey is not None:
        flow = Flow.of(request, module, survey)
        flow.progress.answers, flow.progress.about, flow.progress.draft_token = {}, {}, ""
        flow.progress.save()
    return redirect(url("index", module))
