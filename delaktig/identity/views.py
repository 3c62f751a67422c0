"""The e-ID and single sign-on pages: start, the provider's answer (callback), the first e-ID login's new account,
linking and unlinking, and the TEST provider of the demo."""

import io
import logging
import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from delaktig.accounts import login_steps
from delaktig.accounts.links import login_required
from delaktig.accounts.models import IdentityLevel, User

from . import oidc, selectors, services
from .forms import NewAccountForm
from .models import OidcConfiguration, ProviderKind

logger = logging.getLogger(__name__)
BACKEND = "django.contrib.auth.backends.ModelBackend"
ATTEMPTS = "identity_attempts"  # {state: {nonce, verifier, configuration, next, made}}
PENDING = "identity_pending"  # the verified person waiting for their choice, with its time
ATTEMPT_SECONDS = 600
PENDING_SECONDS = 900
MAX_ATTEMPTS = 5


def _next(request, default=None):
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return default or reverse("accounts:my_pages", args=[request.municipality.slug])


def _municipality_required(request):
    if request.municipality is None:
        raise Http404("No municipality")


@require_GET
def eid_start(request):
    return _start(request, ProviderKind.RESIDENT_EID)


@require_GET
def sso_start(request):
    return _start(request, ProviderKind.STAFF_SSO)


def _start(request, kind):
    """A new attempt: state, nonce and PKCE verifier kept in the session, then to the provider."""
    _municipality_required(request)
    configuration = selectors.provider_for(request.municipality, kind)
    if configuration is None:
        raise Http404("No provider of this kind")
    next_url = _next(request, default=_default_next(request, kind))
    state, nonce, verifier = oidc.random_value(), oidc.random_value(), oidc.random_value()
    try:
        url = oidc.authorization_url(
            configuration, redirect_uri=_callback(request), state=state, nonce=nonce, verifier=verifier
        )
    except oidc.ProviderUnavailable as error:
        return _unavailable(request, kind, next_url, error.reason)
    except oidc.Refused as error:
        return _refused(request, kind, next_url, error)
    attempts = {
        key: value
        for key, value in request.session.get(ATTEMPTS, {}).items()
        if value["made"] > time.time() - ATTEMPT_SECONDS
    }
    while len(attempts) >= MAX_ATTEMPTS:
        attempts.pop(min(attempts, key=lambda key: attempts[key]["made"]))
    attempts[state] = {
        "nonce": nonce,
        "verifier": verifier,
        "configuration": configuration.pk,
        "next": next_url,
        "made": time.time(),
    }
    request.session[ATTEMPTS] = attempts
    return redirect(url)


def _default_next(request, kind):
    if kind == ProviderKind.STAFF_SSO:
        return reverse("dialogues:staff_dashboard", args=[request.municipality.slug])
    return reverse("accounts:my_pages", args=[request.municipality.slug])


def _callback(request):
    return request.build_absolute_uri(reverse("identity:callback", args=[request.municipality.slug]))


def _start_url(request, kind, next_url):
    name = "identity:eid_start" if kind == ProviderKind.RESIDENT_EID else "identity:sso_start"
    return f"{reverse(name, args=[request.municipality.slug])}?{urlencode({'next': next_url})}"


def _unavailable(request, kind, next_url, reason):
    logger.warning("Identity provider unavailable (%s) for %s", reason, request.municipality.slug)
    context = {"retry_url": _start_url(request, kind, next_url), "next_url": next_url, "reason": reason, "kind": kind}
    return render(request, "identity/unavailable.html", context, status=503)


def _refused(request, kind, next_url, error):
    logger.warning("Identity provider's answer refused: %s", error)
    context = {
        "retry_url": _start_url(request, kind, next_url),
        "next_url": next_url,
        "reason": error.reason,
        "kind": kind,
    }
    return render(request, "identity/refused.html", context, status=400)


