"""What a decision basis says, gathered once and rendered twice (PDF and Word) in the same order.

Everything here is plain data: the renderers never query the database. Nothing personal goes in: quotes are
the excerpts staff marked (with any e-mail address blanked out), never the authors' names; figures come from
results.selectors with small cells already suppressed.
"""

import base64
import re
from dataclasses import dataclass

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

# pgettext("decision basis", …): the document's own words for inputs and channels, whatever other apps call them.
from delaktig.core.contributions import Table
from delaktig.core.templatetags.delaktig import number
from delaktig.organisations.models import Decision
from delaktig.participation.demographics import hidden_label
from delaktig.participation.registry import registry
from delaktig.results import selectors as results
from delaktig.results.models import InputTag

from . import layout, selectors

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")


@dataclass(frozen=True)
class Theme:
    name: str
    description: str
    count: int
    quotes: tuple  # (text, channel label)


@dataclass(frozen=True)
class AppendedInput:
    """One input in the appendix: what was said, how and when, and its themes; never who said it."""

    reference: str
    text: str
    channel: str
    date: object
    themes: str


@dataclass(frozen=True)
class Content:
    title: str
    dialogue_title: str
    registration_number: str
    generated_on: object
    version: int
    municipality: str
    question: str
    purpose: str
    ladder_label: str
    ladder_explanation: str
    decision_facts: tuple  # (label, value)
    toolbox_methods: tuple
    modules: tuple  # (module name, method name)
    target_groups: tuple
    participation_tables: tuple  # Table
    totals: tuple  # (label, value)
    demographic_tables: tuple  # Table, already suppressed
    representativeness_computed: str
    representativeness_text: str
    representation_tables: tuple  # Table: compared with the population, already suppressed (results.figures)
    representation_note: str
    themes: tuple  # Theme
    untagged_count: int
    total_inputs: int
    consultation_text: str
    consultation_file_name: str
    assessment: str
    consultation_pdf: bytes = b""  # the uploaded report, attached to the PDF
    counted: tuple = ()  # (module name, tables): answers counted by the methods that count them (e.g. surveys)
    documents: tuple = ()  # registry.DecisionBasisDocument: documents the methods made (a consultation report)
    # The officer's report (tjänsteskrivelse)
    department: str = ""
    addressee: str = ""
    signer_name: str = ""
    signer_title: str = ""
    background: str = ""
    proposed_points: tuple = ()
    period: tuple = (None, None)  # (opens, closes) dates
    open_for_influence: str = ""
    fixed: str = ""
    input_use: str = ""
    children_affected: bool = False
    child_rights_text: str = ""
    sections: tuple = ()  # layout.Section: the municipality's order, headings and fixed texts, only those with content
    logo: bytes = b""
    logo_type: str = ""  # "image/png" or "image/jpeg"
    inputs: tuple = ()  # AppendedInput: the appendix
    attachments: tuple = ()  # names of the attachments, in the order they are numbered
    uploaded: tuple = ()  # Uploaded: the officer's other attachments, carried inside the PDF

    @property
    def has_demographics(self):
        return bool(self.demographic_tables)

    @property
    def logo_src(self):
        """The logo as a data: address, so the PDF is made without fetching anything."""
        if not self.logo:
            return ""
        return f"data:{self.logo_type};base64,{base64.b64encode(self.logo).decode('ascii')}"

    @property
    def period_text(self):
        opens, closes = self.period
        dates = [formats.date_format(day, "j F Y") for day in (opens, closes) if day]
        return " – ".join(dates)


@dataclass(frozen=True)
class Uploaded:
    name: str
    kind: str  # the file type for people: PDF, Word, PNG image …
    data: bytes


def without_emails(text):
    return EMAIL.sub(_("[e-mail address removed]"), text or "")


def gather(basis):
    """The content of `basis` from its dialogue, the results and what the officer wrote on the form."""
    dialogue = basis.dialogue
    overview = results.results_overview(dialogue)
    figures = results.participation_figures(dialogue)
    demographic = tuple(table for table in figures.demographic_tables if _has_groups(table))
    computed = representativeness_note(demographic)
    documents = _documents(dialogue)
    inputs = _appended_inputs(dialogue)
    uploaded = _uploaded(basis)
    attachments = _attachments(basis, inputs, documents, uploaded)
    counted = _counted(dialogue)
    logo, logo_type = _logo(dialogue.municipality)
    return Content(
        title=_("Decision basis"),
        dialogue_title=dialogue.title,
        registration_number=basis.registration_number,
        generated_on=timezone.localdate(),
        version=basis.version,
        municipality=dialogue.municipality.name,
        question=dialogue.question,
        purpose=dialogue.purpose,
        **_ladder(dialogue),
        decision_facts=_decision_facts(dialogue),
        toolbox_methods=tuple(m.name for m in dialogue.toolbox_methods.order_by("name")),
        modules=_modules(dialogue),
        target_groups=tuple(g.name for g in dialogue.target_groups.order_by("name")),
        participation_tables=_participation_tables(figures),
        totals=_totals(figures),
        demographic_tables=demographic,
        representativeness_computed=computed,
        representativeness_text=basis.representativeness_text,
        representation_tables=tuple(figures.representation_tables) if demographic else (),
        representation_note=representation_note(figures.representation_tables) if demographic else "",
        themes=_themes(overview),
        untagged_count=overview.untagged_count,
        total_inputs=overview.total_inputs,
        consultation_text=basis.consultation_text,
        consultation_file_name=basis.consultation_file_name() if basis.consultation_file else "",
        assessment=basis.assessment,
        consultation_pdf=_read(basis.consultation_file),
        counted=counted,
        documents=documents,
        department=basis.department,
        addressee=basis.addressee,
        signer_name=basis.signer_name,
        signer_title=basis.signer_title,
        background=basis.background,
        proposed_points=basis.proposed_points,
        period=(dialogue.starts_on, dialogue.ends_on),
        open_for_influence=dialogue.open_for_influence,
        fixed=dialogue.fixed,
        input_use=dialogue.input_use,
        children_affected=basis.children_affected,
        child_rights_text=basis.child_rights_text,
        sections=_sections(basis, counted, documents, attachments),
        logo=logo,
        logo_type=logo_type,
        inputs=inputs,
        attachments=attachments,
        uploaded=uploaded,
    )


