"""Demo e-petitions and citizen proposals, taken through the real services and status table."""

import datetime

from django.utils import timezone

from delaktig.accounts.models import IdentityLevel
from delaktig.core.audit import audit_events_for
from delaktig.core.models import AuditEvent
from delaktig.participation.services import comment_create, moderate
from delaktig.proposals.handling import (
    proposal_approve,
    proposal_decide,
    proposal_prepare,
    proposal_receive,
    proposal_refer,
    proposal_review,
    proposal_submit,
    referral_answer_record,
)
from delaktig.proposals.models import Category, Proposal, Route, Signature, SignatureStatus
from delaktig.proposals.selectors import settings_for
from delaktig.proposals.signatures import proposals_expire, threshold_check

from . import content

FIRST_NAMES = ["Anna", "Erik", "Maria", "Lars", "Karin", "Johan", "Sara", "Ali", "Elin", "Mikael", "Fatima", "Nils"]
LAST_NAMES = ["Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Hassan"]


def load(muni, bodies, people):
    rules = settings_for(muni)
    rules.population = 11_500
    rules.citizen_proposals_enabled = True
    rules.citizen_proposals_from = datetime.date(2025, 1, 1)
    rules.complaints_url = "https://www.hagfors.example/felanmalan"
    rules.save()
    categories = {
        name: Category.objects.create(
            municipality=muni, name=name, responsible_body=bodies[body], skips_threshold=skips
        )
        for name, body, skips in content.PROPOSAL_CATEGORIES
    }
    for index, item in enumerate(content.PROPOSALS):
        _proposal(muni, item, index, categories, people)
    _citizen_proposal(muni, people)
    for index, item in enumerate(content.REFERRED_PROPOSALS):
        _referred_proposal(muni, bodies, people, index, item)
    _residents_sign(muni, people)


def _proposal(muni, item, index, categories, people):
    proposal = proposal_submit(
        municipality=muni,
        proposer=people["invanare"],
        route=Route.EPETITION,
        title=item["title"],
        text=item["text"],
        proposer_name="Ines Invånare",
        submission_key=f"demo-{index}",
        category=categories[item["category"]],
    )
    _back(proposal, submitted_at=_ago(item["days"]))
    if item["status"] == "submitted":
        return
    proposal = proposal_review(proposal=proposal, actor=people["moderator"])
    if item["status"] == "under_review":
        return
    if proposal.category.skips_threshold:
        proposal = proposal_receive(proposal=proposal, actor=people["moderator"])
    else:
        proposal = proposal_approve(proposal=proposal, actor=people["moderator"])
        _back(proposal, signing_starts_at=_ago(item["days"] - 1))
        _signatures(proposal, item["signatures"])
        comment = comment_create(
            target=proposal,
            municipality=muni,
            author=people["invanare2"],
            text=content.COMMENTS[index % 3],
            premoderated=True,
        )
        moderate(item=comment, actor=people["moderator"], publish=True)
    _advance(proposal, item, people)


def _advance(proposal, item, people):
    status = item["status"]
    if status == "closed_below_threshold":
        _back(proposal, signing_ends_at=_ago(5))
        proposals_expire()
        return
    if status in ("threshold_reached", "decided"):
        threshold_check(proposal.pk)
        proposal.refresh_from_db()
    if status in ("decided", "in_preparation"):
        if proposal.status == "threshold_reached":
            proposal = proposal_receive(proposal=proposal, actor=people["registrator"])
        proposal = proposal_prepare(proposal=proposal, actor=people["handlaggare"])
    if status == "decided":
        decision = {
            "body": proposal.routed_body,
            "date": timezone.localdate() - datetime.timedelta(days=10),
            "minute_item": "§ 88",
            "text": item["decision"],
        }
        proposal_decide(proposal=proposal, actor=people["handlaggare"], decision=decision)


def _citizen_proposal(muni, people):
    proposal = proposal_submit(
        municipality=muni,
        proposer=people["invanare3"],
        route=Route.CITIZEN_PROPOSAL,
        title="Inför fritidskort för barn i familjer med låga inkomster",
        text="Alla barn ska kunna ha en fritidsaktivitet. Inför ett fritidskort som ger 2 000 kronor per år.",
        proposer_name="Saga Lind",
        submission_key="demo-citizen",
    )
    proposal = proposal_review(proposal=proposal, actor=people["registrator"])
    proposal_receive(proposal=proposal, actor=people["registrator"])


