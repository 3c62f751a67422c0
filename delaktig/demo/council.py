"""Demo council meetings and public question time for Hagfors: the council (KF) with question time, the executive
board and the board of education with past and coming meetings; answered, refused, approved and waiting questions,
taken through the real services and status table. Dates are relative to today, so there is always a meeting that
takes questions."""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from delaktig.council import services
from delaktig.council.models import Question
from delaktig.organisations.models import Membership, Role

KF_PLACE = "Sessionssalen, Kommunhuset, Dalavägen 2, Hagfors"
SITE = "https://www.hagfors.example/politik"

# (body, days from today, weekday 0 = Monday, hour, place, question time)
MEETINGS = [
    ("KF", -170, 0, 18, KF_PLACE, True),
    ("KF", -115, 0, 18, KF_PLACE, False),
    ("KF", -60, 0, 18, KF_PLACE, True),
    ("KF", 30, 0, 18, KF_PLACE, True),
    ("KF", 100, 0, 18, KF_PLACE, True),
    ("KS", -75, 1, 13, "Kommunstyrelsens sammanträdesrum, Kommunhuset", False),
    ("KS", -20, 1, 13, "Kommunstyrelsens sammanträdesrum, Kommunhuset", False),
    ("KS", 16, 1, 13, "Kommunstyrelsens sammanträdesrum, Kommunhuset", False),
    ("KS", 65, 1, 13, "Kommunstyrelsens sammanträdesrum, Kommunhuset", False),
    ("BBN", -50, 2, 9, "Sammanträdesrum Uvån, Kommunhuset", False),
    ("BBN", 9, 2, 9, "Sammanträdesrum Uvån, Kommunhuset", False),
    ("BBN", 44, 2, 9, "Ekshärads skola, matsalen", False),
]
CANCELLED = {("BBN", 9): "Det finns inga ärenden att behandla. Nästa sammanträde är i februari."}

# (meeting: index in MEETINGS, asker, to: "chair", "member" or the body, topic, text, days before the meeting,
#  what happened: (status, detail))
QUESTIONS = [
    (0, "invanare", "chair", "traffic",
     "Varför plogas gång- och cykelvägen längs Älvgatan så sent på morgonen? Många barn cyklar till skolan där "
     "före klockan sju, och då är det fortfarande inte plogat.",
     20, ("answered", ("Lena Berg (S), kommunstyrelsens ordförande", 1812,
                       "Tack för frågan. Från och med den här vintern plogas Älvgatans gång- och cykelväg i första "
                       "hand, före klockan sex på vardagar, tillsammans med de andra skolvägarna. Vi har ändrat "
                       "ordningen i plogkartan efter frågor från flera föräldrar."))),
    (0, "invanare2", "body", "housing",
     "Varför fick min granne på Skolgatan bygglov för sitt garage när det skymmer vår utsikt?",
     18, ("refused", ("individual_matter",
                      "Frågestunden gäller frågor av allmänt intresse. Bygglov i enskilda ärenden prövas av "
                      "samhällsbyggnadsnämnden; kontakta Samhällsbyggnadsförvaltningen om du vill överklaga."))),
    (2, "invanare3", "chair", "culture",
     "Simhallen i Hagfors har fått kortare öppettider på kvällarna sedan i våras. När blir öppettiderna som "
     "förut, och har kommunen frågat dem som simmar vad de tycker?",
     25, ("answered", ("Lena Berg (S), kommunstyrelsens ordförande", 2290,
                       "Öppettiderna minskade när vi inte fick tag på badvakter. Nu är två nya badvakter anställda, "
                       "och från den 1 februari har simhallen öppet till klockan 21 tisdag och torsdag igen. Vi "
                       "gör en enkät till besökarna i vår."))),
    (2, "invanare", "member", "school",
     "Hur går arbetet med den nya förskolan i Ekshärad, och när kan den ta emot de första barnen?",
     22, ("answered", ("Mats Holm (C), ordförande i barn- och bildningsnämnden", 3105,
                       "Bygget är i tid. Förskolan Tallbacken i Ekshärad öppnar i augusti nästa år med fyra "
                       "avdelningar. Ansökan till platserna öppnar i mars."))),
    (2, "invanare2", "body", "traffic",
     "Vad gör kommunen för att fler ska kunna ta bussen mellan Sunnemo och Hagfors på kvällarna?",
     19, ("answered", ("Lena Berg (S), kommunstyrelsens ordförande", 3720,
                       "Kommunen har bett Värmlandstrafik om en kvällstur till och från Sunnemo. Från augusti "
                       "prövar vi anropsstyrd trafik på kvällarna; den bokas senast en timme före."))),
    (2, "invanare3", "member", "environment",
     "Hur många av kommunens egna bilar går på el eller biogas i dag, och vad är målet till 2030?",
     15, ("approved", None)),  # asked at the meeting; the answer is not recorded yet
    (3, "invanare3", "chair", "care",
     "Regionen ser över sina lokaler. Hur ska kommunen arbeta för att vårdcentralen i Ekshärad finns kvar?",
     9, ("approved", None)),
    (3, "invanare", "body", "environment",
     "Kan kommunen sätta upp laddstolpar för elbilar vid Kulturhuset och vid Ekshärads torg?",
     6, ("submitted", None)),
    (3, "invanare2", "member", "culture",
     "Varför har badplatsen vid Mjönäs ingen livboj och ingen skylt om var närmaste hjärtstartare finns?",
     4, ("submitted", None)),
]  # fmt: skip


