"""The registered activities of the baseline as open data (hook `open_data_datasets`).

What the baseline counts besides the platform's own dialogues (those are in the dataset "dialogues"): each
activity's year, name, department, body, level, target groups, channels and how often. Never the contact, which
may name a person.
"""

from django.utils.translation import gettext_lazy as _

from delaktig.core import hookspecs as core_hooks
from delaktig.core.contributions import Dataset, DatasetField, detail_by_pk

from .models import Activity

YEAR_BOUNDS = (2000, 2100)


def activity_rows(municipality, filters):
    qs = Activity.objects.filter(municipality=municipality).select_related("department__body", "body")
    if "year" in filters:
        qs = qs.filter(year=filters["year"])
    if "ladder_level" in filters:
        qs = qs.filter(ladder_level=filters["ladder_level"])
    return qs.order_by("id")


def activity_row(activity):
    body = activity.responsible_body
    return {
        "id": activity.pk,
        "year": activity.year,
        "name": activity.name,
        "department": activity.department.name,
        "body": body.name if body else None,
        "ladder_level": activity.ladder_level,
        "target_groups": activity.target_groups,
        "channels": activity.channels,
        "frequency": activity.frequency or None,
        "dialogue_id": activity.dialogue_id,
    }


REGISTERED_ACTIVITIES = Dataset(
    key="baseline-activities",
    title=_("Baseline: participation activities outside the platform"),
    description=_(
        "Participation activities the municipality's departments run outside this website, as they registered "
        "them for the baseline: year, name, department, body, level on the participation ladder, target groups, "
        "channels and how often. An activity that is the same as a dialogue on the website names it (dialogue_id) "
        "and is counted once, as the dialogue. No contact persons."
    ),
    fields=(
        DatasetField("id", "integer", _("Identifier of the activity")),
        DatasetField("year", "integer", _("Year")),
        DatasetField("name", "string", _("Name of the activity")),
        DatasetField("department", "string", _("Department")),
        DatasetField("body", "string", _("Responsible body"), nullable=True),
        DatasetField("ladder_level", "string", _("Level on the participation ladder")),
        DatasetField("target_groups", "string", _("Target groups")),
        DatasetField("channels", "string", _("Channels")),
        DatasetField("frequency", "string", _("How often"), nullable=True),
        DatasetField("dialogue_id", "integer", _("The same dialogue on the website"), nullable=True),
    ),
    rows=activity_rows,
    to_row=activity_row,
    filters=(
        DatasetField("year", "integer", _("Only activities of this year")),
        DatasetField("ladder_level", "string", _("Only activities at this level")),
    ),
    detail=detail_by_pk(activity_rows, activity_row),
    keywords=("delaktighetstrappan", "medborgardialog", "kartläggning"),
    order=58,
    extra={
        "choices": {"ladder_level": ("information", "consultation", "dialogue", "influence", "co_decision")},
        "bounds": {"year": YEAR_BOUNDS},
    },
)


@core_hooks.open_data_datasets.register
def baseline_datasets():
    return [REGISTERED_ACTIVITIES]
