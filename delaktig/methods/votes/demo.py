"""Demo content: the public-art vote "Konst på Älvstranden" in Hagfors, five artists' sketches for a sculpture on the
square, drawn here with Pillow, each with what it shows in words. The vote is running and open to anyone with an
e-mail address: a tester votes without logging in, gets the link in the demo inbox (/demo/inkorg/), confirms, and can
change the ballot the same way until the vote closes. Two demo residents have voted on the web with their addresses;
staff have entered paper ballots from the library and the meeting place."""

import io
import random

from PIL import Image, ImageDraw

from delaktig.core.images import photo_clean
from delaktig.participation.models import Channel

from .by_email import email_key
from .models import Ballot, VotingBy
from .services import alternative_save, vote_save

SEED = 1783
PAPER_BALLOTS = 46
SMALL_PAPER_BALLOTS = 6
AGE_BANDS = ["18_29", "30_44", "45_64", "65_79", "80_plus", "under_18", ""]

SKETCHES = [
    {
        "title": "Ljusets bro",
        "artist": "Maja Ek",
        "description": "En båge av glas och stål som lyser inifrån när det mörknar. Bågen speglar bron över Klarälven "
        "och blir en ljuspunkt på torget under vinterhalvåret.",
        "alt": "Skiss: en hög, ljusblå båge över torget mot en mörkblå kvällshimmel, med ljus längs hela bågen.",
        "cost": 480_000,
        "draw": "arch",
        "colour": (120, 190, 230),
    },
    {
        "title": "Älvens röst",
        "artist": "Johan Lindqvist",
        "description": "Tre stenar från älven, staplade på varandra, med en ränna där regnvatten porlar. "
        "Man kan sitta på den nedersta stenen.",
        "alt": "Skiss: tre rundade grå stenar staplade på varandra, den största längst ner, på en grön gräsyta.",
        "cost": 350_000,
        "draw": "stones",
        "colour": (150, 150, 150),
    },
    {
        "title": "Mötet",
        "artist": "Aino Korhonen",
        "description": "Två figurer i brons som sträcker sig mot varandra, en bruksarbetare och ett barn. "
        "Verket handlar om Hagfors historia och framtid.",
        "alt": "Skiss: två bruna figurer på en låg sockel, en vuxen och ett barn. "
        "Den vuxna sträcker ut en arm mot barnet.",
        "cost": 495_000,
        "draw": "figures",
        "colour": (160, 100, 50),
    },
    {
        "title": "Järnbäraren",
        "artist": "Per Olsson",
        "description": "En hög pelare av cortenstål med mönster som liknar järnmalm. Pelaren syns från hela torget och "
        "rostar långsamt till en varm röd ton.",
        "alt": "Skiss: en smal, rostbrun pelare som är mycket högre än en människa, mot en ljus himmel.",
        "cost": 300_000,
        "draw": "pillar",
        "colour": (170, 80, 40),
    },
    {
        "title": "Vågen",
        "artist": "Sara Nilsson",
        "description": "En låg, böljande bänk i trä och betong som barn kan klättra på och vuxna sitta på. "
        "Formen följer älvens vågor.",
        "alt": "Skiss: en lång, låg bänk i form av en våg, ljust trä ovanpå en grå sockel av betong.",
        "cost": 260_000,
        "draw": "wave",
        "colour": (210, 170, 110),
    },
]


