"""Registering for a meeting, the person's own registration page (the link in every e-mail) and cancelling.

Registering needs a name and an e-mail address, or an account (which fills them in). The registration page is
reached only by its token; an unknown link gets a page that says so, a used one says it is already cancelled.
"""

from datetime import timedelta

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from delaktig.core import ratelimit
from delaktig.participation.rules import YES, allowed

from .. import selectors, services
from ..calendar import meeting_location
from ..forms import LinkAgainForm, RegistrationForm
from ..models import ACTIVE, Registration, RegistrationStatus
from .common import meeting_or_404, module_context, public_module_get, refuse, url

LINK_AGAIN_LIMIT = 5
LINK_AGAIN_WINDOW = timedelta(hours=1)
REGISTER_LIMIT = 30  # registrations from one address without logging in, per hour (a school or a library shares one)
REGISTER_WINDOW = timedelta(hours=1)


def registration_decision(user, module):
    """May `user` register now? Logging in is not needed: a name and an e-mail address are enough."""
    decision = allowed(user, "register", module)
    return YES if decision or decision.needs_login else decision


def _initial(user):
    if not user.is_authenticated:
        return {}
    return {"name": user.name, "email": user.email}


def _render_form(request, module, meeting, form, status=200):
    context = module_context(
        module,
        meeting=meeting,
        form=form,
        location=meeting_location(meeting),
        places_left=selectors.places_left(meeting),
        closed_reason=services.registration_refusal(meeting),
    )
    return render(request, "dialogue_meetings/register.html", context, status=status)


NEED_LABELS = {
    "interpretation": gettext_lazy("Interpretation"),
    "diet": gettext_lazy("Food and allergies"),
    "assistance": gettext_lazy("Other help"),
}


def _to_own(request, module, registration, posted=None):
    """Registered already, with the account or its address: their registration instead of the form. A form posted
    anyway (from another tab) saves nothing and sends nothing; the message says so and repeats the needs written,
    so they are not lost without a word."""
    if posted is None:
        messages.info(request, _("You are already registered for this meeting. Here is your registration."))
        return redirect(url("registration", module, registration.token))
    text = _("You were already registered for this meeting, so nothing new was saved and no e-mail was sent.")
    needs = [f"{label}: {posted[name].strip()}" for name, label in NEED_LABELS.items() if posted.get(name, "").strip()]
    if needs:
        contact = module.dialogue.contact_email
        text += " " + _("What you wrote now is not part of your registration: %(needs)s.") % {"needs": "; ".join(needs)}
        text += " " + (
            _("To add it, e-mail %(email)s.") % {"email": contact}
            if contact
            else _("To add it, contact the municipality.")
        )
    messages.warning(request, text)
    return redirect(url("registration", module, registration.token))


@require_http_methods(["GET", "POST"])
def register(request, dialogue_id, module_id, meeting_id):
    module = public_module_get(request, dialogue_id, module_id)
    meeting = meeting_or_404(module, meeting_id)
    decision = registration_decision(request.user, module)
    if not decision:
        return refuse(request, decision, next_url=request.get_full_path(), back_url=meeting.get_absolute_url())
    if meeting.is_cancelled:
        return _cancelled(request, module, meeting)
    own = selectors.own_registration(meeting, request.user)
    if own is not None:
        return _to_own(request, module, own, request.POST if request.method == "POST" else None)
    if request.method == "GET":
        return _render_form(request, module, meeting, RegistrationForm(initial=_initial(request.user)))
    form = RegistrationForm(request.POST)
    if not form.is_valid():
        return _render_form(request, module, meeting, form)
    as_account = services.email_key(form.cleaned_data["email"]) == services.confirmed_address(request.user)
    if not as_account and _too_many(request):
        form.add_error(
            None, _("Many registrations have come from your connection in a short while. Try again in an hour.")
        )
        return _render_form(request, module, meeting, form)
    try:
        registration = services.meeting_register(meeting=meeting, user=request.user, **form.values())
    except services.RegistrationRefused as refused:
        form.add_error(None, refused.message)
        return _render_form(request, module, meeting, form)
    except services.AlreadyRegistered as already:
        return _already(request, module, meeting, already.registration)
    if not as_account:
        return _sent(request, module, meeting, registration.email)
    messages.success(request, _("We have sent a confirmation to %(email)s.") % {"email": registration.email})
    return redirect(url("registration", module, registration.token))


def _cancelled(request, module, meeting):
    """A cancelled meeting's pages say only that, with the reason: no form, no waiting list."""
    context = module_context(module, meeting=meeting, location=meeting_location(meeting))
    return render(request, "dialogue_meetings/meeting_cancelled.html", context)


