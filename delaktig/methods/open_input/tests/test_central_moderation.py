"""The central moderation page reads one page of what waits, whatever waits: the same queries for 3 items as for 60,
the oldest first, and every item reachable page by page."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from delaktig.participation.models import ModerationStatus
from delaktig.participation.services import comment_create
from delaktig.participation.views import MODERATION_PAGE_SIZE

from .factories import InputFactory, open_input_module

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator(client, staff):
    client.force_login(staff["moderator"])
    return client


@pytest.fixture
def pre_module(municipality):
    return open_input_module(municipality=municipality, moderation="pre")


def page_url(municipality):
    return reverse("participation:moderation", args=[municipality.slug])


def waiting(module, count, start=0):
    now = timezone.now()
    return [
        InputFactory(
            module=module,
            status=ModerationStatus.PENDING,
            title=f"Väntar {start + i:03d}",
            created_at=now - datetime.timedelta(minutes=1000 - start - i),
        )
        for i in range(count)
    ]


def queries(client, url, **params):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params)
    assert response.status_code == 200
    return response, len(captured)


def test_the_page_costs_the_same_for_3_and_for_60_waiting(moderator, municipality, pre_module, resident):
    waiting(pre_module, 2)
    published = InputFactory(module=pre_module)
    comment_create(target=published, dialogue=pre_module.dialogue, author=resident, text="Vänta på mig")
    queries(moderator, page_url(municipality))
    _response, few = queries(moderator, page_url(municipality))
    waiting(pre_module, 58, start=2)
    for n in range(3):
        comment_create(target=published, dialogue=pre_module.dialogue, author=resident, text=f"Och mig {n}")
    response, many = queries(moderator, page_url(municipality))
    assert many == few
    assert response.context["count"] == 64
    shown = [item for _dialogue, items in response.context["groups"] for item in items]
    assert len(shown) == MODERATION_PAGE_SIZE


def test_every_item_is_reached_page_by_page_oldest_first(moderator, municipality, pre_module, resident):
    waiting(pre_module, MODERATION_PAGE_SIZE + 5)
    published = InputFactory(module=pre_module)
    comment_create(target=published, dialogue=pre_module.dialogue, author=resident, text="Vänta på mig")
    first = moderator.get(page_url(municipality))
    assert "page=2" in first.content.decode()
    second = moderator.get(page_url(municipality), {"page": 2})
    titles = [
        item.title for response in (first, second) for _dialogue, items in response.context["groups"] for item in items
    ]
    expected = [f"Väntar {i:03d}" for i in range(MODERATION_PAGE_SIZE + 5)] + [published.title]
    assert titles == expected
    assert second.context["count"] == MODERATION_PAGE_SIZE + 6


def test_other_municipalities_items_are_neither_listed_nor_counted(moderator, municipality, other_municipality):
    waiting(open_input_module(municipality=other_municipality, moderation="pre"), 2)
    response = moderator.get(page_url(municipality))
    assert response.context["count"] == 0 and response.context["groups"] == []
