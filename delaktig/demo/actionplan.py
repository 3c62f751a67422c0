"""Demo action plan for participation in Hagfors, in progress: three goals, nine actions owned by departments and
boards, followed up quarter by quarter (some done, some delayed, one past its deadline), two trainings taken in
several boards and departments, and participation ambassadors in two boards, so the boards without one are marked.
Safe to run twice."""

import datetime

from django.utils import timezone

from delaktig.actionplan import services
from delaktig.actionplan.models import ActionPlan, Status

GOALS = [
    (
        "Fler och fler olika röster",
        "Fler invånare, och fler unga och nyanlända, deltar i kommunens dialoger.",
        [
            (
                "Ungdomsråd i varje kommundel",
                "Barn- och bildningsförvaltningen",
                None,
                200,
                Status.IN_PROGRESS,
                ["Ungdomsrådet i Hagfors tätort har startat.", "Ekshärad har haft sitt första möte."],
            ),
            (
                "Dialoger på lätt svenska och finska",
                "Kommunledningsförvaltningen",
                None,
                120,
                Status.DONE,
                ["Mallar på lätt svenska finns i handboken.", "Finska översättningar görs för varje dialog."],
            ),
            (
                "Mötesplatser på landsbygden",
                "Samhällsbyggnadsförvaltningen",
                None,
                -20,
                Status.DELAYED,
                ["Lokalen i Sunnemo blev inte klar i tid."],
            ),
        ],
    ),
    (
        "Dialog i varje beslut som berör invånarna",
        "Dialog övervägs tidigt och syns i tjänsteskrivelsen.",
        [
            (
                "Stycke om medborgardialog i mallen för tjänsteskrivelse",
                "Kommunledningsförvaltningen",
                None,
                60,
                Status.DONE,
                ["Mallen är ändrad och används sedan mars."],
            ),
            (
                "Kommande ärenden registreras varje månad",
                None,
                "KS",
                300,
                Status.IN_PROGRESS,
                ["Tre av fyra förvaltningar registrerar sina ärenden."],
            ),
            ("Årlig redovisning till fullmäktige", None, "KF", 400, Status.PLANNED, []),
        ],
    ),
    (
        "Kunskap och ansvar i organisationen",
        "Förtroendevalda och tjänstepersoner kan leda dialoger.",
        [
            (
                "Grundutbildning för alla nämnder",
                "Kommunledningsförvaltningen",
                None,
                150,
                Status.IN_PROGRESS,
                ["Kommunstyrelsen och barn- och bildningsnämnden har gått utbildningen."],
            ),
            (
                "En delaktighetsambassadör i varje nämnd",
                None,
                "KS",
                90,
                Status.IN_PROGRESS,
                ["Två nämnder har utsett ambassadörer."],
            ),
            (
                "Digital enkätverktygslåda",
                "Kommunledningsförvaltningen",
                None,
                240,
                Status.CANCELLED,
                ["Ersätts av enkätverktyget i Delaktig."],
            ),
        ],
    ),
]
TRAININGS = [
    (
        "Grundkurs i medborgardialog",
        "En halvdag om delaktighetstrappan, metoderna och återkopplingen.",
        [
            ("Per Politiker", "KS", None),
            ("Pia Presidiesson", "KS", None),
            ("Lena Lund", "BBN", None),
            ("Hanna Handläggare", None, "Kommunledningsförvaltningen"),
            ("Erik Eriksson", None, "Barn- och bildningsförvaltningen"),
        ],
    ),
    (
        "Att leda dialogmöten",
        "Praktisk övning i att leda samtal med många röster.",
        [
            ("Dan Demokratisson", None, "Kommunledningsförvaltningen"),
            ("Lena Lund", "BBN", None),
        ],
    ),
]
AMBASSADORS = [("KS", "Pia Presidiesson", 200), ("BBN", "Lena Lund", 120)]


def load(muni, bodies, departments, people):
    if ActionPlan.objects.filter(municipality=muni).exists():
        return
    officer, today = people["demokrati"], timezone.localdate()
    plan = services.plan_save(
        municipality=muni, actor=officer, title="Handlingsplan för delaktighet 2026–2028", starts_year=2026,
        ends_year=2028, adopted_by=bodies["KF"], adopted_on=datetime.date(2026, 2, 16),
        summary="Planen ska göra medborgardialog till en självklar del av hur Hagfors styrs.",
    )  # fmt: skip
    for title, description, actions in GOALS:
        goal = services.goal_add(plan=plan, actor=officer, title=title, description=description)
        for spec in actions:
            _action(goal, officer, today, bodies, departments, *spec)
    for name, description, records in TRAININGS:
        training = services.training_add(municipality=muni, actor=officer, name=name, description=description)
        for number, (person, body, department) in enumerate(records):
            services.training_record(
                training=training, actor=officer, person_name=person, completed_on=today - datetime.timedelta(
                    days=30 + 20 * number), body=bodies.get(body), department=departments.get(department),
            )  # fmt: skip
    for body, person, days in AMBASSADORS:
        services.ambassador_appoint(body=bodies[body], actor=officer, person_name=person,
                                    since=today - datetime.timedelta(days=days))  # fmt: skip


def _action(goal, officer, today, bodies, departments, title, department, body, days, status, notes):
    action = services.action_save(
        goal=goal, actor=officer, title=title, owner_department=departments.get(department),
        owner_body=bodies.get(body), deadline=today + datetime.timedelta(days=days),
    )  # fmt: skip
    year, quarter = services.current_quarter(today)
    quarters = [(year, quarter)]
    for _ in notes[1:]:
        year, quarter = (year, quarter - 1) if quarter > 1 else (year - 1, 4)
        quarters.insert(0, (year, quarter))
    for (year, quarter), note in zip(quarters, notes, strict=False):
        last = note is notes[-1]
        services.followup_record(action=action, actor=officer, year=year, quarter=quarter,
                                 status=status if last else Status.IN_PROGRESS, note=note)  # fmt: skip
