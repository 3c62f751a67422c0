"""Confirmation e-mails for pending signatures, sent from the signatures themselves.

A pending online signature with no `confirmation_mailed_at` is waiting for its link: the signature row is the
outbox, so signing stores one row and queues nothing per signer. After commit, the signing request asks for
a send (`outbox_kick`): with a queue that can run a task later (the database queue), one task is queued per
time slot of OUTBOX_SECONDS for the end of that slot, so every signature committed within the slot is sent
by a task that starts after it; a queue that runs tasks at once (tests) sends at once. `proposals_expire`,
run every few minutes, also empties the outbox, so a lost kick delays a mail, it never drops one.

The sender (_sending.py) locks a batch (SKIP LOCKED on PostgreSQL, so several workers share the work), mails each and
stamps the batch in the same transaction. A worker killed in the middle of a batch rolls the stamps back,
and that batch is mailed again: a confirmation link may arrive twice, never not at all.
"""

import math
import time
from datetime import UTC, datetime

from django.core.cache import cache

from delaktig.core.memo import LocalMemo

from ._tasks import confirmation_mails_task

OUTBOX_SECONDS = 2
_kicked = LocalMemo(seconds=OUTBOX_SECONDS * 2, keep=8)  # the slots this process has asked for already


def outbox_kick():
    """Make sure a send runs after everything committed so far (call it after commit)."""
    if not confirmation_mails_task.get_backend().supports_defer:
        confirmation_mails_task.enqueue()
        return
    slot = math.floor(time.time() / OUTBOX_SECONDS) + 1
    if _kicked.get(slot):  # this process has seen the slot taken care of: no round trip to the cache
        return
    _kicked.set(slot, True)
    key = f"signature-outbox:{slot}"
    if cache.add(key, 1, OUTBOX_SECONDS * 10):
        run_after = datetime.fromtimestamp(slot * OUTBOX_SECONDS, tz=UTC)
        try:
            confirmation_mails_task.using(run_after=run_after).enqueue()
        except Exception:  # the task was not queued: the next signer of this slot asks again
            _kicked.forget(slot)
            cache.delete(key)
            raise
