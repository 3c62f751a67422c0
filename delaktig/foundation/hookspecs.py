"""Hooks that foundation calls (see core/hooks.py for how to implement one)."""

from delaktig.core import hooks


@hooks.declare
def participation_method_choices() -> list[tuple[str, str]]:
    """[(key, name)] of the registered participation methods, for the toolbox's link to a method."""
    raise NotImplementedError


@hooks.declare
def toolbox_method_sections(request, method) -> list[dict] | None:
    """Sections of a toolbox method's public page from the apps that carry it out: {"template": str, "context":
    dict}; the template gets the dict as `section` (e.g. where the method is in use now, or how to join)."""
    raise NotImplementedError