@require_GET
def callback(request):
    """The provider sends the person back here with a code and the state of their attempt."""
    _municipality_required(request)
    attempts = request.session.get(ATTEMPTS, {})
    attempt = attempts.pop(request.GET.get("state", ""), None)
    request.session[ATTEMPTS] = attempts
    configuration = None
    if attempt is not None and attempt["made"] > time.time() - ATTEMPT_SECONDS:
        configuration = OidcConfiguration.objects.filter(
            pk=attempt["configuration"], municipality=request.municipality, is_active=True
        ).first()
    if configuration is None:
        kind = ProviderKind.RESIDENT_EID
        return _refused(request, kind, _next(request, default=_default_next(request, kind)), oidc.Refused("state"))
    kind, next_url = configuration.kind, attempt["next"]
    if request.GET.get("error") or not request.GET.get("code"):
        return _refused(request, kind, next_url, oidc.Refused("error", request.GET.get("error", "")))
    try:
        tokens = oidc.code_exchange(
            configuration, code=request.GET["code"], redirect_uri=_callback(request), verifier=attempt["verifier"]
        )
        claims = oidc.id_token_verify(configuration, tokens["id_token"], nonce=attempt["nonce"])
        services.nonce_use(issuer=configuration.issuer, nonce=attempt["nonce"], expires=claims["exp"])
        if kind == ProviderKind.STAFF_SSO:
            user = services.sso_login(configuration=configuration, claims=claims)
            _log_in(request, user, "sso")
            messages.success(request, _("You are logged in with the municipality's account."))
            return redirect(next_url)
        person = services.person_from_claims(configuration=configuration, claims=claims)
    except oidc.ProviderUnavailable as error:
        return _unavailable(request, kind, next_url, error.reason)
    except oidc.Refused as error:
        return _refused(request, kind, next_url, error)
    return _resident_arrived(request, person, next_url)


def _resident_arrived(request, person, next_url):
    """Logged out: log in the linked account, or offer to link (a verified e-mail's account) or make one.
    Logged in: the same person again rises in level; a new e-ID is linked after the person confirms."""
    owner = services.linked_user(person=person)
    user = request.user
    if user.is_authenticated and owner is not None and owner.pk != user.pk:
        return _already_linked(request, next_url)
    if owner is not None:
        services.eid_login(person=person)
        if not user.is_authenticated:
            _log_in(request, owner, "e-id")
        messages.success(request, _("You are logged in with e-identification."))
        return redirect(next_url)
    request.session[PENDING] = {"person": person.as_session(), "next": next_url, "made": time.time()}
    if user.is_authenticated or _verified_account(person) is not None:
        return redirect("identity:link", request.municipality.slug)
    return redirect("identity:new_account", request.municipality.slug)


def _verified_account(person):
    if not person.email:
        return None
    return User.objects.filter(
        email__iexact=person.email, is_active=True, identity_level__gte=IdentityLevel.EMAIL
    ).first()


def _already_linked(request, next_url):
    return render(request, "identity/already_linked.html", {"next_url": next_url}, status=409)


def _pending(request):
    pending = request.session.get(PENDING)
    if not pending or pending["made"] < time.time() - PENDING_SECONDS:
        return None
    return services.VerifiedPerson(**pending["person"]), pending["next"]


def _expired(request):
    return render(request, "identity/pending_expired.html", {}, status=410)


@require_http_methods(["GET", "POST"])
def link(request):
    """The confirmation page before an e-ID is linked to an account: the logged-in person's own, or the account
    with the e-mail address the provider vouches for."""
    _municipality_required(request)
    found = _pending(request)
    if found is None:
        return _expired(request)
    person, next_url = found
    account = request.user if request.user.is_authenticated else _verified_account(person)
    if account is None:
        return redirect("identity:new_account", request.municipality.slug)
    if request.method == "POST":
        request.session.pop(PENDING, None)
        if "cancel" in request.POST:
            messages.info(request, _("Your e-identification was not linked."))
            return redirect(next_url if request.user.is_authenticated else _login_page(request, next_url))
        try:
            services.identity_link(user=account, person=person)
        except services.AlreadyLinked:
            return _already_linked(request, next_url)
        if not request.user.is_authenticated:
            _log_in(request, account, "e-id")
        messages.success(request, _("Your e-identification is now linked to your account."))
        return redirect(next_url)
    return render(request, "identity/link.html", {"account": account, "next_url": next_url})


