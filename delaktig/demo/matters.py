"""Demo coming matters for Hagfors: matters that affect residents, most answered early whether a citizen dialogue
is planned (with the reason), two linked to the demo's dialogues, one decided, one still without an answer, so the
staff list, the paragraph for the officer's report, the public list of coming decisions and the council's overview
all have something to show. Safe to run twice."""

import datetime

from django.utils import timezone

from delaktig.dialogues.models import Dialogue
from delaktig.matters import services
from delaktig.matters.models import Matter, Planned

# (case number, title, body, department, days until the decision, planned, reason, dialogue title or "")
MATTERS = [
    (
        "KS 2025/512",
        "Ny översiktsplan – Hagfors 2040",
        "KF",
        "Samhällsbyggnadsförvaltningen",
        120,
        Planned.YES,
        "Planen påverkar hur alla i kommunen bor, reser och arbetar i många år framåt.",
        "Ny översiktsplan – Hagfors 2040",
    ),
    (
        "KS 2026/61",
        "Placering av den nya sporthallen",
        "KS",
        "Kommunledningsförvaltningen",
        75,
        Planned.YES,
        "Föreningar, skolor och grannar berörs och det finns flera möjliga platser att välja mellan.",
        "Ny sporthall – placering",
    ),
    (
        "BBN 2026/48",
        "Skolskjuts och hållplatser på landsbygden",
        "BBN",
        "Barn- och bildningsförvaltningen",
        45,
        Planned.YES,
        "Barn och föräldrar vet bäst var hållplatserna känns säkra.",
        "",
    ),
    (
        "SN 2026/19",
        "Nya öppettider för träffpunkterna för äldre",
        "SN",
        "Socialförvaltningen",
        60,
        Planned.YES,
        "De som besöker träffpunkterna ska kunna säga vilka tider som passar dem.",
        "",
    ),
    (
        "SBN 2026/102",
        "Taxa för tömning av enskilda avlopp",
        "SBN",
        "Samhällsbyggnadsförvaltningen",
        30,
        Planned.NO,
        "Taxan räknas fram ur kostnaderna och följer lagen; det finns inget att välja mellan. Vi informerar i stället.",
        "",
    ),
    (
        "KS 2026/240",
        "Internkontrollplan 2027",
        "KS",
        "Kommunledningsförvaltningen",
        20,
        Planned.NO,
        "Ett internt styrdokument som inte påverkar invånarnas vardag direkt.",
        "",
    ),
    (
        "SBN 2026/117",
        "Hastighetsgränser i Ekshärad",
        "SBN",
        "Samhällsbyggnadsförvaltningen",
        90,
        Planned.NOT_ANSWERED,
        "",
        "",
    ),
    (
        "BBN 2026/51",
        "Förskolans lokaler i Sunnemo",
        "BBN",
        "Barn- och bildningsförvaltningen",
        150,
        Planned.NOT_ANSWERED,
        "",
        "",
    ),
]
DECIDED = ("KS 2026/112", "Riktlinjer för medborgardialog", "KF", "Kommunledningsförvaltningen", -40, Planned.YES,
           "Riktlinjerna gäller hur invånarna får vara med, så de berörda ska kunna tycka till.", "")  # fmt: skip


def load(muni, bodies, departments, people):
    if Matter.objects.filter(municipality=muni).exists():
        return
    officer, today = people["handlaggare"], timezone.localdate()
    for spec in [*MATTERS, DECIDED]:
        _matter(muni, bodies, departments, officer, today, *spec)


def _matter(muni, bodies, departments, officer, today, number, title, body, department, days, planned, reason, linked):
    day = today + datetime.timedelta(days=days)
    matter = services.matter_register(
        municipality=muni, actor=officer, case_number=number, title=title, description="", body=bodies[body],
        department=departments[department], expected_decision_on=day,
    )  # fmt: skip
    if planned:
        services.matter_answer(matter=matter, actor=officer, planned=planned, reason=reason)
    dialogue = Dialogue.objects.filter(municipality=muni, title=linked).first() if linked else None
    if dialogue is not None:
        services.matter_link(matter=matter, actor=officer, dialogue=dialogue)
    if days < 0:
        services.matter_decided(matter=matter, actor=officer, decided_on=day)
