"""Demo forums of a municipality: a diversity forum (mångfaldsråd) and a youth council (ungdomsråd) with members,
meetings with agenda and minutes, and matters with statements and what was decided. Written through the services,
so the audit log reads true. Safe to run twice: a municipality that has forums keeps them. The demo loader and the
forum consultation's demo both call `populate`."""

import datetime

from django.utils import timezone

from . import services
from .models import Forum, Kind, MemberRole

DIVERSITY = {
    "name": "Mångfaldsrådet",
    "kind": Kind.DIVERSITY,
    "purpose": (
        "Mångfaldsrådet är ett forum för dialog mellan kommunens politiker och föreningar och grupper som "
        "företräder människor med olika bakgrund. Rådet lämnar synpunkter på frågor om integration, "
        "bemötande och diskriminering, och tillfrågas innan kommunstyrelsen beslutar i sådana frågor."
    ),
    "members": [
        ("Leila Hassan", MemberRole.CHAIR, "Kommunstyrelsen (S)"),
        ("Per Lindqvist", MemberRole.VICE_CHAIR, "Kommunstyrelsen (M)"),
        ("Aisha Mohammed", MemberRole.MEMBER, "Internationella föreningen i Hagfors"),
        ("Tuula Järvinen", MemberRole.MEMBER, "Sverigefinska föreningen i Hagfors"),
        ("Ahmad Ali", MemberRole.MEMBER, "SFI-eleverna vid Älvstrandens bildningscentrum"),
        ("Karin Hedlund", MemberRole.SUBSTITUTE, "Svenska kyrkan i Hagfors"),
    ],
    "meetings": [
        (
            -200,
            "Kommunhuset, sal Uddeholm",
            "1. Mötet öppnas\n2. Handlingsplan mot diskriminering\n3. Övrigt",
            "Rådet gick igenom förslaget till handlingsplan mot diskriminering och gav ordföranden i uppdrag att "
            "skriva rådets yttrande.",
        ),
        (
            -90,
            "Kommunhuset, sal Uddeholm",
            "1. Mötet öppnas\n2. Information på lätt svenska och andra språk\n3. Återkoppling om handlingsplanen",
            "Rådet antog sitt yttrande om kommunens information på flera språk.",
        ),
        (30, "Folkets hus, Hagfors", "1. Mötet öppnas\n2. Mångfaldsveckan 2027\n3. Övrigt", ""),
    ],
    "matters": [
        {
            "title": "Handlingsplan mot diskriminering 2026–2028",
            "asked_on": -220,
            "statement": (
                -200,
                "Rådet välkomnar handlingsplanen men vill att kommunen mäter hur invånare med "
                "utländsk bakgrund upplever bemötandet, och att personalen får utbildning varje år.",
            ),
            "response": (
                -150,
                "Kommunstyrelsen lade till en årlig enkät om bemötande och utbildning för all "
                "personal med publika uppdrag i handlingsplanen.",
            ),
        },
        {
            "title": "Kommunens information på lätt svenska och andra språk",
            "asked_on": -110,
            "statement": (
                -90,
                "Rådet föreslår att viktig information om skola, omsorg och val alltid finns på "
                "lätt svenska, finska, arabiska och somaliska, och att kontaktcenter kan boka tolk.",
            ),
            "response": None,
        },
    ],
}

