"""The phases of participatory budgeting, and the resident actions each allows: residents propose projects, staff
review them (residents read and comment), residents vote within the budget, and the result is shown."""

from django.utils.translation import gettext_lazy as _

from delaktig.participation.registry import PhaseType

PROPOSE = PhaseType(
    key="propose",
    name=_("Propose projects"),
    description=_("Residents propose projects, support each other's proposals and comment on them."),
    features=frozenset({"post", "comment", "support"}),
)
REVIEW = PhaseType(
    key="review",
    name=_("Staff review the proposals"),
    description=_(
        "Staff check each proposal for feasibility and cost; residents read the proposals and comment on them."
    ),
    features=frozenset({"comment"}),
)
VOTE = PhaseType(
    key="vote",
    name=_("Vote within the budget"),
    description=_("Residents choose the projects they want, as many as the budget allows, and may change their mind."),
    features=frozenset({"vote"}),
)
RESULT = PhaseType(
    key="result",
    name=_("Result"),
    description=_("Everyone can see which projects won; nobody can propose or vote."),
    features=frozenset(),
)

PHASE_TYPES = {phase.key: phase for phase in (PROPOSE, REVIEW, VOTE, RESULT)}
