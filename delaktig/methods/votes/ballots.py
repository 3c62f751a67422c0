"""A ballot as the voting page posts it, checked against the vote's rules: the choices to store, or what is wrong
in words. No database: the cast path checks with what the process remembers of the vote (window.py).

The page posts `choice` (one choice: one value; approval: one per alternative chosen), `rank_<id>` (ranking: the
place given, empty when not ranked) or `points_<id>` (points: the points given, empty for none).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .counting import APPROVAL, POINTS, RANKING, SINGLE


class BallotInvalid(ValueError):
    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


@dataclass(frozen=True)
class BallotRules:
    ballot_type: str
    alternatives: tuple[int, ...]
    max_choices: int | None = None
    points_total: int | None = None

    @property
    def most(self) -> int:
        """How many alternatives a voter may choose (approval) or rank (ranking)."""
        return min(self.max_choices or len(self.alternatives), len(self.alternatives))


def tampered() -> BallotInvalid:
    return BallotInvalid(_("One of the alternatives is not in this vote. Reload the page and vote again."))


def _ids(values: Sequence[str], rules: BallotRules) -> list[int]:
    found = []
    for value in values:
        try:
            number = int(value)
        except (TypeError, ValueError):
            raise tampered() from None
        if number not in rules.alternatives:
            raise tampered()
        found.append(number)
    return found


def _numbered(post: Mapping[str, object], prefix: str, rules: BallotRules) -> dict[int, str]:
    """{alternative: the value posted} of the fields `<prefix><id>` that are filled in; a field naming an
    alternative outside the vote is tampering."""
    found = {}
    for name in post:
        if not name.startswith(prefix):
            continue
        value = str(_one(post, name)).strip()
        (alternative,) = _ids([name[len(prefix) :]], rules)
        if value:
            found[alternative] = value
    return found


def _one(post, name):
    return post.get(name, "") if not hasattr(post, "getlist") else (post.getlist(name) or [""])[-1]


def _many(post, name):
    if hasattr(post, "getlist"):
        return post.getlist(name)
    value = post.get(name, [])
    return value if isinstance(value, list) else [value]


def ballot_from_post(post: Mapping[str, object], rules: BallotRules) -> list[int] | dict[str, int]:
    """The choices to store for what was posted, or BallotInvalid."""
    if rules.ballot_type == SINGLE:
        return _single(_many(post, "choice"), rules)
    if rules.ballot_type == APPROVAL:
        return _approval(_many(post, "choice"), rules)
    if rules.ballot_type == RANKING:
        return _ranking(_numbered(post, "rank_", rules), rules)
    if rules.ballot_type == POINTS:
        return _points(_numbered(post, "points_", rules), rules)
    raise BallotInvalid(_("This vote cannot be cast here."))


def _single(values, rules):
    chosen = _ids([v for v in values if v], rules)
    if not chosen:
        raise BallotInvalid(_("Choose one alternative."))
    if len(set(chosen)) > 1:
        raise BallotInvalid(_("Choose only one alternative."))
    return chosen[:1]


def _approval(values, rules):
    chosen = _ids([v for v in values if v], rules)
    if not chosen:
        raise BallotInvalid(_("Choose at least one alternative."))
    if len(set(chosen)) != len(chosen):
        raise BallotInvalid(_("An alternative is chosen twice. Choose each alternative once."))
    if len(chosen) > rules.most:
        raise BallotInvalid(
            ngettext(
                "You may choose at most %(most)s alternative. You chose %(chosen)s.",
                "You may choose at most %(most)s alternatives. You chose %(chosen)s.",
                rules.most,
            )
            % {"most": rules.most, "chosen": len(chosen)}
        )
    return sorted(chosen, key=rules.alternatives.index)


def _ranking(places, rules):
    if not places:
        raise BallotInvalid(_("Rank at least one alternative: give your favourite place 1."))
    try:
        ranked = {alternative: int(place) for alternative, place in places.items()}
    except ValueError:
        raise BallotInvalid(_("A place in the ranking must be a whole number.")) from None
    given = sorted(ranked.values())
    if len(set(given)) != len(given):
        raise BallotInvalid(_("Two alternatives have the same place. Give each place only once."))
    if given != list(range(1, len(given) + 1)):
        raise BallotInvalid(
            _("The places must follow each other from 1 without gaps: 1, 2, 3 and so on. Check the ranking.")
        )
    if len(given) > rules.most:
        raise BallotInvalid(
            ngettext(
                "You may rank at most %(most)s alternative.",
                "You may rank at most %(most)s alternatives.",
                rules.most,
            )
            % {"most": rules.most}
        )
    return [alternative for alternative, _place in sorted(ranked.items(), key=lambda item: item[1])]


def _points(given, rules):
    total = rules.points_total or 0
    try:
        points = {alternative: int(value) for alternative, value in given.items()}
    except ValueError:
        raise BallotInvalid(_("Points must be whole numbers.")) from None
    if any(value < 0 for value in points.values()):
        raise BallotInvalid(_("Points cannot be fewer than 0."))
    points = {alternative: value for alternative, value in points.items() if value}
    if not points:
        raise BallotInvalid(_("Give at least one point to an alternative."))
    spent = sum(points.values())
    if spent > total:
        raise BallotInvalid(
            _("You have %(total)s points to distribute but gave %(spent)s. Take away %(over)s.")
            % {"total": total, "spent": spent, "over": spent - total}
        )
    return {str(alternative): points[alternative] for alternative in rules.alternatives if alternative in points}


def choice_ids(ballot_type: str, choices) -> list[int]:
    """The alternatives a stored ballot names, in its order."""
    if ballot_type == POINTS:
        return [int(key) for key in dict(choices)]
    return [int(value) for value in choices]
