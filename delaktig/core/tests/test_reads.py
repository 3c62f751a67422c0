import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from delaktig.accounts.models import User
from delaktig.accounts.tests.factories import UserFactory
from delaktig.core.audit import audit_record
from delaktig.core.models import AuditEvent
from delaktig.core.reads import prefetched, read_together, select_list
from delaktig.organisations.tests.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db
PARTS = ((AuditEvent, "e"), (User, "u"))


def _read(pk):
    sql = (
        f'SELECT {select_list(PARTS)} FROM "{AuditEvent._meta.db_table}" e '
        f'LEFT JOIN "{User._meta.db_table}" u ON u.id = e.actor_id WHERE e.id = %s'
    )
    return read_together(sql, [pk], PARTS)


def test_rows_become_instances_as_the_orm_makes_them():
    municipality, person = MunicipalityFactory(), UserFactory()
    event = audit_record(municipality=municipality, actor=person, action="test.read", target=person,
                         data={"å": [1, 2]}, public=True)  # fmt: skip
    [(read, actor)] = _read(event.pk)
    orm = AuditEvent.objects.get(pk=event.pk)
    assert type(read) is AuditEvent and not read._state.adding and read._state.db == "default"
    assert read.data == {"å": [1, 2]} and read.public is True and read.created_at == orm.created_at
    assert [getattr(read, f.attname) for f in AuditEvent._meta.concrete_fields] == [
        getattr(orm, f.attname) for f in AuditEvent._meta.concrete_fields
    ]
    assert actor == person and actor.email == person.email


def test_the_empty_side_of_a_left_join_is_none_and_nothing_found_is_an_empty_list():
    municipality = MunicipalityFactory()
    event = audit_record(municipality=municipality, actor=None, action="test.read", target=municipality)
    assert _read(event.pk) == [(AuditEvent.objects.get(pk=event.pk), None)]
    assert _read(event.pk + 1000) == []


def test_prefetched_objects_are_served_without_a_query():
    municipality, person = MunicipalityFactory(), UserFactory()
    events = [audit_record(municipality=municipality, actor=person, action=f"t{n}", target=person) for n in range(2)]
    prefetched(municipality, "audit_events", events)
    with CaptureQueriesContext(connection) as queries:
        assert list(municipality.audit_events.all()) == events
    assert len(queries) == 0
