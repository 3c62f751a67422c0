"""The registry of participation methods. Central code loops over it and never names a method.

The manifest's callables have Protocols below, so a type checker reads what a method must offer, and the
registry checks when a method registers that each callable takes the arguments its Protocol names.
"""

from __future__ import annotations

import datetime
import inspect
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any, Protocol

from delaktig.accounts.models import IdentityLevel

if TYPE_CHECKING:
    from django import forms
    from django.db.models import QuerySet

    from delaktig.accounts.models import User
    from delaktig.core.contributions import Dataset, ReportSection, Table
    from delaktig.dialogues.models import Dialogue
    from delaktig.organisations.models import Municipality

    from .models import Module


@dataclass(frozen=True)
class PhaseType:
    key: str
    name: str
    description: str
    features: frozenset[str]  # resident actions the phase allows while it runs, e.g. {"post", "comment"}
    # The phase runs after the dialogue has closed (participants evaluate the dialogue); others only while it is open
    after_close: bool = False


# What a method's callables take and give. A method may write plain functions; these only describe them.
class ModuleStats(Protocol):
    def __call__(self, module: Module, /) -> Mapping[str, int]: ...


class ModuleExportRows(Protocol):
    def __call__(self, module: Module, /) -> Iterable[dict[str, Any]]: ...  # no personal data


class PersonalData(Protocol):
    def __call__(self, user: User, /) -> Iterable[dict[str, Any]]: ...


class Erase(Protocol):
    def __call__(self, user: User, /) -> int: ...  # items anonymised or removed


class ParticipantIds(Protocol):
    def __call__(self, module: Module, /) -> Iterable[int]: ...  # user ids of those who took part


class PeopleCounted(Protocol):  # people staff counted in the room (a meeting's attendance), who have no account here
    def __call__(self, module: Module, /) -> int: ...


class ModerationQueue(Protocol):  # oldest first; with `limit`, only the oldest `limit` (the page's end)
    def __call__(self, municipality: Municipality, /, limit: int | None = None) -> Iterable[ModerationItem]: ...


class ModerationCount(Protocol):
    def __call__(self, municipality: Municipality, /) -> int: ...


class Inputs(Protocol):
    def __call__(self, module: Module, /) -> Iterable[InputRecord]: ...


class InputRows(Protocol):  # a QuerySet of rows with pk, created_at and channel
    def __call__(self, module: Module, /) -> QuerySet[Any]: ...


class InputChannels(Protocol):
    def __call__(self, module: Module, /) -> Mapping[str, int]: ...  # {channel: number of inputs}


class UpdateRecipients(Protocol):
    def __call__(self, module: Module, /) -> Iterable[tuple[str, str]]: ...  # (email, name)


class ParticipantAddresses(Protocol):  # (email, name) of everyone who took part and gave an address, once each
    def __call__(self, module: Module, /) -> list[tuple[str, str]]: ...


@dataclass(frozen=True)
class EvaluationQuestion:
    """One closed question of a participants' evaluation, counted: how many answered it and how many positively
    (yes; the two highest steps of a scale; the first alternative of a single choice)."""

    text: str
    answers: int
    positive: int


@dataclass(frozen=True)
class EvaluationFigures:
    """What a dialogue's participants said about it."""

    invited: int
    answered: int
    questions: tuple[EvaluationQuestion, ...]
    staff_url: str  # where staff invite, remind and read the results


class EvaluationStart(Protocol):  # makes what asking needs (once) and gives the staff page to invite from
    def __call__(self, dialogue: Dialogue, actor: User, /) -> str: ...


class EvaluationsOf(Protocol):  # {dialogue id: figures} of those of the dialogues whose participants were asked
    def __call__(self, dialogues: Iterable[Dialogue], /) -> Mapping[int, EvaluationFigures]: ...


@dataclass(frozen=True)
class ParticipantEvaluation:
    """A method that asks a closed dialogue's participants how the dialogue went (docs/adding-a-method.md)."""

    start: EvaluationStart
    figures: EvaluationsOf


class DecisionBasisTables(Protocol):  # the module's answers counted (questions with alternatives), never one person
    def __call__(self, module: Module, /) -> Iterable[Table]: ...


