import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from delaktig.core.inserts import insert_unless_taken
from delaktig.proposals.models import Signature, SignatureStatus
from delaktig.proposals.tests.factories import ProposalFactory

pytestmark = pytest.mark.django_db
KEY = ("proposal", "signer_key")


def _signature(proposal, email, **fields):
    return Signature(proposal=proposal, signer_key=email, email=email, **{"name": "Anna Berg", **fields})


def test_a_new_row_is_stored_with_its_key_and_every_field_as_save_would():
    proposal = ProposalFactory()
    signature = _signature(proposal, "anna@example.se", ip_address="192.0.2.7", show_name=True)
    assert insert_unless_taken(signature, KEY) is True
    stored = Signature.objects.get(pk=signature.pk)
    assert (stored.signer_key, stored.ip_address, stored.show_name) == ("anna@example.se", "192.0.2.7", True)
    assert stored.status == SignatureStatus.PENDING and stored.channel == "online"  # the model's defaults
    assert stored.created_at is not None and stored.created_at == signature.created_at  # auto_now_add
    assert not signature._state.adding


def test_a_taken_key_stores_nothing_and_raises_nothing():
    proposal = ProposalFactory()
    assert insert_unless_taken(_signature(proposal, "anna@example.se"), KEY)
    again = _signature(proposal, "anna@example.se", name="Someone else")
    with CaptureQueriesContext(connection) as captured:
        assert insert_unless_taken(again, KEY) is False
    assert again.pk is None and again._state.adding
    assert len(captured) == 1  # no savepoint, no error to roll back
    assert Signature.objects.get().name == "Anna Berg"


def test_the_same_key_on_another_proposal_is_another_row():
    first, second = ProposalFactory(), ProposalFactory()
    assert insert_unless_taken(_signature(first, "anna@example.se"), KEY)
    assert insert_unless_taken(_signature(second, "anna@example.se"), KEY)
    assert Signature.objects.count() == 2


def test_a_row_with_a_primary_key_is_refused():
    signature = _signature(ProposalFactory(), "anna@example.se")
    signature.pk = 12345
    with pytest.raises(ValueError):
        insert_unless_taken(signature, KEY)


def test_many_rows_go_in_one_statement_with_values_prepared_by_their_fields():
    import datetime

    from django.utils import timezone

    from delaktig.core.inserts import insert_rows

    proposal = ProposalFactory()
    when = timezone.now().replace(microsecond=123456)
    names = ("proposal", "signer_key", "name", "show_name", "ip_address", "created_at", "confirmed_at")
    rows = [(proposal.pk, f"p{i}@example.se", "Åsa Öberg", i % 2 == 0, None, when, None) for i in range(40)]
    with CaptureQueriesContext(connection) as queries:
        insert_rows(Signature, names, rows)
    assert len(queries) == 1
    stored = list(Signature.objects.filter(proposal=proposal).order_by("signer_key"))
    assert len(stored) == 40 and stored[0].name == "Åsa Öberg" and stored[0].created_at == when
    assert {s.show_name for s in stored} == {True, False} and stored[0].confirmed_at is None
    since = when - datetime.timedelta(seconds=1)
    assert Signature.objects.filter(proposal=proposal, created_at__gte=since).count() == 40
    assert stored[0].status == SignatureStatus.PENDING and stored[0].email == ""  # fields not named: their defaults
    insert_rows(Signature, names, [])  # nothing to store: no statement, no error


def _chain(proposal, key, *, actor=None, events=2, guard=True):
    from django.contrib.contenttypes.models import ContentType

    from delaktig.core.inserts import HEAD, Expr, insert_chain
    from delaktig.core.models import AuditEvent

    municipality, kind = proposal.municipality_id, ContentType.objects.get_for_model(Signature).pk
    names = ("municipality", "actor", "action", "target_type", "target_id", "data")
    rows = [(municipality, None, f"test.step{n}", kind, HEAD, {"n": n}) for n in range(events)]
    own = Expr('SELECT "id" FROM accounts_user WHERE "id" = %s AND "is_active"', (actor.pk if actor else 0,))
    head = (Signature, {"proposal": proposal.pk, "signer_key": key, "email": key, "name": "Åsa Öberg"})
    return insert_chain(
        head,
        (AuditEvent, names, rows),
        (
            AuditEvent,
            ("municipality", "actor", "action", "target_type", "target_id"),
            [(municipality, own, "test.actor", kind, HEAD)],
        ),  # fmt: skip
        guard=(Signature, {"proposal": proposal.pk, "signer_key": f"guard-{key}", "email": ""}, KEY) if guard else None,
    )


