"""The phases a module of dialogue meetings runs in, and the resident actions each allows."""

from django.utils.translation import gettext_lazy as _

from delaktig.participation.registry import PhaseType

REGISTRATION = PhaseType(
    key="registration",
    name=_("Registration open"),
    description=_("Residents register for the meetings until each meeting's registration deadline."),
    features=frozenset({"register"}),
)
VIEW = PhaseType(
    key="view",
    name=_("Read only"),
    description=_("Everyone can read about the meetings and what was said; nobody can register."),
    features=frozenset(),
)

PHASE_TYPES = {phase.key: phase for phase in (REGISTRATION, VIEW)}
