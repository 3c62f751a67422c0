"""Signatures: signing a proposal, the confirmation outbox, the threshold, the limits against abuse.

This module is the part's only door: the rest of the app, the demo and the benchmarks import from here, never
from the private modules beside it (an import-linter contract holds this). Inside:

- _signing: one INSERT per signature (core.inserts), repeats, confirmation, paper lists, invalidation;
- _periods, _tokens: when signatures are taken, the signed link in the confirmation e-mail;
- _outbox, _sending, _tasks: the pending signatures as the outbox of confirmation links, and their sender;
- _thresholds, _threshold_mailing, _jobs: the case at the threshold, the e-mail to the signers, the periodic run;
- _protection: rate limits, throwaway domains, the signer key;
- _selectors: the cached public count, the signing window and identity level each process keeps a moment;
- _views, _forms, _my_pages: the pages, and the pending signatures on "My pages".
"""

from ._jobs import expiry_run, proposals_expire_task
from ._my_pages import signature_resend
from ._periods import confirmation_open, signing_open
from ._selectors import PUBLIC_COUNT_SECONDS, public_signature_count, signatures_of
from ._signals import ready
from ._thresholds import proposals_expire, threshold_check, thresholds_recheck
from ._views import confirm, count_json, invalidate, paper_signatures, sign, sign_done

__all__ = [
    "PUBLIC_COUNT_SECONDS",
    "confirm",
    "confirmation_open",
    "count_json",
    "expiry_run",
    "invalidate",
    "paper_signatures",
    "proposals_expire",
    "proposals_expire_task",
    "public_signature_count",
    "ready",
    "sign",
    "sign_done",
    "signature_resend",
    "signatures_of",
    "signing_open",
    "threshold_check",
    "thresholds_recheck",
]
