"""Demo content: statements about the new swimming baths in Hagfors, voted on by 300 demo participants who fall
into three opinion groups (families who want an adventure pool, exercise swimmers and the swimming club, and those
who watch the cost), and the analysis made at once, so `make run` shows the groups.

The participants are demo accounts that cannot log in (inactive, no password), made in one bulk insert: a vote
needs a person, and these are the cheapest people there are. Their votes come from a seeded random generator, so
every demo looks the same. Rut ("invanare") has not voted, so a tester logged in as her votes from the start.
"""

import random

from django.contrib.auth.hashers import make_password

from delaktig.accounts.models import User
from delaktig.participation.models import ModerationStatus

from .models import Choice, Vote
from .services import statement_create, statement_seed
from .tasks import analysis_make

PARTICIPANTS = 300
SMALL_PARTICIPANTS = 40  # in the other demo municipalities
SEED = 2040
LOYAL = 0.8  # how often a participant votes as their group leans on a statement
# Each statement with how the three groups lean: +1 agree, -1 disagree, 0 no leaning
SEEDED = [
    ("Badhuset behöver en 25-metersbassäng med minst sex banor.", (0, 1, -1)),
    ("Ett äventyrsbad med rutschkana skulle locka fler att komma.", (1, -1, -1)),
    ("Ombyggnaden får inte kosta mer än de 80 miljoner som är avsatta.", (0, -1, 1)),
    ("Badhuset ska öppna klockan sex på morgonen för motionssim.", (-1, 1, 0)),
    ("Barn under 12 år ska bada gratis.", (1, 0, -1)),
    ("Bassängen för babysim och rehabilitering behöver varmare vatten.", (1, 0, 0)),
    ("Simklubben ska ha förtur till banorna på kvällarna.", (-1, 1, 0)),
    ("Låga entréavgifter är viktigare än nya attraktioner.", (0, -1, 1)),
    ("Hela badhuset ska gå att använda med rullstol.", (1, 1, 1)),
    ("Bastun ska finnas kvar.", (1, 1, 1)),
    ("Badhuset borde flyttas till ett nytt läge utanför centrum.", (-1, -1, -1)),
    ("Skolornas simundervisning ska gå före allmänhetens bad dagtid.", (-1, 1, 1)),
    ("Ett utomhusbad för sommaren vore värt pengarna.", (1, -1, -1)),
]
BY_RESIDENTS = [
    ("invanare2", "Badhuset borde ha en egen busshållplats.", (1, 0, 0)),
    ("invanare3", "Kaféet i badhuset kan drivas av en förening.", (0, 0, 1)),
]
WAITING = ("invanare2", "Det behövs fler parkeringsplatser vid badhuset.")  # left for the moderator


def populate(module, *, people, content=None):
    officer = people["handlaggare"]
    full = content is None or module.municipality.slug == content.MUNICIPALITIES[0]["slug"]
    statements = [(statement_seed(module=module, text=text, actor=officer), lean) for text, lean in SEEDED]
    for local, text, lean in BY_RESIDENTS:
        statements.append((statement_create(module=module, author=people[local], text=text), lean))
    _participants_vote(module, statements, PARTICIPANTS if full else SMALL_PARTICIPANTS)
    waiting = statement_create(module=module, author=people[WAITING[0]], text=WAITING[1])
    if waiting.is_published:  # a dialogue that publishes at once: the moderator still has it to read
        type(waiting).objects.filter(pk=waiting.pk).update(status=ModerationStatus.PENDING)
    analysis_make(module_id=module.pk)


def _participants_vote(module, statements, count):
    rng = random.Random(SEED)
    slug = module.municipality.slug
    unusable = make_password(None)
    made = User.objects.bulk_create(
        [
            User(
                email=f"deltagare{n}.{module.pk}@{slug}.demo.invalid",
                name=f"Demodeltagare {n}",
                is_active=False,
                password=unusable,
            )
            for n in range(1, count + 1)
        ]
    )
    votes = []
    for person in made:
        group = rng.choices((0, 1, 2), weights=(4, 3, 3))[0]
        for statement, lean in rng.sample(statements, rng.randint(8, len(statements))):
            votes.append(Vote(module=module, statement=statement, user=person, choice=_choice(rng, lean[group])))
    Vote.objects.bulk_create(votes, batch_size=2000)


def _choice(rng, lean):
    if lean == 0:
        return rng.choices((Choice.AGREE, Choice.DISAGREE, Choice.PASS), weights=(4, 4, 2))[0]
    roll = rng.random()
    if roll < LOYAL:
        return lean
    return Choice.PASS if roll < LOYAL + (1 - LOYAL) / 2 else -lean