def sketch_png(kind, colour, width=640, height=400):
    """A simple drawing of the sketch: sky, the square's ground, the work in the middle."""
    image = Image.new("RGB", (width, height), (225, 235, 245))
    draw = ImageDraw.Draw(image)
    if kind == "arch":
        draw.rectangle([0, 0, width, height], fill=(30, 40, 80))
    draw.rectangle([0, int(height * 0.75), width, height], fill=(180, 175, 165))
    cx, ground = width // 2, int(height * 0.75)
    if kind == "arch":
        draw.arc([cx - 200, 60, cx + 200, ground + 200], 180, 360, fill=colour, width=24)
    elif kind == "stones":
        draw.rectangle([0, ground, width, height], fill=(110, 160, 90))
        for radius, top in ((110, ground - 120), (80, ground - 210), (50, ground - 270)):
            draw.ellipse([cx - radius, top, cx + radius, top + radius], fill=colour, outline=(90, 90, 90), width=3)
    elif kind == "figures":
        draw.rectangle([cx - 150, ground - 20, cx + 150, ground], fill=(120, 120, 120))
        draw.ellipse([cx - 110, 90, cx - 60, 140], fill=colour)
        draw.rectangle([cx - 105, 140, cx - 65, ground - 20], fill=colour)
        draw.line([cx - 65, 170, cx + 20, 200], fill=colour, width=14)
        draw.ellipse([cx + 40, 180, cx + 75, 215], fill=colour)
        draw.rectangle([cx + 42, 215, cx + 73, ground - 20], fill=colour)
    elif kind == "pillar":
        draw.rectangle([cx - 30, 30, cx + 30, ground], fill=colour)
        for y in range(50, ground, 40):
            draw.line([cx - 30, y, cx + 30, y + 15], fill=(120, 50, 20), width=4)
    else:
        points = [(x, ground - 40 - int(30 * ((x // 40) % 2))) for x in range(80, width - 79, 40)]
        draw.line(points, fill=colour, width=30, joint="curve")
        draw.rectangle([80, ground - 25, width - 80, ground], fill=(140, 140, 140))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def populate(module, *, people, content=None):
    officer = people["handlaggare"]
    vote = vote_save(
        module=module,
        actor=officer,
        question="Vilken skulptur ska stå på torget vid Älvstranden?",
        ballot_type="ranking",
        max_choices=3,
        voting_by=VotingBy.EMAIL_LINK,
        residents_only=True,
        age_min=13,
        rules_text="Du kan rangordna upp till tre skisser. Kultur- och fritidsutskottet har lovat att beställa den "
        "skulptur som vinner, om den ryms i budgeten på 500 000 kronor. Skisserna finns också på biblioteket, där "
        "du kan rösta på papper.",
    )
    alternatives = []
    for sketch in SKETCHES:
        image = photo_clean(sketch_png(sketch["draw"], sketch["colour"]))
        alternatives.append(
            alternative_save(
                vote=vote,
                actor=officer,
                title=sketch["title"],
                description=f"Konstnär: {sketch['artist']}. {sketch['description']}",
                cost=sketch["cost"],
                image=image,
                alt_text=sketch["alt"],
            ).pk
        )
    rng = random.Random(SEED)
    areas = list(vote.municipality.areas.values_list("pk", flat=True))
    for local, ranking in (("invanare", [0, 2]), ("invanare2", [3, 0, 4])):  # cast with their addresses, confirmed
        Ballot.objects.create(
            vote=vote,
            voter_key=email_key(people[local].email),
            choices=[alternatives[index] for index in ranking],
            channel=Channel.ONLINE,
            age_band=rng.choice(AGE_BANDS[:4]),
            area_id=areas[0] if areas else None,
        )
    full = content is None or vote.municipality.slug == content.MUNICIPALITIES[0]["slug"]
    _paper(vote, officer, alternatives, areas, rng, PAPER_BALLOTS if full else SMALL_PAPER_BALLOTS)


def _paper(vote, officer, alternatives, areas, rng, count):
    """Paper ballots from the library, entered in one go (each counts on its own: no name was given)."""
    weights = [5, 3, 4, 2, 3]
    rows = []
    for number in range(count):
        first = rng.choices(range(len(alternatives)), weights=weights)[0]
        rest = [index for index in range(len(alternatives)) if index != first]
        rng.shuffle(rest)
        ranking = [first, *rest[: rng.randint(0, 2)]]
        rows.append(
            Ballot(
                vote=vote,
                voter_key=f"demo-paper-{number}",
                choices=[alternatives[index] for index in ranking],
                channel=Channel.PAPER,
                age_band=rng.choice(AGE_BANDS),
                area_id=rng.choice(areas) if areas and rng.random() < 0.8 else None,
                entered_by=officer,
                occasion_label="Biblioteket i Hagfors",
            )
        )
    Ballot.objects.bulk_create(rows)
