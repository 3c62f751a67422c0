"""Shared pieces for the staff workspace tests: a stand-in participation method and small helpers."""

import datetime
from contextlib import contextmanager

from django.urls import reverse
from django.utils import timezone

from delaktig.dialogues.models import State
from delaktig.dialogues.tests.factories import dialogue_in_state
from delaktig.participation.models import Module, Phase
from delaktig.participation.registry import MethodManifest, ModerationItem, PhaseType, registry

METHOD_KEY = "staff_test_method"
WAITING = []  # ModerationItems the stand-in method reports as waiting
urlpatterns = []  # the stand-in method has no pages of its own


def _moderation_queue(municipality, limit=None):
    waiting = [item for item in WAITING if item.dialogue.municipality_id == municipality.pk]
    return sorted(waiting, key=lambda item: item.created_at)[:limit]


MANIFEST = MethodManifest(
    key=METHOD_KEY,
    name="Testmetod",
    description="A method that only exists in tests.",
    phase_types={"collect": PhaseType("collect", "Samla in", "Residents write.", frozenset({"post"}))},
    public_urls=__name__,
    staff_urls=__name__,
    resident_actions=frozenset({"post"}),
    staff_actions={},
    stats=lambda module: {"contributions": 7},
    stat_labels={"contributions": "Bidrag"},
    staff_pages=lambda module, user: [(f"/{module.dialogue.municipality.slug}/personal/testmetod/", "Skriv in")],
    export_rows=lambda module: [],
    personal_data=lambda user: [],
    erase=lambda user: 0,
    participant_ids=lambda module: set(),
    module_template="",
    moderation_queue=_moderation_queue,
)


@contextmanager
def method_registered():
    """The stand-in method in the registry for the length of a test (use it in a fixture)."""
    with registry.temporarily(MANIFEST):
        yield MANIFEST
    WAITING.clear()


def add_module(dialogue, *, with_phase=True):
    """A way of taking part with (by default) one phase: what a dialogue needs before it opens."""
    module = Module.objects.create(dialogue=dialogue, method=METHOD_KEY, name="Tyck till")
    if with_phase:
        start = timezone.now()
        Phase.objects.create(
            module=module,
            phase_type="collect",
            name="Insamling",
            starts_at=start,
            ends_at=start + datetime.timedelta(days=14),
        )
    return module


def moderation_item(dialogue, title="Ett förslag"):
    item = ModerationItem(
        method_name="Testmetod",
        title=title,
        text="Fler bänkar i parken.",
        created_at=timezone.now(),
        dialogue=dialogue,
        url=f"/test/moderate/{dialogue.pk}/",
    )
    WAITING.append(item)
    return item


# Workspace pages that participation serves (the dialogue workspace links to them by name).
PARTICIPATION_PAGES = {
    "staff_module_add": "participation:module_add",
    "staff_phase_add": "participation:phase_add",
    "staff_moderation": "participation:moderation",
}


def staff_url(name, dialogue=None, *args, municipality=None):
    municipality = municipality or dialogue.municipality
    url_name = PARTICIPATION_PAGES.get(name, f"dialogues:{name}")
    if dialogue is None:
        return reverse(url_name, args=[municipality.slug, *args])
    return reverse(url_name, args=[municipality.slug, dialogue.pk, *args])


def ready_for(name, kind, municipality, source=None):
    """A dialogue where the step `name` can be taken: in its (given) source state with everything filled in."""
    from delaktig.dialogues import workflow
    from delaktig.dialogues.tests.factories import STATE_ORDER

    (source, target), _spec = next(
        (key, spec)
        for key, spec in workflow.TRANSITIONS.items()
        if spec.name == name and kind in spec.applies_to and source in (None, key[0])
    )
    # A declined dialogue has its decision recorded just like a decided one.
    filled = State.DECIDED if target == State.DECLINED else target if target in STATE_ORDER else source
    dialogue = dialogue_in_state(filled, municipality=municipality, kind=kind)
    dialogue.state = source
    dialogue.cancel_reason = "Budgeten drogs in." if name == "cancel" else ""
    for stamp in ("opened_at", "closed_at", "feedback_due_on", "feedback_published_at"):
        if STATE_ORDER.index(source) < STATE_ORDER.index(_stamped_in(stamp)):
            setattr(dialogue, stamp, None)
    dialogue.save()
    if source in (State.PLANNED,) or target == State.OPEN:
        add_module(dialogue)
    return dialogue


def _stamped_in(stamp):
    return {
        "opened_at": State.OPEN,
        "closed_at": State.CLOSED,
        "feedback_due_on": State.CLOSED,
        "feedback_published_at": State.FEEDBACK_PUBLISHED,
    }[stamp]


def plan_data(municipality, **extra):
    return {
        "ladder_level": "dialogue",
        "purpose": "Att veta vad invånarna vill.",
        "open_for_influence": "Vad parken ska innehålla.",
        "fixed": "Budgeten.",
        "input_use": "Blir en del av beslutsunderlaget.",
        "target_groups": [municipality.target_groups.first().pk],
        "contact_name": "Anna Andersson",
        "contact_email": "anna@example.se",
        "starts_on": timezone.localdate().isoformat(),
        "ends_on": (timezone.localdate() + datetime.timedelta(days=30)).isoformat(),
        "moderation": "post",
        **extra,
    }
