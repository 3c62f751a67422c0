"""Reads of the citizen panel.

Public contract (the survey method calls these; do not rename without telling it):

- `opt_out_url(member) -> str`: an absolute link to leave the panel, for the footer of every e-mail to a member;
  it works without login and never expires
- `sample_composition(sample) -> SampleComposition`: quota and drawn per stratum, as drawn
- `sample_recipients(sample) -> list[tuple[PanelMember, str]]`: the sample's members still active, with their
  stratum, for mailing
- `sample_invitees(sample) -> list[tuple[str, str]]`: (address, group in words) of the same members, for a survey's
  invitations and their response rates per group
- `samples_of(municipality)`: the samples drawn, newest first
- `emails.mail_footers(municipality, addresses)`: the footer with the link to leave for those who are members
"""

from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Q
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _

from delaktig.accounts.models import IdentityLevel
from delaktig.core.search import search
from delaktig.organisations.models import Area
from delaktig.participation.demographics import AgeBand
from delaktig.participation.representation import Comparison, compare, group_label, suggestion
from delaktig.participation.selectors_population import Population, population_counts

from . import sampling
from .models import IN_PANEL, PanelMember, PanelSettings, Sample, SampleMember, Status
from .tokens import link_token_make, link_token_read

PANEL_BANDS = tuple(band for band in AgeBand.values if band != AgeBand.UNDER_18)


def settings_for(municipality) -> PanelSettings:
    """The municipality's panel settings, or the defaults (unsaved) until someone saves them."""
    found = PanelSettings.objects.filter(municipality=municipality).first()
    return found or PanelSettings(municipality=municipality)


def signup_open_key(municipality_id):
    return f"panel:signup-open:{municipality_id}"


def signup_open(municipality) -> bool:
    """Whether residents can sign up on the website; asked by the main menu on every page, so kept in the shared
    cache for five minutes (settings_save forgets it)."""
    key = signup_open_key(municipality.pk)
    found = cache.get(key)
    if found is None:
        found = PanelSettings.objects.filter(municipality=municipality, signup_open=True).exists()
        cache.set(key, found, 300)
    return found


# Links without login


def _link(name, member, purpose):
    path = reverse(name, args=[member.municipality.slug, link_token_make(member, purpose)])
    return settings.SITE_URL.rstrip("/") + path


def opt_out_url(member) -> str:
    """An absolute link that lets the member leave the panel without logging in (for every e-mail's footer)."""
    return _link("panel:leave", member, "leave")


def data_url(member) -> str:
    """An absolute link, valid for three days, to the member's data with buttons to pause, leave and erase."""
    return _link("panel:my_data", member, "data")


def confirm_url(member) -> str:
    return _link("panel:confirm", member, "confirm")


def member_from_token(municipality, token, purpose) -> PanelMember | None:
    """The member a link was made for, if it is valid, of this municipality, and the member still has contact
    details (a member who left has a new link key, so old links find nobody)."""
    found = link_token_read(token, purpose)
    if found is None:
        return None
    member_id, key = found
    member = PanelMember.objects.filter(pk=member_id, municipality=municipality).select_related("area").first()
    if member is None or member.link_key != key or not member.email:
        return None
    return member


# Staff reads


def member_get(*, municipality, pk) -> PanelMember:
    member = PanelMember.objects.filter(municipality=municipality, pk=pk).select_related("area").first()
    if member is None:
        raise Http404("No such member")
    return member


def members_list(municipality, *, query="", status=""):
    members = PanelMember.objects.filter(municipality=municipality).select_related("area")
    if status in Status.values:
        members = members.filter(status=status)
    if query:
        members = search(members, query, fields=["name"], codes=["email"])
    return members.order_by("-id")


def status_counts(municipality) -> dict:
    """{status: members} for every status."""
    counts = dict(PanelMember.objects.filter(municipality=municipality).values_list("status").annotate(n=Count("id")))
    return {status: counts.get(status, 0) for status in Status.values}