def test_a_row_and_the_rows_pointing_to_it_are_stored_in_one_statement_on_postgresql():
    from django.contrib.contenttypes.models import ContentType

    from delaktig.accounts.tests.factories import UserFactory
    from delaktig.core.models import AuditEvent

    proposal, person = ProposalFactory(), UserFactory()
    ContentType.objects.get_for_model(Signature)  # kept by Django after the first time
    with CaptureQueriesContext(connection) as queries:
        stored = _chain(proposal, "anna@example.se", actor=person, events=3)
    if connection.vendor == "postgresql":
        assert len(queries) == 1
    signature = Signature.objects.get(pk=stored)
    assert signature.signer_key == "anna@example.se" and signature.name == "Åsa Öberg"
    assert signature.status == SignatureStatus.PENDING and signature.created_at is not None  # defaults
    events = AuditEvent.objects.filter(target_id=stored).order_by("action")
    assert [event.action for event in events] == ["test.actor", "test.step0", "test.step1", "test.step2"]
    assert events[0].actor == person and events[1].data == {"n": 0} and events[1].actor is None
    assert Signature.objects.filter(signer_key="guard-anna@example.se").exists()


def test_a_taken_guard_stores_nothing_and_an_expression_can_come_out_empty():
    from delaktig.core.models import AuditEvent

    proposal = ProposalFactory()
    first = _chain(proposal, "anna@example.se")
    assert AuditEvent.objects.get(target_id=first, action="test.actor").actor is None  # no such account
    assert _chain(proposal, "anna@example.se", events=1) is None
    assert Signature.objects.filter(proposal=proposal).count() == 2  # the first chain's guard and head
    assert AuditEvent.objects.filter(action__startswith="test.").count() == 3
    second = _chain(proposal, "berit@example.se", events=0, guard=False)  # an empty tail is left out
    assert AuditEvent.objects.filter(target_id=second).count() == 1


def test_an_expression_belongs_in_a_one_row_step_only():
    from django.db import NotSupportedError

    from delaktig.core.inserts import HEAD, Expr, insert_chain
    from delaktig.core.models import AuditEvent

    proposal = ProposalFactory()
    rows = [(proposal.municipality_id, Expr("SELECT NULL"), "x", 1, HEAD)] * 2
    names = ("municipality", "actor", "action", "target_type", "target_id")
    head = (Signature, {"proposal": proposal.pk, "signer_key": "c@example.se", "email": ""})
    if connection.vendor == "postgresql":
        with pytest.raises(NotSupportedError):
            insert_chain(head, (AuditEvent, names, rows))


@pytest.mark.parametrize("guarded", [True, False])
def test_a_chain_is_stored_only_when_its_condition_holds_as_it_is_stored(guarded):
    from delaktig.core.inserts import Expr, insert_chain
    from delaktig.core.models import AuditEvent

    proposal = ProposalFactory()
    table = Signature._meta.db_table

    def chained(key, holds):  # the condition reads a table, as the database has it when the rows are stored
        when = Expr(f'(SELECT COUNT(*) FROM "{table}" WHERE "proposal_id" = %s) < %s', (proposal.pk, 9 if holds else 0))
        guard = (Signature, {"proposal": proposal.pk, "signer_key": f"guard-{key}", "email": ""}, KEY)
        head = (Signature, {"proposal": proposal.pk, "signer_key": key, "email": ""})
        tail = (AuditEvent, ("municipality", "action", "target_type", "target_id"), [])
        return insert_chain(head, tail, guard=guard if guarded else None, when=when)

    assert chained("a@example.se", False) is None  # the condition does not hold: nothing at all
    assert not Signature.objects.filter(proposal=proposal).exists()
    stored = chained("b@example.se", True)
    assert Signature.objects.get(pk=stored).signer_key == "b@example.se"
    assert Signature.objects.filter(proposal=proposal).count() == (2 if guarded else 1)
