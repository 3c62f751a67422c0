"""The central moderation queue merges every method's waiting items by time and asks each only for what a page
shows."""

import datetime
from types import SimpleNamespace

from django.core.paginator import Paginator

from delaktig.participation.moderation import WaitingItems

START = datetime.datetime(2026, 5, 1, 9, 0, tzinfo=datetime.UTC)


def method(minutes, asked, *, counted=True):
    """A stand-in method whose items were created at START + each of `minutes`; `asked` records each limit."""
    items = [SimpleNamespace(created_at=START + datetime.timedelta(minutes=m), minute=m) for m in sorted(minutes)]

    def queue(municipality, limit=None):
        asked.append(limit)
        return items[:limit]

    return SimpleNamespace(moderation_queue=queue, moderation_count=(lambda m: len(items)) if counted else None)


def test_pages_are_merged_by_time_and_each_method_is_asked_only_up_to_the_page_end():
    asked = []
    waiting = WaitingItems(None, [method(range(0, 60, 2), asked), method(range(1, 60, 2), asked, counted=False)])
    paginator = Paginator(waiting, 10)
    assert paginator.count == 60 and paginator.num_pages == 6
    asked.clear()
    assert [item.minute for item in paginator.page(2).object_list] == list(range(10, 20))
    assert asked == [20, 20]


def test_a_method_without_a_queue_is_left_out():
    waiting = WaitingItems(None, [SimpleNamespace(moderation_queue=None, moderation_count=None)])
    assert waiting.count() == 0 and waiting[0:10] == []
