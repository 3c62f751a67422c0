"""Declared hooks, so an inner app can offer something to an outer one without importing it.

An app that calls outer apps declares a hook with a typed stub, in its `hookspecs.py`:

    @hooks.declare
    def home_context(request: HttpRequest) -> dict:
        "A dict merged into the public home page's context."

Outer apps implement it with a function of the same signature:

    from delaktig.core import hookspecs as core_hooks

    @core_hooks.home_context.register
    def dialogues_on_home(request): ...

Registering checks that the function takes the stub's arguments, so a wrong signature fails when the app
loads, not when the page is first shown; a type checker sees the stub's types at both ends. The caller asks
`core_hooks.home_context.implementations()`. `temporarily()` is for tests.

A hook is declared in the innermost app that both its caller and its implementers may import (see
docs/architecture.md): the yearly report's sections and open data's datasets come from layer 6, so those two are
declared in core, beside the types they return.
"""

import inspect
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Generic, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

_declared: dict[str, "Hook"] = {}


class HookSignatureError(TypeError):
    """A function registered for a hook does not take the hook's arguments."""


class Hook(Generic[P, R]):
    def __init__(self, spec: Callable[P, R]):
        self.name: str = spec.__name__
        self.signature = inspect.signature(spec)
        self.doc: str = inspect.getdoc(spec) or ""
        self._implementations: list[Callable[P, R]] = []

    def __repr__(self):
        return f"<Hook {self.name}{self.signature}>"

    def register(self, fn: Callable[P, R]) -> Callable[P, R]:
        """Add an implementation; usable as a decorator."""
        self._check(fn)
        self._implementations.append(fn)
        return fn

    def implementations(self) -> list[Callable[P, R]]:
        return list(self._implementations)

    @contextmanager
    def temporarily(self, fn: Callable[P, R]) -> Iterator[Callable[P, R]]:
        """Register fn for the length of a `with` block (tests)."""
        self.register(fn)
        try:
            yield fn
        finally:
            self._implementations.remove(fn)

    def _check(self, fn):
        arguments = [object()] * len(self.signature.parameters)
        try:
            inspect.signature(fn).bind(*arguments)
        except TypeError as error:
            where = getattr(fn, "__qualname__", repr(fn))
            raise HookSignatureError(
                f"{where} cannot implement the hook {self.name}{self.signature}: {error}"
            ) from error
        except ValueError:  # a builtin without a signature: nothing to check
            pass


def declare(spec: Callable[P, R]) -> Hook[P, R]:
    """Declare a hook from a stub: its name, parameters and return type are the hook's."""
    if spec.__name__ in _declared:
        raise ValueError(f"A hook called {spec.__name__!r} is already declared")
    hook = Hook(spec)
    _declared[hook.name] = hook
    return hook


def declared() -> dict[str, Hook]:
    """Every declared hook by name (for the documentation test)."""
    return dict(_declared)
