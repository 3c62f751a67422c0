"""The staff workspace of the dialogue lifecycle. URL names are in dialogues/urls.py."""

from .dialogue import audit_log, cancel, close, dialogue_create, dialogue_detail, take_step
from .overview import council_overview, council_overview_csv
from .steps import checklist, decision, dialogue_edit, evaluation, feedback, matter_decision, plan, results
from .workspace import dashboard, dialogue_list

__all__ = [
    "audit_log",
    "cancel",
    "checklist",
    "close",
    "council_overview",
    "council_overview_csv",
    "dashboard",
    "decision",
    "dialogue_create",
    "dialogue_detail",
    "dialogue_edit",
    "dialogue_list",
    "evaluation",
    "feedback",
    "matter_decision",
    "plan",
    "results",
    "take_step",
]
