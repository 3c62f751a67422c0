"""The demo's council calendar: KF with question time and two boards, past and coming meetings, questions in every
stage; the pages show them."""

import pytest
from django.utils import timezone

from delaktig.council.models import Meeting, Question, Status
from delaktig.council.selectors import next_open_meeting

from .site import demo_site  # noqa: F401 (a fixture)


@pytest.fixture
def demo(demo_site, db):  # noqa: F811 (the fixture imported above)
    return demo_site.home


def test_kf_and_two_boards_have_past_and_coming_meetings(demo):
    now = timezone.now()
    for short_name in ("KF", "KS", "BBN"):
        meetings = Meeting.objects.filter(municipality=demo, body__short_name=short_name)
        assert meetings.filter(starts_at__lt=now).exists() and meetings.filter(starts_at__gt=now).exists()
    assert next_open_meeting(demo.get_deciding_body()) is not None  # a resident can ask a question today


def test_questions_in_every_stage_and_the_pages_show_them(client, demo):
    statuses = set(Question.objects.filter(municipality=demo).values_list("status", flat=True))
    assert {Status.SUBMITTED, Status.APPROVED, Status.REFUSED, Status.ANSWERED} <= statuses
    archive = client.get(f"/{demo.slug}/fragestund/arkiv/?q=simhallen").content.decode()
    assert "badvakter" in archive
    assert "Kommunfullmäktige" in client.get(f"/{demo.slug}/sammantraden/").content.decode()
