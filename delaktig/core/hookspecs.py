"""Hooks that core calls: the public and staff menus, notices, the home page, periodic jobs, audit labels, retention
of personal data, and the contributions to the yearly report and open data (see core/hooks.py for how to implement
one)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from . import hooks
from .contributions import Dataset, ReportSection
from .retention import RetentionKind

if TYPE_CHECKING:
    from django.http import HttpRequest

NavItem = tuple[str, str]  # (label, url)


@hooks.declare
def home_context(request: HttpRequest) -> dict[str, Any]:
    """A dict merged into the public home page's context."""
    raise NotImplementedError


@hooks.declare
def main_nav_items(request: HttpRequest) -> Iterable[NavItem] | None:
    """Items added to the public main menu of a municipality's pages."""
    raise NotImplementedError


@hooks.declare
def staff_nav_items(request: HttpRequest) -> Iterable[NavItem] | None:
    """Items added to the staff workspace menu; the implementation checks the person's roles itself."""
    raise NotImplementedError


@hooks.declare
def site_notices(request: HttpRequest) -> Iterable[dict[str, str]] | None:
    """Notices shown at the top of every page: {"text": …, "link_text": …, "url": …}."""
    raise NotImplementedError


@hooks.declare
def periodic_jobs() -> Iterable[tuple[str, int, Callable[[], object]]]:
    """(name, every_seconds, callable): `manage.py periodic` runs each callable at once and then every
    every_seconds; it must be safe to run again at any time (core/periodic.py)."""
    raise NotImplementedError


@hooks.declare
def audit_action_labels() -> dict[str, str]:
    """{action: label}: audit events' actions in words (core.audit.action_label)."""
    raise NotImplementedError


@hooks.declare
def yearly_report_sections(municipality: Any, year: int) -> Iterable[ReportSection] | None:
    """Sections of the yearly report to the council that an app contributes (methods use their manifest).
    `municipality` is an organisations.Municipality (core names no app)."""
    raise NotImplementedError


@hooks.declare
def open_data_datasets() -> Iterable[Dataset] | None:
    """Public datasets an app contributes to open data (methods use their manifest)."""
    raise NotImplementedError


@hooks.declare
def retention_kinds() -> Iterable[RetentionKind]:
    """The kinds of personal data an app holds and how long each is kept (core/retention.py); methods too."""
    raise NotImplementedError
