"""What goes into a dialogue's archive package, gathered as plain files: documents, decisions, inputs, audit trail.

Nothing personal goes in. Inputs carry text, channel, date and themes, never an author's name, account or address;
e-mail addresses written in any text are blanked out (decisionbasis.content.without_emails). Actors in the audit
trail are given by role and user id, never by name or e-mail (docs/archive-export.md, "Who did it").
Inputs come from the methods through the participation registry (results.selectors); no method is named here.
"""

import datetime
import hashlib
import json
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import timezone
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from delaktig.core.audit import action_label
from delaktig.core.exports import csv_text
from delaktig.core.models import AuditEvent
from delaktig.decisionbasis import selectors as decision_basis
from delaktig.decisionbasis.content import without_emails
from delaktig.decisionbasis.models import DecisionBasis
from delaktig.dialogues.selectors import dialogue_audit_trail
from delaktig.followup.models import Evaluation, Measure, Outcome
from delaktig.matters.models import Matter
from delaktig.organisations.models import Decision, Membership, Role
from delaktig.participation.registry import registry
from delaktig.results import selectors as results
from delaktig.results.models import CompiledResults, InputTag

from .models import ArchiveExport

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
TEXT = "text/plain; charset=utf-8"
CSV = "text/csv; charset=utf-8"

# Keys of an audit event's data that may name a person; they are left out of the audit trail.
PERSONAL_KEYS = frozenset(
    {"name", "email", "e_mail", "author", "author_name", "contact_name", "contact_email", "contact_phone", "phone"}
)
PERSONAL_KEYS |= frozenset({"recipients", "recipient", "address", "ip", "user_agent", "pseudonym"})


@dataclass(frozen=True)
class PackageFile:
    """One file of the package and what the XML says about it."""

    path: str  # inside the ZIP, with forward slashes
    title: str
    record_type: str  # ERMS recordType: what kind of document it is (Swedish, as archives read it)
    data: bytes
    mime_type: str
    created: datetime.datetime | datetime.date | None = None
    description: str = ""

    @property
    def size(self):
        return len(self.data)

    @property
    def sha256(self):
        return hashlib.sha256(self.data).hexdigest()

    @property
    def name(self):
        return self.path.rsplit("/", 1)[-1]


@dataclass(frozen=True)
class DecisionRecord:
    """One of the dialogue's two decisions (organisations.Decision), as the package describes it."""

    kind: str  # "decision_to_hold" or "decision_in_matter"
    title: str
    body: str
    date: datetime.date | None
    minute_item: str
    number: str
    text: str


@dataclass(frozen=True)
class Package:
    files: tuple  # PackageFile, in the order of the XML's records
    decisions: tuple = field(default_factory=tuple)  # DecisionRecord


def gather(dialogue):
    """Every file of the dialogue's package, in the order the XML lists them."""
    decisions = _decisions(dialogue)
    files = [
        *_decision_basis_files(dialogue),
        *_method_documents(dialogue),
        *_outcome_files(dialogue),
        *(_decision_file(record) for record in decisions),
        _inputs_file(dialogue),
        _audit_file(dialogue),
    ]
    return Package(files=tuple(files), decisions=tuple(decisions))


def _read(stored):
    with stored.open("rb") as handle:
        return handle.read()


def _decision_basis_files(dialogue):
    """Every finished version of the decision basis, PDF and Word, its uploaded consultation report and its other
    attachments."""
    found = []
    for basis in reversed(list(decision_basis.versions_for(dialogue))):  # oldest first
        if not basis.is_done:
            continue
        title = _("Decision basis, version %(version)s") % {"version": basis.version}
        for kind, mime, label in (("pdf", PDF, "PDF"), ("docx", DOCX, "Word")):
            stored = getattr(basis, kind)
            if stored:
                found.append(
                    PackageFile(
                        path=f"dokument/{basis.file_name(kind)}",
                        title=f"{title} ({label})",
                        record_type=_("Decision basis"),
                        data=_read(stored),
                        mime_type=mime,
                        created=basis.finished_at or basis.created_at,
                    )
                )
        if basis.consultation_file:
            found.append(_consultation_file(basis))
        found += [_attachment_file(basis, attachment) for attachment in basis.attachments.all()]
    return found


def _attachment_file(basis: DecisionBasis, attachment):
    """One of the other attachments the officer chose for the version (a map, a report)."""
    return PackageFile(
        path=f"dokument/v{basis.version}-bilaga-{attachment.order}-{get_valid_filename(attachment.name)}",
        title=_("%(name)s (attachment to version %(version)s of the decision basis)")
        % {"name": attachment.name, "version": basis.version},
        record_type=_("Attachment"),
        data=_read(attachment.file),
        mime_type=attachment.content_type,
        created=attachment.created_at,
    )