def _login_page(request, next_url):
    return f"{reverse('accounts:login', args=[request.municipality.slug])}?{urlencode({'next': next_url})}"


@require_http_methods(["GET", "POST"])
def new_account(request):
    """A first e-ID login with no account: name and e-mail address, then the account, logged in at once."""
    _municipality_required(request)
    found = _pending(request)
    if found is None:
        return _expired(request)
    person, next_url = found
    initial = {"name": person.name, "email": person.email}
    form = NewAccountForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.account_create(
                person=person, name=form.cleaned_data["name"], email=form.cleaned_data["email"]
            )
        except services.AlreadyLinked:
            request.session.pop(PENDING, None)
            return _already_linked(request, next_url)
        except services.EmailTaken:
            form.add_error("email", NewAccountForm.taken_message())
        else:
            request.session.pop(PENDING, None)
            _log_in(request, user, "e-id")
            messages.success(request, _("Your account is ready and you are logged in with e-identification."))
            return redirect(next_url)
    # Log in with the password, then come back through e-ID to link it to that account.
    context = {
        "form": form,
        "login_url": _login_page(request, _start_url(request, ProviderKind.RESIDENT_EID, next_url)),
    }
    return render(request, "identity/new_account.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def unlink(request):
    _municipality_required(request)
    identity = selectors.identity_of(request.user)
    if identity is None:
        return redirect("accounts:my_pages", request.municipality.slug)
    if request.method == "POST":
        services.identity_unlink(user=request.user, municipality=request.municipality)
        messages.success(request, _("Your e-identification is no longer linked to your account."))
        return redirect("accounts:my_pages", request.municipality.slug)
    return render(request, "identity/unlink.html", {"identity": identity})


# -- the TEST provider (demo and development only) -----------------------------------------------------------------

_provider = None


def _local_provider():
    global _provider
    if _provider is None:
        from .local_provider import LocalProvider

        _provider = LocalProvider()
    return _provider


@csrf_exempt
def test_provider(request, rest=""):
    """The TEST e-ID provider mounted at /test-e-legitimation/ when TEST_EID_PROVIDER is on (make run, DEBUG)."""
    if not getattr(settings, "TEST_EID_PROVIDER", False):
        raise Http404("The test e-ID provider is off")
    environ = dict(request.META)
    environ.update(
        {
            "SCRIPT_NAME": reverse("test_eid_provider_root").rstrip("/"),
            "PATH_INFO": "/" + rest,
            "wsgi.input": io.BytesIO(request.body),
            "CONTENT_LENGTH": str(len(request.body)),
            "wsgi.url_scheme": request.scheme,
            "HTTP_HOST": request.get_host(),
        }
    )
    answer = {}

    def start_response(status, headers, exc_info=None):
        answer["status"], answer["headers"] = status, headers

    body = b"".join(_local_provider()(environ, start_response))
    response = HttpResponse(body, status=int(answer["status"].split()[0]))
    for name, value in answer["headers"]:
        response[name] = value
    return response


def _log_in(request, user, factors):
    """Log in after e-ID or single sign-on: how it was made ("e-id", "sso"; never "password", so no code step is
    asked: the provider has checked the person) and the start of the login's clock (accounts.login_steps)."""
    login(request, user, backend=BACKEND)
    request.session[login_steps.AUTH_FACTORS] = factors
    login_steps.session_clock_start(request)