def _too_many(request):
    client = ratelimit.client_ip(request)
    return ratelimit.hit("dialogue_meetings.register", client, window=REGISTER_WINDOW) > REGISTER_LIMIT


def _already(request, module, meeting, registration):
    """The address is registered already. The person's own registration (their account's) opens, saying nothing new
    was saved; for anyone else the page is the one a new registration gets, and the address is told by e-mail, so
    the form never reveals whether an address is registered (decision 61)."""
    if selectors.own_registration(meeting, request.user) == registration:  # registered a moment ago, in another tab
        return _to_own(request, module, registration, request.POST)
    services.mail_after_commit(registration, services.ALREADY)
    return _sent(request, module, meeting, registration.email)


def _sent_key(meeting):
    return f"dialogue_meetings:sent:{meeting.pk}"


def _sent(request, module, meeting, email):
    """After registering without the account: the page that says where the e-mail went (and nothing else, so a
    registration and a second one with the same address look the same). POST, redirect, GET: a reload sends
    nothing again."""
    request.session[_sent_key(meeting)] = email
    return redirect(url("register_sent", module, meeting.pk))


@require_http_methods(["GET"])
def register_sent(request, dialogue_id, module_id, meeting_id):
    module = public_module_get(request, dialogue_id, module_id)
    meeting = meeting_or_404(module, meeting_id)
    context = module_context(
        module, meeting=meeting, location=meeting_location(meeting), email=request.session.get(_sent_key(meeting), "")
    )
    return render(request, "dialogue_meetings/register_sent.html", context)


def _registration_or_none(module, token):
    registration = Registration.objects.select_related("meeting").filter(token=token, meeting__module=module).first()
    if registration is not None:
        registration.meeting.module = module
    return registration


def _unknown_link(request, module):
    return render(request, "dialogue_meetings/link_unknown.html", module_context(module), status=404)


def _registration_context(module, registration, **extra):
    meeting = registration.meeting
    return module_context(
        module,
        registration=registration,
        meeting=meeting,
        location=meeting_location(meeting),
        position=registration.waiting_position(),
        places_left=selectors.places_left(meeting),
        can_cancel=registration.status in ACTIVE and not meeting.has_started(),
        **extra,
    )


@require_http_methods(["GET"])
def registration(request, dialogue_id, module_id, token):
    module = public_module_get(request, dialogue_id, module_id)
    found = _registration_or_none(module, token)
    if found is None:
        return _unknown_link(request, module)
    return render(request, "dialogue_meetings/registration.html", _registration_context(module, found))


@require_http_methods(["GET", "POST"])
def cancel(request, dialogue_id, module_id, token):
    module = public_module_get(request, dialogue_id, module_id)
    found = _registration_or_none(module, token)
    if found is None:
        return _unknown_link(request, module)
    context = _registration_context(module, found)
    if not context["can_cancel"]:  # a link used before, or a meeting that has begun
        return render(request, "dialogue_meetings/registration.html", context)
    if request.method == "GET":
        return render(request, "dialogue_meetings/cancel.html", context)
    was_waiting = found.status == RegistrationStatus.WAITING
    try:
        services.registration_cancel(registration=found)
    except services.AlreadyCancelled:
        found.refresh_from_db()
        return render(request, "dialogue_meetings/registration.html", _registration_context(module, found))
    if was_waiting:
        messages.success(request, _("You have left the waiting list. We have sent you a confirmation."))
    else:
        messages.success(request, _("Your registration is cancelled. We have sent you a confirmation."))
    return redirect(url("registration", module, found.token))


@require_http_methods(["GET", "POST"])
def link_again(request, dialogue_id, module_id, meeting_id):
    """Lost the e-mail? Give the address and the link goes to it again (the page never says if it is registered)."""
    module = public_module_get(request, dialogue_id, module_id)
    meeting = meeting_or_404(module, meeting_id)
    if meeting.is_cancelled:
        return _cancelled(request, module, meeting)
    form = LinkAgainForm(request.POST if request.method == "POST" else None)
    context = module_context(module, meeting=meeting, form=form, sent=False)
    if request.method == "POST" and form.is_valid():
        client = ratelimit.client_ip(request)
        if ratelimit.hit("dialogue_meetings.link_again", client, window=LINK_AGAIN_WINDOW) > LINK_AGAIN_LIMIT:
            form.add_error(None, _("You have asked many times in a short while. Try again in an hour."))
        else:
            services.receipt_send_again(meeting=meeting, email=form.cleaned_data["email"])
            context["sent"] = True
    return render(request, "dialogue_meetings/link_again.html", context)
