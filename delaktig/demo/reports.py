"""Demo data for reports: last year gets a few more activities, so the default yearly report reads true.

The demo's dialogues are placed relative to today; most fall in the current year. These three fall some 15-18
months back (last year): a citizen dialogue with feedback on time, a user dialogue whose feedback came late, and an
information activity that is shown apart and never counted as a dialogue.
"""

import datetime

from django.utils import timezone

from delaktig.core.audit import audit_events_for
from delaktig.dialogues.models import Dialogue
from delaktig.organisations.models import Department
from delaktig.reports import services as report_services
from delaktig.reports.generation import report_generate
from delaktig.reports.models import CouncilReport

LAST_YEAR = [
    {
        "title": "Ny lekplats i Sunnemo",
        "state": "feedback_published",
        "kind": "citizen_dialogue",
        "level": "dialogue",
        "body": "SBN",
        "dept": "Samhällsbyggnadsförvaltningen",
        "question": "Hur vill du att den nya lekplatsen i Sunnemo ska se ut?",
        "background": "Den gamla lekplatsen vid skolan är sliten och ska ersättas.",
        "open": "Vilka lekredskap som väljs och var bänkarna står.",
        "easy_read": "Vi bygger en ny lekplats i Sunnemo. Säg vad du vill leka med.",
        "start": -560,
        "end": -530,
        "closed_days_ago": 530,
        "inputs": True,
        "case": "SBN 2025/31",
        "results": "Barnen ville ha en klätterställning och gungor som passar alla.",
        "decision": "Nämnden beslutade om en lekplats med klätterställning och en bred gunga.",
        "influence": "Klätterställningen och den breda gungan kom från dialogen.",
        "feedback": "Tack för alla idéer! Lekplatsen invigdes i september 2025.",
    },
    {
        "title": "Bemötande i kundtjänst",
        "state": "evaluated",
        "kind": "user_dialogue",
        "level": "consultation",
        "body": None,
        "dept": "Kommunledningsförvaltningen",
        "question": "Hur blev du bemött när du kontaktade kommunen?",
        "background": "Kundtjänsten vill bli bättre på att svara och hjälpa till.",
        "open": "Öppettider, hur vi svarar och hur vi följer upp.",
        "easy_read": "Berätta hur det var att prata med kommunen.",
        "start": -470,
        "end": -440,
        "closed_days_ago": 440,
        "inputs": True,
        "case": "",
        "results": "Många vill kunna ringa efter kl. 16.",
        "feedback": "Tack! Från hösten har kundtjänsten öppet till kl. 18 på torsdagar.",
        "target_groups": ["Alla invånare", "Äldre", "Utrikes födda"],
        "evaluation": {
            "purpose": (
                "partly",
                "Vi fick veta vad som behöver bli bättre, men för lite om hur det är att ringa på kvällen.",
            ),
            "methods": ("yes", ""),
            "reached": {
                "Alla invånare": ("reached", ""),
                "Äldre": ("reached", ""),
                "Utrikes födda": ("not_reached", "Enkäten fanns bara på svenska."),
            },
            "lessons": (
                "Enkäten var lätt att svara på. Vi borde ha återkopplat tidigare, och enkäten behöver finnas på "
                "fler språk."
            ),
        },
        "late_feedback_days": 80,
    },
    {
        "title": "Information om nya busslinjer",
        "state": "closed",
        "kind": "information",
        "level": "information",
        "body": None,
        "dept": "Samhällsbyggnadsförvaltningen",
        "question": "Så ändras busslinjerna från augusti 2025.",
        "background": "Regionen har gjort om busstrafiken i kommunen.",
        "open": "",
        "easy_read": "Bussarna går nya vägar från augusti 2025.",
        "start": -500,
        "end": -480,
        "closed_days_ago": 480,
        "inputs": False,
        "case": "",
    },
]


def load(muni, bodies, people, *, make_dialogue):
    """Idempotent: called once per demo municipality, after its dialogues and proposals exist. make_dialogue is
    the loader's, which takes a dialogue through its steps as a description says."""
    departments = {department.name: department for department in Department.objects.filter(municipality=muni)}
    for item in LAST_YEAR:
        if Dialogue.objects.filter(municipality=muni, title=item["title"]).exists():
            continue
        make_dialogue(muni, item, bodies, departments, people)
        if item.get("late_feedback_days"):
            _feedback_late(muni, item)


EVALUATED_AFTER_FEEDBACK = datetime.timedelta(days=25)


def _feedback_late(muni, item):
    """Feedback published after the deadline, as happens: the report shows it as late, and the dialogue's
    timeline tells the same story (feedback published on that day, evaluated after it)."""
    dialogue = Dialogue.objects.get(municipality=muni, title=item["title"])
    closed = dialogue.closed_at or dialogue.feedback_published_at
    published = closed + datetime.timedelta(days=item["late_feedback_days"])
    Dialogue.objects.filter(pk=dialogue.pk).update(feedback_published_at=published)
    events = audit_events_for(dialogue)
    events.filter(action__startswith="dialogue.publish_feedback").update(created_at=published)
    events.filter(action="dialogue.evaluate").update(created_at=published + EVALUATED_AFTER_FEEDBACK)


# Last year's report as the council received it: written, generated and presented, so it is on the public site.
ACTION_POINTS = (
    "Erbjud enkäter på fler språk än svenska, så att utrikes födda kan delta.\n"
    "Återkoppla till deltagarna inom den tid vi lovat, och sätt ett nytt datum direkt när det blir sent.\n"
    "Planera minst en dialog med unga per nämnd under året."
)
COUNCIL_MEETING = (3, 16)  # the council meets about the yearly report in March


def council_report_load(muni, people):
    """Idempotent. Made at load time even without DEMO_DOCUMENTS_AT_ONCE: only a finished report can be presented."""
    today = timezone.localdate()
    year = today.year - 1
    if CouncilReport.objects.filter(municipality=muni, year=year, presented_on__isnull=False).exists():
        return
    officer = people["demokrati"]
    report_services.report_texts_save(
        municipality=muni,
        year=year,
        actor=officer,
        action_points=ACTION_POINTS,
        proposed_resolution="Kommunfullmäktige lägger rapporten till handlingarna.",
    )
    generation = report_services.report_generation_request(municipality=muni, year=year, actor=officer)
    report_generate(generation_id=generation.pk)
    meeting = min(today, datetime.date(today.year, *COUNCIL_MEETING))
    report_services.report_present(municipality=muni, year=year, actor=people["registrator"], meeting_date=meeting)
