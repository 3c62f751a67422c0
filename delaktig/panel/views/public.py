"""Public pages of the citizen panel: signing up with the consent text, confirming by the e-mailed link, the
receipt, and, without login by links in e-mail, a member's data (pause, leave, erase) and leaving the panel."""

from datetime import timedelta

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from delaktig.core import ratelimit

from .. import selectors, services
from ..consent import consent_paragraphs
from ..forms import EmailForm, EraseForm, SignupForm
from ..models import IN_PANEL, Status
from ..tokens import link_token_make

SIGNUP_LIMIT, LINK_LIMIT = 20, 5
WINDOW = timedelta(hours=1)


def _posted(request):
    return request.POST if request.method == "POST" else None


def _link_failed(request, purpose):
    return render(request, "panel/public/link_failed.html", {"purpose": purpose})


@require_http_methods(["GET", "POST"])
def signup(request):
    municipality = request.municipality
    rules = selectors.settings_for(municipality)
    paragraphs = consent_paragraphs(municipality, rules.inactivity_months)
    if not rules.signup_open:
        return render(request, "panel/public/closed.html", {"paragraphs": paragraphs})
    initial = {"name": request.user.name, "email": request.user.email} if request.user.is_authenticated else None
    form = SignupForm(_posted(request), initial=initial, areas=municipality.areas.all())
    if request.method == "POST" and form.is_valid():
        if ratelimit.hit("panel-signup", ratelimit.client_ip(request), window=WINDOW) > SIGNUP_LIMIT:
            form.add_error(None, _("Too many sign-ups from your connection. Try again in an hour."))
        else:
            data = form.cleaned_data
            services.member_signup(
                municipality=municipality,
                name=data["name"],
                email=data["email"],
                phone=data["phone"],
                age_band=data["age_band"],
                gender=data["gender"],
                area=data.get("area"),
                user=request.user,
            )
            return redirect("panel:signup_sent", municipality.slug)
    return render(request, "panel/public/signup.html", {"form": form, "paragraphs": paragraphs})


@require_safe
def signup_sent(request):
    return render(request, "panel/public/signup_sent.html")


@require_http_methods(["GET", "POST"])
def confirm(request, token):
    member = selectors.member_from_token(request.municipality, token, "confirm")
    if member is None:
        return _link_failed(request, "confirm")
    if request.method == "POST" or member.status != Status.PENDING:
        member = services.member_confirm(member=member)
        if member.status not in IN_PANEL:
            return _link_failed(request, "confirm")
        return redirect("panel:welcome", request.municipality.slug, link_token_make(member, "data"))
    return render(request, "panel/public/confirm.html", {"member": member})


@require_safe
def welcome(request, token):
    member = selectors.member_from_token(request.municipality, token, "data")
    if member is None:
        return _link_failed(request, "data")
    return render(request, "panel/public/welcome.html", {"member": member, "token": token})


@require_http_methods(["GET", "POST"])
def leave(request, token):
    member = selectors.member_from_token(request.municipality, token, "leave")
    if member is None:
        return _link_failed(request, "leave")
    if request.method == "POST":
        services.member_leave(member=member)
        return redirect("panel:left", request.municipality.slug)
    return render(request, "panel/public/leave.html", {"member": member})


@require_safe
def left(request):
    return render(request, "panel/public/left.html")


@require_http_methods(["GET", "POST"])
def my_data_request(request):
    form = EmailForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        ip = ratelimit.client_ip(request)
        too_many = ratelimit.hit("panel-link", ip, window=WINDOW) > SIGNUP_LIMIT
        too_many = ratelimit.hit("panel-link-address", email, window=WINDOW) > LINK_LIMIT or too_many
        if not too_many:
            services.data_link_send(municipality=request.municipality, email=email)
        return render(request, "panel/public/my_data_sent.html", {"email": email})
    return render(request, "panel/public/my_data_request.html", {"form": form})


@require_http_methods(["GET", "POST"])
def my_data(request, token):
    member = selectors.member_from_token(request.municipality, token, "data")
    if member is None:
        return _link_failed(request, "data")
    if request.method == "POST":
        action = request.POST.get("action")
        if action in ("pause", "resume"):
            services.member_pause(member=member, paused=action == "pause")
            messages.success(
                request,
                _("You are paused: you get no surveys until you resume.")
                if action == "pause"
                else _("Welcome back: you can get surveys again."),
            )
        return redirect("panel:my_data", request.municipality.slug, token)
    services.member_touch(member=member)
    return render(request, "panel/public/my_data.html", {"member": member, "token": token})


@require_http_methods(["GET", "POST"])
def erase(request, token):
    member = selectors.member_from_token(request.municipality, token, "data")
    if member is None:
        return _link_failed(request, "data")
    form = EraseForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        services.member_leave(member=member, erase=True)
        messages.success(request, _("Your data has been deleted, and you are no longer in the citizen panel."))
        return redirect("panel:left", request.municipality.slug)
    return render(request, "panel/public/erase.html", {"member": member, "form": form, "token": token})
