"""Demo content: the consultation (samråd) on a draft comprehensive plan (översiktsplan) for Hagfors, and, in a
dialogue that is still open, one on a draft food policy for elderly care that residents can comment on.

Residents and organisations commented during the consultation period, one authority by letter; officers and a
politician answered some comments; staff summarised two chapters and set the municipality's position on every
comment; after the consultation a second version was published, with the comments still on their paragraphs, and
the consultation report was asked for as Word and PDF.
"""

import datetime

from django.utils import timezone

from delaktig.participation.models import Comment, ModerationStatus
from delaktig.participation.services import moderate

from . import services
from .desk import desk_save
from .models import AnswerRole, Position, Remark, Represents, Source
from .text import from_markdown

PLAN = """# Förslag till översiktsplan – Hagfors 2040

Översiktsplanen visar hur kommunen vill att mark och vatten ska användas de kommande tjugo åren.
Den är inte bindande, men den vägleder alla senare beslut om detaljplaner och bygglov.

## 1. Bostäder

Vi planerar för 400 nya bostäder till 2040, de flesta i och nära Hagfors centrum och Ekshärad.

Nya bostäder ska i första hand byggas där det redan finns gator, vatten och avlopp.

Strandnära boende längs Klarälven prövas i särskilda områden för landsbygdsutveckling.

## 2. Näringsliv och arbete

Uddeholmsområdet är fortsatt kommunens viktigaste plats för industri.

Mark för nya företag reserveras vid riksväg 62 söder om Hagfors.

## 3. Natur och friluftsliv

- Klarälvens dalgång skyddas som ett område av riksintresse för friluftsliv
- Nya vandringsleder knyter ihop Hagfors, Uddeholm och Råda
- Tätortsnära skog sparas för lek och rekreation

## 4. Trafik

En sammanhängande cykelväg byggs mellan Hagfors och Uddeholm.

Busstrafiken mot Karlstad ska gå minst en gång i timmen på vardagar.
"""

REVISED = (
    PLAN.replace("400 nya bostäder", "450 nya bostäder, varav minst en fjärdedel hyresrätter,")
    .replace(
        "Strandnära boende längs Klarälven prövas i särskilda områden för landsbygdsutveckling.",
        "Strandnära boende längs Klarälven prövas bara i särskilda områden för landsbygdsutveckling, och aldrig "
        "där allmänheten har tillgång till stranden i dag.",
    )
    .replace("Tätortsnära skog sparas för lek och rekreation", "Tätortsnära skog sparas för lek, skola och rekreation")
)

# (who, where: "whole" or words of a paragraph or a chapter's title, text, represents, organisation, position, response)
COMMENTS = [
    (
        "invanare",
        "400 nya bostäder",
        "Bra att ni planerar för fler bostäder, men det behövs hyresrätter för unga som vill flytta hemifrån.",
        "myself",
        "",
        Position.TAKEN,
        "Planen anger nu att minst en fjärdedel av de nya bostäderna ska vara hyresrätter.",
    ),
    (
        "invanare2",
        "Strandnära boende",
        "Stränderna vid Klarälven måste vara öppna för alla. Bygg inte privata tomter vid vattnet.",
        "organisation",
        "Naturskyddsföreningen i Hagfors",
        Position.PARTLY,
        "Strandnära boende prövas bara där allmänheten inte har tillgång till stranden i dag. Strandskyddet "
        "prövas alltid i varje enskilt fall.",
    ),
    (
        "invanare3",
        "Tätortsnära skog",
        "Skogen vid Hagaskolan används av förskolor och skolan varje dag. Den måste finnas kvar.",
        "myself",
        "",
        Position.TAKEN,
        "Skolskogar pekas ut som tätortsnära skog för lek, skola och rekreation.",
    ),
    (
        "invanare",
        "4. Trafik",
        "Bussen till Karlstad behöver gå även på kvällar och helger, annars kan man inte pendla.",
        "myself",
        "",
        Position.NOT_TAKEN,
        "Turtätheten beslutas av Värmlandstrafik och regionen, inte i översiktsplanen. Vi för vidare synpunkten.",
    ),
    (
        "invanare2",
        "whole",
        "Planen är lätt att läsa. Det vore bra med en karta över var de nya bostäderna ska ligga.",
        "organisation",
        "Hyresgästföreningen Hagfors",
        Position.PARTLY,
        "En karta över utbyggnadsområden finns som bilaga till den antagna planen.",
    ),
]

LETTER = {
    "place": "whole",
    "text": "Länsstyrelsen bedömer att planen behöver redovisa hur risken för översvämning längs Klarälven "
    "hanteras innan nya bostäder pekas ut nära vattnet.",
    "represents": "authority",
    "organisation": "Länsstyrelsen Värmland",
    "sender_name": "Länsstyrelsens samhällsbyggnadsenhet",
    "sender_address": "651 86 Karlstad",
    "position": Position.TAKEN,
    "response": "Ett avsnitt om översvämningsrisker läggs till i kapitlet om bostäder.",
}

ANSWERS = [
    (0, "politiker", "politician", "Tack! Fler hyresrätter är en av de viktigaste frågorna för kommunstyrelsen."),
    (3, "handlaggare", "officer", "Vi har skickat din synpunkt till Värmlandstrafik, som planerar busstrafiken."),
]