@dataclass(frozen=True)
class DecisionBasisDocument:
    """A document a method made for the matter (a consultation report), offered to the decision basis: a section in
    the decision basis (its title and paragraphs) and the whole document attached to its PDF."""

    title: str
    paragraphs: tuple[str, ...]  # the section's text in the decision basis (a summary; never a person's name)
    file_name: str  # e.g. "samradsredogorelse.pdf"
    pdf: bytes  # the document itself, attached to the decision basis' PDF


class DecisionBasisDocuments(Protocol):  # the documents the module offers the decision basis (none before there are)
    def __call__(self, module: Module, /) -> Iterable[DecisionBasisDocument]: ...


@dataclass(frozen=True)
class MeasureSuggestion:
    """A measure a module's result suggests (a winning project of a participatory budget): follow-up offers staff to
    create it, once, so residents can follow it to completion."""

    title: str
    description: str  # what is to be done, in words for residents (never a person's name)
    cost: int | None  # in kronor, or None when the result names no cost
    ref: str  # "<key>:<id>", stable: the measure keeps it among the inputs it came from, and is created once per ref


class MeasuresOffered(Protocol):  # what the module's result suggests doing ([] until there is a result)
    def __call__(self, module: Module, /) -> Iterable[MeasureSuggestion]: ...


class ReportSectionOf(Protocol):
    def __call__(self, municipality: Municipality, year: int, /) -> ReportSection | None: ...


class StaffPages(Protocol):
    def __call__(self, module: Module, user: User, /) -> Iterable[tuple[str, str]]: ...  # (url, title)


class PublicNamesHide(Protocol):
    def __call__(self, module: Module, /) -> int: ...  # contributions whose public name was removed


# Desk mode ("Registrera inkommet"): staff enter many inputs that came on paper, at meetings, by e-mail or phone.


@dataclass(frozen=True)
class Occasion:
    """A meeting (or other occasion) an input entered at the desk may come from."""

    key: str  # stable, unique within the dialogue, e.g. "dialogue_meetings:12"
    label: str  # what staff read: "Dialogmöte i Sunnemo 12 mars 2027"


@dataclass(frozen=True)
class DeskItem:
    """One input just entered at the desk, as the desk lists it (newest first) with its undo button."""

    item_id: int
    reference: str  # what people read, e.g. manifest.reference(item_id) -> "IN-121"
    summary: str  # the first words of the text
    created_at: datetime.datetime


class DeskSave(Protocol):
    def __call__(
        self,
        module: Module,
        data: Mapping[str, Any],
        /,
        *,
        actor: User,
        channel: str,
        received_on: datetime.date,
        occasion: Occasion | None,
        group: str,
    ) -> DeskItem: ...


def desk_undo_window() -> datetime.timedelta:
    """How long after saving the person who entered an input at the desk may take it back (DESK_UNDO_MINUTES)."""
    from django.conf import settings

    return datetime.timedelta(minutes=int(getattr(settings, "DESK_UNDO_MINUTES", 10)))


class DeskUndo(Protocol):  # removes an item this person entered at the desk a moment ago; False if it cannot
    def __call__(self, module: Module, item_id: int, /, *, actor: User) -> bool: ...


class Occasions(Protocol):  # the occasions of this module that desk input may name (a meetings method's meetings)
    def __call__(self, module: Module, /) -> Iterable[Occasion]: ...


@dataclass(frozen=True)
class DeskEntry:
    """What a method offers the desk. The desk adds the module, channel, received_on, occasion and group itself."""

    form_class: type[forms.Form]  # the method's own fields of one input (e.g. title, text)
    save: DeskSave
    undo: DeskUndo
    occasions: Occasions | None = None


DESK_SAVE_KEYWORDS = ("actor", "channel", "received_on", "occasion", "group")


class DeskEntryRefused(Exception):
    """A method's desk `save` may raise this when it finds, while storing, that the input cannot be taken (another
    officer entered the same person's ballot a moment ago, say). The desk stores nothing (its transaction rolls
    back) and shows `message` on the form, with what was typed kept."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


class ManifestError(TypeError):
    """A method's manifest names a callable that does not take the arguments its Protocol names."""


