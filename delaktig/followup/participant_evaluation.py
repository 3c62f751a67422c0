"""The participants' evaluation of a dialogue, as far as follow-up sees it: a participation method offers to ask a
closed dialogue's participants (manifest `participant_evaluation`; the survey method does), and follow-up shows what
they said beside the staff evaluation, in the council overview and in the yearly report. Follow-up never names the
method: it takes the first one that offers it."""

from collections.abc import Iterable

from delaktig.dialogues.models import AFTER_CLOSE, Kind
from delaktig.participation.registry import EvaluationFigures, ParticipantEvaluation, registry

ASKABLE = AFTER_CLOSE


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


SHARE_FROM = 5  # answers to a question before its share of positive answers is shown: one person's stays hidden


def share(part: int, whole: int) -> int | None:
    """The share of positive answers in whole per cent, or None when fewer than SHARE_FROM answered."""
    return round(100 * part / whole) if whole >= SHARE_FROM else None


def question_rows(figures) -> list[tuple[str, int, int | None]]:
    """(question, answers, share of positive answers or None) of one dialogue's figures, for a table."""
    return [(q.text, q.answers, share(q.positive, q.answers)) for q in figures.questions]
