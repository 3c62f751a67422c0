"""Hooks that foundation calls (see core/hooks.py for how to implement one)."""

from delaktig.core import hooks


@hooks.declare
def participation_method_choices() -> list[tuple[str, str]]:
    """[(key, name)] of the registered participation methods, for the toolbox's link to a method."""
    raise NotImplementedError
