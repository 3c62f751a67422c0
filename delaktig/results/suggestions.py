"""Suggested themes: Swedish text → stems → TF-IDF → NMF. Deterministic (fixed random_state).

Each suggestion is a dict stored on a ThemeSuggestionRun:
{"label": "Lekplats, gungor", "terms": [...], "refs": [strong input refs], "count": int,
 "examples": [{"ref", "title", "text"}], "status": "open" | "accepted" | "merged" | "dismissed", "theme_id"}.
"""

import math
import re
from collections import Counter, defaultdict
from functools import cache, lru_cache
from pathlib import Path

import snowballstemmer

MIN_INPUTS = 6
MIN_K, MAX_K = 3, 8
STRONG_SHARE = 0.35  # an input belongs to a suggestion when this share of its weight is there
EXAMPLES = 3
EXCERPT = 240
WORD = re.compile(r"[a-zåäöéüæø]+")
S_ENDING_BEFORE = set("bcdfghjklmnoprtvy")  # Snowball's Swedish s-ending rule, applied once more to stems


@cache
def stop_words():
    path = Path(__file__).with_name("stopwords_sv.txt")
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@cache
def _stemmer():
    return snowballstemmer.stemmer("swedish")


def normalise_space(text):
    return " ".join((text or "").split())


@lru_cache(maxsize=50_000)
def stem(word):
    """Snowball's Swedish stem; a final s left after removing an ending goes too (lekplatsen → lekplat)."""
    stemmed = _stemmer().stemWord(word)
    if len(stemmed) > 4 and stemmed.endswith("s") and stemmed[-2] in S_ENDING_BEFORE:
        stemmed = stemmed[:-1]
    return stemmed


def words(text):
    return [w for w in WORD.findall(text.lower()) if len(w) > 2 and w not in stop_words()]


class Analyser:
    """Turns texts into stems and remembers the surface words behind each stem, for readable labels."""

    def __init__(self):
        self.surface = defaultdict(Counter)

    def __call__(self, text):
        stems = []
        for word in words(text):
            stemmed = stem(word)
            self.surface[stemmed][word] += 1
            stems.append(stemmed)
        return stems

    def readable(self, stemmed):
        counts = self.surface[stemmed]
        return min(counts, key=lambda w: (-counts[w], len(w), w)) if counts else stemmed


def choose_k(n):
    """How many suggestions: grows with the square root of the number of inputs, 3 to 8, at most n / 2."""
    return max(2, min(MAX_K, max(MIN_K, round(math.sqrt(n / 2))), n // 2))


def suggest_themes(records, *, progress=None, k=None):
    """Suggestions for InputRecords; [] when there are too few inputs or too few words."""
    from sklearn.decomposition import NMF
    from sklearn.feature_extraction.text import TfidfVectorizer

    records = [r for r in records if words(f"{r.title} {r.text}")]
    if len(records) < MIN_INPUTS:
        return []
    analyser = Analyser()
    vectorizer = TfidfVectorizer(analyzer=analyser, sublinear_tf=True, min_df=2 if len(records) >= 50 else 1)
    try:
        matrix = vectorizer.fit_transform([f"{r.title} {r.text}" for r in records])
    except ValueError:  # no terms left
        return []
    _report(progress, 40)
    k = min(k or choose_k(len(records)), matrix.shape[1], len(records))
    model = NMF(n_components=k, init="nndsvda", random_state=0, max_iter=500)
    weights = model.fit_transform(matrix)
    _report(progress, 80)
    terms = vectorizer.get_feature_names_out()
    suggestions = [_suggestion(t, model.components_[t], weights, records, terms, analyser) for t in range(k)]
    suggestions = [s for s in suggestions if s["count"]]
    return sorted(suggestions, key=lambda s: (-s["count"], s["label"]))


def _report(progress, percent):
    if progress is not None:
        progress(percent)


def _suggestion(topic, component, weights, records, terms, analyser):
    top = [terms[i] for i in component.argsort()[::-1][:4] if component[i] > 0]
    readable = list(dict.fromkeys(analyser.readable(t) for t in top))
    totals = weights.sum(axis=1)
    strong = [i for i in range(len(records)) if totals[i] > 0 and weights[i, topic] / totals[i] >= STRONG_SHARE]
    strong.sort(key=lambda i: -weights[i, topic])
    label = ", ".join(readable[:3])
    return {
        "label": label[:1].upper() + label[1:],
        "terms": readable,
        "refs": [records[i].ref for i in strong],
        "count": len(strong),
        "examples": [_example(records[i]) for i in strong[:EXAMPLES]],
        "status": "open",
        "theme_id": None,
    }


def _example(record):
    text = normalise_space(record.text)
    return {"ref": record.ref, "title": record.title, "text": text if len(text) <= EXCERPT else text[:EXCERPT] + "…"}
