"""The one search helper: Swedish full-text search on PostgreSQL, the documented fallback on SQLite.

The tests run on the database the suite runs on; those marked for one database skip on the other
(DATABASE_URL=postgres://... runs the PostgreSQL ones).
"""

import pytest
from django.db import connection

from delaktig.core.search import case_variants, search, text_matches
from delaktig.dialogues.models import Dialogue
from delaktig.dialogues.tests.factories import DialogueFactory

pytestmark = pytest.mark.django_db
FIELDS = ("title", "question", "purpose")
on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
on_sqlite = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite only")


@pytest.fixture
def dialogues(municipality):
    rows = {
        "park": ("Parken i centrum", "Hur ska parken användas?", "Fler bänkar och en lekplats"),
        "bad": ("Badhuset", "Vad ska Älvsjö badhus erbjuda?", "Öppettider och priser"),
        "skola": ("Skolmaten", "Vad vill eleverna äta?", "Mindre socker"),
    }
    return {
        key: DialogueFactory(municipality=municipality, title=title, question=question, purpose=purpose)
        for key, (title, question, purpose) in rows.items()
    }


def found(query, **options):
    return {d.title for d in search(Dialogue.objects.all(), query, fields=FIELDS, **options)}


def test_an_empty_query_keeps_every_row(dialogues):
    assert found("") == found("   ") == {"Parken i centrum", "Badhuset", "Skolmaten"}


def test_every_word_must_be_found_in_some_field(dialogues):
    assert found("parken bänkar") == {"Parken i centrum"}
    assert found("parken socker") == set()
    assert found("PARKEN") == {"Parken i centrum"}


def test_swedish_letters_in_either_case(dialogues):
    assert found("älvsjö") == found("ÄLVSJÖ") == {"Badhuset"}
    assert found("ÖPPETTIDER") == {"Badhuset"}


def test_codes_are_matched_as_text(municipality, dialogues):
    DialogueFactory(municipality=municipality, title="Torget", slug="ks-2026-12")
    assert {d.title for d in search(Dialogue.objects.all(), "ks-2026-12", fields=FIELDS, codes=("slug",))} == {"Torget"}


@on_sqlite
def test_on_sqlite_words_are_matched_as_typed_without_stemming(dialogues):
    assert found("lekplatsen") == set()  # no stemming: "lekplatsen" is not in "en lekplats"
    assert found("lekplats") == {"Parken i centrum"}


@on_postgresql
def test_on_postgresql_words_are_stemmed_and_prefixed(dialogues):
    assert found("parkerna") == {"Parken i centrum"}  # Swedish stems: parkerna, parken -> park
    assert found("LEKPLATS") == {"Parken i centrum"}
    assert found("lekpl") == {"Parken i centrum"}  # a word is a prefix too
    assert found('"mindre socker"') == {"Skolmaten"}  # web-search syntax


@on_postgresql
def test_on_postgresql_the_best_match_comes_first(municipality, dialogues):
    DialogueFactory(municipality=municipality, title="Badplatsen", question="Bad, bad och bad?", purpose="Bad")
    rows = list(search(Dialogue.objects.order_by("title"), "bad", fields=FIELDS, ranked=True))
    assert rows[0].title == "Badplatsen"
    assert rows[0].search_rank >= rows[-1].search_rank


@on_sqlite
def test_on_sqlite_ranked_keeps_the_lists_order(dialogues):
    rows = list(search(Dialogue.objects.order_by("title"), "a", fields=FIELDS, ranked=True))
    assert [row.title for row in rows] == sorted(row.title for row in rows)


def test_case_variants_for_sqlite():
    assert case_variants("park") == ["park"]
    assert sorted(case_variants("Öl")) == ["Öl", "öl"]
    assert len(case_variants("åäöåäöåäö")) <= 32


def test_text_matches_in_memory():
    assert text_matches("parken BÄNKAR", "Parken i centrum", "Fler bänkar")
    assert not text_matches("parken socker", "Parken i centrum", "Fler bänkar")
    assert text_matches("", "anything")
