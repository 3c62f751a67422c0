"""Results: charts with their numbers, free text with search, breakdowns with small groups hidden, response rates,
downloads, publishing; a results page whose queries do not grow with the responses."""

import io
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from ..models import Invitation
from ..selectors_results import breakdown_of, results_of
from ..services import response_submit
from ..services_invitations import invitations_create
from .conftest import url
from .factories import full_answers, questions_by_text

pytestmark = pytest.mark.django_db


def answer_many(survey, n, **about):
    answers = full_answers(survey)
    by_text, _structure = questions_by_text(survey)
    single = str(by_text["Hur tar du dig till parken?"].pk)
    for i in range(n):
        answers[single] = {"choice": ("buss", "cykel", "bil")[i % 3], "other": ""}
        response_submit(survey=survey, answers=answers, about=about)


def test_each_question_is_counted(survey):
    answer_many(survey, 6)
    results = results_of(survey)
    by_text = {result.question.text: result for result in results.questions}
    single = by_text["Hur tar du dig till parken?"]
    assert [(bar.label, bar.count, bar.share) for bar in single.bars] == [
        ("Buss", 2, 33.3),
        ("Cykel", 2, 33.3),
        ("Bil", 2, 33.3),
        ("Annat", 0, 0.0),
    ]
    assert by_text["Hur nöjd är du med parken?"].mean == 4
    matrix = by_text["Hur nöjd är du med det här?"].matrix
    assert (matrix[0].label, matrix[0].counts, matrix[0].mean) == ("Belysning", [0, 6, 0, 0, 0], 2)
    assert by_text["Vad ska göras först?"].ranking[0] == ("Toalett", 1, 6)
    assert by_text["Hur många gånger i månaden?"].summary == {"count": 6, "mean": 12.5, "low": 12.5, "high": 12.5}
    assert by_text["Vad heter din favoritplats?"].texts == 6 and results.responses == 6


def _queries(client, module):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url("staff:results", module)).status_code == 200
    return len(queries)


def test_the_results_page_asks_the_same_number_of_queries_for_10_and_50_responses(
    client, staff, module, survey, django_assert_num_queries
):
    client.force_login(staff["officer"])
    answer_many(survey, 10)
    _queries(client, module)  # the first request also reads what later ones find in the cache
    at_ten = _queries(client, module)
    answer_many(survey, 40)
    with django_assert_num_queries(at_ten):
        page = client.get(url("staff:results", module))
    assert "50 av 50 svarade" in page.content.decode()


def test_the_results_page_shows_charts_with_tables_and_links_to_the_texts(client, staff, module, survey):
    answer_many(survey, 3)
    client.force_login(staff["elected_official"])
    page = client.get(url("staff:results", module)).content.decode()
    assert page.count("<svg") >= 4 and 'role="img"' in page and "<title" in page
    assert "33,3\u00a0%" in page and "style=" not in page.split("<main")[1]
    texts = client.get(url("staff:texts", module) + "?q=Dammen").content.decode()
    assert texts.count("Dammen") >= 3 and "3 svar" in texts
    assert "Inget svar matchar" in client.get(url("staff:texts", module) + "?q=zebra").content.decode()


def test_a_breakdown_hides_small_groups(survey):
    answer_many(survey, 6, age_band="30_44")
    answer_many(survey, 2, age_band="80_plus")
    by_text, _structure = questions_by_text(survey)
    breakdown = breakdown_of(survey, by_text["Hur tar du dig till parken?"], "age_band")
    rows = {label: (cells, total) for label, cells, total in breakdown.rows}
    assert rows["30–44 år"][1] == 6
    assert rows["80 år eller äldre"][1] == "färre än 5"
    assert all(cell in (0, "färre än 5", "visas inte") for cell in rows["80 år eller äldre"][0])
    assert all(cell in (0, "färre än 5", "visas inte") for cell in rows["30–44 år"][0])  # 2 + 2 + 2: too few each


def test_the_groups_page_never_fails_on_odd_input(client, staff, module, survey):
    answer_many(survey, 2, gender="woman")
    client.force_login(staff["officer"])
    for query in ("", "?fraga=abc&grupp=ufo", "?fraga=999999&grupp=area", "?grupp=gender"):
        assert client.get(url("staff:groups", module) + query).status_code == 200


def test_response_rate_per_group_of_those_invited(client, staff, module, survey):
    groups = [("Unga", 10, 6), ("Mellan", 3, 1), ("Äldre", 8, 5)]
    recipients = [(f"{name}{n}@example.se", name) for name, invited, _answered in groups for n in range(invited)]
    invitations_create(survey=survey, recipients=recipients, actor=None)
    for name, _invited, answered in groups:
        for n in range(answered):
            invitation = Invitation.objects.get(email=f"{name}{n}@example.se")
            response_submit(survey=survey, answers=full_answers(survey), invitation_id=invitation.pk)
    client.force_login(staff["officer"])
    page = client.get(url("staff:results", module)).content.decode()
    assert "Svarsfrekvens" in page and "60,0\u00a0%" in page and "57,1\u00a0%" in page  # 12 of 21 in all
    assert "färre än 5" in page and "33,3\u00a0%" not in page  # one in "Mellan" would stand out


def test_downloads_csv_and_xlsx(client, staff, module, survey):
    answer_many(survey, 3)
    client.force_login(staff["officer"])
    csv_text = client.get(url("staff:export_csv", module)).content.decode("utf-8-sig")
    assert "Hur tar du dig till parken?;;Buss;1;33,3" in csv_text.replace('"', "")  # a decimal comma for Excel
    workbook = load_workbook(io.BytesIO(client.get(url("staff:export_xlsx", module)).content))
    assert workbook.sheetnames == ["Resultat", "Fritextsvar"]
    assert any("Dammen" in str(row) for row in workbook["Fritextsvar"].iter_rows(values_only=True))
    responses = client.get(url("staff:responses_csv", module)).content.decode("utf-8-sig")
    assert "EN-" in responses and "Dammen" in responses
    assert re.search(r";\d{4}-\d\d-\d\d \d\d:\d\d;", responses)  # local time to the minute


def test_published_results_are_on_the_public_page_without_free_text(client, staff, module, survey):
    answer_many(survey, 3)
    assert client.get(url("results", module)).status_code == 404
    client.force_login(staff["officer"])
    client.post(url("staff:publish", module), {"published": "1"})
    client.logout()
    page = client.get(url("results", module)).content.decode()
    assert "Hur tar du dig till parken?" in page and "<svg" in page and "Dammen" not in page
    assert "Se enkätens resultat" in client.get(url("index", module)).content.decode()
    client.force_login(staff["elected_official"])
    assert client.post(url("staff:publish", module), {"published": "0"}).status_code == 403