def load(muni, bodies, people):
    services.question_time_settings_save(
        body=bodies["KF"],
        actor=people["admin"],
        values={"deadline_days": 10, "max_per_meeting": 8, "max_per_person": 2, "minutes_allotted": 30},
    )
    meetings = [_meeting(bodies[body], people, days, *rest) for body, days, *rest in MEETINGS]
    addressees = _addressees(bodies["KF"])
    for number, (index, asker, to, topic, text, days_before, outcome) in enumerate(QUESTIONS):
        key = f"demo-{number}"
        _question(meetings[index], people, asker, addressees.get(to), topic, text, days_before, outcome, key)


def _at(days, weekday, hour):
    """The first `weekday` on or after today + days, at `hour` Stockholm time."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    day += datetime.timedelta(days=(weekday - day.weekday()) % 7)
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=ZoneInfo(settings.TIME_ZONE))


def _meeting(body, people, days, weekday, hour, place, question_time):
    starts_at = _at(days, weekday, hour)
    past = starts_at < timezone.now()
    stamp = f"{body.short_name.lower()}-{starts_at:%Y-%m-%d}"
    values = {
        "starts_at": starts_at,
        "ends_at": starts_at + datetime.timedelta(hours=3 if body.short_name == "KF" else 2),
        "place": place,
        "has_question_time": question_time,
        "agenda_url": f"{SITE}/kallelser/{stamp}.pdf",
        "minutes_url": f"{SITE}/protokoll/{stamp}.pdf" if past else "",
        "recording_url": f"{SITE}/webb-tv/{stamp}" if past and body.short_name == "KF" else "",
    }
    meeting = services.meeting_create(body=body, actor=people["registrator"], values=values)
    reason = CANCELLED.get((body.short_name, days))
    if reason:
        services.meeting_cancel(meeting=meeting, actor=people["registrator"], reason=reason)
    return meeting


def _addressees(council):
    """ "chair": the council's chair (its presidium), "member": an elected official; "body": the whole council."""
    found = Membership.objects.filter(body=council).select_related("user")
    return {
        "chair": found.filter(role=Role.PRESIDIUM).first(),
        "member": found.filter(Q(role=Role.ELECTED_OFFICIAL)).first(),
    }


def _question(meeting, people, asker, addressee, topic, text, days_before, outcome, key):
    asked_at = meeting.starts_at - datetime.timedelta(days=days_before + 10, hours=5)
    question = services.question_submit(
        meeting=meeting,
        asker=people[asker],
        asker_name=people[asker].name,
        topic=topic,
        text=text,
        addressee=addressee,
        submission_key=key,
        now=asked_at,
    )
    status, detail = outcome
    if status == "submitted":
        return question
    if status == "refused":
        reason, explanation = detail
        return services.question_refuse(question=question, actor=people["presidium"], reason=reason, text=explanation)
    question = services.question_approve(question=question, actor=people["presidium"])
    if status == "answered":
        who, seconds, answer = detail
        mark = f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"
        question = services.question_answer(
            question=question,
            actor=people["registrator"],
            answer=answer,
            answered_by=who,
            answered_on=meeting.local_date(),
            answer_url=meeting.recording_url,
            answer_time_mark=mark,
        )
    Question.objects.filter(pk=question.pk).update(status_changed_at=meeting.starts_at)
    return question
