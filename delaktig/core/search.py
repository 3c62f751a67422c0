"""Search boxes: one way to find rows by what a person types, used by every list that can be searched.

On PostgreSQL (production) it is Swedish full-text search over the given fields: the "swedish" configuration
stems words ("parkerna" finds "parken"), the query has web-search syntax ("quoted phrase", or, -word), and every
word is also a prefix of its stem ("lekplats" stems to "lekplat", which also finds "lekplatsen"). `ranked=True`
puts the best matches first, the list's own order after that.

On SQLite (development and the test suite) it falls back to plain text matching: every word must appear in one of
the fields (icontains per word over the fields, the words ANDed), so no stemming and no syntax. SQLite's LIKE folds
case for ASCII letters only, so "ÅSA" would not find "åsa": each word is also tried with its other letters in
their other case (å/Å, ä/Ä, ö/Ö, é/É, ...).

`codes` are fields that hold reference numbers ("KS 2026/12", "MF-2026-3"): full-text search would split them, so
on PostgreSQL they are matched as text, the whole query in the field. `text_matches` is the fallback in Python for
lists that are already in memory. `django.contrib.postgres` need not be installed: the expressions are used
directly, and nothing here touches PostgreSQL until a query runs on it.
"""

import re

from django.db import connections
from django.db.models import F, Q

SEARCH_WORDS_MAX = 10  # words after the tenth are ignored
CASE_VARIANTS_MAX = 32  # a word with many non-ASCII letters is tried in at most this many spellings
WORD = re.compile(r"[^\W_]+")


def search_words(query):
    return (query or "").split()[:SEARCH_WORDS_MAX]


def search(qs, query, *, fields, codes=(), ranked=False):
    """The rows of `qs` that match `query` in `fields` (or in `codes`); `qs` unchanged for an empty query."""
    query = " ".join(search_words(query))
    if not query:
        return qs
    if connections[qs.db].vendor == "postgresql":
        return _full_text(qs, query, fields, codes, ranked)
    return _every_word(qs, query, (*fields, *codes))


def _full_text(qs, query, fields, codes, ranked):
    from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

    vector = SearchVector(*fields, config="swedish")
    wanted = SearchQuery(query, config="swedish", search_type="websearch")
    words = WORD.findall(query)[:SEARCH_WORDS_MAX]  # letters and digits only: safe in a raw query
    if words:
        prefixes = " & ".join(f"{word}:*" for word in words)
        wanted = wanted | SearchQuery(prefixes, config="swedish", search_type="raw")
    matching = qs.model._default_manager.annotate(search_vector=vector).filter(search_vector=wanted).values("pk")
    condition = Q(pk__in=matching)  # a subquery, so a list that counts (GROUP BY) keeps its shape
    for field in codes:
        condition |= Q(**{f"{field}__icontains": query})
    qs = qs.filter(condition)
    if not ranked:
        return qs
    order = list(qs.query.order_by or qs.model._meta.ordering)
    return qs.annotate(search_rank=SearchRank(vector, wanted)).order_by(F("search_rank").desc(), *order)


def _every_word(qs, query, fields):
    for word in search_words(query):
        condition = Q()
        for spelling in case_variants(word):
            for field in fields:
                condition |= Q(**{f"{field}__icontains": spelling})
        qs = qs.filter(condition)
    return qs


def case_variants(word):
    """The word with each non-ASCII letter in lower and upper case, for SQLite's ASCII-only case folding."""
    variants = [""]
    for letter in word:
        forms = [letter] if letter.isascii() else list(dict.fromkeys((letter.lower(), letter.upper())))
        if len(variants) * len(forms) > CASE_VARIANTS_MAX:
            forms = [letter]
        variants = [start + form for start in variants for form in forms]
    return variants


def text_matches(query, *texts):
    """The same rule for text in memory: every word of the query appears in one of the texts, in any case."""
    words = [word.casefold() for word in search_words(query)]
    haystack = "\n".join(str(text or "") for text in texts).casefold()
    return all(word in haystack for word in words)