@dataclass(frozen=True)
class MethodManifest:
    """Everything central code needs to know about a method; see docs/adding-a-method.md."""

    key: str
    name: str
    description: str
    phase_types: Mapping[str, PhaseType]  # key -> PhaseType
    public_urls: str  # dotted module with `urlpatterns`, mounted under a module of a dialogue
    staff_urls: str  # dotted module with `urlpatterns`, mounted under the staff workspace
    resident_actions: frozenset[str]  # actions residents take, granted by phase features
    staff_actions: Mapping[str, frozenset[str]]  # action -> roles that may take it
    stats: ModuleStats
    export_rows: ModuleExportRows
    personal_data: PersonalData  # for "my data"
    erase: Erase
    participant_ids: ParticipantIds
    module_template: str  # shown on the public dialogue page for a module of this method
    moderation_queue: ModerationQueue | None = None  # the items waiting for a moderator, oldest first
    moderation_count: ModerationCount | None = None  # how many wait (else the page counts the whole queue)
    min_identity_level: int = IdentityLevel.EMAIL
    offline_channels: tuple[str, ...] = field(default_factory=tuple)
    # Closing the loop (results, feedback, the yearly report, open data); all optional:
    inputs: Inputs | None = None  # every input to be analysed
    input_channels: InputChannels | None = None  # the same inputs per channel, counted cheaply
    # The same inputs as rows, so the results workspace filters and pages in the database; with it, `inputs` must
    # take `ids=` and give only those inputs' records (a page)
    input_rows: InputRows | None = None
    update_recipients: UpdateRecipients | None = None  # who asked for updates
    # People counted in the room (a meeting's attendance): the dialogue's "people offline" unless staff typed a
    # number when they compiled the results
    people_counted: PeopleCounted | None = None
    # Everyone who took part online or offline and gave an address (not only those who asked for updates), for the
    # participants' evaluation of the dialogue; never anyone whose data was erased:
    participant_addresses: ParticipantAddresses | None = None
    # Asks a closed dialogue's participants to evaluate it (one method offers it; the follow-up pages use the first):
    participant_evaluation: ParticipantEvaluation | None = None
    report_section: ReportSectionOf | None = None
    # Tables of the module's answers counted, for the decision basis (after the themes; free text is in `inputs`):
    decision_basis_tables: DecisionBasisTables | None = None
    # Documents the module made for the matter (a consultation report): a section and an attachment of the decision
    # basis, so staff no longer upload them by hand:
    decision_basis_documents: DecisionBasisDocuments | None = None
    # Measures the module's result suggests (the winners of a vote): follow-up offers to create each once:
    measures_offered: MeasuresOffered | None = None
    datasets: tuple[Dataset, ...] = field(default_factory=tuple)  # public data of this method
    # What people read instead of keys (see "No raw keys" in docs/adding-a-method.md):
    reference_prefix: str = ""  # short letters for references people read, e.g. "IN" gives "IN-121"
    stat_labels: Mapping[str, str] = field(
        default_factory=dict
    )  # key of `stats` -> label, e.g. {"inputs": _("Inputs")}
    audit_labels: Mapping[str, str] = field(
        default_factory=dict
    )  # action of the method's audit events -> label in words
    staff_pages: StaffPages | None = None  # the module's staff pages for the person
    # How participants appear publicly (Dialogue.public_identity; participation.identity). A method that honours
    # the setting asks for a pseudonym when the dialogue wants one, shows only dialogue.public_name_for(), stores
    # dialogue.account_for(user), and hides the names it already shows when the setting becomes stricter:
    honours_public_identity: bool = False
    public_names_hide: PublicNamesHide | None = None
    # Desk mode: staff enter inputs of the `offline_channels` many at a time (docs/adding-a-method.md, "Desk mode")
    desk_entry: DeskEntry | None = None

    def __post_init__(self):
        for item in fields(self):
            arguments = CALLABLE_ARGUMENTS.get(item.name)
            value = getattr(self, item.name)
            if arguments is not None and value is not None:
                _check_callable(self.key, item.name, value, arguments, CALLABLE_KEYWORDS.get(item.name, ()))
        if self.input_rows is not None:  # the workspace then asks `inputs` for a page's records
            _check_callable(self.key, "inputs", self.inputs, 1, ("ids",))
        if self.desk_entry is not None:
            self._check_desk_entry(self.desk_entry)
        if self.participant_evaluation is not None:
            _check_callable(self.key, "participant_evaluation.start", self.participant_evaluation.start, 2)
            _check_callable(self.key, "participant_evaluation.figures", self.participant_evaluation.figures, 1)

    def _check_desk_entry(self, desk: DeskEntry) -> None:
        from django import forms

        if not (isinstance(desk.form_class, type) and issubclass(desk.form_class, forms.BaseForm)):
            raise ManifestError(f"The method {self.key!r}: desk_entry.form_class must be a form class")
        _check_callable(self.key, "desk_entry.save", desk.save, 2, DESK_SAVE_KEYWORDS)
        _check_callable(self.key, "desk_entry.undo", desk.undo, 2, ("actor",))
        if desk.occasions is not None:
            _check_callable(self.key, "desk_entry.occasions", desk.occasions, 1)
        if not self.offline_channels:
            raise ManifestError(f"The method {self.key!r}: desk_entry needs offline_channels to enter")

    def phase_type(self, key: str) -> PhaseType | None:
        return self.phase_types.get(key)

    def reference(self, item_id: object) -> str:
        """The reference people read for an item of this method: "IN-121"."""
        return f"{self.reference_prefix or self.key.upper()}-{item_id}"


