import datetime

import factory

from delaktig.forums.models import Consultation, Forum, ForumMeeting, ForumMember, Kind, Statement
from delaktig.organisations.tests.factories import MunicipalityFactory


class ForumFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Forum

    municipality = factory.SubFactory(MunicipalityFactory)
    name = factory.Sequence(lambda n: f"Ungdomsrådet {n}")
    kind = Kind.YOUTH
    purpose = "Ungdomsrådet ger unga en röst i kommunens frågor."


class ForumMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ForumMember

    forum = factory.SubFactory(ForumFactory)
    name = factory.Sequence(lambda n: f"Ledamot {n}")
    represents = "Älvstranden bildningscentrum"
    term_start = datetime.date(2026, 1, 1)
    term_end = datetime.date(2027, 12, 31)
    email = factory.Sequence(lambda n: f"ledamot{n}@example.se")
    phone = "070-123 45 67"


class ForumMeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ForumMeeting

    forum = factory.SubFactory(ForumFactory)
    held_on = datetime.date(2026, 3, 10)
    place = "Kommunhuset"
    agenda = "1. Mötets öppnande"
    minutes = "Rådet beslutade att yttra sig."


class ConsultationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Consultation

    forum = factory.SubFactory(ForumFactory)
    title = "Ny skatepark"
    asked_on = datetime.date(2026, 3, 1)


class StatementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Statement

    consultation = factory.SubFactory(ConsultationFactory)
    given_on = datetime.date(2026, 3, 20)
    text = "Rådet vill att skateparken ligger nära busshållplatsen."
