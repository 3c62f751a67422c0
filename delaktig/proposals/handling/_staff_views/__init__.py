"""The proposals staff workspace. URL names are in proposals/urls.py."""

from .comments import comment_moderate
from .lists import moderation, proposal_list
from .proposal import answer_mailing, decision, proposal_detail, take_step
from .records import registry_csv, unfinished_report, unfinished_report_csv
from .rules import categories, settings_edit

__all__ = [
    "answer_mailing",
    "categories",
    "comment_moderate",
    "decision",
    "moderation",
    "proposal_detail",
    "proposal_list",
    "registry_csv",
    "settings_edit",
    "take_step",
    "unfinished_report",
    "unfinished_report_csv",
]
