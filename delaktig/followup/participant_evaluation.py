"""The participants' evaluation of a dialogue, as far as follow-up sees it: a participation method offers to ask a
closed dialogue's participants (manifest `participant_evaluation`; the survey method does), and follow-up shows what
they said beside the staff evaluation, in the council overview and in the yearly report. Follow-up never names the
method: it takes the first one that offers it."""

from collections.abc import Iterable

from delaktig.dialogues.models import Kind, State
from delaktig.participation.registry import EvaluationFigures, ParticipantEvaluation, registry

ASKABLE = frozenset(
    {State.CLOSED, State.RESULTS_COMPILED, State.MATTER_DECIDED, State.FEEDBACK_PUBLISHED, State.EVALUATED}
)


def offer() -> ParticipantEvaluation | None:
    return next((m.participant_evaluation for m in registry if m.participant_evaluation is not None), None)


def askable(dialogue) -> bool:
    """A dialogue (not information) that has closed can be evaluated by its participants, if a method offers it."""
    return dialogue.kind != Kind.INFORMATION and dialogue.state in ASKABLE and offer() is not None


def figures_of(dialogues: Iterable) -> dict[int, EvaluationFigures]:
    """{dialogue id: what its participants said} of the dialogues whose participants were asked."""
    found = offer()
    dialogues = list(dialogues)
    return dict(found.figures(dialogues)) if found is not None and dialogues else {}


def share(part: int, whole: int) -> int | None:
    return round(100 * part / whole) if whole else None