def _consultation_file(basis: DecisionBasis):
    return PackageFile(
        path=f"dokument/{basis.consultation_file_name()}",
        title=_("Consultation report (with version %(version)s of the decision basis)") % {"version": basis.version},
        record_type=_("Consultation report"),
        data=_read(basis.consultation_file),
        mime_type=PDF,
        created=basis.created_at,
    )


def _method_documents(dialogue):
    """Documents the ways of taking part made for the matter (manifest `decision_basis_documents`)."""
    found: list[PackageFile] = []
    taken: set[str] = set()
    for module in results.modules_of(dialogue):
        manifest = registry.get(module.method)
        if manifest is None or manifest.decision_basis_documents is None:
            continue
        for document in manifest.decision_basis_documents(module):
            name = _unique(f"m{module.pk}-{document.file_name}", taken)
            found.append(
                PackageFile(
                    path=f"dokument/{name}",
                    title=f"{document.title} ({module.name})",
                    record_type=_("Consultation report"),
                    data=document.pdf,
                    mime_type=PDF,
                    description=" ".join(without_emails(p) for p in document.paragraphs)[:2000],
                )
            )
    return found


def _unique(name, taken):
    candidate, n = name, 1
    while candidate in taken:
        n += 1
        stem, dot, extension = name.rpartition(".")
        candidate = f"{stem}-{n}{dot}{extension}" if dot else f"{name}-{n}"
    taken.add(candidate)
    return candidate


def _outcome_files(dialogue):
    """The published outcome: the summary of results, how the input mattered, the feedback and the evaluation."""
    compiled = CompiledResults.of(dialogue)
    outcome = Outcome.of(dialogue)
    evaluation = Evaluation.of(dialogue)
    sections = [
        (_("Summary of results"), compiled.summary),
        (_("How the input mattered"), outcome.input_influence),
        (_("Feedback to participants"), outcome.feedback),
        (_("Lessons learned"), evaluation.lessons),
        (_("Summary of the participants' evaluation"), evaluation.participants_summary),
    ]
    measures = list(Measure.objects.filter(dialogue=dialogue).order_by("due_on", "id"))
    if measures:
        lines = [f"- {m.title} ({m.get_status_display()})" for m in measures]
        sections.append((_("Measures"), "\n".join(lines)))
    written = [(heading, text.strip()) for heading, text in sections if (text or "").strip()]
    if not written:
        return []
    published = dialogue.feedback_published_at
    head = [_("Feedback and outcome"), dialogue.title, dialogue.case_number]
    if published:
        head.append(_("Published %(date)s") % {"date": timezone.localdate(published).isoformat()})
    body = "\n\n".join(f"{heading}\n{'-' * len(heading)}\n{without_emails(text)}" for heading, text in written)
    return [
        PackageFile(
            path="dokument/aterkoppling-och-utfall.txt",
            title=_("Feedback and outcome"),
            record_type=_("Feedback"),
            data=("\n".join(line for line in head if line) + "\n\n" + body + "\n").encode("utf-8"),
            mime_type=TEXT,
            created=published or dialogue.updated_at,
        )
    ]


def _decisions(dialogue):
    found = []
    for kind, decision, title in (
        ("decision_to_hold", dialogue.decision_to_hold, _("Decision to hold the dialogue")),
        ("decision_in_matter", dialogue.decision_in_matter, _("Decision in the matter")),
    ):
        if decision is None:
            continue
        found.append(
            DecisionRecord(
                kind=kind,
                title=title,
                body=decision.body.name if decision.body_id else "",
                date=decision.date,
                minute_item=decision.minute_item,
                number=decision.number,
                text=without_emails(decision.text),
            )
        )
    return found


DECISION_FILES = {"decision_to_hold": "beslut-att-halla-dialogen.txt", "decision_in_matter": "beslut-i-arendet.txt"}


def _decision_file(record):
    lines = [
        record.title,
        "",
        f"{_('Decided by')}: {record.body or '–'}",
        f"{_('Date of decision')}: {record.date.isoformat() if record.date else '–'}",
        f"{_('Minute item')}: {record.minute_item or '–'}",
        f"{_('Registration number')}: {record.number or '–'}",
    ]
    if record.text:
        lines += ["", record.text]
    return PackageFile(
        path=f"beslut/{DECISION_FILES[record.kind]}",
        title=record.title,
        record_type=_("Decision"),
        data=("\n".join(lines) + "\n").encode("utf-8"),
        mime_type=TEXT,
        created=record.date,
    )


