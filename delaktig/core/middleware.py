"""Tenancy: the municipality comes from the URL and is fixed for the whole request."""

from django.apps import apps
from django.http import Http404


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
        municipality_model = apps.get_model("organisations", "Municipality")
        try:
            request.municipality = municipality_model.objects.get(slug=slug, is_active=True)
        except municipality_model.DoesNotExist:
            raise Http404("No such municipality") from None
        return None


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
