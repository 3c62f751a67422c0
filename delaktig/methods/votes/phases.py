"""The phases a vote runs in, and the resident actions each allows."""

from django.utils.translation import gettext_lazy as _

from delaktig.participation.registry import PhaseType

VOTING = PhaseType(
    key="voting",
    name=_("Voting"),
    description=_("Residents vote among the alternatives and may change their ballot until the vote closes."),
    features=frozenset({"vote"}),
)
PRESENTATION = PhaseType(
    key="presentation",
    name=_("Alternatives shown"),
    description=_("Everyone can read the alternatives and the rules of the vote; nobody can vote yet."),
    features=frozenset(),
)

PHASE_TYPES = {phase.key: phase for phase in (VOTING, PRESENTATION)}
