"""The phases a survey module runs in, and the resident actions each allows."""

from django.utils.translation import gettext_lazy as _

from delaktig.participation.registry import PhaseType

ANSWERING = PhaseType(
    key="answering",
    name=_("Answering"),
    description=_("Residents answer the survey, as its access allows: anyone, logged in, or by invitation."),
    features=frozenset({"answer"}),
)
RESULTS = PhaseType(
    key="results",
    name=_("Results only"),
    description=_("Nobody can answer; the results are shown once staff publish them."),
    features=frozenset(),
)

EVALUATION = PhaseType(
    key="evaluation",
    name=_("Participants' evaluation"),
    description=_(
        "After the dialogue has closed, those invited answer how the dialogue worked for them (the participants' "
        "evaluation)."
    ),
    features=frozenset({"answer"}),
    after_close=True,
)

PHASE_TYPES = {phase.key: phase for phase in (ANSWERING, RESULTS, EVALUATION)}
