"""What a person may choose to tell about themselves when taking part, and how figures about it are shown.

Demographics are always voluntary, never published per input, and only ever shown as counts with small cells
suppressed: a count below the threshold reads "fewer than 5", and a second cell in the same line is hidden
as well when one hidden cell could otherwise be worked out from the shown total (secondary suppression); such
a cell reads "not shown", since it may hold zero or more than the threshold.

Values as stored on inputs and passed in `InputRecord.demographics`: "age_band" (AgeBand), "gender" (Gender)
and "area" (the id of an `organisations.Area`).
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

THRESHOLD = 5
DIMENSIONS = ("age_band", "gender", "area")


class AgeBand(models.TextChoices):
    UNDER_18 = "under_18", _("Under 18")
    AGE_18_29 = "18_29", _("18–29")
    AGE_30_44 = "30_44", _("30–44")
    AGE_45_64 = "45_64", _("45–64")
    AGE_65_79 = "65_79", _("65–79")
    AGE_80_PLUS = "80_plus", _("80 or older")


class Gender(models.TextChoices):
    WOMAN = "woman", _("Woman")
    MAN = "man", _("Man")
    OTHER = "other", _("Other")
    PREFER_NOT_TO_SAY = "prefer_not_to_say", _("Prefer not to say")


def suppressed_label(threshold=THRESHOLD):
    return gettext("fewer than %(threshold)s") % {"threshold": threshold}


def hidden_label():
    """For a cell hidden only to protect another (secondary suppression): it may be 0 or more than the threshold."""
    return gettext("not shown")


def suppress(count, threshold=THRESHOLD):
    """The count, or "fewer than 5" when it is above zero and below the threshold."""
    return suppressed_label(threshold) if 0 < count < threshold else count


@dataclass
class Cell:
    count: int
    hidden: bool = False

    def shown(self, threshold=THRESHOLD):
        if not self.hidden:
            return self.count
        return suppressed_label(threshold) if 0 < self.count < threshold else hidden_label()


def _primary(counts, threshold):
    return [Cell(n, 0 < n < threshold) for n in counts]


def _protect_line(cells):
    """When exactly one cell of a line with a shown total is hidden, hide the smallest other cell too.

    Returns True when something changed. A line of one cell cannot be protected this way; its total must be
    hidden instead (the callers do that).
    """
    hidden = [cell for cell in cells if cell.hidden]
    if len(hidden) != 1:
        return False
    others = [cell for cell in cells if not cell.hidden]
    if not others:
        return False
    min(others, key=lambda cell: cell.count).hidden = True
    return True


def suppress_counts(counts, threshold=THRESHOLD):
    """A line of counts with a shown total: list of Cell with primary and secondary suppression.

    When the total itself is below the threshold every cell is hidden (too few to break down at all).
    """
    cells = _primary(counts, threshold)
    if 0 < sum(counts) < threshold:
        for cell in cells:
            cell.hidden = cell.count > 0 or len(cells) > 1
        return cells
    _protect_line(cells)
    return cells


def suppress_matrix(matrix, threshold=THRESHOLD, *, column_totals=False):
    """Rows of counts whose row totals are shown (and column totals when asked): list of lists of Cell.

    Secondary suppression runs over rows and columns until no line has a single hidden cell.
    """
    rows = [suppress_counts(row, threshold) for row in matrix]
    changed = True
    while changed:
        changed = sum(_protect_line(row) for row in rows) > 0
        if column_totals and rows:
            for column in zip(*rows, strict=True):
                changed = _protect_line(list(column)) or changed
    return rows


def breakdown(values, choices, threshold=THRESHOLD, *, not_told_label=None):
    """Count `values` (one per input; None or "" when not told) by `choices` [(value, label)].

    Returns (rows, total): rows [(label, shown count)] in the order of `choices`, then "Not told"; suppressed.
    """
    keys = [value for value, _label in choices]
    counts = dict.fromkeys(keys, 0)
    not_told = 0
    for value in values:
        if value in counts:
            counts[value] += 1
        else:
            not_told += 1
    labels = [str(label) for _value, label in choices] + [str(not_told_label or gettext("Not told"))]
    cells = suppress_counts([counts[key] for key in keys] + [not_told], threshold)
    return [(label, cell.shown(threshold)) for label, cell in zip(labels, cells, strict=True)], len(values)
