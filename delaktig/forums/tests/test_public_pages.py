"""The public page of a forum: purpose, members as appointed representatives without contact details, meetings with
minutes, statements and what was done with them."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from .factories import ConsultationFactory, ForumFactory, ForumMeetingFactory, ForumMemberFactory, StatementFactory

pytestmark = pytest.mark.django_db


@time_machine.travel(datetime.datetime(2026, 6, 1, 12, tzinfo=datetime.UTC))
def test_the_public_page_shows_members_but_no_personal_contact_data(client, municipality):
    forum = ForumFactory(municipality=municipality, name="Pensionärsrådet", kind="pensioners")
    serving = ForumMemberFactory(forum=forum, name="Berit Ek", email="berit.ek@example.se", phone="070-111 22 33")
    chair = ForumMemberFactory(forum=forum, name="Örjan Ordförande", role="chair")
    former = ForumMemberFactory(forum=forum, name="Sven Gammal", term_start="2022-01-01", term_end="2025-12-31")
    ForumMeetingFactory(forum=forum, minutes="Rådet diskuterade färdtjänsten.")
    consultation = ConsultationFactory(
        forum=forum, title="Färdtjänst", response="Nämnden ändrade förslaget.", responded_on=datetime.date(2026, 5, 1)
    )
    StatementFactory(consultation=consultation, text="Rådet vill behålla färdtjänsten på helger.")
    html = client.get(reverse("forums:forum", args=[municipality.slug, forum.pk])).content.decode()
    assert serving.name in html and serving.represents in html and former.name not in html
    assert html.index(chair.name) < html.index(serving.name)  # the chair first, whatever the alphabet says
    assert "berit.ek@example.se" not in html and "070-111 22 33" not in html and "@example.se" not in html
    assert "färdtjänsten på helger" in html and "Nämnden ändrade förslaget." in html
    assert "diskuterade färdtjänsten" in html


def test_the_list_of_forums_and_its_empty_state(client, municipality):
    listing = reverse("forums:forums", args=[municipality.slug])
    assert "har inga stående råd" in client.get(listing).content.decode()
    forum = ForumFactory(municipality=municipality, name="Mångfaldsrådet")
    assert forum.name in client.get(listing).content.decode()


def test_another_municipalitys_forum_is_404_on_public_pages(client, municipality, other_municipality):
    foreign = ForumFactory(municipality=other_municipality)
    meeting = ForumMeetingFactory(forum=foreign)
    assert client.get(reverse("forums:forum", args=[municipality.slug, foreign.pk])).status_code == 404
    file_url = reverse("forums:meeting_file", args=[municipality.slug, foreign.pk, meeting.pk, "protokoll"])
    assert client.get(file_url).status_code == 404
