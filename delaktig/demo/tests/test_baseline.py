"""The demo's baseline: Hagfors' departments with activities over the ladder and two years, one of them the same
as a platform dialogue (counted once), and capacity per department this year."""

import pytest
from django.utils import timezone

from delaktig.baseline import selectors
from delaktig.baseline.models import Activity, Capacity

from .site import demo_site  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db


def test_hagfors_has_a_baseline_over_two_years_and_capacity(demo_site):  # noqa: F811
    hagfors, year = demo_site.home, timezone.localdate().year
    activities = Activity.objects.filter(municipality=hagfors)
    assert 40 <= activities.count() <= 50
    assert set(activities.values_list("year", flat=True)) == {year - 1, year}
    assert set(activities.values_list("ladder_level", flat=True)) == {
        "information",
        "consultation",
        "dialogue",
        "influence",
        "co_decision",
    }
    linked = activities.get(dialogue__isnull=False)
    names = [entry.name for entry in selectors.baseline_entries(hagfors, (year,))]
    assert linked.dialogue.title in names and linked.name not in names
    assert Capacity.objects.filter(municipality=hagfors, year=year).count() == 4
    assert not Activity.objects.filter(municipality=demo_site.other).exists()
