"""The demo's population figures and citizen panel: 500 members who lean old, a sample drawn by area."""

import pytest

from delaktig.panel import selectors
from delaktig.panel.models import IN_PANEL, PanelMember, Sample, SampleMember
from delaktig.participation.selectors_population import area_residents, population_counts

from .site import demo_site  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db


def test_hagfors_has_population_figures_per_area_from_the_sample_file(demo_site):  # noqa: F811
    hagfors = demo_site.home
    assert population_counts(hagfors, by_area=True).year == 2024
    assert sum(area_residents(hagfors).values()) == 11693


def test_hagfors_has_a_panel_of_500_and_a_sample_for_the_baths(demo_site):  # noqa: F811
    hagfors = demo_site.home
    assert PanelMember.objects.filter(municipality=hagfors, status__in=IN_PANEL).count() == 500
    composition = selectors.panel_composition(hagfors, by_area=False)
    assert composition.suggestion.startswith("Det saknas främst")
    sample = Sample.objects.get(municipality=hagfors)
    assert sample.purpose == "Enkät om badhuset" and sample.by_area
    assert SampleMember.objects.filter(sample=sample).count() == selectors.sample_composition(sample).drawn > 100
    assert not PanelMember.objects.filter(municipality=demo_site.other).exists()
