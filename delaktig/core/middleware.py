"""Tenancy: the municipality comes from the URL and is fixed for the whole request. Also the security headers
and the handling of input the database cannot hold."""

import logging

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpResponse
from django.template.loader import render_to_string

from .memo import LocalMemo, model_copy

MUNICIPALITY_CACHE_SECONDS = 30
SAFE_METHODS = frozenset({"GET", "HEAD"})
logger = logging.getLogger(__name__)
_municipalities = LocalMemo(seconds=2)  # slug -> municipality, in front of the shared cache


def municipality_copy_will_do(view):
    """Mark a view that writes, but nothing the municipality's row decides beyond what a copy a few seconds
    old tells (a signature, say): it gets the municipality from the cache like a reading page, with no
    query. A view that changes the municipality or its settings must not be marked."""
    view.municipality_copy_will_do = True
    return view


def municipality_cache_key(slug):
    return f"municipality:{slug}"


def municipality_forget(slug):
    """Called when a municipality is saved: the next request reads it again."""
    cache.delete(municipality_cache_key(slug))
    _municipalities.forget(slug)


class MunicipalityMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.municipality = None
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        slug = view_kwargs.pop("municipality_slug", None)
        if slug is None:
            return None
        cached = request.method in SAFE_METHODS or getattr(view_func, "municipality_copy_will_do", False)
        try:
            request.municipality = _municipality(slug, cached=cached)
        except (OperationalError, InterfaceError):  # the database is restarting: nothing was done yet
            logger.warning("Database unavailable for %s", request.path)
            return database_unavailable(request)
        return None


def database_unavailable(request, template="errors/503.html"):
    """503 with Retry-After, rendered without the request, so without a query (plain.html)."""
    page = render_to_string(template, {"path": request.get_full_path()})
    response = HttpResponse(page, status=503)
    response["Retry-After"] = "30"
    return response


def _municipality(slug, *, cached):
    """Reading pages take the municipality from this process's copy (two seconds) or the shared cache (thirty),
    so busy public pages need no query for it; anything that writes reads it fresh, so a change is never made
    to an old copy."""
    municipality = _cached_municipality(slug) if cached else None
    if municipality is None:
        model = apps.get_model("organisations", "Municipality")
        try:
            municipality = model.objects.get(slug=slug, is_active=True)
        except model.DoesNotExist:
            raise Http404("No such municipality") from None
        cache.set(municipality_cache_key(slug), municipality, MUNICIPALITY_CACHE_SECONDS)
        _municipalities.set(slug, model_copy(municipality))
    return municipality


def _cached_municipality(slug):
    """Each request gets its own copy: it may cache related rows on it, and they must stay its own."""
    municipality = _municipalities.get(slug)
    if municipality is not None:
        return model_copy(municipality)
    municipality = cache.get(municipality_cache_key(slug))
    if municipality is not None:
        _municipalities.set(slug, model_copy(municipality))
    return municipality


class ContentSecurityPolicyMiddleware:
    """Sends settings.CONTENT_SECURITY_POLICY and settings.PERMISSIONS_POLICY on every response (Django 5.2 has
    neither of its own; Referrer-Policy and Cross-Origin-Opener-Policy come from Django's SecurityMiddleware).

    The default allows no inline script or style: pages keep their scripts and styles in static files. A view
    that must allow more on its own page sets `response.csp_sources = {"form-action": ["https://idp.example"]}`:
    the sources are added to those directives of the policy (a form that posts here and is redirected to an
    identity provider needs its origin in form-action: Chrome checks the redirect too). A view may also set the
    whole header itself.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = getattr(settings, "CONTENT_SECURITY_POLICY", "")
        if policy and "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = policy_with(policy, getattr(response, "csp_sources", None) or {})
        permissions = getattr(settings, "PERMISSIONS_POLICY", "")
        if permissions and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = permissions
        return response


def policy_with(policy, extra):
    """`policy` with the sources in `extra` ({directive: [source]}) added to its directives (or as new ones)."""
    if not extra:
        return policy
    directives = [part.strip() for part in policy.split(";") if part.strip()]
    names = [part.split()[0] for part in directives]
    for directive, sources in extra.items():
        if directive in names:
            index = names.index(directive)
            directives[index] = " ".join([directives[index], *sources])
        else:
            directives.append(" ".join([directive, *sources]))
            names.append(directive)
    return "; ".join(directives)


class SwedishByDefaultMiddleware:
    """The site speaks Swedish unless the visitor chooses another language with the language switch.

    A Swedish municipality's pages must not change language because a browser happens to be set to
    English; the choice is the visitor's, stored in the language cookie. Runs before LocaleMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)


class BadInputMiddleware:
    """Input the database cannot hold (a number past 64 bits, a NUL byte) is the visitor's error: a 400 page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        from django.db import DataError

        if isinstance(exception, OverflowError | DataError | ValueError) and _looks_like_input(exception):
            from .views import bad_request

            return bad_request(request, exception)
        return None


def _looks_like_input(exception):
    text = str(exception).lower()
    return any(
        phrase in text
        for phrase in ("too large", "out of range", "nul", "null character", "0x00", "invalid input syntax")
    )
