"""Who may vote, as the voter declares it on the ballot: age and where they live.

Until e-identification tells the municipality of residence and the date of birth, both are self-declared: the vote
asks, refuses a ballot whose answers fall outside the rules, and keeps only the age band and the area (for the
turnout figures), never the age itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from django.utils.translation import gettext as _

from delaktig.participation.demographics import AgeBand

OUTSIDE = "outside"  # the voter lives outside the municipality
MAX_AGE = 120


@dataclass(frozen=True)
class Declared:
    age_band: str
    area_id: int | None


class NotEligible(ValueError):
    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = errors
        super().__init__(errors)


def age_band_of(age: int) -> str:
    for limit, band in ((18, AgeBand.UNDER_18), (30, AgeBand.AGE_18_29), (45, AgeBand.AGE_30_44),
                        (65, AgeBand.AGE_45_64), (80, AgeBand.AGE_65_79)):  # fmt: skip
        if age < limit:
            return band.value
    return AgeBand.AGE_80_PLUS.value


def age_range_text(age_min: int | None, age_max: int | None) -> str:
    if age_min is not None and age_max is not None:
        return _("%(low)s to %(high)s years old") % {"low": age_min, "high": age_max}
    if age_min is not None:
        return _("at least %(low)s years old") % {"low": age_min}
    if age_max is not None:
        return _("at most %(high)s years old") % {"high": age_max}
    return ""


def _value(post: Mapping[str, object], name: str) -> str:
    if hasattr(post, "getlist"):
        values = post.getlist(name)
        return str(values[-1]).strip() if values else ""
    return str(post.get(name, "")).strip()


def declared_from_post(post: Mapping[str, object], window) -> Declared:
    """The age band and area the voter declared, checked against who may vote; NotEligible with a message per
    field ("age", "area", "resident") otherwise."""
    errors: dict[str, str] = {}
    band = _age(_value(post, "age"), window, errors)
    area_id = _area(post, window, errors)
    if errors:
        raise NotEligible(errors)
    return Declared(age_band=band, area_id=area_id)


def _age(raw: str, window, errors) -> str:
    ranged = window.age_min is not None or window.age_max is not None
    if not raw:
        if ranged:
            errors["age"] = _("Give your age. This vote is for people %(range)s.") % {
                "range": age_range_text(window.age_min, window.age_max)
            }
        return ""
    try:
        age = int(raw)
    except ValueError:
        errors["age"] = _("Give your age in whole years, for example 34.")
        return ""
    if not 0 <= age <= MAX_AGE:
        errors["age"] = _("Give your age in whole years, for example 34.")
        return ""
    low, high = window.age_min, window.age_max
    if (low is not None and age < low) or (high is not None and age > high):
        errors["age"] = _("This vote is for people %(range)s.") % {"range": age_range_text(low, high)}
        return ""
    return age_band_of(age)


def _area(post, window, errors) -> int | None:
    if not window.area_ids:  # no areas: a resident says so with a box
        if window.residents_only and _value(post, "resident") != "1":
            errors["resident"] = _("This vote is for residents of the municipality. Tick the box if you live here.")
        return None
    raw = _value(post, "area")
    if raw in ("", OUTSIDE):
        if window.area_id is not None or window.residents_only:
            errors["area"] = (
                _("Choose the area where you live. This vote is for residents of the municipality.")
                if raw == ""
                else _("This vote is for residents of the municipality.")
            )
        return None
    try:
        area_id = int(raw)
    except ValueError:
        area_id = -1
    if area_id not in window.area_ids:
        errors["area"] = _("Choose an area from the list.")
        return None
    if window.area_id is not None and area_id != window.area_id:
        errors["area"] = _("This vote is only for residents of the area it is about.")
        return None
    return area_id
