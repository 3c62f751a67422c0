"""Participation-ladder profiles. A municipality picks one; SKR's five steps are the default."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class LadderLevel:
    key: str
    label: str
    explanation: str
    rank: int


SKR = (
    LadderLevel("information", _("Information"), _("We inform you. You cannot influence the decision."), 1),
    LadderLevel(
        "consultation",
        _("Consultation"),
        _("We ask what you think about prepared proposals, for example in a survey."),
        2,
    ),
    LadderLevel(
        "dialogue",
        _("Dialogue"),
        _("You and the politicians exchange arguments and learn from each other, for example at a meeting."),
        3,
    ),
    LadderLevel(
        "influence",
        _("Influence"),
        _("You take part over time and help shape the proposals the politicians decide on."),
        4,
    ),
    LadderLevel(
        "co_decision",
        _("Co-decision"),
        _("You decide yourselves within limits the politicians have set, for example on part of a budget."),
        5,
    ),
)

BOVERKET = (
    SKR[0],
    LadderLevel("consultation", _("Consultation"), _("We ask what you think about prepared proposals."), 2),
    LadderLevel("dialogue", _("Dialogue"), _("You and the municipality discuss the question together."), 3),
    LadderLevel(
        "influence",
        _("Influence"),
        _("You take part in shaping the proposal that the politicians decide on."),
        4,
    ),
)

PROFILES = {"skr": SKR, "boverket": BOVERKET}
PROFILE_CHOICES = [("skr", _("SKR: five steps")), ("boverket", _("Boverket: four steps"))]
ALL_LEVELS = {level.key: level for level in SKR}


def levels_for(profile):
    return PROFILES.get(profile, SKR)


def level(profile, key):
    for candidate in levels_for(profile):
        if candidate.key == key:
            return candidate
    return ALL_LEVELS.get(key)