# How many positional arguments each callable of the manifest takes (its Protocol above).
CALLABLE_ARGUMENTS = {
    "stats": 1,
    "export_rows": 1,
    "personal_data": 1,
    "erase": 1,
    "participant_ids": 1,
    "people_counted": 1,
    "moderation_queue": 1,
    "moderation_count": 1,
    "inputs": 1,
    "input_channels": 1,
    "input_rows": 1,
    "update_recipients": 1,
    "participant_addresses": 1,
    "report_section": 2,
    "decision_basis_tables": 1,
    "decision_basis_documents": 1,
    "measures_offered": 1,
    "staff_pages": 2,
    "public_names_hide": 1,
}


# Keyword arguments a callable must accept besides them (the central moderation page pages through the queue).
CALLABLE_KEYWORDS = {"moderation_queue": ("limit",)}


def _check_callable(key: str, name: str, value: Any, arguments: int, keywords: Iterable[str] = ()) -> None:
    if not callable(value):
        raise ManifestError(f"The method {key!r}: {name} must be callable, not {value!r}")
    try:
        inspect.signature(value).bind(*[object()] * arguments, **dict.fromkeys(keywords))
    except TypeError as error:
        also = f" and the keyword(s) {', '.join(keywords)}" if keywords else ""
        raise ManifestError(f"The method {key!r}: {name} must take {arguments} argument(s){also}: {error}") from error
    except ValueError:  # a builtin without a signature: nothing to check
        pass


class Registry:
    def __init__(self) -> None:
        self._methods: dict[str, MethodManifest] = {}

    def register(self, manifest: MethodManifest) -> MethodManifest:
        if manifest.key in self._methods:
            raise ValueError(f"A participation method called {manifest.key!r} is already registered")
        self._methods[manifest.key] = manifest
        return manifest

    def unregister(self, key: str) -> None:
        self._methods.pop(key, None)

    def get(self, key: str) -> MethodManifest | None:
        return self._methods.get(key)

    def __getitem__(self, key: str) -> MethodManifest:
        return self._methods[key]

    def __iter__(self) -> Iterator[MethodManifest]:
        return iter(sorted(self._methods.values(), key=lambda m: m.key))

    def __len__(self) -> int:
        return len(self._methods)

    def choices(self) -> list[tuple[str, str]]:
        return [(m.key, m.name) for m in self]

    @contextmanager
    def temporarily(self, manifest: MethodManifest) -> Iterator[MethodManifest]:
        """Register a method for the length of a test. Its URLs are not mounted: the site's URLs are read first, so
        that they never keep those of a method registered only for a while (a test that needs them mounts them)."""
        from django.urls import get_resolver

        get_resolver().url_patterns  # noqa: B018 (reads config.urls now, if no request has yet)
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
    created_at: datetime.datetime
    author_shown: str = ""
    demographics: Mapping[str, str] = field(default_factory=dict)
    staff_url: str = ""
    received_on: datetime.date | None = None  # the day an input entered by staff came in; None for online input

    @property
    def reference(self) -> str:
        """The reference people read ("IN-121"); `ref` is for machines."""
        return input_reference(self.ref)


def input_reference(ref: object) -> str:
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
    created_at: datetime.datetime
    dialogue: Any  # dialogues.Dialogue
    url: str  # the method's own staff page where the item is moderated