def _sections(basis, counted, documents, attachments):
    """The municipality's sections, leaving out those that would be empty (a heading with nothing under it)."""
    has = {
        "bakgrund": bool(basis.background),
        "raknade-svar": bool(counted),
        "samrad": bool(basis.consultation_text or basis.consultation_file),
        "dokument": bool(documents),
        "barnkonsekvenser": basis.children_affected and bool(basis.child_rights_text),
        "bilagor": bool(attachments),
        "forslag-till-beslut": bool(basis.proposed_points),
        "underskrift": bool(basis.signer_name),
    }
    sections = layout.sections_for(basis.dialogue.municipality)
    return tuple(section for section in sections if has.get(section.key, True))


def _appended_inputs(dialogue):
    """Every input, oldest first, as the appendix prints it: no name, e-mail addresses blanked."""
    tags: dict[str, list[str]] = {}
    for ref, name in (
        InputTag.objects.filter(dialogue=dialogue)
        .order_by("theme__order", "theme__name")
        .values_list("input_ref", "theme__name")
    ):
        tags.setdefault(ref, []).append(name)
    rows = []
    for record in results.dialogue_inputs(dialogue):
        text = record.text.strip()
        if record.title and record.title.strip() not in text:
            text = f"{record.title.strip()}: {text}" if text else record.title.strip()
        rows.append(
            AppendedInput(
                reference=record.reference,
                text=without_emails(text),
                channel=results.channel_label(record.channel),
                date=record.received_on or timezone.localdate(record.created_at),
                themes=", ".join(tags.get(record.ref, [])),
            )
        )
    return tuple(rows)


def _uploaded(basis):
    """The officer's other attachments; one whose file is gone is left out rather than failing the version."""
    found = []
    for attachment in basis.attachments.all():
        try:
            data = _read(attachment.file)
        except OSError:
            continue
        found.append(Uploaded(name=attachment.name, kind=attachment.get_kind_display(), data=data))
    return tuple(found)


def _attachments(basis, inputs, documents, uploaded=()):
    names = []
    if inputs:
        names.append(_("All inputs (%(count)s)") % {"count": number(len(inputs))})
    if basis.consultation_file:
        names.append(_("Consultation report (%(name)s)") % {"name": basis.consultation_file_name()})
    names += [f"{document.title} ({document.file_name})" for document in documents]
    names += [f"{item.name} ({item.kind})" for item in uploaded]
    return tuple(names)


def _logo(municipality):
    letterhead = selectors.letterhead_for(municipality)
    if letterhead is None or not letterhead.logo:
        return b"", ""
    try:
        data = _read(letterhead.logo)
    except OSError:  # a missing file leaves the logo out rather than failing the version
        return b"", ""
    return data, "image/png" if data.startswith(b"\x89PNG") else "image/jpeg"


def _counted(dialogue):
    """The tables each way of taking part offers (manifest `decision_basis_tables`), those with any."""
    found = []
    for module in dialogue.modules.order_by("order", "id"):
        manifest = registry.get(module.method)
        if manifest is None or manifest.decision_basis_tables is None:
            continue
        tables = tuple(manifest.decision_basis_tables(module))
        if tables:
            found.append((module.name, tables))
    return tuple(found)


def _documents(dialogue):
    """The documents each way of taking part offers (manifest `decision_basis_documents`), in the modules' order."""
    found = []
    for module in dialogue.modules.order_by("order", "id"):
        manifest = registry.get(module.method)
        if manifest is not None and manifest.decision_basis_documents is not None:
            found += list(manifest.decision_basis_documents(module))
    return tuple(found)


def _read(stored):
    if not stored:
        return b""
    with stored.open("rb") as handle:
        return handle.read()


def _ladder(dialogue):
    level = dialogue.ladder
    if level is None:
        return {"ladder_label": _("Not stated"), "ladder_explanation": ""}
    return {"ladder_label": str(level.label), "ladder_explanation": str(level.explanation)}


