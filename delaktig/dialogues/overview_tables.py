"""The council overview's tables (the ladder per body, counts, planned against held), shared by the overview
page and the yearly report, so both show the same figures the same way."""

from dataclasses import dataclass
from numbers import Number

from django.utils.translation import gettext as _

from delaktig.core.contributions import Link
from delaktig.organisations import ladders

from .models import Kind

NO_BODY = None
UNPLACED = ""


def body_label(bodies, body_id):
    return bodies[body_id].name if body_id in bodies else _("No body given")


def ordered_body_ids(bodies, *present):
    """The municipality's bodies in their usual order that appear in any of `present`, then 'no body'."""
    seen = set().union(*present)
    ids = [pk for pk in bodies if pk in seen]
    return ids + [NO_BODY] if NO_BODY in seen else ids


def ladder_table(data, levels):
    """Rows per body, one cell per ladder level (and one for activities not placed yet)."""
    keys = [level.key for level in levels]
    cells = {}
    for dialogue in data["rows"]:
        level = dialogue.ladder_level if dialogue.ladder_level in keys else UNPLACED
        cells.setdefault(dialogue.responsible_body_id, {}).setdefault(level, []).append(dialogue)
    return [
        (body_label(data["bodies"], body_id), [cells[body_id].get(key, []) for key in [*keys, UNPLACED]])
        for body_id in ordered_body_ids(data["bodies"], cells)
    ]


def count_rows(counts, order, label):
    rows = [(label(key), counts[key]["dialogues"], counts[key]["information"]) for key in order if key in counts]
    total = (
        _("Total"),
        sum(c["dialogues"] for c in counts.values()),
        sum(c["information"] for c in counts.values()),
    )
    return rows, total


def overview_tables(municipality, data):
    levels = ladders.levels_for(municipality.ladder_profile)
    level_labels = {level.key: level.label for level in levels}
    bodies = data["bodies"]
    by_level = {}
    for key, counts in data["by_level"].items():
        slot = by_level.setdefault(key if key in level_labels else UNPLACED, {"dialogues": 0, "information": 0})
        slot["dialogues"] += counts["dialogues"]
        slot["information"] += counts["information"]
    planned_held = [
        (body_label(bodies, pk), _n(data["planned"], pk), _n(data["held"], pk))
        for pk in ordered_body_ids(bodies, data["planned"], data["held"])
    ]
    return {
        "levels": levels,
        "rows": data["rows"],
        "ladder_rows": ladder_table(data, levels),
        "by_body": count_rows(
            data["by_body"], ordered_body_ids(bodies, data["by_body"]), lambda pk: body_label(bodies, pk)
        ),
        "by_kind": [
            (
                label,
                data["by_kind"].get(key, {}).get("dialogues", 0) + data["by_kind"].get(key, {}).get("information", 0),
                key != Kind.INFORMATION,
            )
            for key, label in Kind.choices
        ],
        "by_level": count_rows(
            by_level, [*level_labels, UNPLACED], lambda key: level_labels.get(key, _("Not placed yet"))
        ),
        "planned_held": planned_held,
        "planned_total": sum(row[1] for row in planned_held),
        "held_total": sum(row[2] for row in planned_held),
        "overdue": data["overdue"],
    }


def _n(counts, pk):
    return counts.get(pk, {}).get("dialogues", 0)


# A table an outer app contributes to the overview (core.contributions.Table): numbers right-aligned, links as links.


@dataclass(frozen=True)
class ShownCell:
    value: object  # the cell's value (a number is formatted by the template)
    numeric: bool
    url: str = ""


def shown_table(table):
    """{"caption", "headers": [(text, numeric)], "rows": [[ShownCell]]}; a column is numeric when every cell is."""

    def numeric(value):
        return isinstance(value, Number) and not isinstance(value, bool)

    columns = range(len(table.headers))
    numbers = [bool(table.rows) and all(numeric(row[i]) or row[i] is None for row in table.rows) for i in columns]
    rows = [
        [
            ShownCell(value.text, False, value.url) if isinstance(value, Link) else ShownCell(value, numeric(value))
            for value in row
        ]
        for row in table.rows
    ]
    return {"caption": table.caption, "headers": list(zip(table.headers, numbers, strict=True)), "rows": rows}
