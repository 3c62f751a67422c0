"""Helpers for follow-up tests: dialogues at a deadline, a method whose participants asked for updates."""

import datetime
from contextlib import contextmanager

from django.urls import reverse
from django.utils import timezone

from delaktig.dialogues.models import Follower, State
from delaktig.dialogues.tests.factories import dialogue_in_state
from delaktig.participation.models import Module
from delaktig.participation.registry import registry
from delaktig.participation.tests.dummy_method import dummy_manifest

TODAY = datetime.date(2026, 11, 24)


def closed_dialogue(municipality, *, due_in_days, state=State.CLOSED, **kwargs):
    """A dialogue awaiting feedback whose deadline is `due_in_days` from TODAY (negative: passed)."""
    dialogue = dialogue_in_state(state, municipality=municipality, **kwargs)
    dialogue.feedback_due_on = TODAY + datetime.timedelta(days=due_in_days)
    dialogue.save(update_fields=["feedback_due_on"])
    return dialogue


def follow(dialogue, *users):
    for user in users:
        Follower.objects.create(dialogue=dialogue, user=user)


@contextmanager
def participants_method(recipients_by_module_name):
    """A method whose modules' participants asked for updates: {module name: [(email, name)]}."""
    manifest = dummy_manifest(
        key="followup_test_method",
        update_recipients=lambda module: list(recipients_by_module_name.get(module.name, [])),
    )
    with registry.temporarily(manifest):
        yield manifest


def add_module(dialogue, name, method="followup_test_method"):
    return Module.objects.create(dialogue=dialogue, method=method, name=name)


def url(name, dialogue, *extra):
    return reverse(f"followup:{name}", args=[dialogue.municipality.slug, dialogue.pk, *extra])


def at(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9, 0)))
