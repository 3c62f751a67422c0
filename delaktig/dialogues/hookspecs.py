"""Hooks that dialogues calls: outer apps' parts of a dialogue's pages, what they keep for its later stages, what
happens when feedback is published, and how participants appear publicly (see core/hooks.py for how to implement
one)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from delaktig.core import hooks
from delaktig.core.contributions import ReportSection

if TYPE_CHECKING:
    from django.http import HttpRequest

    from delaktig.accounts.models import User

    from .models import Dialogue

Page = tuple[str, str]  # (url, title)


@dataclass(frozen=True)
class StepFields:
    """Fields an outer app keeps for a dialogue, shown on one of the dialogue's staff step pages after the page's
    own fields and saved with them (in the same transaction and change-log entry)."""

    fields: dict[str, Any]  # name -> a new form field; the names are the ones the change log lists
    initial: dict[str, Any]
    save: Callable[[dict[str, Any]], None]  # stores the cleaned values of `fields`
    needed: tuple[str, ...] = ()  # shown as required; a draft may leave them empty, the guards say what is missing


@hooks.declare
def dialogue_staff_pages(dialogue: Dialogue, user: User) -> Iterable[Page] | None:
    """Pages of an outer app (results, decision basis …) for the dialogue on its staff page, as the person may use
    them now."""
    raise NotImplementedError


@hooks.declare
def dialogue_step_fields(dialogue: Dialogue, page: str) -> StepFields | None:
    """Fields an outer app keeps for the dialogue on its staff step page `page` (the page's URL name, such as
    "staff_results")."""
    raise NotImplementedError


@hooks.declare
def dialogue_step_missing(dialogue: Dialogue, guard: str) -> Iterable[str] | None:
    """What an outer app's record of the dialogue still misses for the lifecycle guard `guard` (its name in
    dialogues/guards.py, such as "results_compiled"), in words staff understand."""
    raise NotImplementedError


@hooks.declare
def dialogue_afterwards(dialogue: Dialogue) -> dict[str, Any] | None:
    """What an outer app keeps about the dialogue's later stages, by name (results_summary, feedback …), merged into
    `afterwards` on the dialogue's public and staff pages."""
    raise NotImplementedError


@hooks.declare
def module_staff_pages(module: Any, user: User) -> Iterable[Page] | None:
    """A way of taking part's staff pages, listed under it (`module` is a participation.Module)."""
    raise NotImplementedError


@hooks.declare
def dialogue_public_sections(request: HttpRequest, dialogue: Dialogue) -> Iterable[dict[str, Any]] | None:
    """Sections of the public dialogue page: {"template": str, "context": dict}; the template gets the dict as
    `section` (plus dialogue, municipality)."""
    raise NotImplementedError


@hooks.declare
def dialogue_public_figures(dialogue: Dialogue) -> dict[str, Any] | None:
    """Participation figures counted from what is stored, merged into the public page's context."""
    raise NotImplementedError


@hooks.declare
def feedback_published(dialogue: Dialogue, actor: User) -> None:
    """Called inside the transaction that publishes feedback (the outer app mails followers and participants)."""
    raise NotImplementedError


@hooks.declare
def dialogue_has_contributions(dialogue: Dialogue) -> bool:
    """Has anyone taken part yet."""
    raise NotImplementedError


@hooks.declare
def dialogue_public_names_hide(dialogue: Dialogue) -> int | None:
    """Inside the transaction that makes the dialogue's public_identity stricter: remove the names already shown;
    returns how many."""
    raise NotImplementedError


@hooks.declare
def dialogue_public_identity_unsupported(dialogue: Dialogue) -> Iterable[str]:
    """Names of the ways to take part in the dialogue that always show names."""
    raise NotImplementedError


@hooks.declare
def council_overview_sections(municipality: Any, year: int) -> Iterable[ReportSection] | None:
    """Sections an outer app adds to the council's yearly overview: its figures for the year, as tables.
    `municipality` is an organisations.Municipality."""
    raise NotImplementedError
