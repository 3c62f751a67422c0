"""Demo content: three dialogue meetings about the swimming baths in Hagfors, Ekshärad and Sunnemo.

The one in Hagfors was held last week: summary, people counted in the room and what was said, table by table. The
two coming ones have people registered, and Sunnemo, in a small room, is full with a waiting list.
"""

import datetime

from django.utils import timezone

from .desk import desk_save, occasion_of
from .forms import local_time
from .models import Meeting, Registration
from .services import meeting_register
from .services_meetings import meeting_create, meeting_record

MEETINGS = [
    {
        "days": -6,
        "title": "Dialogmöte i Hagfors centrum",
        "description": "Vi berättar om planerna för badhuset och vad som redan är bestämt. Sedan samtalar vi vid "
        "borden om vad som är viktigast för dig. Politiker från kommunstyrelsen är med och lyssnar.",
        "place": "Folkets hus, stora salen",
        "address": "Dalavägen 2, Hagfors",
        "step_free": True,
        "hearing_loop": True,
        "interpretation": True,
        "languages": "svenska, finska",
        "capacity": 60,
    },
    {
        "days": 6,
        "title": "Dialogmöte i Ekshärad",
        "description": "Samma upplägg som i Hagfors. Du kan också vara med digitalt. Barnpassning finns, anmäl "
        "gärna hur många barn du tar med under ”Annat stöd”.",
        "place": "Ekshärads bygdegård",
        "address": "Kyrkvägen 9, Ekshärad",
        "step_free": True,
        "childcare": True,
        "languages": "svenska",
        "online_url": "https://hagfors.example/mote/eksharad",
        "capacity": 40,
    },
    {
        "days": 13,
        "title": "Dialogmöte i Sunnemo",
        "description": "Ett mindre möte i byalagets lokal, med fika. Lokalen har plats för tolv personer.",
        "place": "Sunnemo byalagslokal",
        "address": "Sunnemovägen 31, Sunnemo",
        "hearing_loop": True,
        "languages": "svenska",
        "capacity": 12,
    },
]

# (name, e-mail, needs) for people who register with their e-mail address only
PEOPLE = [
    ("Lars Berg", "lars.berg@example.se", {}),
    ("Maria Nilsson", "maria.nilsson@example.se", {"diet": "Laktosfritt"}),
    ("Aino Mäkinen", "aino.makinen@example.se", {"interpretation": "Finska"}),
    ("Gunnar Eriksson", "gunnar.eriksson@example.se", {"assistance": "Rullator, behöver sitta nära dörren"}),
    ("Fatima Hassan", "fatima.hassan@example.se", {"interpretation": "Arabiska"}),
    ("Erik Johansson", "erik.johansson@example.se", {}),
    ("Karin Olsson", "karin.olsson@example.se", {"diet": "Glutenfritt"}),
    ("Nils Persson", "nils.persson@example.se", {}),
    ("Elsa Lundqvist", "elsa.lundqvist@example.se", {}),
    ("Johan Karlsson", "johan.karlsson@example.se", {}),
    ("Britt Andersson", "britt.andersson@example.se", {"assistance": "Hörapparat"}),
    ("Ali Rahimi", "ali.rahimi@example.se", {}),
    ("Sofia Holm", "sofia.holm@example.se", {}),
    ("Per Sandberg", "per.sandberg@example.se", {}),
]
RESIDENTS = ("invanare", "invanare2", "invanare3")  # demo accounts that register while logged in
REGISTERED_DAYS_BEFORE = 4  # the first registration, counted back from the meeting or from now, whichever is first
REGISTERED_APART = datetime.timedelta(hours=3)  # between one registration and the next (at most 15 a meeting)

