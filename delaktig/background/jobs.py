"""What every row of background work that somebody waits for has in common (a decision basis version, a yearly
report's generation, an archive package): whether it is still waiting or running, whether it has most likely lost
its worker, whether it is done, and the size of a file it made.

The row's model has `status` (queued, running, done, failed; each app names the states in its own words),
`progress`, `step`, `error`, `started_at`, `finished_at` and `created_at`. `progress_run` does the work for a row
the way every such row is worked on; `progress_step` tells the progress page how far it has come.
"""

import logging
from datetime import timedelta

from django.utils import timezone
from django.utils.translation import override

logger = logging.getLogger(__name__)

# A row queued or running for longer than this has most likely lost its worker (or none is running).
STALE_AFTER = timedelta(minutes=10)
WAITING = frozenset({"queued", "running"})


class ProgressRow:
    @property
    def is_running(self):
        return self.status in WAITING  # type: ignore[attr-defined]

    @property
    def is_stale(self):
        began = self.started_at or self.created_at  # type: ignore[attr-defined]
        return self.is_running and began < timezone.now() - STALE_AFTER

    @property
    def is_done(self):
        return self.status == "done"  # type: ignore[attr-defined]

    def size_of(self, kind):
        """Size in bytes of a stored file, or None when it is missing (the page still renders)."""
        stored = getattr(self, kind)
        try:
            return stored.size if stored else None
        except (OSError, ValueError):
            return None


def progress_step(row, step, **extra):
    """Store the step, (percent, label), on the row at once (its own small write) so the progress page shows it."""
    percent, label = step
    type(row).objects.filter(pk=row.pk).update(progress=percent, step=str(label), **extra)


def progress_run(row, work):
    """Do `work(row)` with the row marked running, in Swedish (the documents are the municipality's). A failure is
    stored on the row for staff to read, never raised; a row already done is left alone. The row, as stored."""
    rows = type(row).objects.filter(pk=row.pk)
    if row.status == "done":
        return row
    rows.update(status="running", started_at=timezone.now(), error="")
    try:
        with override("sv"):
            work(row)
    except Exception as error:  # noqa: BLE001  (any failure is shown to staff on the progress page)
        logger.exception("%s %s failed", type(row).__name__, row.pk)
        rows.update(status="failed", error=f"{type(error).__name__}: {error}"[:2000], finished_at=timezone.now())
    row.refresh_from_db()
    return row
