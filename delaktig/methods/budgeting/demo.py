"""Demo content for participatory budgeting.

A module whose dialogue has closed gets the young people's budget of 2026: one budget of 300 000 kronor for the
whole municipality, proposals reviewed (one rejected with its reason), about 140 ballots and the result counted
greedily by votes: the pump track, longer opening hours at the youth centre and free gym cards for 16-year-olds win
(follow-up makes them measures from the result). A module whose dialogue is still open gets a budget per district
and one for the whole municipality, counted by Equal Shares, with voting open now, so a tester logs in and tries
the ballot; Ines has not voted yet.

The phases replace the one the loader gives: proposing, review and voting in turn within the module's time. Ballots
are made with bulk_create; most belong to young people the demo keeps no accounts for (voter None, as after
erasure), a few to the demo's residents.
"""

import datetime
import random

from django.utils import timezone
from shapely.geometry import shape

from delaktig.participation.models import Channel, ModerationStatus, Phase
from delaktig.participation.services import comment_create

from .models import Ballot, BallotChoice, Budget, Project, Review, Rule, Support, Voter
from .phases import PROPOSE, REVIEW, VOTE

SEED = 1783  # Hagfors' municipality code
YOUTH_BALLOTS = 140

# (title, text, cost, popularity 0–1 or None for rejected, reason if rejected)
YOUTH_PROJECTS = [
    ("Pumptrack vid sporthallen", "En asfalterad bana för cykel, sparkcykel och skateboard bakom sporthallen.", 180_000,
     0.7, ""),
    ("Längre öppettider på fritidsgården", "Öppet till kl. 22 på fredagar under ett år.", 70_000, 0.6, ""),
    ("Gratis gymkort för 16-åringar", "Ett gymkort per 16-åring under 2026.", 40_000, 0.5, ""),
    ("Utomhusscen i Folkets park", "En liten scen där unga band kan spela på sommaren.", 150_000, 0.4, ""),
    ("Graffitivägg vid resecentrum", "En vägg där det är tillåtet att måla.", 30_000, 0.3, ""),
    ("Wifi och bänkar vid ån", "Bänkar med laddning och wifi vid ån.", 25_000, 0.2, ""),
    ("Ny simhall för unga", "En egen simhall med vågmaskin.", None, None,
     "En simhall kostar flera hundra miljoner kronor, mycket mer än budgeten. Badhuset byggs om i en egen dialog."),
]  # fmt: skip

# Budgets while voting is open: (name, district index or None, amount)
DISTRICT_AMOUNT = 60_000
EVERYONE = ("Hela kommunen", None, 200_000)
# (district index or None, title, text, cost, popularity)
OPEN_PROJECTS = [
    (None, "Konstgräsplan i Hagfors", "En konstgräsplan som alla föreningar kan boka.", 150_000, 0.5),
    (None, "Utegym vid Hagforsbadet", "Ett utegym med redskap för alla åldrar.", 60_000, 0.6),
    (None, "Cykelkarta för hela kommunen", "En tryckt och digital karta över cykelvägarna.", 20_000, 0.3),
    (0, "Fler bänkar längs älven", "Tio bänkar på promenadvägen i centrala Hagfors.", 25_000, 0.6),
    (0, "Belysning i Folkets park", "Lampor längs gångvägarna i parken.", 40_000, 0.5),
    (1, "Badbrygga i Ekshärad", "En ny badbrygga vid badplatsen.", 45_000, 0.7),
    (1, "Lekplats vid skolan", "Nya gungor och en klätterställning.", 30_000, 0.4),
    (2, "Grillplats i Uddeholm", "En grillplats med vindskydd vid sjön.", 20_000, 0.5),
    (3, "Skidspår i Råda", "Preparerade skidspår runt byn på vintern.", 35_000, 0.6),
    (4, "Samlingslokal i Sunnemo", "Rusta upp bygdegården så att den kan hyras.", 55_000, 0.5),
]
OPEN_BALLOTS = 60


def populate(module, *, people, content=None):
    phase = module.phases.order_by("starts_at").first()
    starts, ends = phase.starts_at, phase.ends_at
    now = timezone.now()
    if ends <= now:
        _phases(module, starts, _share(starts, ends, 0.4), _share(starts, ends, 0.6), ends)
        _youth_budget(module, people, proposed_at=_share(starts, ends, 0.1), voted_at=_share(starts, ends, 0.8))
    else:
        day = datetime.timedelta(days=1)
        _phases(module, starts, now - 7 * day, now - day, ends)
        _district_budgets(module, people, proposed_at=starts + day, voted_at=now - day / 2)


def _share(starts, ends, part):
    return starts + (ends - starts) * part


def _phases(module, starts, reviewed, voting, ends):
    """Proposing, review and voting in turn, in place of the phase the loader gave."""
    module.phases.all().delete()
    for phase_type, name, begin, end in (
        (PROPOSE, "Lämna förslag", starts, reviewed),
        (REVIEW, "Kommunen prövar förslagen", reviewed, voting),
        (VOTE, "Omröstning", voting, ends),
    ):
        Phase.objects.create(module=module, phase_type=phase_type.key, name=name, starts_at=begin, ends_at=end)