YOUTH = {
    "name": "Ungdomsrådet",
    "kind": Kind.YOUTH,
    "purpose": (
        "Ungdomsrådet ger unga mellan 13 och 20 år en röst i kommunen. Rådet träffas varannan månad, "
        "tillfrågas om frågor som rör unga och lämnar yttranden till kultur- och fritidsutskottet och "
        "kommunstyrelsen."
    ),
    "members": [
        ("Wilma Björk", MemberRole.CHAIR, "Elevkåren vid Älvstrandens bildningscentrum"),
        ("Emil Norberg", MemberRole.VICE_CHAIR, "Ekshärads skola"),
        ("Nour Ali", MemberRole.MEMBER, "Fritidsgården Kåken"),
        ("Oskar Dahl", MemberRole.MEMBER, "Hagfors IF ungdom"),
        ("Linnea Råberg", MemberRole.MEMBER, "Sunnemo skola"),
        ("Alex Ström", MemberRole.SUBSTITUTE, "Unga i Råda"),
    ],
    "meetings": [
        (
            -160,
            "Fritidsgården Kåken",
            "1. Mötet öppnas\n2. Fritidsgårdens öppettider\n3. Övrigt",
            "Rådet vill att fritidsgården har öppet längre på fredagar. Wilma Björk skriver yttrandet.",
        ),
        (
            -60,
            "Kommunhuset, sal Klarälven",
            "1. Mötet öppnas\n2. Översiktsplanen Hagfors 2040\n3. Övrigt",
            "Rådet diskuterade översiktsplanen och antog sitt yttrande om mötesplatser och kollektivtrafik.",
        ),
        (45, "Fritidsgården Kåken", "1. Mötet öppnas\n2. Sommarjobb 2027\n3. Övrigt", ""),
    ],
    "matters": [
        {
            "title": "Fritidsgårdens öppettider",
            "asked_on": -180,
            "statement": (
                -160,
                "Ungdomsrådet vill att Kåken har öppet till kl. 22 på fredagar och att det "
                "finns en vuxen som unga känner igen på plats.",
            ),
            "response": (
                -120,
                "Kultur- och fritidsutskottet beslutade att Kåken har öppet till kl. 22 på "
                "fredagar från och med hösten.",
            ),
        },
    ],
}

OVERVIEW_PLAN_STATEMENT = (
    "Ungdomsrådet vill att översiktsplanen ger plats åt mötesplatser för unga i varje kommundel, att bussen "
    "mellan Ekshärad och Hagfors går oftare på kvällar och helger, och att nya bostäder byggs nära skolorna."
)


def populate(municipality, *, people):
    """The two demo forums, made once; returns {"diversity": forum, "youth": forum}."""
    existing = {forum.kind: forum for forum in Forum.objects.filter(municipality=municipality)}
    if existing:
        return existing
    actor = people.get("demokrati") or people.get("handlaggare")
    return {str(spec["kind"]): _forum(municipality, spec, actor) for spec in (DIVERSITY, YOUTH)}


def _day(offset):
    return timezone.localdate() + datetime.timedelta(days=offset)


def _forum(municipality, spec, actor):
    body = municipality.bodies.filter(short_name="KS").first()
    values = {"name": spec["name"], "kind": spec["kind"], "purpose": spec["purpose"], "body": body}
    forum = services.forum_save(municipality=municipality, actor=actor, values=values)
    term_start, term_end = datetime.date(_day(0).year - 1, 1, 1), datetime.date(_day(0).year + 2, 12, 31)
    for index, (name, role, represents) in enumerate(spec["members"]):
        email = f"forum{forum.pk}.ledamot{index}@{municipality.slug}.example"
        member = {
            "name": name,
            "role": role,
            "represents": represents,
            "term_start": term_start,
            "term_end": term_end,
            "email": email,
            "phone": "",
        }
        services.member_save(forum=forum, actor=actor, values=member)
    meetings = [
        services.meeting_save(
            forum=forum,
            actor=actor,
            values={"held_on": _day(offset), "place": place, "agenda": agenda, "minutes": minutes},
        )
        for offset, place, agenda, minutes in spec["meetings"]
    ]
    for matter in spec["matters"]:
        _matter(forum, matter, meetings, actor, body)
    return forum


def _matter(forum, matter, meetings, actor, body):
    values = {"title": matter["title"], "asked_on": _day(matter["asked_on"]), "deciding_body": body}
    if matter["response"]:
        values |= {"responded_on": _day(matter["response"][0]), "response": matter["response"][1]}
    consultation = services.consultation_save(forum=forum, actor=actor, values=values)
    given, text = matter["statement"]
    adopted = next((m for m in meetings if m.held_on == _day(given)), None)
    statement = {"given_on": _day(given), "text": text, "meeting": adopted}
    services.statement_save(consultation=consultation, actor=actor, values=statement)