def members_of_user(user):
    """The panel memberships of an account: linked to it, or with its address once the address is confirmed."""
    if not user.is_authenticated:
        return PanelMember.objects.none()
    by_address = Q(email__iexact=user.email) if user.identity_level >= IdentityLevel.EMAIL else Q(pk__in=[])
    return PanelMember.objects.filter(Q(user=user) | by_address).exclude(email="").select_related("municipality")


# Composition against the population


def panel_population(municipality, *, by_area) -> Population:
    """The population figures the panel mirrors: 18 and older."""
    population = population_counts(municipality, by_area=by_area)
    counts = {key: n for key, n in population.counts.items() if key[0] in PANEL_BANDS}
    return Population(population.year, counts, population.areas)


@dataclass(frozen=True)
class PanelComposition:
    comparison: Comparison | None  # None without population figures
    by_area: bool
    active: int
    suggestion: str = ""
    chart: list = field(default_factory=list)  # ChartRow

    @property
    def has_population(self):
        return self.comparison is not None


@dataclass(frozen=True)
class ChartRow:
    label: str
    panel: float | None  # percent, None when hidden
    population: float
    under: bool


def panel_composition(municipality, *, by_area: bool) -> PanelComposition:
    """Active members per age band × gender (× area) against the population: share, index, under-represented groups
    (suppressed as everywhere), and a sentence of whom to recruit."""
    active = PanelMember.objects.filter(municipality=municipality, status=Status.ACTIVE)
    population = panel_population(municipality, by_area=by_area)
    total = active.count()
    if not population:
        return PanelComposition(None, by_area, total)
    counts: Counter = Counter()
    for band, gender, area_id in active.values_list("age_band", "gender", "area_id"):
        key = (band, gender, area_id) if by_area else (band, gender)
        if key in population.counts:
            counts[key] += 1
    names = {area.pk: area.name for area in population.areas}
    comparison = compare(
        counts, population.counts, not_compared=total - sum(counts.values()), area_names=names, year=population.year
    )
    chart = [ChartRow(row.label, row.share, row.population_share, row.under) for row in comparison.rows]
    return PanelComposition(comparison, by_area, total, suggestion(comparison), chart)


# Sampling


@dataclass
class StratumPlan:
    key: str
    label: str
    population_share: float | None  # percent of the residents; None for the "other" stratum
    quota: int
    available: int
    drawn: list  # member ids

    @property
    def drawn_count(self):
        return len(self.drawn)

    @property
    def shortfall(self):
        return max(self.quota - len(self.drawn), 0)


@dataclass
class SamplePlan:
    size: int
    by_area: bool
    seed: int
    year: int | None = None
    strata: list = field(default_factory=list)  # StratumPlan
    refusals: list = field(default_factory=list)  # why it cannot be drawn, in words
    without_area: int = 0  # active members with no area (by area: not drawn)

    @property
    def drawn(self):
        return sum(len(stratum.drawn) for stratum in self.strata)

    @property
    def shortfall(self):
        return sum(stratum.shortfall for stratum in self.strata)

    @property
    def short_strata(self):
        return [stratum for stratum in self.strata if stratum.shortfall]


def stratum_label(key, area_names):
    parts = sampling.key_parts(key)
    if parts is None:
        return _("another gender or did not say")
    return group_label(parts, area_names)


def _eligible(municipality, by_area):
    """{stratum key: [member ids]} of active members, and how many have no area (by area)."""
    members: dict = {}
    without_area = 0
    active = PanelMember.objects.filter(municipality=municipality, status=Status.ACTIVE).order_by("id")
    for pk, band, gender, area_id in active.values_list("pk", "age_band", "gender", "area_id"):
        key = sampling.member_stratum(band, gender, area_id, by_area=by_area)
        if key is None:
            without_area += 1
            continue
        members.setdefault(key, []).append(pk)
    return members, without_area


