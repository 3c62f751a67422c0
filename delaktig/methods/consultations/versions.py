"""A new version of a consultation document: which paragraph of the new text each paragraph of the old one became,
so comments stay with the text they were written on, and what changed, word by word, for readers.

Paragraphs are given as (key, text) in reading order, keys being anything (ids). `matched(old, new)` pairs them:
identical texts in the same order first (difflib over the whole sequence), then, within each stretch that
changed, the most similar pairs whose words overlap at least SIMILAR. `changes(old, new)` lists every paragraph of
both versions once, in the new order with removed ones where they stood: unchanged, changed (with its word diff),
added or removed. `words_diff(old, new)` is the diff of one paragraph: [("same" | "removed" | "added", words)].
"""

from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

SIMILAR = 0.5  # share of words in common for a changed paragraph to count as the same paragraph rewritten


@dataclass(frozen=True)
class Change:
    kind: str  # "unchanged", "changed", "added" or "removed"
    old: Any = None  # the key in the old version (None when added)
    new: Any = None  # the key in the new version (None when removed)
    diff: list[tuple[str, str]] = field(default_factory=list)  # for "changed"


def matched(old: list[tuple[Any, str]], new: list[tuple[Any, str]]) -> dict[Any, Any]:
    """{old key: new key} for every old paragraph that lives on in the new version."""
    pairs: dict[Any, Any] = {}
    texts_old, texts_new = [_normal(text) for _key, text in old], [_normal(text) for _key, text in new]
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, texts_old, texts_new, autojunk=False).get_opcodes():
        if tag == "equal":
            pairs.update({old[i][0]: new[j][0] for i, j in zip(range(i1, i2), range(j1, j2), strict=True)})
        elif tag == "replace":
            pairs.update(_similar(old[i1:i2], new[j1:j2]))
    return pairs


def _similar(old: list[tuple[Any, str]], new: list[tuple[Any, str]]) -> dict[Any, Any]:
    """Within one changed stretch: the most similar pairs first, each paragraph used once, and never against the
    order of the pairs already made (a later paragraph cannot become an earlier one)."""
    scored = sorted(
        ((_likeness(a, b), i, j) for i, (_ka, a) in enumerate(old) for j, (_kb, b) in enumerate(new)),
        reverse=True,
    )
    chosen: list[tuple[int, int]] = []
    for score, i, j in scored:
        if score < SIMILAR:
            break
        if any(i == i2 or j == j2 or (i < i2) != (j < j2) for i2, j2 in chosen):
            continue
        chosen.append((i, j))
    return {old[i][0]: new[j][0] for i, j in chosen}


def changes(old: list[tuple[Any, str]], new: list[tuple[Any, str]]) -> list[Change]:
    pairs = matched(old, new)
    back = {new_key: old_key for old_key, new_key in pairs.items()}
    texts_old = dict(old)
    result: list[Change] = []
    pending_removed = [key for key, _text in old if key not in pairs]
    order_old = {key: i for i, (key, _text) in enumerate(old)}
    for key, text in new:
        source = back.get(key)
        if source is not None:
            while pending_removed and order_old[pending_removed[0]] < order_old[source]:
                result.append(Change("removed", old=pending_removed.pop(0)))
            if _normal(texts_old[source]) == _normal(text):
                result.append(Change("unchanged", old=source, new=key))
            else:
                result.append(Change("changed", old=source, new=key, diff=words_diff(texts_old[source], text)))
        else:
            result.append(Change("added", new=key))
    result.extend(Change("removed", old=key) for key in pending_removed)
    return result


def words_diff(old: str, new: str) -> list[tuple[str, str]]:
    a, b = old.split(), new.split()
    parts: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            parts.append(("same", " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            parts.append(("removed", " ".join(a[i1:i2])))
        if j2 > j1:
            parts.append(("added", " ".join(b[j1:j2])))
    return parts


def _likeness(a: str, b: str) -> float:
    return SequenceMatcher(None, a.split(), b.split(), autojunk=False).ratio()


def _normal(text: str) -> str:
    return " ".join(text.split())
