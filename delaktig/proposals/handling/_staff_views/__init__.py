"""The proposals staff workspace. URL names are in proposals/urls.py."""

from .comments import comment_moderate
from .lists import moderation, proposal_list
from .proposal import answer_mailing, decision, proposal_detail, take_step
from .records import registry_csv, unfinished_report, unfinished_report_csv
from .referral import number_change, referral, referral_answer
from .rules import categories, settings_edit

__all__ = [
    "answer_mailing",
    "categories",
    "comment_moderate",
    "decision",
    "moderation",
    "number_change",
    "proposal_detail",
    "proposal_list",
    "referral",
    "referral_answer",
    "registry_csv",
    "settings_edit",
    "take_step",
    "unfinished_report",
    "unfinished_report_csv",
]
