"""Stratified random samples that mirror the population: quotas by largest remainder, a draw reproducible from its
seed, shortfalls reported, stored with each member's stratum, and shown before anything is saved or sent."""

import pytest
from django.urls import reverse

from delaktig.core.models import AuditEvent
from delaktig.panel import sampling, selectors, services
from delaktig.panel.models import Sample, SampleMember, Status
from delaktig.participation.tests.population_support import areas_for, population_set

from .factories import PanelMemberFactory, panel_of

pytestmark = pytest.mark.django_db

# Residents 18 and older of an older municipality: many aged 45–79, few aged 18–29.
POPULATION = {
    ("18_29", "woman"): 600, ("18_29", "man"): 680, ("30_44", "woman"): 800, ("30_44", "man"): 880,
    ("45_64", "woman"): 1460, ("45_64", "man"): 1560, ("65_79", "woman"): 1340, ("65_79", "man"): 1270,
    ("80_plus", "woman"): 600, ("80_plus", "man"): 400,
}  # fmt: skip


@pytest.fixture
def panel(municipality):
    population_set(municipality, POPULATION)
    panel_of(municipality, 500, seed=7)
    return municipality


def draw(municipality, size=100, seed=1, by_area=False, actor=None):
    return services.sample_draw(municipality=municipality, size=size, by_area=by_area, seed=seed, actor=actor)


def test_largest_remainder_adds_up_and_gives_the_rest_to_the_largest_fractions():
    assert sampling.largest_remainder(10, {"a": 1, "b": 1, "c": 1}) == {"a": 4, "b": 3, "c": 3}
    assert sampling.largest_remainder(7, {"a": 0.5, "b": 0.3, "c": 0.2}) == {"a": 4, "b": 2, "c": 1}
    assert sampling.largest_remainder(0, {"a": 1}) == {"a": 0}
    assert sum(sampling.largest_remainder(97, {str(k): k + 0.37 for k in range(13)}).values()) == 97


def test_the_sample_mirrors_the_population_within_a_tolerance(panel, staff):
    sample = draw(panel, size=100, actor=staff["democracy_officer"])
    composition = selectors.sample_composition(sample)
    residents = sum(POPULATION.values())
    assert composition.size == 100 and sum(row.quota for row in composition.rows) == 100
    for row in composition.rows:
        band, gender = sampling.key_parts(row.key)
        expected = 100 * POPULATION[(band, gender)] / residents
        assert abs(row.quota - expected) < 1  # largest remainder: never a whole place off
        assert row.drawn == row.quota  # a 500-member panel has enough in every group for 100
    assert composition.drawn == 100 and composition.shortfall == 0
    assert SampleMember.objects.filter(sample=sample).count() == 100
    entry = SampleMember.objects.filter(sample=sample).select_related("member").first()
    assert entry.stratum == f"{entry.member.age_band}/{entry.member.gender}"


def test_the_same_seed_draws_the_same_members_and_another_seed_others(panel):
    first = set(SampleMember.objects.filter(sample=draw(panel, seed=42)).values_list("member_id", flat=True))
    again = set(SampleMember.objects.filter(sample=draw(panel, seed=42)).values_list("member_id", flat=True))
    other = set(SampleMember.objects.filter(sample=draw(panel, seed=43)).values_list("member_id", flat=True))
    assert first == again and first != other


def test_only_active_members_are_drawn(panel):
    paused = []
    for member in selectors.members_list(panel)[:50]:
        member.status = Status.PAUSED
        member.save()
        paused.append(member.pk)
    drawn = SampleMember.objects.filter(sample=draw(panel, size=200)).values_list("member_id", flat=True)
    assert not set(drawn) & set(paused)


def test_a_group_with_too_few_members_gives_what_it_has_and_the_shortfall_is_shown(municipality):
    population_set(municipality, {("18_29", "woman"): 500, ("65_79", "woman"): 500})
    for _ in range(3):
        PanelMemberFactory(municipality=municipality, age_band="18_29", gender="woman")
    for _ in range(20):
        PanelMemberFactory(municipality=municipality, age_band="65_79", gender="woman")
    plan = selectors.sample_plan(municipality=municipality, size=20, by_area=False, seed=1)
    short = plan.short_strata
    assert [(s.label, s.quota, s.available, s.shortfall) for s in short] == [("kvinnor 18–29 år", 10, 3, 7)]
    assert plan.drawn == 13 and plan.shortfall == 7
    sample = draw(municipality, size=20)
    composition = selectors.sample_composition(sample)
    assert composition.shortfall == 7 and composition.drawn == 13


def test_members_of_another_gender_are_a_stratum_of_their_own(municipality):
    population_set(municipality, POPULATION)
    panel_of(municipality, 200, seed=3, other_every=10)  # 20 say "other"
    plan = selectors.sample_plan(municipality=municipality, size=50, by_area=False, seed=5)
    other = next(s for s in plan.strata if s.key == sampling.OTHER)
    assert other.quota == 5 and other.population_share is None  # 10 % of the eligible members
    assert other.label == "annat kön eller ville inte svara"
    assert sum(s.quota for s in plan.strata) == 50


