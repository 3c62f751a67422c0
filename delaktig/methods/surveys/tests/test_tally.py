"""Results that stay cheap: responses older than the desk's undo window are counted once into the survey's tally, so
the results page asks the same queries for a small and a large survey and counts only the recent responses."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from .. import tally
from ..models import ResultsTally
from ..selectors_results import results_of
from ..services import response_enter, response_submit
from ..structure import structure_of
from .conftest import url
from .factories import full_answers, questions_by_text, survey_for, surveys_module

pytestmark = pytest.mark.django_db

LONG_AGO = timezone.now() - datetime.timedelta(days=3)


def answer_many(survey, n, *, now=None):
    answers = full_answers(survey)
    by_text, _structure = questions_by_text(survey)
    single = str(by_text["Hur tar du dig till parken?"].pk)
    number = str(by_text["Hur många gånger i månaden?"].pk)
    for i in range(n):
        answers[single] = {"choice": ("buss", "cykel", "bil")[i % 3], "other": ""}
        answers[number] = str(i)
        response_submit(survey=survey, answers=answers, now=now)


def _seen(results):
    """Everything the results page shows, comparable."""
    return (
        results.responses,
        results.per_channel,
        [
            (r.answered, r.bars, r.mean, r.matrix, r.ranking, r.summary, r.texts)
            for r in results.questions  # in the survey's order
        ],
    )


def _queries(client, module):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url("staff:results", module)).status_code == 200
    return len(queries)


def test_the_results_page_asks_the_same_queries_for_a_small_and_a_larger_survey_with_a_tally(
    client, staff, municipality, monkeypatch
):
    monkeypatch.setattr(tally, "FOLD_AFTER", 10)
    small_module, large_module = surveys_module(municipality=municipality), surveys_module(municipality=municipality)
    small, large = survey_for(small_module), survey_for(large_module)
    answer_many(small, 3)
    answer_many(large, 40, now=LONG_AGO)
    answer_many(large, 5)  # recent: counted live
    client.force_login(staff["officer"])
    _queries(client, small_module)
    _queries(client, large_module)  # the first read folds the settled responses into the tally
    assert ResultsTally.objects.get(survey=large).upto > 0
    assert not ResultsTally.objects.filter(survey=small).exists()
    assert _queries(client, small_module) == _queries(client, large_module)
    assert "45 av 45 svarade" in client.get(url("staff:results", large_module)).content.decode()


def test_a_tally_gives_the_same_results_as_counting_every_response(module, survey, monkeypatch):
    answer_many(survey, 12, now=LONG_AGO)
    monkeypatch.setattr(tally, "FOLD_AFTER", 10**9)
    counted_live = _seen(results_of(survey))
    monkeypatch.setattr(tally, "FOLD_AFTER", 5)
    assert _seen(results_of(survey)) == counted_live
    folded = ResultsTally.objects.get(survey=survey)
    answer_many(survey, 6, now=LONG_AGO)  # later settled responses fold in on a later read
    answer_many(survey, 2)
    results = _seen(results_of(survey))
    assert ResultsTally.objects.get(survey=survey).upto > folded.upto
    ResultsTally.objects.all().delete()
    monkeypatch.setattr(tally, "FOLD_AFTER", 10**9)
    assert results == _seen(results_of(survey))
    assert results[0] == 20


def test_a_paper_response_that_may_still_be_taken_back_is_never_folded(module, survey, staff, monkeypatch):
    monkeypatch.setattr(tally, "FOLD_AFTER", 1)
    answer_many(survey, 3, now=LONG_AGO)
    paper = response_enter(
        survey=survey,
        answers=full_answers(survey),
        about={},
        actor=staff["officer"],
        received_on=timezone.localdate(),
    )
    answer_many(survey, 2, now=LONG_AGO)  # settled, but after the paper response: they wait for it
    assert results_of(survey).responses == 6
    assert ResultsTally.objects.get(survey=survey).upto == paper.pk - 1
    paper.delete()  # the desk's undo
    assert results_of(survey).responses == 5


def test_the_answers_after_the_tally_are_read_within_this_surveys_newest_response(municipality, staff):
    """Another survey's answers that came in since are outside the window (bounded on both sides), so a results
    page never passes over every newer answer of every survey; and they are not counted."""
    mine = survey_for(surveys_module(municipality=municipality), actor=staff["officer"])
    other = survey_for(surveys_module(municipality=municipality), actor=staff["officer"])
    answer_many(mine, 3, now=LONG_AGO)
    answer_many(other, 4)
    structure = structure_of(mine)
    with CaptureQueriesContext(connection) as queries:
        counts = tally.counts_of(mine, structure)
    assert sum(counts.channels.values()) == 3
    newest = mine.responses.order_by("-pk").first().pk
    answer_queries = [q["sql"] for q in queries.captured_queries if 'FROM "surveys_answer"' in q["sql"]]
    assert answer_queries and all(f'"response_id" <= {newest}' in sql for sql in answer_queries)