def sample_plan(*, municipality, size: int, by_area: bool, seed: int) -> SamplePlan:
    """What `services.sample_draw` would draw, without storing anything: the strata with their quotas, the members
    drawn, and the shortfall where a stratum has too few members. `refusals` say why nothing can be drawn."""
    plan = SamplePlan(size=size, by_area=by_area, seed=seed)
    population = panel_population(municipality, by_area=by_area)
    if not population:
        plan.refusals.append(
            _("Import population figures per area first.") if by_area else _("Import population figures first.")
        )
        return plan
    members, plan.without_area = _eligible(municipality, by_area)
    eligible = sum(len(ids) for ids in members.values())
    if size < 1 or size > eligible:
        plan.refusals.append(
            _("The sample must have between 1 and %(max)s members: the active members who can be drawn.")
            % {"max": eligible}
        )
        return plan
    weights = {sampling.stratum_key(*key): count for key, count in population.counts.items()}
    quotas = sampling.quotas_for(
        size, weights, other_members=len(members.get(sampling.OTHER, [])), eligible_members=eligible
    )
    drawn = sampling.draw(members, quotas, seed)
    names = {area.pk: area.name for area in population.areas}
    total = population.total
    plan.year = population.year
    plan.strata = [
        StratumPlan(
            key=key,
            label=stratum_label(key, names),
            population_share=round(100 * weights[key] / total, 1) if key in weights and total else None,
            quota=quota,
            available=len(members.get(key, [])),
            drawn=drawn[key],
        )
        for key, quota in quotas.items()
    ]
    return plan


def sample_get(*, municipality, pk) -> Sample:
    sample = Sample.objects.filter(municipality=municipality, pk=pk).select_related("created_by").first()
    if sample is None:
        raise Http404("No such sample")
    return sample


def samples_of(municipality):
    return Sample.objects.filter(municipality=municipality).select_related("created_by").order_by("-created_at", "-id")


@dataclass(frozen=True)
class StratumRow:
    key: str
    label: str
    population_share: float | None
    quota: int
    available: int
    drawn: int

    @property
    def drawn_count(self):
        return self.drawn

    @property
    def shortfall(self):
        return max(self.quota - self.drawn, 0)


@dataclass(frozen=True)
class SampleComposition:
    rows: tuple  # StratumRow, in the draw's order
    size: int
    drawn: int
    shortfall: int
    year: int | None


def sample_composition(sample) -> SampleComposition:
    """Quota and drawn per stratum as the sample was drawn (the members drawn are counted from the stored rows)."""
    drawn = Counter(SampleMember.objects.filter(sample=sample).values_list("stratum", flat=True))
    area_ids = {parts[2] for s in sample.strata if (parts := sampling.key_parts(s["key"])) and len(parts) == 3}
    names = dict(Area.objects.filter(pk__in=area_ids).values_list("pk", "name"))
    rows = tuple(
        StratumRow(
            key=s["key"],
            label=stratum_label(s["key"], names),
            population_share=s.get("population_share"),
            quota=s["quota"],
            available=s.get("available", 0),
            drawn=drawn.get(s["key"], 0),
        )
        for s in sample.strata
    )
    return SampleComposition(
        rows=rows,
        size=sample.size,
        drawn=sum(drawn.values()),
        shortfall=sum(row.shortfall for row in rows),
        year=sample.population_year,
    )


def sample_recipients(sample) -> list[tuple[PanelMember, str]]:
    """[(member, stratum)] of the sample's members who are still active (not paused, left or removed), by id."""
    entries = SampleMember.objects.filter(sample=sample, member__status=Status.ACTIVE).exclude(member__email="")
    return [(entry.member, entry.stratum) for entry in entries.select_related("member").order_by("member_id")]


def sample_invitees(sample) -> list[tuple[str, str]]:
    """(address, group in words) of the sample's members still active: whom a survey invites, with the group its
    response rates are counted by."""
    recipients = sample_recipients(sample)
    area_ids = {parts[2] for _m, key in recipients if (parts := sampling.key_parts(key)) and len(parts) == 3}
    names = dict(Area.objects.filter(pk__in=area_ids).values_list("pk", "name"))
    return [(member.email, stratum_label(key, names)) for member, key in recipients]


def in_panel(member) -> bool:
    return member.status in IN_PANEL
