"""Dialogues with a module of the dummy method, and its inputs: how central tests get contributions to read."""

import datetime

import factory
from django.utils import timezone

from delaktig.accounts.tests.factories import UserFactory
from delaktig.dialogues.models import State
from delaktig.dialogues.tests.factories import dialogue_in_state
from delaktig.participation.models import Channel, Module, Phase

from .models import DummyInput
from .selectors import KEY


def dummy_module(*, municipality, state=State.OPEN, phase="collect", moderation="post", name="Tyck till"):
    """A dialogue in `state` with a dummy-method module whose running phase is `phase` (None: the phase is over)."""
    dialogue = dialogue_in_state(state, municipality=municipality, moderation=moderation)
    module = Module.objects.create(dialogue=dialogue, method=KEY, name=name)
    now = timezone.now()
    if phase is None:
        starts, ends = now - datetime.timedelta(days=20), now - datetime.timedelta(days=1)
    else:
        starts, ends = now - datetime.timedelta(days=1), now + datetime.timedelta(days=10)
    Phase.objects.create(module=module, phase_type=phase or "collect", name="Insamling", starts_at=starts, ends_at=ends)
    return Module.objects.select_related("dialogue__municipality").get(pk=module.pk)


class DummyInputFactory(factory.django.DjangoModelFactory):
    """An input written online by a resident who shows their name (pass channel=... and author=None for one
    that came in another way)."""

    class Meta:
        model = DummyInput

    module = None
    municipality = factory.LazyAttribute(lambda o: o.module.dialogue.municipality)
    author = factory.SubFactory(UserFactory)
    author_name = factory.LazyAttribute(lambda o: o.author.name if o.author else "")
    title = factory.Sequence(lambda n: f"Fler bänkar i parken ({n})")
    text = "Det behövs fler bänkar nära lekplatsen så att äldre kan vila."
    channel = Channel.ONLINE


def ref(item):
    """The reference central code keeps for an input ("dummy_method:12"), as InputRecord.ref."""
    return f"{KEY}:{item.pk}"


def dialogue_with_inputs(*, municipality, n=0, state=State.CLOSED, channel=Channel.ONLINE, **fields):
    """A dialogue with a dummy module and `n` inputs; `fields` go to each input (demographics, author, status…).
    Returns the module; its inputs are module.dummy_inputs."""
    module = dummy_module(municipality=municipality, state=state, phase=None if state != State.OPEN else "collect")
    if channel != Channel.ONLINE:
        fields.setdefault("author", None)
    DummyInputFactory.create_batch(n, module=module, channel=channel, **fields)
    return module
