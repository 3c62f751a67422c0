"""Demo population figures and citizen panel for Hagfors.

The population figures are the illustrative sample file (`participation/data/befolkning-exempel.csv`), imported
through the real service. The panel has 500 members with the skew a real recruited panel has: older people and
women are over-represented, young people too few, and young women in Ekshärad hardly there at all, so the composition
page has something to suggest. A sample for "Enkät om badhuset" is drawn by area, with a shortfall where the panel is
thin. Safe to run twice.
"""

import datetime
import random
import unicodedata

from django.utils import timezone

from delaktig.panel import services as panel_services
from delaktig.panel.importing import email_digest
from delaktig.panel.models import PanelMember, PanelSettings, Source, Status
from delaktig.participation import services_population
from delaktig.participation.models import PopulationCell
from delaktig.participation.selectors_population import population_counts
from delaktig.participation.views_population import SAMPLE

MEMBERS = 500
PAUSED = 12
LEFT = 6
SEED = 1783
# How much more (or less) likely each group is to have joined than its share of the residents.
BAND_PULL = {"18_29": 0.45, "30_44": 0.8, "45_64": 1.1, "65_79": 1.4, "80_plus": 0.55}
GENDER_PULL = {"woman": 1.15, "man": 0.9}
THIN = {("18_29", "woman", "Ekshärad"): 0.1, ("18_29", "man", "Sunnemo"): 0.3}
WOMEN = (  # first names, separated by spaces
    "Anna Eva Maria Karin Kerstin Ingrid Lena Sara Emma Elin Linnea Margareta Birgitta Annika Sofia Ida "
    "Hanna Marie Ulla Gunilla Aisha Nour Leila Wilma"
)
MEN = (
    "Lars Anders Johan Per Erik Karl Nils Mikael Jan Hans Olle Gustav Oskar Emil Lennart Bengt Stefan Ali "
    "Ahmad Mohammed Sven Leif Viktor Axel"
)
OTHER = "Alex Robin Kim Charlie"
SURNAMES = (
    "Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson Gustafsson Jansson "
    "Lindqvist Berg Lund Sandberg Hedlund Norberg Ek Björk Dahl Hassan Mohammed Ali Hagström Uddén Ström "
    "Älvström Råberg"
)


def load(muni, bodies, people):
    """Idempotent: called once for Hagfors after its areas exist (demo.results)."""
    if not PopulationCell.objects.filter(municipality=muni).exists():
        services_population.population_import(municipality=muni, text=SAMPLE.read_text("utf-8"), actor=people["admin"])
    PanelSettings.objects.get_or_create(municipality=muni, defaults={"signup_open": True})
    if PanelMember.objects.filter(municipality=muni).exists():
        return
    rng = random.Random(SEED)
    members = PanelMember.objects.bulk_create(_members(muni, rng))
    _statuses(members, rng)
    panel_services.sample_draw(
        municipality=muni,
        size=120,
        by_area=True,
        seed=2027,
        actor=people["demokrati"],
        purpose="Enkät om badhuset",
        target="",
    )


def _weights(muni):
    """[(band, gender, area), weight]: the residents of each group, pulled as a recruited panel is."""
    population = population_counts(muni, by_area=True)
    names = {area.pk: area for area in population.areas}
    groups = []
    for (band, sex, area_id), residents in population.counts.items():
        if band not in BAND_PULL:
            continue
        area = names[area_id]
        pull = BAND_PULL[band] * GENDER_PULL[sex] * THIN.get((band, sex, area.name), 1.0)
        groups.append(((band, sex, area), residents * pull))
    return groups


def _members(muni, rng):
    groups = _weights(muni)
    keys, weights = [key for key, _w in groups], [weight for _key, weight in groups]
    today = timezone.localdate()
    members = []
    for n in range(MEMBERS + LEFT):
        band, gender, area = rng.choices(keys, weights)[0]
        if rng.random() < 0.02:
            gender = rng.choice(("other", "prefer_not_to_say"))
        first = rng.choice({"woman": WOMEN, "man": MEN}.get(gender, OTHER).split())
        last = rng.choice(SURNAMES.split())
        imported = n % 4 == 0
        consented = today - datetime.timedelta(days=rng.randrange(30, 700))
        members.append(
            PanelMember(
                municipality=muni,
                email=f"{_ascii(first)}.{_ascii(last)}.{n}@hagfors.example",
                name=f"{first} {last}",
                phone=f"070-{rng.randrange(100, 999)} {rng.randrange(10, 99)} {rng.randrange(10, 99)}" if n % 3 else "",
                age_band=band,
                gender=gender,
                area=area,
                status=Status.ACTIVE,
                source=Source.IMPORT if imported else Source.SIGNUP,
                consent_at=timezone.make_aware(datetime.datetime.combine(consented, datetime.time(12))),
                consent_version="import: Pappersblankett medborgarpanelen 2025" if imported else "2026-1",
                last_active_on=consented + datetime.timedelta(days=rng.randrange(0, (today - consented).days + 1)),
            )
        )
    return members


def _statuses(members, rng):
    """Some members paused; some left (their contact details deleted, the address kept only as a keyed hash)."""
    chosen = rng.sample(members, PAUSED + LEFT)
    for member in chosen[:PAUSED]:
        member.status = Status.PAUSED
    today = timezone.localdate()
    for member in chosen[PAUSED:]:
        member.email_digest = email_digest(member.email)
        member.email = member.name = member.phone = ""
        member.status, member.ended_on = Status.LEFT, today - datetime.timedelta(days=rng.randrange(1, 200))
    PanelMember.objects.bulk_update(chosen, ["status", "email", "email_digest", "name", "phone", "ended_on"])


def _ascii(text):
    return unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
