import datetime
from zoneinfo import ZoneInfo

import factory

from delaktig.accounts.tests.factories import UserFactory
from delaktig.council.models import Meeting, Question, QuestionTimeSettings, Status, Topic
from delaktig.organisations.tests.factories import MunicipalityFactory

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def local(*args):
    """An aware datetime in Stockholm time: local(2026, 10, 25, 2, 30)."""
    return datetime.datetime(*args, tzinfo=STOCKHOLM)


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    municipality = factory.SubFactory(MunicipalityFactory)
    body = factory.LazyAttribute(lambda meeting: meeting.municipality.get_deciding_body())
    starts_at = factory.LazyFunction(lambda: local(2026, 11, 16, 18, 0))
    ends_at = factory.LazyAttribute(lambda meeting: meeting.starts_at + datetime.timedelta(hours=3))
    place = "Sessionssalen, Kommunhuset"
    has_question_time = True


class QuestionTimeSettingsFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = QuestionTimeSettings

    deadline_days = 10
    max_per_meeting = 10
    max_per_person = 1


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    meeting = factory.SubFactory(MeetingFactory)
    municipality = factory.LazyAttribute(lambda question: question.meeting.municipality)
    number = factory.Sequence(lambda n: f"AF 2026/{n + 1}")
    addressee_name = "Kommunfullmäktige"
    topic = Topic.TRAFFIC
    text = "När blir gång- och cykelvägen längs Älvgatan klar?"
    asker = factory.SubFactory(UserFactory)
    asker_name = "Rut Resident"
    status = Status.SUBMITTED
    submitted_at = factory.LazyFunction(lambda: local(2026, 11, 1, 12, 0))
