import datetime

import factory
from django.utils import timezone

from delaktig.accounts.tests.factories import UserFactory
from delaktig.dialogues.models import State
from delaktig.dialogues.tests.factories import dialogue_in_state
from delaktig.participation.models import Module, Phase

from ..models import Input, Support


def open_input_module(*, municipality, state=State.OPEN, phase="collect", moderation="post", categories=None):
    """A dialogue in `state` with an open-input module whose running phase is `phase` (None: the phase is over)."""
    dialogue = dialogue_in_state(state, municipality=municipality, moderation=moderation)
    module = Module.objects.create(
        dialogue=dialogue,
        method="open_input",
        name="Lämna synpunkter",
        settings={"categories": categories or []},
    )
    now = timezone.now()
    if phase is None:
        starts, ends = now - datetime.timedelta(days=20), now - datetime.timedelta(days=1)
    else:
        starts, ends = now - datetime.timedelta(days=1), now + datetime.timedelta(days=10)
    Phase.objects.create(module=module, phase_type=phase or "collect", name="Insamling", starts_at=starts, ends_at=ends)
    return Module.objects.select_related("dialogue__municipality").get(pk=module.pk)


class InputFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Input

    module = None
    municipality = factory.LazyAttribute(lambda o: o.module.dialogue.municipality)
    author = factory.SubFactory(UserFactory)
    author_name = factory.LazyAttribute(lambda o: o.author.name if o.author else "")
    title = factory.Sequence(lambda n: f"Fler bänkar i parken ({n})")
    text = "Det behövs fler bänkar nära lekplatsen så att äldre kan vila."


class SupportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Support

    input = None
    user = factory.SubFactory(UserFactory)