# (table, text) said in Hagfors
SAID = [
    (
        "Bord 1",
        "Behåll 25-metersbassängen. Simklubben och skolorna behöver den, och den är det som gör badet till "
        "mer än ett äventyrsbad.",
    ),
    ("Bord 1", "Varmare vatten i en mindre bassäng för äldre, för rehabilitering och babysim."),
    ("Bord 2", "Öppet tidigare på morgonen, före jobbet. Många pendlar till Karlstad."),
    (
        "Bord 2",
        "Bussen från Ekshärad och Sunnemo går inte så att man hinner simma och komma hem. Samordna med "
        "Värmlandstrafik.",
    ),
    (
        "Bord 3",
        "Omklädningsrum där man kan byta om enskilt. Det gäller både unga och personer med funktionsnedsättning.",
    ),
    ("Bord 3", "En rutschkana lockar barnfamiljer från hela Klarälvdalen. Det kan vara värt pengarna."),
    ("Bord 4", "Håll nere entréavgiften. Familjekort och fritt för barn under sju år."),
    ("Bord 4", "Ramper och lyft ner i bassängen, och en hörslinga i receptionen."),
]
SUMMARY = (
    "Ett trettiotal invånare kom. Flest ville behålla 25-metersbassängen och få en varmare bassäng för äldre och "
    "barnfamiljer. Många tog upp öppettider och att det ska gå att ta sig till badet med buss från byarna. "
    "Tillgänglighet, enskilda omklädningsrum och låga avgifter kom upp vid flera bord."
)
PRESENT = 34
PRESENT_BY_AGE = {"18_29": 3, "30_44": 8, "45_64": 10, "65_79": 11, "80_plus": 2}
PRESENT_BY_GENDER = {"woman": 19, "man": 15}


def _at(day, hour):
    return local_time(datetime.datetime.combine(day, datetime.time(hour, 0)))


def populate(module, *, people, content=None):
    officer = people["handlaggare"]
    today = timezone.localdate()
    meetings = []
    for spec in MEETINGS:
        values = {key: value for key, value in spec.items() if key != "days"}
        day = today + datetime.timedelta(days=spec["days"])
        meetings.append(
            meeting_create(module=module, actor=officer, starts_at=_at(day, 18), ends_at=_at(day, 20), **values)
        )
    held, eksharad, sunnemo = meetings
    _register(held, people, PEOPLE[:9], residents=RESIDENTS[:2])
    _register(eksharad, people, PEOPLE[3:9], residents=RESIDENTS[:1])
    _register(sunnemo, people, PEOPLE[:13], residents=RESIDENTS[1:])
    _record(held, officer)


def _register(meeting, people, names, *, residents):
    """Register as people would have, one after the other over the days before the meeting, and always before the
    demo is loaded: a registration dated later than now would show a date to come on My pages, and a resident who
    registers in the demo must come after everyone already there."""
    first = min(meeting.starts_at, timezone.now()) - datetime.timedelta(days=REGISTERED_DAYS_BEFORE)
    for local in residents:
        user = people[local]
        meeting_register(meeting=meeting, name=user.name, email=user.email, user=user, wants_updates=True, now=first)
    for name, email, needs in names:
        meeting_register(meeting=meeting, name=name, email=email, now=first, **needs)
    for n, pk in enumerate(Registration.objects.filter(meeting=meeting).order_by("pk").values_list("pk", flat=True)):
        when = first + n * REGISTERED_APART
        Registration.objects.filter(pk=pk).update(created_at=when, updated_at=when)


def _record(meeting, officer):
    meeting_record(
        meeting=meeting,
        actor=officer,
        summary=SUMMARY,
        present_count=PRESENT,
        present_by_age=PRESENT_BY_AGE,
        present_by_gender=PRESENT_BY_GENDER,
    )
    occasion = occasion_of(meeting)
    received = timezone.localdate(meeting.starts_at)
    for table, text in SAID:
        desk_save(
            meeting.module,
            {"text": text},
            actor=officer,
            channel="meeting",
            received_on=received,
            occasion=occasion,
            group=table,
        )
    Meeting.objects.filter(pk=meeting.pk).update(recorded_at=meeting.ends_at + datetime.timedelta(days=1))
