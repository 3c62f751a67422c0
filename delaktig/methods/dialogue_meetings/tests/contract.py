"""Data for the participation contract test (see docs/adding-a-method.md)."""

from delaktig.accounts.tests.factories import UserFactory

from ..desk import desk_save, occasion_of
from ..services import meeting_register
from .factories import MeetingFactory

# What the ids in the method's URLs name, and how each reaches its municipality (organisations/tests/test_foreign_ids)
URL_OBJECTS = {
    "meeting_id": ("dialogue_meetings.Meeting", "municipality"),
    "registration_id": ("dialogue_meetings.Registration", "municipality"),
    "statement_id": ("dialogue_meetings.Statement", "municipality"),
}


def contract_fixture(module):
    """A coming meeting the resident registers for, and a past one with a statement; return the resident."""
    resident = UserFactory(name="Kim Kontrakt")
    staff = UserFactory()
    coming = MeetingFactory(module=module)
    meeting_register(meeting=coming, name=resident.name, email=resident.email, user=resident, diet="Vegetariskt")
    held = MeetingFactory(module=module, past=True)
    desk_save(
        module,
        {"text": "Fler bänkar vid älven.", "title": "", "speaker_name": "Berit"},
        actor=staff,
        channel="meeting",
        received_on=held.starts_at.date(),
        occasion=occasion_of(held),
        group="Bord 2",
    )
    return resident
