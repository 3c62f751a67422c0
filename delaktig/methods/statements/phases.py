"""The phases a statements module can run in, and the resident actions each allows."""

from django.utils.translation import gettext_lazy as _

from delaktig.participation.registry import PhaseType

WRITE_AND_VOTE = PhaseType(
    key="write_and_vote",
    name=_("Write and vote on statements"),
    description=_("Residents write short statements and agree, disagree or pass on each other's."),
    features=frozenset({"post", "vote"}),
)

VOTE = PhaseType(
    key="vote",
    name=_("Vote on statements"),
    description=_("Residents agree, disagree or pass on the statements; no new statements."),
    features=frozenset({"vote"}),
)

PHASE_TYPES = {phase.key: phase for phase in (WRITE_AND_VOTE, VOTE)}