def _project(module, budget, author, title, text, *, cost, reason="", district=None, point=None, created_at=None):
    item = Project.objects.create(
        module=module,
        municipality=module.dialogue.municipality,
        author=author,
        author_name=author.name if author else "",
        budget=budget,
        title=title,
        text=text,
        cost_estimate=cost,
        review=Review.FEASIBLE if cost else Review.REJECTED,
        cost=cost,
        review_reason=reason,
        district=district,
        longitude=point[0] if point else None,
        latitude=point[1] if point else None,
        status=ModerationStatus.PUBLISHED,
        channel=Channel.ONLINE if author else Channel.PAPER,
    )
    if created_at:
        Project.objects.filter(pk=item.pk).update(created_at=created_at, updated_at=created_at, reviewed_at=created_at)
    return item


def _ballots(budget, projects, popularity, n, generator, *, voted_at, voters=()):
    """`n` ballots in `budget`, each project chosen with its popularity while it fits in the money left; the first
    ballots belong to `voters`, the rest to no account."""
    ballots = [Ballot(budget=budget, voter=voter) for voter in voters]
    ballots += [Ballot(budget=budget) for _ in range(n - len(ballots))]
    ballots = Ballot.objects.bulk_create(ballots)
    Ballot.objects.filter(pk__in=[b.pk for b in ballots]).update(created_at=voted_at, updated_at=voted_at)
    choices = []
    for ballot in ballots:
        left = budget.amount
        for item in generator.sample(projects, len(projects)):
            if generator.random() < popularity[item.pk] and item.cost <= left:
                choices.append(BallotChoice(ballot=ballot, project=item))
                left -= item.cost
    BallotChoice.objects.bulk_create(choices)


def _youth_budget(module, people, *, proposed_at, voted_at):
    module.settings = {**module.settings, "rule": Rule.GREEDY}
    module.save(update_fields=["settings"])
    budget = Budget.objects.create(module=module, name="Ungdomsbudgeten", amount=300_000)
    writers = [people["invanare"], people["invanare2"], people["invanare3"]]
    made, popularity = [], {}
    for index, (title, text, cost, liked, reason) in enumerate(YOUTH_PROJECTS):
        item = _project(
            module, budget, writers[index % 3], title, text, cost=cost, reason=reason, created_at=proposed_at
        )
        if cost:
            made.append(item)
            popularity[item.pk] = liked
    Support.objects.bulk_create([Support(input=made[0], user=user) for user in writers])
    comment_create(target=made[0], dialogue=module.dialogue, author=people["invanare2"], text="Äntligen något för oss!")
    generator = random.Random(SEED)
    _ballots(budget, made, popularity, YOUTH_BALLOTS, generator, voted_at=voted_at, voters=writers[1:])


def _district_budgets(module, people, *, proposed_at, voted_at):
    module.settings = {**module.settings, "rule": Rule.EQUAL_SHARES}
    module.save(update_fields=["settings"])
    areas = list(module.dialogue.municipality.areas.order_by("order"))
    everyone = Budget.objects.create(module=module, name=EVERYONE[0], amount=EVERYONE[2], order=0)
    budgets = {None: everyone}
    for order, area in enumerate(areas, start=1):
        budgets[order - 1] = Budget.objects.create(
            module=module, name=area.name, amount=DISTRICT_AMOUNT, district=area, order=order
        )
    writers = [people["invanare2"], people["invanare3"], None]
    per_budget: dict[int, tuple[list, dict]] = {}
    for index, (district, title, text, cost, liked) in enumerate(OPEN_PROJECTS):
        area = areas[district] if district is not None and district < len(areas) else None
        if district is not None and area is None:
            continue
        item = _project(
            module,
            budgets[district],
            writers[index % 3],
            title,
            text,
            cost=cost,
            district=area,
            point=_point(area),
            created_at=proposed_at,
        )
        made, popularity = per_budget.setdefault(item.budget_id, ([], {}))
        made.append(item)
        popularity[item.pk] = liked
    generator = random.Random(SEED)
    for budget in budgets.values():
        made, popularity = per_budget.get(budget.pk, ([], {}))
        if made:
            voters = [people["invanare2"]] if budget.district_id in (None, areas[0].pk if areas else None) else []
            n = OPEN_BALLOTS if budget.district_id is None else OPEN_BALLOTS // 4
            _ballots(budget, made, popularity, n, generator, voted_at=voted_at, voters=voters)
    if areas:
        Voter.objects.create(module=module, user=people["invanare2"], district=areas[0])


def _point(area):
    """A point inside the district (its shape's representative point), or None without a shape."""
    if area is None or not area.geometry:
        return None
    point = shape(area.geometry).representative_point()
    return (round(point.x, 6), round(point.y, 6))