def _inputs_file(dialogue):
    """Every input of the dialogue without personal data: reference, date, channel, way of taking part, themes,
    title and text (e-mail addresses blanked out). Never the author's name, account, demographics or address."""
    records = results.dialogue_inputs(dialogue)
    themes = _themes_by_input(dialogue)
    modules = {module.pk: module.name for module in results.modules_of(dialogue)}
    header = [
        _("Reference"),
        _("Date"),
        _("Channel"),
        _("Way of taking part"),
        _("Themes"),
        _("Title"),
        _("Text"),
    ]
    rows = [header]
    for record in records:
        when = record.received_on or timezone.localdate(record.created_at)
        rows.append(
            [
                record.reference,
                when.isoformat(),
                results.channel_label(record.channel),
                modules.get(record.module_id, ""),
                "; ".join(themes.get(record.ref, [])),
                without_emails(record.title),
                without_emails(record.text),
            ]
        )
    return PackageFile(
        path="synpunkter/synpunkter.csv",
        title=_("Inputs without personal data"),
        record_type=_("Inputs"),
        data=csv_text(rows).encode("utf-8"),
        mime_type=CSV,
        created=timezone.now(),
        description=_("%(count)s inputs") % {"count": len(records)},
    )


def _themes_by_input(dialogue):
    found: dict[str, list[str]] = {}
    tags = InputTag.objects.filter(dialogue=dialogue).select_related("theme").order_by("theme__order", "theme__name")
    for tag in tags:
        found.setdefault(tag.input_ref, []).append(tag.theme.name)
    return found


# --- The audit trail ------------------------------------------------------------------------------------------


def audit_events(dialogue):
    """Audit events of the dialogue, its modules and phases (dialogues' trail), its decisions, decision basis
    versions, measures, matters and archive exports; oldest first."""
    own = {event.pk for event in dialogue_audit_trail(dialogue)}
    related = [
        (Decision, [d.pk for d in (dialogue.decision_to_hold, dialogue.decision_in_matter) if d]),
        (DecisionBasis, list(DecisionBasis.objects.filter(dialogue=dialogue).values_list("pk", flat=True))),
        (Measure, list(Measure.objects.filter(dialogue=dialogue).values_list("pk", flat=True))),
        (Matter, list(Matter.objects.filter(dialogue=dialogue).values_list("pk", flat=True))),
        (ArchiveExport, list(ArchiveExport.objects.filter(dialogue=dialogue).values_list("pk", flat=True))),
    ]
    wanted = Q(pk__in=own)
    for model, ids in related:
        if ids:
            wanted |= Q(target_type=ContentType.objects.get_for_model(model), target_id__in=ids)
    events = AuditEvent.objects.filter(wanted, municipality=dialogue.municipality)
    return list(events.select_related("actor", "target_type").order_by("created_at", "id"))


def actor_of(event, staff_roles):
    """(who, user id) by the documented rule: staff by their roles in the municipality and their user id; anyone
    else as a participant without an id; no actor as the system. Never a name or an e-mail address."""
    if event.actor_id is None:
        return _("The system"), ""
    roles = staff_roles.get(event.actor_id)
    if not roles:
        return _("Participant"), ""
    labels = dict(Role.choices)
    return ", ".join(str(labels[role]) for role in sorted(roles)), str(event.actor_id)


def _staff_roles(dialogue, events):
    ids = {event.actor_id for event in events if event.actor_id}
    found: dict[int, set[str]] = {}
    rows = Membership.objects.filter(municipality=dialogue.municipality, user_id__in=ids).values_list("user_id", "role")
    for user_id, role in rows:
        found.setdefault(user_id, set()).add(role)
    return found


def scrubbed(value):
    """An audit event's data without personal keys, e-mail addresses blanked out in every text."""
    if isinstance(value, dict):
        return {key: scrubbed(item) for key, item in value.items() if str(key).lower() not in PERSONAL_KEYS}
    if isinstance(value, (list, tuple)):
        return [scrubbed(item) for item in value]
    if isinstance(value, str):
        return without_emails(value)
    return value


def _audit_file(dialogue):
    events = audit_events(dialogue)
    roles = _staff_roles(dialogue, events)
    header = [_("Time"), _("Event"), _("Event code"), _("Object"), _("Object id"), _("Done by"), _("User id")]
    rows = [[*header, _("Details")]]
    for event in events:
        who, user_id = actor_of(event, roles)
        model = event.target_type.model_class()
        details = json.dumps(scrubbed(event.data), ensure_ascii=False, sort_keys=True) if event.data else ""
        rows.append(
            [
                timezone.localtime(event.created_at).isoformat(timespec="seconds"),
                str(action_label(event.action)),
                event.action,
                str(model._meta.verbose_name) if model else "",
                event.target_id,
                who,
                user_id,
                details,
            ]
        )
    return PackageFile(
        path="logg/handelselogg.csv",
        title=_("Audit trail of the dialogue"),
        record_type=_("Audit trail"),
        data=csv_text(rows).encode("utf-8"),
        mime_type=CSV,
        created=timezone.now(),
        description=_("%(count)s events") % {"count": len(events)},
    )
