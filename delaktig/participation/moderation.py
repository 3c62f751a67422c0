"""The central moderation queue: every method's waiting contributions, oldest first, read a page at a time."""

import heapq
from itertools import islice

from .registry import registry


class WaitingItems:
    """What waits for a moderator in a municipality, as a sequence Django's Paginator can page through.

    Each method counts its waiting items (`moderation_count`) and, for a page, gives only its oldest items up to
    the page's end (`moderation_queue(municipality, limit=...)`); those are merged by time. A page's cost grows
    with its number, not with how much is waiting.
    """

    def __init__(self, municipality, manifests=None):
        self.municipality = municipality
        found = registry if manifests is None else manifests
        self.manifests = [manifest for manifest in found if manifest.moderation_queue is not None]

    def count(self):
        return sum(self._count(manifest) for manifest in self.manifests)

    def _count(self, manifest):
        if manifest.moderation_count is not None:
            return manifest.moderation_count(self.municipality)
        return len(manifest.moderation_queue(self.municipality))

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice) or index.step not in (None, 1):
            raise TypeError("WaitingItems is read a page (a slice) at a time")
        start, stop = index.start or 0, index.stop
        queues = [manifest.moderation_queue(self.municipality, limit=stop) for manifest in self.manifests]
        return list(islice(heapq.merge(*queues, key=lambda item: item.created_at), start, stop))
