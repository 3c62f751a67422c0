"""The map dialogues' section of the yearly report (manifest `report_section`): inputs per district and per dialogue.

An input belongs to the year it was written. Removed inputs and comments are left out.
"""

from django.db.models import Count
from django.utils.translation import gettext as _

from delaktig.core.contributions import Chart, ReportSection, Table
from delaktig.participation.models import Comment, ModerationStatus

from .models import MapInput
from .selectors import input_type

ORDER = 115


def map_input_report_section(municipality, year):
    inputs = MapInput.objects.received().filter(municipality=municipality, created_at__year=year)
    if not inputs.exists():
        return None
    comments = (
        Comment.objects.filter(municipality=municipality, target_type=input_type(), created_at__year=year)
        .exclude(status=ModerationStatus.REJECTED)
        .count()
    )
    by_district = _by_district(inputs)
    return ReportSection(
        key="map_input",
        title=_("Map dialogues"),
        order=ORDER,
        paragraphs=(
            _(
                "Places residents marked on a map with a comment, counted by the district they lie in. An input "
                "counts in the year it was written. Removed inputs are not counted. Comments on map input: "
                "%(comments)s."
            )
            % {"comments": comments},
        ),
        tables=(by_district, _per_dialogue(inputs)),
        charts=(Chart(_("Map input by district"), by_district, "barh"),),
    )


def _by_district(inputs):
    counted = inputs.order_by().values_list("district__name").annotate(n=Count("id")).order_by("-n", "district__name")
    rows = tuple((name or _("Outside the districts"), n) for name, n in counted)
    return Table(_("Map input by district"), (_("District"), _("Inputs")), rows, "map-input-districts")


def _per_dialogue(inputs):
    counted = (
        inputs.order_by()
        .values_list("module__dialogue__title")
        .annotate(n=Count("id"))
        .order_by("module__dialogue__title")
    )
    return Table(_("Map input per dialogue"), (_("Dialogue"), _("Inputs")), tuple(counted), "map-input-dialogues")