def test_by_area(municipality):
    centre, village = areas_for(municipality, ("Centrum", "Byn"))
    population_set(municipality, {("45_64", "man", centre): 300, ("45_64", "man", village): 100})
    panel_of(municipality, 80, areas=[centre, village], seed=2)
    PanelMemberFactory(municipality=municipality, age_band="45_64", gender="man", area=None)
    plan = selectors.sample_plan(municipality=municipality, size=8, by_area=True, seed=1)
    quotas = {s.label: s.quota for s in plan.strata if s.quota}
    assert quotas == {"män 45–64 år i Centrum": 6, "män 45–64 år i Byn": 2}
    assert plan.without_area == 1


def test_what_cannot_be_drawn_is_refused_in_words(municipality, panel):
    with pytest.raises(services.SampleRefused) as refused:
        draw(panel, size=501)
    assert "mellan 1 och 500" in str(refused.value)
    with pytest.raises(services.SampleRefused) as refused:
        draw(panel, by_area=True)
    assert "befolkningssiffror per område" in str(refused.value)
    assert not Sample.objects.exists()


def test_the_sample_is_stored_with_its_strata_and_audited(panel, staff):
    sample = services.sample_draw(
        municipality=panel, size=60, by_area=False, seed=9, actor=staff["democracy_officer"],
        purpose="Enkät om badhuset", target="EN-12",
    )  # fmt: skip
    assert (sample.purpose, sample.target, sample.seed, sample.population_year) == (
        "Enkät om badhuset",
        "EN-12",
        9,
        2024,
    )
    assert sum(s["quota"] for s in sample.strata) == 60
    event = AuditEvent.objects.get(action="panel_sample.draw")
    assert event.data["drawn"] == 60 and event.actor == staff["democracy_officer"]


def test_recipients_are_the_members_still_active_with_their_stratum(panel):
    sample = draw(panel, size=10)
    entries = list(SampleMember.objects.filter(sample=sample).select_related("member"))
    services.member_leave(member=entries[0].member)
    services.member_pause(member=entries[1].member, paused=True)
    recipients = selectors.sample_recipients(sample)
    assert len(recipients) == 8
    assert all(member.status == Status.ACTIVE and stratum == entry_stratum for (member, stratum), entry_stratum in zip(
        recipients, [e.stratum for e in entries[2:]], strict=True
    ))  # fmt: skip


# The pages


def test_the_composition_is_shown_before_anything_is_saved(client, panel, staff):
    client.force_login(staff["democracy_officer"])
    url = reverse("panel:staff_sample_new", args=[panel.slug])
    form = {"purpose": "Enkät om badhuset", "target": "", "size": "100", "seed": "42"}
    preview = client.post(url, form)
    page = preview.content.decode()
    assert preview.status_code == 200 and "Kvot och dragna per grupp" in page and "kvinnor 45–64 år" in page
    assert not Sample.objects.exists()
    saved = client.post(url, {**form, "save": "1"})
    sample = Sample.objects.get()
    assert saved["Location"] == reverse("panel:staff_sample", args=[panel.slug, sample.pk])
    first = set(SampleMember.objects.filter(sample=sample).values_list("member_id", flat=True))
    plan = selectors.sample_plan(municipality=panel, size=100, by_area=False, seed=42)
    assert first == {pk for stratum in plan.strata for pk in stratum.drawn}  # what the preview showed
    detail = client.get(saved["Location"]).content.decode()
    assert "Enkät om badhuset" in detail
    drawn = SampleMember.objects.filter(sample=sample).select_related("member")
    assert not any(entry.member.email in detail or entry.member.name in detail for entry in drawn)  # who: not shown


def test_drawing_again_gives_a_new_seed(client, panel, staff):
    client.force_login(staff["democracy_officer"])
    url = reverse("panel:staff_sample_new", args=[panel.slug])
    response = client.post(url, {"purpose": "X", "size": "10", "seed": "42", "change": "1"})
    assert response.status_code == 200 and response.context["data"]["seed"] != 42


@pytest.mark.parametrize(
    "form",
    [
        {"purpose": "", "size": "10"},
        {"purpose": "X", "size": "ett hundra"},
        {"purpose": "X", "size": "-5"},
        {"purpose": "X", "size": "10", "seed": "-1"},
        {"purpose": "X", "size": "10", "seed": "99999999999999999999"},
        {"purpose": "X", "size": "100000"},
    ],
)
def test_bad_input_is_refused_in_words(client, panel, staff, form):
    client.force_login(staff["democracy_officer"])
    response = client.post(reverse("panel:staff_sample_new", args=[panel.slug]), form)
    assert response.status_code == 200 and "Något behöver rättas" in response.content.decode()
    assert not Sample.objects.exists()