def _decision_facts(dialogue):
    decision = dialogue.decision_to_hold or Decision()
    return (
        (_("Decided by"), decision.body.name if decision.body else _("Not stated")),
        (_("Meeting date"), decision.date),
        (_("Minute item"), decision.minute_item or "–"),
        (_("Registration number of the decision"), decision.number or "–"),
    )


def _modules(dialogue):
    rows = []
    for module in dialogue.modules.order_by("order", "id"):
        manifest = registry.get(module.method)
        rows.append((module.name, str(manifest.name) if manifest else module.method))
    return tuple(rows)


def _figure_table(caption, rows, key, with_participants=True):
    first = pgettext("decision basis", "Method") if with_participants else pgettext("decision basis", "Channel")
    headers = [first, pgettext("decision basis", "Inputs")]
    if with_participants:
        headers.append(pgettext("decision basis", "Participants"))
    headers += [pgettext("decision basis", "Online"), pgettext("decision basis", "Offline")]
    body = []
    for row in rows:
        cells = [row.label, row.inputs]
        if with_participants:
            cells.append("–" if row.participants is None else row.participants)
        body.append((*cells, row.online, row.offline))
    return Table(caption=caption, headers=tuple(headers), rows=tuple(body), key=key)


def _participation_tables(figures):
    return (
        _figure_table(pgettext("decision basis", "Participation per method"), figures.by_method, "by_method"),
        _figure_table(
            pgettext("decision basis", "Inputs per channel"), figures.by_channel, "by_channel", with_participants=False
        ),
    )


def _totals(figures):
    return (
        (pgettext("decision basis", "Inputs in total"), figures.total_inputs),
        (_("Participants in total (logged in)"), figures.total_participants),
        (pgettext("decision basis", "Inputs online"), figures.online_inputs),
        (pgettext("decision basis", "Inputs on paper, at meetings and other offline channels"), figures.offline_inputs),
    )


def _themes(overview):
    return tuple(
        Theme(
            name=t.name,
            description=t.description,
            count=t.count,
            quotes=tuple((without_emails(text), str(channel)) for text, channel in t.quotes),
        )
        for t in overview.themes
    )


def _not_groups():
    """The rows "Total" and "Not told" that results adds to each table are not groups."""
    return {str(_("Total")), str(_("Not told"))}


def _groups(table):
    """[(label, shown count)] of the table's groups; a shown count is an int or a "fewer than 5" text."""
    not_groups = _not_groups()
    return [(str(row[0]), row[1]) for row in table.rows if len(row) > 1 and str(row[0]) not in not_groups]


def _has_groups(table):
    """Someone told this: a group with inputs (a suppressed cell has some too)."""
    return any(not isinstance(n, int) or n > 0 for _label, n in _groups(table))


def representativeness_note(tables):
    """A sentence per demographic table: the largest group and the groups with few or no inputs."""
    sentences = []
    for table in tables:
        counted = _groups(table)
        numbers = [(label, n) for label, n in counted if isinstance(n, int) and n > 0]
        if not numbers:
            continue
        largest = max(numbers, key=lambda item: item[1])
        # "fewer than 5" and 0 are few; a cell hidden only to protect another ("not shown") may be many.
        few = [label for label, n in counted if n == 0 or (not isinstance(n, int) and str(n) != hidden_label())]
        sentence = _("%(table)s: most inputs came from “%(group)s” (%(count)s).") % {
            "table": table.caption,
            "group": largest[0],
            "count": largest[1],
        }
        if few:
            sentence += " " + _("Few or no inputs came from: %(groups)s.") % {"groups": ", ".join(few)}
        below = _below_resident_share(table)
        if below:
            sentence += " " + _("The share of inputs was less than half the share of residents in: %(groups)s.") % {
                "groups": ", ".join(below)
            }
        sentences.append(sentence)
    return " ".join(sentences)


AREA_TABLE = "demographics_area"  # results.figures.demographic_tables


def _below_resident_share(table):
    """Areas with a shown count whose share of the inputs that named an area is under half their share of the
    residents (results adds that share as a third column when every area has its number of residents)."""
    if table.key != AREA_TABLE or len(table.headers) < 3:
        return []
    not_groups = _not_groups()
    rows = [row for row in table.rows if str(row[0]) not in not_groups and len(row) > 2]
    told = sum(row[1] for row in rows if isinstance(row[1], int))
    if not told:
        return []
    return [
        str(label)
        for label, count, share in rows
        if isinstance(count, int) and count > 0 and share and 100 * count / told < share / 2
    ]


def representation_note(tables):
    """A sentence per comparison with the population: the groups marked under-represented (index below 80), in the
    table's last column (results.figures.representation_tables)."""
    sentences = []
    for table in tables:
        under = [str(row[0]) for row in table.rows if row and row[-1]]
        if under:
            sentences.append(
                _("%(table)s: under-represented compared with the residents: %(groups)s.")
                % {"table": table.caption, "groups": ", ".join(under)}
            )
        else:
            sentences.append(_("%(table)s: no group is under-represented.") % {"table": table.caption})
    return " ".join(sentences)
