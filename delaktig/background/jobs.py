"""What every row of background work that somebody waits for has in common (a decision basis version, a yearly
report's generation, an archive package): whether it is still waiting or running, whether it has most likely lost
its worker, whether it is done, and the size of a file it made.

The row's model has `status` (queued, running, done, failed; each app names the states in its own words),
`started_at` and `created_at`.
"""

from datetime import timedelta

from django.utils import timezone

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
