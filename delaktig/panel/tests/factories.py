import datetime
import itertools
import random

import factory
from django.utils import timezone

from delaktig.organisations.tests.factories import MunicipalityFactory
from delaktig.panel.models import PanelMember, PanelSettings, Source, Status


class PanelMemberFactory(factory.django.DjangoModelFactory):
    """An active member who agreed on the website."""

    class Meta:
        model = PanelMember

    municipality = factory.SubFactory(MunicipalityFactory)
    email = factory.Sequence(lambda n: f"medlem{n}@example.se")
    name = factory.Sequence(lambda n: f"Medlem {n}")
    age_band = "30_44"
    gender = "woman"
    status = Status.ACTIVE
    source = Source.SIGNUP
    consent_at = factory.LazyFunction(timezone.now)
    consent_version = "2026-1"
    last_active_on = factory.LazyFunction(timezone.localdate)


def open_panel(municipality, **fields):
    return PanelSettings.objects.create(municipality=municipality, signup_open=True, **fields)


BANDS = ("18_29", "30_44", "45_64", "65_79", "80_plus")


def panel_of(municipality, size, *, areas=None, seed=1, other_every=0):
    """`size` active members spread over bands, genders (and areas); every `other_every`th says "other"."""
    rng = random.Random(seed)
    areas = list(areas or [None])
    members = []
    counter = itertools.count()
    for n in range(size):
        gender = "other" if other_every and n % other_every == 0 else rng.choice(("woman", "man"))
        members.append(
            PanelMember(
                municipality=municipality,
                email=f"p{next(counter)}-{municipality.pk}@example.se",
                name=f"Panel {n}",
                age_band=rng.choice(BANDS),
                gender=gender,
                area=rng.choice(areas),
                status=Status.ACTIVE,
                consent_at=timezone.now(),
                consent_version="2026-1",
                last_active_on=timezone.localdate() - datetime.timedelta(days=rng.randrange(300)),
            )
        )
    return PanelMember.objects.bulk_create(members)
