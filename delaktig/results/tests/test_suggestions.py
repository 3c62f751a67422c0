import datetime

from delaktig.participation.registry import InputRecord
from delaktig.results.suggestions import choose_k, stem, suggest_themes

from .texts import TOPICS

NOW = datetime.datetime(2026, 11, 1, tzinfo=datetime.UTC)


def records():
    result = []
    for topic, texts in TOPICS.items():
        for i, (title, text) in enumerate(texts):
            result.append(InputRecord(f"t:{topic}:{i}", 1, "t", title, text, "online", NOW))
    return result


def test_inflected_forms_fall_together():
    assert stem("lekplats") == stem("lekplatsen") == stem("lekplatser") == stem("lekplatserna")
    assert stem("biblioteket") == stem("bibliotek") == stem("biblioteken")
    assert stem("trafiken") == stem("trafik")


def test_k_grows_with_the_number_of_inputs_between_three_and_eight():
    assert choose_k(18) == 3
    assert choose_k(80) == 6
    assert choose_k(5000) == 8


def test_suggestions_separate_the_topics():
    suggestions = suggest_themes(records(), k=3)
    assert len(suggestions) == 3
    topics_found = []
    for suggestion in suggestions:
        topics = {ref.split(":")[1] for ref in suggestion["refs"]}
        assert len(topics) == 1, suggestion
        topics_found.extend(topics)
        assert suggestion["count"] == len(suggestion["refs"]) >= 4
        assert 1 <= len(suggestion["examples"]) <= 3
    assert sorted(topics_found) == ["library", "playground", "traffic"]
    labels = " ".join(s["label"].lower() for s in suggestions)
    assert "lekplatsen" in labels or "lekplats" in labels
    assert "biblioteket" in labels or "bibliotek" in labels
    assert "trafiken" in labels or "bilarna" in labels or "korsningen" in labels


def test_the_same_input_gives_the_same_suggestions():
    assert suggest_themes(records()) == suggest_themes(records())


def test_too_few_inputs_give_no_suggestions():
    assert suggest_themes(records()[:3]) == []
