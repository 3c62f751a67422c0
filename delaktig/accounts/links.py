"""Account pages exist twice: under /konto/ and under /<municipality>/konto/.

Opened from a municipality's pages they keep its header, menu and footer, so every link, redirect and e-mail
link from an account page stays under the municipality the person came from.
"""

from functools import wraps

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.urls import reverse


def account_url(name, municipality=None, args=()):
    """The address of an account page, under `municipality` when there is one."""
    if municipality is not None:
        return reverse(name, args=[municipality.slug, *args])
    return reverse(name, args=list(args))


def account_link(name, municipality_slug=None, args=()):
    """An absolute link for an e-mail (SITE_URL), under the municipality's address when the slug is given."""
    path = reverse(name, args=[municipality_slug, *args] if municipality_slug else list(args))
    return settings.SITE_URL.rstrip("/") + path


def login_required(view):
    """Like Django's, but the login page keeps the municipality the person was on."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.user.is_authenticated:
            return view(request, *args, **kwargs)
        login = account_url("accounts:login", getattr(request, "municipality", None))
        return redirect_to_login(request.get_full_path(), login_url=login)

    return wrapper
