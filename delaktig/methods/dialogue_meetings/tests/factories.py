import datetime

import factory
from django.utils import timezone

from delaktig.dialogues.models import State
from delaktig.dialogues.tests.factories import dialogue_in_state
from delaktig.participation.models import Module, Phase

from ..models import Meeting, Registration, RegistrationStatus, Statement


def meetings_module(*, municipality, state=State.OPEN, phase="registration"):
    """A dialogue in `state` with a dialogue-meetings module whose running phase is `phase` (None: none runs)."""
    dialogue = dialogue_in_state(state, municipality=municipality)
    module = Module.objects.create(dialogue=dialogue, method="dialogue_meetings", name="Dialogmöten")
    now = timezone.now()
    if phase is None:
        starts, ends = now - datetime.timedelta(days=20), now - datetime.timedelta(days=1)
    else:
        starts, ends = now - datetime.timedelta(days=1), now + datetime.timedelta(days=60)
    Phase.objects.create(
        module=module, phase_type=phase or "registration", name="Anmälan", starts_at=starts, ends_at=ends
    )
    return Module.objects.select_related("dialogue__municipality").get(pk=module.pk)


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    class Params:
        past = factory.Trait(
            starts_at=factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=3)),
        )

    module = None
    municipality = factory.LazyAttribute(lambda o: o.module.dialogue.municipality)
    title = factory.Sequence(lambda n: f"Dialogmöte i Sunnemo ({n})")
    description = "Vi pratar om badhuset och om vad du tycker är viktigast."
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=2))
    place = "Sunnemo bygdegård"
    address = "Bygdegårdsvägen 1"
    step_free = True
    capacity = 20


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    meeting = None
    municipality = factory.LazyAttribute(lambda o: o.meeting.municipality)
    name = factory.Sequence(lambda n: f"Deltagare {n}")
    email = factory.Sequence(lambda n: f"deltagare{n}@example.se")
    email_key = factory.LazyAttribute(lambda o: o.email.lower())
    status = RegistrationStatus.REGISTERED


class StatementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Statement

    module = None
    municipality = factory.LazyAttribute(lambda o: o.module.dialogue.municipality)
    meeting = None
    title = "Fler bänkar"
    text = "Det behövs fler bänkar längs älven."
    channel = "meeting"
