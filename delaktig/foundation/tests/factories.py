import datetime

import factory

from delaktig.foundation.models import HandbookPage, PrinciplesDocument, ToolboxMethod
from delaktig.organisations.tests.factories import MunicipalityFactory


class PrinciplesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PrinciplesDocument

    municipality = factory.SubFactory(MunicipalityFactory)
    title = "Principer för medborgardialog"
    version = factory.Sequence(lambda n: n + 1)
    body_text = "Vi ska alltid återkoppla.\n\nVi ska nå dem som sällan deltar."
    adopted_by = factory.LazyAttribute(lambda o: o.municipality.get_deciding_body())
    adopted_on = datetime.date(2024, 4, 22)
    minute_item = "§ 34"
    registration_number = "KS 2024/87"


class ToolboxMethodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ToolboxMethod
        skip_postgeneration_save = True

    municipality = factory.SubFactory(MunicipalityFactory)
    name = factory.Sequence(lambda n: f"Metod {n}")
    slug = factory.Sequence(lambda n: f"metod-{n}")
    summary = "En kort beskrivning."
    description = "Så här går det till."
    when_to_use = "När frågan är öppen."
    ladder_levels = factory.LazyFunction(lambda: ["dialogue"])

    @factory.post_generation
    def target_groups(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.target_groups.set(extracted)


class HandbookPageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HandbookPage

    municipality = factory.SubFactory(MunicipalityFactory)
    title = factory.Sequence(lambda n: f"Sida {n}")
    slug = factory.Sequence(lambda n: f"sida-{n}")
    body_text = "Första stycket.\n\nAndra stycket."
