"""Open input's section of the yearly report: inputs and comments of the year by channel, per dialogue."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType

from delaktig.methods.open_input.models import Input
from delaktig.methods.open_input.report import open_input_report_section
from delaktig.participation.models import Channel, Comment, ModerationStatus
from delaktig.participation.registry import registry

from .factories import InputFactory, open_input_module

pytestmark = pytest.mark.django_db


def backdate(item, year):
    type(item).objects.filter(pk=item.pk).update(created_at=datetime.datetime(year, 3, 1, 12, tzinfo=datetime.UTC))


def comment(item, *, channel=Channel.ONLINE, status=ModerationStatus.PUBLISHED):
    return Comment.objects.create(
        municipality=item.municipality,
        target_type=ContentType.objects.get_for_model(Input),
        target_id=item.pk,
        text="Bra idé!",
        channel=channel,
        status=status,
    )


@pytest.fixture
def year_of_input(municipality, other_municipality):
    module = open_input_module(municipality=municipality)
    online = InputFactory(module=module)
    InputFactory(module=module, channel=Channel.PAPER, author=None, received_on=datetime.date(2026, 2, 1))
    InputFactory(module=module, channel=Channel.PAPER, author=None, received_on=datetime.date(2025, 12, 30))
    InputFactory(module=module, status=ModerationStatus.REJECTED)
    comment(online)
    comment(online, channel=Channel.MEETING)
    comment(online, status=ModerationStatus.REJECTED)
    elsewhere = InputFactory(module=open_input_module(municipality=other_municipality))
    comment(elsewhere)
    for item in Input.objects.all():
        backdate(item, 2026)
    for item in Comment.objects.all():
        backdate(item, 2026)
    return module


def rows(section, key):
    return {row[0]: row[1:] for row in next(t for t in section.tables if t.key == key).rows}


def test_inputs_and_comments_by_channel(municipality, year_of_input):
    section = open_input_report_section(municipality, 2026)
    online, paper, meeting = (str(c.label) for c in (Channel.ONLINE, Channel.PAPER, Channel.MEETING))
    assert rows(section, "open-input") == {online: (1, 1), paper: (1, 0), meeting: (0, 1)}


def test_per_dialogue(municipality, year_of_input):
    section = open_input_report_section(municipality, 2026)
    assert rows(section, "open-input-dialogues") == {year_of_input.dialogue.title: (1, 1, 2)}


def test_a_paper_input_counts_in_the_year_it_was_received(municipality, year_of_input):
    section = open_input_report_section(municipality, 2025)
    assert rows(section, "open-input") == {str(Channel.PAPER.label): (1, 0)}


def test_nothing_in_the_year_gives_no_section(municipality, year_of_input):
    assert open_input_report_section(municipality, 2020) is None


def test_the_manifest_offers_the_section():
    assert registry.get("open_input").report_section is open_input_report_section
