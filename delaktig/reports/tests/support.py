"""A constructed year of dialogues and a stand-in participation method for the yearly report's tests."""

import datetime
from contextlib import contextmanager

from django.utils import timezone

from delaktig.core.contributions import Chart, ReportSection, Table
from delaktig.dialogues.models import Dialogue, Kind, State
from delaktig.dialogues.tests.factories import decision_change, dialogue_in_state
from delaktig.organisations.models import Body
from delaktig.organisations.tests.factories import DepartmentFactory
from delaktig.participation.models import Module
from delaktig.participation.registry import MethodManifest, PhaseType, registry
from delaktig.results.models import CompiledResults

YEAR = 2026
NOW = datetime.datetime(YEAR, 6, 15, 12, tzinfo=datetime.UTC)
METHOD_KEY = "report_test_method"
urlpatterns = []


def _stats(module):
    return {"inputs": module.settings.get("inputs", 0), "offline_inputs": module.settings.get("offline", 0)}


def _report_section(municipality, year):
    table = Table("Frågor vid frågestunden", ("Sammanträde", "Frågor"), (("Mars", 4), ("September", 7)), "qt")
    return ReportSection(
        key=METHOD_KEY,
        title="Allmänhetens frågestund (testkanal)",
        order=70,
        paragraphs=(f"Frågor som ställdes {year}.",),
        tables=(table,),
        charts=(Chart("Frågor per sammanträde", table),),
    )


MANIFEST = MethodManifest(
    key=METHOD_KEY,
    name="Testkanal",
    description="A method that only exists in the yearly report's tests.",
    phase_types={"collect": PhaseType("collect", "Samla in", "Residents write.", frozenset({"post"}))},
    public_urls=__name__,
    staff_urls=__name__,
    resident_actions=frozenset({"post"}),
    staff_actions={},
    stats=_stats,
    export_rows=lambda module: [],
    personal_data=lambda user: [],
    erase=lambda user: 0,
    participant_ids=lambda module: set(module.settings.get("people", [])),
    module_template="",
    report_section=_report_section,
)


@contextmanager
def method_registered():
    with registry.temporarily(MANIFEST):
        yield MANIFEST


def add_module(dialogue, **settings):
    return Module.objects.create(dialogue=dialogue, method=METHOD_KEY, name="Synpunkter", settings=settings)


def at(month, day, year=YEAR):
    return datetime.datetime(year, month, day, 12, tzinfo=datetime.UTC)


def constructed_year(municipality, other_municipality):
    """Dialogues of YEAR in several states and bodies, plus what must be left out (see test_selectors)."""
    bodies = {body.kind: body for body in municipality.bodies.all()}
    council, board = bodies[Body.Kind.COUNCIL], bodies[Body.Kind.EXECUTIVE_BOARD]
    committee = bodies[Body.Kind.COMMITTEE]
    service = DepartmentFactory(municipality=municipality, name="Skolförvaltningen", body=board)
    m = municipality
    made = {
        "held": dialogue_in_state(State.OPEN, municipality=m, proposed_by=council, title="Parken"),
        "planned": dialogue_in_state(State.PLANNED, municipality=m, proposed_by=committee, title="Biblioteket"),
        "user": dialogue_in_state(
            State.EVALUATED, municipality=municipality, kind=Kind.USER_DIALOGUE, department=service, title="Skolmaten"
        ),
        "info": dialogue_in_state(
            State.OPEN, municipality=municipality, kind=Kind.INFORMATION, proposed_by=council, title="Nya taxor"
        ),
        "cancelled": dialogue_in_state(State.CANCELLED, municipality=m, proposed_by=council, title="Stoppad"),
        "late": dialogue_in_state(State.FEEDBACK_PUBLISHED, municipality=m, proposed_by=council, title="Torget"),
        "overdue": dialogue_in_state(State.CLOSED, municipality=municipality, proposed_by=committee, title="Badet"),
        "last_year": dialogue_in_state(State.EVALUATED, municipality=municipality, proposed_by=council, title="Förra"),
        "elsewhere": dialogue_in_state(State.OPEN, municipality=other_municipality, title="Någon annanstans"),
    }
    Dialogue.objects.filter(pk=made["late"].pk).update(
        feedback_due_on=datetime.date(YEAR, 3, 1), feedback_published_at=at(3, 10)
    )
    Dialogue.objects.filter(pk=made["overdue"].pk).update(feedback_due_on=datetime.date(YEAR, 5, 1))
    last = made["last_year"]
    Dialogue.objects.filter(pk=last.pk).update(
        starts_on=datetime.date(YEAR - 1, 9, 1),
        decision_to_hold=decision_change(last, "decision_to_hold", date=datetime.date(YEAR - 1, 5, 1)),
        opened_at=at(9, 1, YEAR - 1),
        feedback_due_on=datetime.date(YEAR - 1, 11, 1),
        feedback_published_at=at(10, 20, YEAR - 1),
        created_at=at(3, 1, YEAR - 1),
    )
    add_module(made["held"], inputs=12, offline=5, people=[1, 2, 3])
    add_module(made["user"], inputs=4, offline=0, people=[3, 4])
    add_module(made["last_year"], inputs=100, offline=50, people=[7, 8, 9])
    add_module(made["elsewhere"], inputs=100, offline=50, people=[10, 11])
    CompiledResults.objects.update_or_create(dialogue=made["user"], defaults={"offline_participant_count": 30})
    return {key: Dialogue.objects.get(pk=d.pk) for key, d in made.items()}


def table(section, key):
    return next(t for t in section.tables if t.key == key)


def section(report, key):
    return next(s for s in report.sections if s.key == key)


def as_dict(table_):
    return {row[0]: row[1:] for row in table_.rows}


def today():
    return timezone.localdate()


def stand_in_files(monkeypatch):
    """The report's page rendered as it is, its PDF, Word and Excel files as stand-ins: for tests of who may reach a
    generation and its downloads (the renderers have tests of their own, and one generation renders them all)."""
    from delaktig.reports import generation

    real = generation._renderers
    stand_ins = {
        "pdf": lambda report: b"%PDF-1.7\n",
        "docx": lambda report: b"PK\x03\x04",
        "xlsx": lambda r: b"PK\x03\x04",
    }
    monkeypatch.setattr(generation, "_renderers", lambda: {**real(), **stand_ins})
