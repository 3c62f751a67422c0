"""The public summary of the baseline: every activity of the year on the participation ladder, against the year
before, and per department, as counts. No names of people and no contacts."""

from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from delaktig.organisations import ladders

from .. import selectors
from ..charts import ladder_chart
from ..forms import YearForm, this_year


@require_GET
def summary(request):
    form = YearForm(request.GET or None)
    year = (form.cleaned_data["year"] if form.is_valid() else None) or this_year()
    found = selectors.baseline(request.municipality, year)
    chart = ladder_chart(
        found["ladder"],
        found["years"],
        title=_("Share of activities at each level of the participation ladder, %(first)s and %(last)s")
        % {"first": found["years"][0], "last": found["years"][1]},
        chart_id="baseline-chart",
    )
    context = {
        **found,
        "chart": chart,
        "known_years": selectors.years_with_activities(request.municipality),
        "ladder_steps": ladders.levels_for(request.municipality.ladder_profile),
    }
    return render(request, "baseline/public/summary.html", context)
