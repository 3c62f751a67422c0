import datetime

import pytest
from django.db import connection

from delaktig.organisations.models import Body, Decision
from delaktig.organisations.services import decision_record
from delaktig.organisations.tests.factories import DecisionFactory
from tests.migration_steps import empty_database, migrate

pytestmark = pytest.mark.django_db


def test_a_decision_is_cited_as_in_the_minutes(municipality):
    decision = DecisionFactory(municipality=municipality, date=datetime.date(2026, 3, 12), minute_item="§ 45")
    assert decision.citation() == "KF 2026-03-12 § 45"
    assert str(decision) == "KF 2026-03-12 § 45"


def test_a_body_without_a_short_name_is_cited_by_its_name_and_missing_parts_are_left_out(municipality):
    body = Body.objects.get(municipality=municipality, kind=Body.Kind.COMMITTEE)
    assert DecisionFactory(municipality=municipality, body=body, minute_item="").citation() == (
        "Kultur- och fritidsnämnden 2026-03-12"
    )
    assert DecisionFactory(municipality=municipality, body=None, date=None, minute_item="§ 3").citation() == "§ 3"
    assert str(Decision(municipality=municipality)) == "Beslut"


def test_recording_creates_a_decision_and_correcting_changes_the_same_one(municipality):
    council = municipality.get_deciding_body()
    first = decision_record(
        municipality=municipality, body=council, date=datetime.date(2026, 3, 12), minute_item="§ 45", number="KS 1"
    )
    assert (first.municipality, first.body, first.minute_item, first.number, first.text) == (
        municipality,
        council,
        "§ 45",
        "KS 1",
        "",
    )
    again = decision_record(municipality=municipality, existing=first, body=council, minute_item="§ 46", text="Ja.")
    assert again.pk == first.pk and Decision.objects.count() == 1
    again.refresh_from_db()
    assert (again.date, again.minute_item, again.number, again.text) == (None, "§ 46", "", "Ja.")


def test_nothing_is_recorded_while_every_part_is_empty(municipality):
    assert decision_record(municipality=municipality) is None
    assert not Decision.objects.exists()


def test_a_body_of_another_municipality_cannot_decide(municipality, other_municipality):
    with pytest.raises(ValueError):
        decision_record(municipality=municipality, body=other_municipality.get_deciding_body())
    assert not Decision.objects.exists()


def test_a_body_that_has_decided_cannot_be_deleted(municipality):
    from django.db.models import ProtectedError

    decision = DecisionFactory(municipality=municipality)
    with pytest.raises(ProtectedError):
        decision.body.delete()


# The migrations move every existing row's values into Decisions, and back when reversed.

BEFORE = [("dialogues", "0003_public_identity"), ("proposals", "0002_signature_outbox_and_shown_names")]
AFTER = [("dialogues", "0006_remove_old_decision_fields"), ("proposals", "0005_remove_old_decision_fields")]


def _old_rows(apps):
    Municipality = apps.get_model("organisations", "Municipality")
    Body = apps.get_model("organisations", "Body")
    Dialogue = apps.get_model("dialogues", "Dialogue")
    Proposal = apps.get_model("proposals", "Proposal")
    muni = Municipality.objects.create(name="Migreringsby", municipality_code="9999", slug="migreringsby")
    council = Body.objects.create(municipality=muni, name="Kommunfullmäktige", short_name="KF", kind="council")
    board = Body.objects.create(municipality=muni, name="Kommunstyrelsen", short_name="KS", kind="executive_board")
    held = Dialogue.objects.create(
        municipality=muni,
        title="Parken",
        slug="parken",
        deciding_body=council,
        decision_date=datetime.date(2026, 3, 12),
        decision_minute_item="§ 45",
        decision_registration_number="KS 2026/1",
        matter_body=board,
        matter_decision_date=datetime.date(2026, 9, 1),
        matter_minute_item="§ 99",
        matter_decision="Parken rustas.",
    )
    draft = Dialogue.objects.create(municipality=muni, title="Utkast", slug="utkast", decision_minute_item="§ 7")
    untouched = Dialogue.objects.create(municipality=muni, title="Ny", slug="ny")
    proposal = Proposal.objects.create(
        municipality=muni,
        title="Lekplats",
        text="Bygg en lekplats.",
        decision_body=board,
        decision_date=datetime.date(2026, 5, 4),
        decision_minute_item="§ 12",
        decision_text="Bifalls.",
    )
    bare = Proposal.objects.create(municipality=muni, title="Bänkar", text="Fler bänkar.")
    return held.pk, draft.pk, untouched.pk, proposal.pk, bare.pk, council.pk, board.pk


def _parts(decision):
    return (decision.body_id, decision.date, decision.minute_item, decision.number, decision.text)


@pytest.mark.django_db(transaction=True)
def test_the_migrations_move_the_decisions_into_decision_rows_and_back():
    with empty_database():
        held, draft, untouched, proposal, bare, council, board = _old_rows(migrate(BEFORE))

        apps = migrate(AFTER)
        Dialogue = apps.get_model("dialogues", "Dialogue")
        Proposal = apps.get_model("proposals", "Proposal")
        dialogue = Dialogue.objects.get(pk=held)
        assert _parts(dialogue.decision_to_hold) == (council, datetime.date(2026, 3, 12), "§ 45", "KS 2026/1", "")
        assert _parts(dialogue.decision_in_matter) == (board, datetime.date(2026, 9, 1), "§ 99", "", "Parken rustas.")
        assert _parts(Dialogue.objects.get(pk=draft).decision_to_hold) == (None, None, "§ 7", "", "")
        assert Dialogue.objects.get(pk=draft).decision_in_matter_id is None
        assert Dialogue.objects.get(pk=untouched).decision_to_hold_id is None
        answered = Proposal.objects.get(pk=proposal)
        assert _parts(answered.decision) == (board, datetime.date(2026, 5, 4), "§ 12", "", "Bifalls.")
        assert Proposal.objects.get(pk=bare).decision_id is None
        assert apps.get_model("organisations", "Decision").objects.count() == 4

        apps = migrate(BEFORE)
        Dialogue = apps.get_model("dialogues", "Dialogue")
        dialogue = Dialogue.objects.get(pk=held)
        assert (dialogue.deciding_body_id, dialogue.decision_date, dialogue.decision_registration_number) == (
            council,
            datetime.date(2026, 3, 12),
            "KS 2026/1",
        )
        assert (dialogue.matter_body_id, dialogue.matter_minute_item, dialogue.matter_decision) == (
            board,
            "§ 99",
            "Parken rustas.",
        )
        assert Dialogue.objects.get(pk=draft).decision_minute_item == "§ 7"
        answered = apps.get_model("proposals", "Proposal").objects.get(pk=proposal)
        assert (answered.decision_body_id, answered.decision_minute_item, answered.decision_text) == (
            board,
            "§ 12",
            "Bifalls.",
        )
        with connection.cursor() as cursor:  # the table stays (organisations is not migrated back), empty
            cursor.execute("SELECT count(*) FROM organisations_decision")
            assert cursor.fetchone() == (0,)
