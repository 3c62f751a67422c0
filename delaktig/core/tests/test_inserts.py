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