SUMMARIES = {
    "1. Bostäder": "De flesta synpunkter vill ha hyresrätter och öppna stränder. Länsstyrelsen vill att "
    "översvämningsrisker redovisas.",
    "3. Natur och friluftsliv": "Skolor och förskolor använder den tätortsnära skogen och vill att den sparas.",
}


POLICY = """# Förslag till kostpolicy för äldreomsorgen i Hagfors

## Varför en kostpolicy

Maten är en av dagens höjdpunkter. Den ska vara god, näringsrik och serveras i en lugn miljö.

Policyn gäller alla särskilda boenden och hemtjänstens matleveranser i Hagfors kommun.

## Måltiderna

Varje dag serveras frukost, lunch, middag och minst två mellanmål.

Nattfastan ska vara högst elva timmar.

Den som vill ska kunna välja mellan två rätter till lunch.

## Så lagas maten

Maten lagas i kommunens egna kök, så nära boendet som möjligt.

Vi köper svenska råvaror när det går, och fisk minst två gånger i veckan.

## Att äta tillsammans

Personalen äter med de boende när det passar, och måltiden ska inte stressas.

Anhöriga är välkomna att äta med, mot en avgift.
"""


OPEN_COMMENTS = [
    ("invanare2", "Blåklocka 12", "Nattfastan ska vara högst elva timmar.", "Bra! Min mamma är ofta hungrig tidigt."),
    (
        "invanare3",
        "Kaffekopp 7",
        "Anhöriga är välkomna att äta med, mot en avgift.",
        "Vad kommer avgiften att vara? Det borde stå i policyn.",
    ),
]


def populate(module, *, people, content=None):
    if _still_running(module):
        _open_consultation(module, people)
        return
    officer = people["handlaggare"]
    document = services.document_for(module)
    version = services.version_create(
        document=document, outline=from_markdown(PLAN), source=Source.MARKDOWN, actor=officer
    )
    services.version_publish(version=version, actor=officer)
    remarks = [_comment(module, version, people, *spec) for spec in COMMENTS]
    remarks.append(_letter(module, version, officer))
    for index, who, role, text in ANSWERS:
        services.answer_create(comment=remarks[index].comment, module=module, author=people[who], role=role, text=text)
    for remark, spec in zip(remarks, [*COMMENTS, None], strict=True):
        position, response = (spec[5], spec[6]) if spec else (LETTER["position"], LETTER["response"])
        services.position_set(remark=remark, position=position, response=response, actor=officer)
    chapters = {chapter.title: chapter.anchor for chapter in version.chapters.all()}
    for title, text in SUMMARIES.items():
        services.summary_set(document=document, chapter_anchor=chapters[title], text=text, actor=officer)
    _backdate(module, remarks)
    revised = services.version_create(
        document=document,
        outline=from_markdown(REVISED),
        source=Source.MARKDOWN,
        actor=officer,
        note="Ändrat efter samrådet: hyresrätter, stränder och skolskogar.",
    )
    services.version_publish(version=revised, actor=officer)
    services.report_request(document=document, actor=officer)  # the worker makes the Word and PDF files


def _still_running(module):
    """The module's period has not ended: its dialogue is open to comments in the demo."""
    phase = module.phases.order_by("starts_at").first()
    return phase is not None and phase.ends_at > timezone.now()


def _open_consultation(module, people):
    """The food policy, published, with two comments so far; residents can add theirs."""
    officer = people["handlaggare"]
    document = services.document_for(module)
    version = services.version_create(
        document=document, outline=from_markdown(POLICY), source=Source.MARKDOWN, actor=officer
    )
    services.version_publish(version=version, actor=officer)
    first, _second = (
        services.remark_create(
            module=module,
            version=version,
            target=_place(version, where),
            text=text,
            represents=Represents.MYSELF,
            organisation="",
            user=people[who],
            pseudonym=pseudonym,  # the dialogue shows pseudonyms only
        )
        for who, pseudonym, where, text in OPEN_COMMENTS
    )
    for remark in (first, _second):  # the dialogue is moderated before publishing: the moderator has let them through
        if remark.comment.status != ModerationStatus.PUBLISHED:
            moderate(item=remark.comment, actor=people["moderator"], publish=True)
    services.answer_create(
        comment=first.comment, module=module, author=officer, role=AnswerRole.OFFICER,
        text="Tack! Tiden för frukost ses över på varje boende i vår.",
    )  # fmt: skip


def _place(version, where):
    if where == "whole":
        return version.document
    chapter = version.chapters.filter(title=where).first()
    return chapter or version.paragraphs.select_related("chapter").get(text__contains=where)


def _comment(module, version, people, who, where, text, represents, organisation, _position, _response):
    return services.remark_create(
        module=module,
        version=version,
        target=_place(version, where),
        text=text,
        represents=represents,
        organisation=organisation,
        user=people[who],
    )


def _letter(module, version, officer):
    data = {key: value for key, value in LETTER.items() if key not in ("position", "response")}
    data["place"] = "hela"
    received = timezone.localdate() - datetime.timedelta(days=50)
    item = desk_save(module, data, actor=officer, channel="paper", received_on=received, occasion=None, group="")
    return Remark.objects.select_related("comment").get(comment_id=item.item_id)


def _backdate(module, remarks):
    """The comments came during the consultation period, a few days apart."""
    phase = module.phases.order_by("starts_at").first()
    for index, remark in enumerate(remarks):
        when = min(phase.starts_at + datetime.timedelta(days=3 + 5 * index), phase.ends_at)
        Comment.objects.filter(pk=remark.comment_id).update(created_at=when)
