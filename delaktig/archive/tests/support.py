"""Test helpers: a decided dialogue with inputs from a stand-in method, themes, a decision basis and an outcome,
with a participant's name and e-mail address planted where a careless export would pick them up."""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

from delaktig.core.audit import audit_record
from delaktig.decisionbasis.models import DecisionBasis
from delaktig.decisionbasis.models import Status as BasisStatus
from delaktig.dialogues.models import State
from delaktig.dialogues.tests.factories import DialogueFactory, fill_for_state
from delaktig.followup.models import Outcome
from delaktig.participation.models import Module
from delaktig.participation.registry import InputRecord, MethodManifest
from delaktig.results.models import InputTag, Theme

METHOD = "stand_in_method"
CASE = "KS 2026/88"
HIDDEN_NAME = "Hemlig Invånarsson"
HIDDEN_EMAIL = "hemlig.invanare@example.se"
HIDDEN_IP = "203.0.113.77"


def records_for(module, count):
    start = timezone.now() - datetime.timedelta(days=5)
    return [
        InputRecord(
            ref=f"{METHOD}:{module.pk}-{n}",
            module_id=module.pk,
            method=METHOD,
            title=f"Förslag {n}",
            text=f"Fler bänkar vid lekplatsen, förslag {n}." + (f" Mejla mig på {HIDDEN_EMAIL}." if n == 1 else ""),
            channel="online" if n % 2 else "paper",
            created_at=start + datetime.timedelta(minutes=n),
            author_shown=HIDDEN_NAME,
            demographics={"age_band": "30-44", "area": "Centrum"},
        )
        for n in range(count)
    ]


def manifest(store):
    """A method that reads its inputs from `store` (module id -> records)."""
    return MethodManifest(
        key=METHOD,
        name="Synpunkter (testmetod)",
        description="",
        phase_types={},
        public_urls="delaktig.decisionbasis.tests.empty_urls",
        staff_urls="delaktig.decisionbasis.tests.empty_urls",
        resident_actions=frozenset(),
        staff_actions={},
        stats=lambda module: {},
        export_rows=lambda module: [],
        personal_data=lambda user: [],
        erase=lambda user: 0,
        participant_ids=lambda module: set(),
        module_template="",
        inputs=lambda module: store.get(module.pk, []),
    )


def dialogue_in(municipality, *, state=State.MATTER_DECIDED, case_number=CASE):
    dialogue = DialogueFactory(municipality=municipality, case_number=case_number)
    return fill_for_state(dialogue, state)


def with_records(dialogue, store, resident, count=4):
    """Inputs, a theme, a finished decision basis, an outcome and audit events, some by a resident."""
    module = Module.objects.create(dialogue=dialogue, method=METHOD, name="Lämna synpunkter")
    store[module.pk] = records_for(module, count)
    theme = Theme.objects.create(dialogue=dialogue, name="Lekplats", order=1)
    for record in store[module.pk][:2]:
        InputTag.objects.create(dialogue=dialogue, input_ref=record.ref, theme=theme)
    basis = DecisionBasis.objects.create(
        dialogue=dialogue,
        version=1,
        registration_number=dialogue.case_number or "KS 1",
        assessment="Bra.",
        status=BasisStatus.DONE,
    )
    basis.pdf.save(basis.file_name("pdf"), ContentFile(b"%PDF-1.4 basis\n%%EOF\n"), save=False)
    basis.docx.save(basis.file_name("docx"), ContentFile(b"PK word"), save=False)
    basis.save()
    Outcome.objects.update_or_create(
        dialogue=dialogue,
        defaults={"input_influence": "Bänkarna kom med.", "feedback": f"Tack! Frågor till {HIDDEN_EMAIL}."},
    )
    audit_record(
        municipality=dialogue.municipality,
        actor=resident,
        action="dialogue.follow",
        target=dialogue,
        data={"email": HIDDEN_EMAIL, "name": HIDDEN_NAME, "ip": HIDDEN_IP, "note": f"från {HIDDEN_EMAIL}"},
    )
    return module
