"""The registry of participation methods. Central code loops over it and never names a method."""

from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field

from delaktig.accounts.models import IdentityLevel


@dataclass(frozen=True)
class PhaseType:
    key: str
    name: str
    description: str
    features: frozenset  # resident actions the phase allows while it runs, e.g. {"post", "comment"}


@dataclass(frozen=True)
class MethodManifest:
    """Everything central code needs to know about a method; see docs/adding-a-method.md."""

    key: str
    name: str
    description: str
    phase_types: dict  # key -> PhaseType
    public_urls: str  # dotted module with `urlpatterns`, mounted under a module of a dialogue
    staff_urls: str  # dotted module with `urlpatterns`, mounted under the staff workspace
    resident_actions: frozenset  # actions residents take, granted by phase features
    staff_actions: dict  # action -> roles that may take it
    stats: Callable  # (module) -> dict[str, int]
    export_rows: Callable  # (module) -> iterable of dicts (no personal data)
    personal_data: Callable  # (user) -> list of dicts, for "my data"
    erase: Callable  # (user) -> number of items anonymised
    participant_ids: Callable  # (module) -> set of user ids who took part
    module_template: str  # shown on the public dialogue page for a module of this method
    moderation_queue: Callable | None = None  # (municipality) -> list of items waiting
    min_identity_level: int = IdentityLevel.EMAIL
    offline_channels: tuple = field(default_factory=tuple)
    # Closing the loop (results, feedback, the yearly report, open data); all optional:
    inputs: Callable | None = None  # (module) -> iterable of InputRecord, every input to be analysed
    input_channels: Callable | None = None  # (module) -> {channel: number} of the same inputs, counted cheaply
    update_recipients: Callable | None = None  # (module) -> iterable of (email, name) who asked for updates
    report_section: Callable | None = None  # (municipality, year) -> core.contributions.ReportSection | None
    datasets: tuple = field(default_factory=tuple)  # core.contributions.Dataset, public data of this method
    # What people read instead of keys (see "No raw keys" in docs/adding-a-method.md):
    reference_prefix: str = ""  # short letters for references people read, e.g. "IN" gives "IN-121"
    stat_labels: dict = field(default_factory=dict)  # key of `stats` -> label, e.g. {"inputs": _("Inputs")}
    audit_labels: dict = field(default_factory=dict)  # action of the method's audit events -> label in words
    staff_pages: Callable | None = None  # (module, user) -> [(url, title)]: the module's staff pages for the person
    # How participants appear publicly (Dialogue.public_identity; participation.identity). A method that honours
    # the setting asks for a pseudonym when the dialogue wants one, shows only dialogue.public_name_for(), stores
    # dialogue.account_for(user), and hides the names it already shows when the setting becomes stricter:
    honours_public_identity: bool = False
    public_names_hide: Callable | None = None  # (module) -> number of contributions whose public name was removed

    def phase_type(self, key):
        return self.phase_types.get(key)

    def reference(self, item_id):
        """The reference people read for an item of this method: "IN-121"."""
        return f"{self.reference_prefix or self.key.upper()}-{item_id}"


class Registry:
    def __init__(self):
        self._methods = {}

    def register(self, manifest):
        if manifest.key in self._methods:
            raise ValueError(f"A participation method called {manifest.key!r} is already registered")
        self._methods[manifest.key] = manifest
        return manifest

    def unregister(self, key):
        self._methods.pop(key, None)

    def get(self, key):
        return self._methods.get(key)

    def __getitem__(self, key):
        return self._methods[key]

    def __iter__(self) -> Iterable[MethodManifest]:
        return iter(sorted(self._methods.values(), key=lambda m: m.key))

    def __len__(self):
        return len(self._methods)

    def choices(self):
        return [(m.key, m.name) for m in self]

    @contextmanager
    def temporarily(self, manifest):
        """Register a method for the length of a test."""
        self.register(manifest)
        try:
            yield manifest
        finally:
            self.unregister(manifest.key)


registry = Registry()


@dataclass(frozen=True)
class InputRecord:
    """One input from any method, as the results workspace reads it (manifest.inputs).

    `ref` is stable and unique in the installation ("<method key>:<id>"); tags and quotes point to it.
    `demographics` holds what the person chose to tell: any of "age_band", "gender", "area" (the values of
    participation.demographics), missing keys when not told. `author_shown` is the name the person chose to
    show publicly, or "" (never an unpublished name).
    """

    ref: str
    module_id: int
    method: str
    title: str
    text: str
    channel: str  # participation.models.Channel
    created_at: object
    author_shown: str = ""
    demographics: dict = field(default_factory=dict)
    staff_url: str = ""

    @property
    def reference(self):
        """The reference people read ("IN-121"); `ref` is for machines."""
        return input_reference(self.ref)


def input_reference(ref):
    """ "open_input:121" -> "IN-121", by the method's reference_prefix; a ref of no known method stays as it is."""
    key, _sep, item_id = str(ref).partition(":")
    manifest = registry.get(key)
    return manifest.reference(item_id) if manifest and item_id else str(ref)


@dataclass(frozen=True)
class ModerationItem:
    """One contribution waiting for a moderator, as the central moderation page lists it."""

    method_name: str
    title: str
    text: str
    created_at: object
    dialogue: object
    url: str  # the method's own staff page where the item is moderated