def _referred_proposal(muni, bodies, people, index, item):
    """A citizen proposal the council referred to a board: still waiting for the answer, or answered."""
    proposal = proposal_submit(
        municipality=muni,
        proposer=people["invanare3"],
        route=Route.CITIZEN_PROPOSAL,
        title=item["title"],
        text=item["text"],
        proposer_name="Saga Lind",
        submission_key=f"demo-referred-{index}",
    )
    _back(proposal, submitted_at=_ago(item["days"]))
    proposal = proposal_review(proposal=proposal, actor=people["registrator"])
    proposal = proposal_receive(proposal=proposal, actor=people["registrator"])
    proposal = proposal_prepare(proposal=proposal, actor=people["registrator"])
    sent = timezone.localdate() - datetime.timedelta(days=item["referred_days"])
    proposal_refer(
        proposal=proposal,
        actor=people["registrator"],
        body=bodies[item["board"]],
        sent_on=sent,
        due_on=sent + datetime.timedelta(days=60),
    )
    moments = [_ago(item["days"] - step) for step in range(4)] + [_at(sent)]
    if item.get("answer"):
        answered = sent + datetime.timedelta(days=item["answered_after"])
        referral_answer_record(
            proposal=proposal, actor=people["registrator"], answer=item["answer"], answered_on=answered
        )
        moments.append(_at(answered))
    _steps_dated(proposal, moments)


def _at(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(10, 0)))


def _steps_dated(proposal, moments):
    """The loader takes every step today; the timeline shows them on the days the story has them."""
    events = audit_events_for(proposal, public_only=True).order_by("created_at", "pk")
    for event, moment in zip(events, moments, strict=False):
        AuditEvent.objects.filter(pk=event.pk).update(created_at=moment)


def _signatures(proposal, count):
    now = timezone.now()
    Signature.objects.bulk_create(
        Signature(
            proposal=proposal,
            signer_key=f"demo{i}@hagfors.example",
            name=_name(i),
            email=f"demo{i}@hagfors.example",
            email_domain="hagfors.example",
            show_name=i % 4 == 0,
            wants_updates=i % 2 == 0,
            status=SignatureStatus.VALID,
            confirmed_at=now - datetime.timedelta(hours=count - i),
            channel="paper" if i % 10 == 9 else "online",
            identity_checked=i % 10 == 9,
            identity_level=None if i % 10 == 9 else IdentityLevel.EMAIL,  # confirmed by the e-mailed link
        )
        for i in range(count)
    )


# The demo residents' own signatures on Ines's e-petitions: (person, proposal status, level they signed with)
RESIDENT_SIGNATURES = [
    ("invanare2", "collecting", IdentityLevel.SUBSTANTIAL),  # after logging in with the test e-ID
    ("invanare3", "collecting", IdentityLevel.EMAIL),
    ("invanare2", "decided", IdentityLevel.EMAIL),
    ("invanare3", "closed_below_threshold", IdentityLevel.EMAIL),
]


def _residents_sign(muni, people):
    """Signatures the demo residents see on My pages, each with the identity level it was given with."""
    epetitions = Proposal.objects.filter(municipality=muni, route=Route.EPETITION, proposer=people["invanare"])
    for local, status, level in RESIDENT_SIGNATURES:
        proposal = epetitions.filter(status=status).order_by("pk").first()
        person = people[local]
        if proposal is None:
            continue
        Signature.objects.create(
            proposal=proposal,
            signer_key=person.email,
            user=person,
            name=person.name,
            email=person.email,
            email_domain=person.email.rpartition("@")[2],
            status=SignatureStatus.VALID,
            confirmed_at=proposal.signing_starts_at or timezone.now(),
            identity_level=level,
        )


def _name(i):
    return f"{FIRST_NAMES[i % len(FIRST_NAMES)]} {LAST_NAMES[(i * 7) % len(LAST_NAMES)]}"


def _ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def _back(proposal, **fields):
    Proposal.objects.filter(pk=proposal.pk).update(**fields)
    for name, value in fields.items():
        setattr(proposal, name, value)
