"""Hooks that accounts calls for My pages, "my data" and erasure (see core/hooks.py for how to implement one)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from delaktig.core import hooks

if TYPE_CHECKING:
    from django.http import HttpRequest

    from .models import User


@hooks.declare
def my_pages_section(request: HttpRequest) -> dict[str, Any] | None:
    """A section of My pages: {"title": str, "template": str, "context": dict}, or None for nothing to show."""
    raise NotImplementedError


@hooks.declare
def login_options(request: HttpRequest, next_url: str) -> Iterable[dict[str, str]] | None:
    """Other ways to log in, shown above the password form: {"label": str, "url": str, "hint": str} each, the url
    bringing the person back to `next_url` (empty for My pages)."""
    raise NotImplementedError


@hooks.declare
def my_contributions(user: User) -> dict[str, Iterable[dict[str, Any]]] | None:
    """What the person has sent in, by the name of the way of taking part: {name: [row]} (see
    accounts.selectors.contribution_item for the keys a row may have)."""
    raise NotImplementedError


@hooks.declare
def personal_data(user: User) -> dict[str, list[dict[str, Any]]]:
    """{"<section name>": [ {...}, ... ]}: the person's data an app holds, for "my data"."""
    raise NotImplementedError


@hooks.declare
def erase_user(user: User) -> int | None:
    """Anonymise or remove what an app holds about the person; returns how many items."""
    raise NotImplementedError


@hooks.declare
def identity_protect(user: User) -> int | None:
    """The person's identity became protected (skyddade personuppgifter): hide the names an app copied onto what
    they sent in (a proposal's name shown, a comment's, a signature shown publicly); returns how many rows."""
    raise NotImplementedError


@hooks.declare
def login_code_aid(request: HttpRequest, user: User) -> dict[str, str] | None:
    """Help on the second login step for `user`: {"title": str, "text": str, "code": str}, or None. The demo shows
    its accounts' current code, so that visitors can try the staff pages."""
    raise NotImplementedError
