"""Consultations for tests: a module with a running phase, a published plan, comments."""

import datetime

from django.utils import timezone

from delaktig.accounts.tests.factories import UserFactory
from delaktig.dialogues.models import State
from delaktig.dialogues.tests.factories import dialogue_in_state
from delaktig.participation.models import Module, Phase

from .. import services
from ..models import Represents, Source
from ..text import from_markdown

PLAN = """# Översiktsplan för Hagfors

Kommunen vill att fler ska kunna bo och arbeta här.

## Bostäder

Vi planerar för 200 nya bostäder nära centrum.

Nya bostäder byggs i första hand där det redan finns gator och ledningar.

## Natur

- Klarälvens stränder skyddas
- Nya stigar i Uvåns dalgång
"""


def consultation_module(*, municipality, state=State.OPEN, phase="commenting", **dialogue):
    """A dialogue in `state` with a consultation module whose running phase is `phase` (None: it is over)."""
    dialogue = dialogue_in_state(state, municipality=municipality, **dialogue)
    module = Module.objects.create(dialogue=dialogue, method="consultations", name="Översiktsplan")
    now = timezone.now()
    if phase is None:
        starts, ends = now - datetime.timedelta(days=20), now - datetime.timedelta(days=1)
    else:
        starts, ends = now - datetime.timedelta(days=1), now + datetime.timedelta(days=60)
    Phase.objects.create(module=module, phase_type=phase or "commenting", name="Samråd", starts_at=starts, ends_at=ends)
    return Module.objects.select_related("dialogue__municipality").get(pk=module.pk)


def published_plan(module, *, text=PLAN, actor=None):
    """The module's document with `text` as version 1, published."""
    actor = actor or UserFactory()
    document = services.document_for(module)
    version = services.version_create(
        document=document, outline=from_markdown(text), source=Source.MARKDOWN, actor=actor
    )
    return services.version_publish(version=version, actor=actor)


def paragraph_of(version, words):
    return version.paragraphs.get(text__contains=words)


def remark_on(module, version, target, *, user=None, text="Bra förslag.", represents=Represents.MYSELF, **extra):
    return services.remark_create(
        module=module,
        version=version,
        target=target,
        text=text,
        represents=represents,
        user=user or UserFactory(),
        **extra,
    )
