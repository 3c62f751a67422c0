import datetime

import factory
from django.utils import timezone

from delaktig.matters.models import Matter
from delaktig.organisations.tests.factories import MunicipalityFactory


class MatterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Matter

    municipality = factory.SubFactory(MunicipalityFactory)
    case_number = factory.Sequence(lambda n: f"KS 2026/{100 + n}")
    title = factory.Sequence(lambda n: f"Detaljplan för kvarter {n}")
    body = factory.LazyAttribute(lambda matter: matter.municipality.get_deciding_body())
    expected_decision_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=60))
