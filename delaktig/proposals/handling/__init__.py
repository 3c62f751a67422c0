"""Handling: a proposal from the resident who writes it to the answer (writing, moderation, the steps staff
take, the registry, the decision and the answer mailing, the report on unfinished citizen proposals).

This module is the part's only door: the rest of the app, the demo and the benchmarks import from here, never
from the private modules beside it (an import-linter contract holds this). Inside:

- _writing, _public_selectors, _public_forms, _public_views, _write_views, _feeds: residents' pages;
- _staff_services, _staff_selectors, _staff_forms, _staff_views/: the staff workspace;
- _proposer_tasks, _staff_tasks: the receipt, the rejection and the complaint e-mails.

It uses signatures through that part's door (`proposals.signatures`); signatures never uses handling.
"""

from . import _public_views as public
from . import _staff_views as staff
from ._public_selectors import proposals_of
from ._staff_selectors import received_on
from ._staff_services import (
    proposal_approve,
    proposal_decide,
    proposal_prepare,
    proposal_receive,
    proposal_refer,
    proposal_review,
    referral_answer_record,
    unfinished_report_send,
)
from ._writing import proposal_submit

__all__ = [
    "proposal_approve",
    "proposal_decide",
    "proposal_prepare",
    "proposal_receive",
    "proposal_refer",
    "proposal_review",
    "proposal_submit",
    "proposals_of",
    "public",
    "received_on",
    "referral_answer_record",
    "staff",
    "unfinished_report_send",
]
