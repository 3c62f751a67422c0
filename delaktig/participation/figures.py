"""The participation figures a public page shows, counted from what the methods store (through the registry)
and the offline count staff enter (kept by results, which passes it in), never typed in as a total."""

from collections import Counter
from dataclasses import dataclass

from .models import Channel, Module
from .registry import registry


@dataclass(frozen=True)
class PublicFigures:
    inputs: int  # inputs received (removed ones left out), every channel
    inputs_online: int
    inputs_offline: int  # entered by staff from paper, meetings, e-mail and phone
    people_online: int  # distinct people who wrote, commented or supported while logged in
    people_offline: int | None  # counted by staff; None when not counted

    @property
    def people(self):
        return self.people_online + (self.people_offline or 0)


def dialogue_figures(dialogue, *, people_offline=None):
    """PublicFigures of a dialogue: every module's inputs by channel and its participants, from the manifests, and
    the people staff counted offline: the number they typed (`people_offline`), else what the methods counted in
    the room (None: not counted)."""
    channels, people, counted = Counter(), set(), None
    for module in Module.objects.filter(dialogue=dialogue).order_by("order", "id"):
        manifest = registry.get(module.method)
        if manifest is None:
            continue
        channels += module_channels(manifest, module)
        people |= set(manifest.participant_ids(module))
        counted = add_counted(counted, manifest, module)
    people_offline = people_offline if people_offline is not None else counted
    online = channels[Channel.ONLINE.value]
    return PublicFigures(
        inputs=sum(channels.values()),
        inputs_online=online,
        inputs_offline=sum(channels.values()) - online,
        people_online=len(people),
        people_offline=people_offline,
    )


def add_counted(total, manifest, module):
    """`total` plus the people the module's method counted in the room; None while no method counts any."""
    if manifest.people_counted is None:
        return total
    return (total or 0) + manifest.people_counted(module)


def people_counted(dialogue):
    """The people the dialogue's methods counted in the room (meetings); None if no method of it counts people."""
    total = None
    for module in Module.objects.filter(dialogue=dialogue):
        manifest = registry.get(module.method)
        if manifest is not None:
            total = add_counted(total, manifest, module)
    return total


OFFLINE_UNSPECIFIED = "offline"  # offline inputs of a method that counts them without their channel


def module_channels(manifest, module):
    """{channel: inputs}: from the method's counts per channel, else its input records, else its stats."""
    if manifest.input_channels is not None:
        return +Counter(manifest.input_channels(module))
    if manifest.inputs is not None:
        return Counter(record.channel for record in manifest.inputs(module))
    stats = manifest.stats(module)
    offline = stats.get("offline_inputs", 0)
    return +Counter({Channel.ONLINE.value: stats.get("inputs", 0) - offline, OFFLINE_UNSPECIFIED: offline})
