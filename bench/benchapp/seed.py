"""Data for the benchmarks: one municipality, fresh collecting proposals, signers, a busy proposal."""

from datetime import timedelta

from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth.hashers import make_password
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.utils import timezone
from django.utils.crypto import get_random_string

from delaktig.accounts.models import IdentityLevel, User
from delaktig.organisations.models import Body, Municipality
from delaktig.participation.models import Comment, ModerationStatus
from delaktig.proposals.models import Proposal, Route, Signature, SignatureStatus, Status
from delaktig.proposals.selectors import settings_for
from delaktig.proposals.services import registration_number_next

from .models import NaiveCounter

SLUG = "benchkommun"
BATCH = 5000


def municipality_get():
    municipality, _created = Municipality.objects.get_or_create(
        slug=SLUG, defaults={"name": "Benchkommun", "municipality_code": "9999"}
    )
    for name, short, kind in (
        ("Kommunfullmäktige", "KF", Body.Kind.COUNCIL),
        ("Kommunstyrelsen", "KS", Body.Kind.EXECUTIVE_BOARD),
        ("Tekniska nämnden", "TN", Body.Kind.COMMITTEE),
    ):
        Body.objects.get_or_create(municipality=municipality, name=name, defaults={"short_name": short, "kind": kind})
    settings_for(municipality)
    return municipality


def proposer_get():
    user, _created = User.objects.get_or_create(
        email="forslagsstallare@bench.example",
        defaults={"name": "Fia Förslagsställare", "identity_level": IdentityLevel.EMAIL, "password": "!"},
    )
    return user


def proposal_create(*, threshold, title="Fler parkbänkar längs ån"):
    """A proposal collecting signatures now, with its threshold frozen, as the moderation step leaves it."""
    municipality = municipality_get()
    now = timezone.now()
    proposal = Proposal.objects.create(
        municipality=municipality,
        route=Route.EPETITION,
        status=Status.COLLECTING,
        title=title,
        text="Vi som går längs ån behöver fler ställen att vila på. " * 8,
        proposer=proposer_get(),
        proposer_name="Fia Förslagsställare",
        registration_number=registration_number_next(municipality=municipality),
        submitted_at=now - timedelta(days=2),
        signing_days=90,
        signing_starts_at=now - timedelta(days=1),
        signing_ends_at=now + timedelta(days=89),
        threshold=threshold,
        routed_body=municipality.bodies.get(kind=Body.Kind.COMMITTEE),
        status_changed_at=now - timedelta(days=1),
    )
    NaiveCounter.objects.create(proposal_id=proposal.pk)
    return proposal


def signers_create(count, prefix):
    """Logged-in signers with a confirmed e-mail, each with a session: returns the session keys."""
    password = make_password(None)
    users = [
        User(email=f"{prefix}{i}@id{i % 97}.bench.example", name=f"Inloggad {i}", password=password)
        for i in range(count)
    ]
    for user in users:
        user.identity_level = IdentityLevel.EMAIL
    users = User.objects.bulk_create(users, batch_size=BATCH)
    sessions = Session.objects.bulk_create([login_session(user) for user in users], batch_size=BATCH)
    return [session.session_key for session in sessions]


def login_session(user):
    """An unsaved database session in which `user` is logged in for a day, as a login would leave it."""
    data = {
        SESSION_KEY: str(user.pk),
        BACKEND_SESSION_KEY: "django.contrib.auth.backends.ModelBackend",
        HASH_SESSION_KEY: user.get_session_auth_hash(),
    }
    return Session(
        session_key=get_random_string(32, "abcdefghijklmnopqrstuvwxyz0123456789"),
        expire_date=timezone.now() + timedelta(days=1),
        session_data=SessionStore().encode(data),
    )


def valid_signature(proposal, i, now):
    """The i-th valid signature of a seeded proposal: addresses spread over 101 domains, every fifth name shown."""
    return Signature(
        proposal=proposal,
        signer_key=f"s{i}@d{i % 101}.bench.example",
        name=f"Undertecknare {i}",
        email=f"s{i}@d{i % 101}.bench.example",
        email_domain=f"d{i % 101}.bench.example",
        show_name=i % 5 == 0,
        status=SignatureStatus.VALID,
        confirmed_at=now,
    )


def busy_proposal_create(*, signatures, comments, title):
    """A proposal far past its threshold with many valid signatures and published comments (bulk inserts)."""
    proposal = proposal_create(threshold=10**9, title=title)
    now = timezone.now()
    rows = (valid_signature(proposal, i, now) for i in range(signatures))
    _bulk(Signature, rows)
    target_type = ContentType.objects.get_for_model(Proposal)
    texts = (
        Comment(
            municipality=proposal.municipality,
            target_type=target_type,
            target_id=proposal.pk,
            author_name=f"Kommentar {i}",
            text=f"Bra förslag, nummer {i}. " * 6,
            status=ModerationStatus.PUBLISHED,
        )
        for i in range(comments)
    )
    _bulk(Comment, texts)
    _analyze()
    return proposal


def _analyze():
    """Fresh planner statistics after the bulk inserts, as autovacuum would give a live database."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def _bulk(model, rows):
    batch = []
    for row in rows:
        batch.append(row)
        if len(batch) == BATCH:
            model.objects.bulk_create(batch)
            batch = []
    if batch:
        model.objects.bulk_create(batch)


def proposal_verify(pk):
    """What is stored for a proposal: rows, distinct signers, statuses, cases."""
    from django.db.models import Count

    from delaktig.proposals.models import ProposalCase

    signatures = Signature.objects.filter(proposal_id=pk)
    by_status = dict(signatures.values_list("status").annotate(n=Count("id")).values_list("status", "n"))
    counter = NaiveCounter.objects.filter(proposal_id=pk).values_list("count", flat=True).first()
    case = ProposalCase.objects.filter(proposal_id=pk).first()
    valid = signatures.filter(status=SignatureStatus.VALID)
    return {
        "valid_when_case_opened": valid.filter(created_at__lte=case.created_at).count() if case else None,
        "rows": signatures.count(),
        "distinct_signers": signatures.values("signer_key").distinct().count(),
        "by_status": by_status,
        "cases": ProposalCase.objects.filter(proposal_id=pk).count(),
        "proposal_status": Proposal.objects.filter(pk=pk).values_list("status", flat=True).first(),
        "naive_counter": counter,
    }
