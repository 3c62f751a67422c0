"""Test helpers: a closed dialogue with inputs from a stand-in method, themes, tags and quotes."""

import datetime

from django.utils import timezone

from delaktig.dialogues.models import State
from delaktig.dialogues.tests.factories import DialogueFactory, fill_for_state
from delaktig.organisations.models import Membership
from delaktig.participation.models import Module
from delaktig.participation.registry import InputRecord, MethodManifest
from delaktig.results.models import InputTag, Quote, Theme

METHOD = "stand_in_method"
CASE = "KS 2026/77"
HIDDEN_NAME = "Hemlig Invånarsson"
HIDDEN_EMAIL = "hemlig.invanare@example.se"
PROPOSAL = "1. Kommunen bygger en lekplats med bänkar.\n\n2) Förvaltningen återkopplar till deltagarna."
SIGNER_TITLE = "Utredare"


def signer_of(user, municipality):
    """The membership `user` signs as, with a title."""
    membership = Membership.objects.filter(user=user, municipality=municipality).order_by("id").get()
    if not membership.title:
        membership.title = SIGNER_TITLE
        membership.save(update_fields=["title"])
    return membership


def report(dialogue, officer, **extra):
    """What the service needs besides the assessment: the proposal, the signer and the body it goes to."""
    municipality = dialogue.municipality
    return {
        "proposed_decision": PROPOSAL,
        "signer": signer_of(officer, municipality),
        "addressee": municipality.get_deciding_body(),
        **extra,
    }


def report_form(dialogue, officer, **extra):
    """The same as the generate form posts it."""
    municipality = dialogue.municipality
    return {
        "assessment": "Vi föreslår en lekplats.",
        "proposed_decision": PROPOSAL,
        "signer": signer_of(officer, municipality).pk,
        "addressee": municipality.get_deciding_body().pk,
        **extra,
    }


def records_for(module, count, demographics=None):
    start = timezone.now() - datetime.timedelta(days=5)
    return [
        InputRecord(
            ref=f"{METHOD}:{module.pk}-{n}",
            module_id=module.pk,
            method=METHOD,
            title=f"Förslag {n}",
            text=f"Fler bänkar vid lekplatsen, förslag nummer {n}.",
            channel="online" if n % 3 else "paper",
            created_at=start + datetime.timedelta(minutes=n),
            demographics=demographics(n) if demographics else {},
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
        participant_ids=lambda module: set(range(len(store.get(module.pk, [])) // 2)),
        module_template="",
        inputs=lambda module: store.get(module.pk, []),
    )


def closed_dialogue(municipality, *, case_number=CASE, state=State.CLOSED):
    dialogue = DialogueFactory(municipality=municipality, case_number=case_number)
    return fill_for_state(dialogue, state)


def with_results(dialogue, store, count=6):
    """A module with `count` inputs, two themes, tags and quotes (one quote carries an e-mail address)."""
    module = Module.objects.create(dialogue=dialogue, method=METHOD, name="Lämna synpunkter")
    store[module.pk] = records_for(module, count)
    play = Theme.objects.create(dialogue=dialogue, name="Lekplats", description="Om lek och bänkar.", order=1)
    Theme.objects.create(dialogue=dialogue, name="Trafik", order=2)
    for record in store[module.pk][:4]:
        InputTag.objects.create(dialogue=dialogue, input_ref=record.ref, theme=play)
    first, second = store[module.pk][:2]
    Quote.objects.create(dialogue=dialogue, input_ref=first.ref, text="Fler bänkar vid lekplatsen", theme=play)
    Quote.objects.create(
        dialogue=dialogue,
        input_ref=second.ref,
        text=f"Skriv till mig på {HIDDEN_EMAIL} om lekplatsen",
        theme=play,
        channel="paper",
    )
    return module
