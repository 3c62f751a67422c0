"""Data for W4, lists that stay flat: one municipality per size with that many of what each list shows, another
municipality whose signatures only fill the table, and a staff session for the staff lists (bulk inserts)."""

import datetime

from django.urls import reverse
from django.utils import timezone

from delaktig.accounts.models import IdentityLevel, User
from delaktig.dialogues.models import Dialogue, State
from delaktig.methods.open_input.models import Input
from delaktig.organisations.models import Body, Membership, Municipality, Role
from delaktig.participation.models import Channel, ModerationStatus, Module, Phase
from delaktig.proposals.models import Proposal, Route, Signature, Status
from delaktig.proposals.selectors import settings_for

from .seed import _analyze, _bulk, login_session, valid_signature

CHANNELS = (Channel.ONLINE, Channel.PAPER, Channel.MEETING)


def municipality_make(slug, code):
    municipality, _created = Municipality.objects.get_or_create(
        slug=slug, defaults={"name": f"Listkommun {slug}", "municipality_code": code}
    )
    for name, short, kind in (
        ("Kommunfullmäktige", "KF", Body.Kind.COUNCIL),
        ("Kommunstyrelsen", "KS", Body.Kind.EXECUTIVE_BOARD),
        ("Tekniska nämnden", "TN", Body.Kind.COMMITTEE),
    ):
        Body.objects.get_or_create(municipality=municipality, name=name, defaults={"short_name": short, "kind": kind})
    settings_for(municipality)
    return municipality


def lists_create(*, slug, code, items, inputs, signatures_each):
    """`items` e-petitions (each with `signatures_each` valid signatures), public dialogues, published inputs in
    one dialogue and pending inputs in another; a closed dialogue with `inputs` inputs for the results workspace."""
    municipality = municipality_make(slug, code)
    epetitions_create(municipality, items, signatures_each)
    dialogues = _dialogues_create(municipality, items)
    listed, queued, analysed = dialogues[:3]
    listed_module = _module_with_inputs(listed, items, ModerationStatus.PUBLISHED)
    _module_with_inputs(queued, items, ModerationStatus.PENDING)
    _module_with_inputs(analysed, inputs, ModerationStatus.PUBLISHED)
    _analyze()
    staff_session = _staff_session(municipality)
    urls = {
        "epetitions": reverse("proposals:list", args=[slug]),
        "dialogues": reverse("dialogues:list", args=[slug]),
        "inputs": reverse("open_input:index", args=[slug, listed.pk, listed_module.pk]),
        "staff_proposals": reverse("proposals:staff_list", args=[slug]),
        "moderation": reverse("participation:moderation", args=[slug]),
        "workspace": reverse("results:inputs", args=[slug, analysed.pk]),
    }
    return {"slug": slug, "items": items, "inputs": inputs, "urls": urls, "session": staff_session}


def epetitions_create(municipality, count, signatures_each):
    now = timezone.now()
    body = municipality.bodies.get(kind=Body.Kind.COMMITTEE)
    rows = [
        Proposal(
            municipality=municipality,
            route=Route.EPETITION,
            status=Status.COLLECTING,
            title=f"E-förslag nummer {i}: fler bänkar i parken",
            text="Vi som går längs ån behöver fler ställen att vila på. " * 4,
            proposer_name="Fia Förslagsställare",
            registration_number=f"B-{i}",
            submitted_at=now - datetime.timedelta(days=2, minutes=i),
            signing_days=90,
            signing_starts_at=now - datetime.timedelta(days=1, minutes=i),
            signing_ends_at=now + datetime.timedelta(days=89, minutes=i),
            threshold=10**6,
            routed_body=body,
            status_changed_at=now - datetime.timedelta(days=1),
        )
        for i in range(count)
    ]
    proposals = Proposal.objects.bulk_create(rows, batch_size=1000)
    signatures = (valid_signature(proposal, i, now) for proposal in proposals for i in range(signatures_each))
    _bulk(Signature, signatures)
    return proposals


def _dialogues_create(municipality, count):
    """`count` open public dialogues (at least three: the inputs list, the queue and the closed one analysed)."""
    today = timezone.localdate()
    rows = [
        Dialogue(
            municipality=municipality,
            state=State.CLOSED if i == 2 else State.OPEN,
            title=f"Dialog nummer {i} om parken i centrum",
            slug=f"dialog-{i}",
            question="Vad vill du kunna göra i parken?",
            ladder_level="dialogue",
            starts_on=today - datetime.timedelta(days=10 + i % 300),
            ends_on=today + datetime.timedelta(days=20),
            opened_at=timezone.now() - datetime.timedelta(days=10),
            moderation="pre" if i == 1 else "post",
        )
        for i in range(max(count, 3))
    ]
    return Dialogue.objects.bulk_create(rows, batch_size=1000)


def _module_with_inputs(dialogue, count, status):
    now = timezone.now()
    module = Module.objects.create(dialogue=dialogue, method="open_input", name="Lämna synpunkter")
    Phase.objects.create(
        module=module,
        phase_type="collect",
        name="Insamling",
        starts_at=now - datetime.timedelta(days=5),
        ends_at=now + datetime.timedelta(days=5),
    )
    rows = (
        Input(
            module=module,
            municipality=dialogue.municipality,
            author_name=f"Deltagare {i}",
            title=f"Synpunkt {i}: fler bänkar och mer skugga",
            text="Det behövs fler bänkar nära lekplatsen så att äldre kan vila, och träd som ger skugga. " * 2,
            channel=CHANNELS[i % len(CHANNELS)],
            status=status,
        )
        for i in range(count)
    )
    _bulk(Input, rows)
    return module


def _staff_session(municipality):
    """A logged-in officer and moderator of the municipality: the session key for the staff lists."""
    user, _created = User.objects.get_or_create(
        email=f"personal@{municipality.slug}.bench.example",
        defaults={"name": "Pia Personal", "identity_level": IdentityLevel.EMAIL, "password": "!"},
    )
    for role in (Role.OFFICER, Role.MODERATOR):
        Membership.objects.get_or_create(user=user, municipality=municipality, role=role)
    session = login_session(user)
    session.save()
    return session.session_key
