"""What central code reads through the manifest: free-text answers as inputs, counts, exports without personal data,
the person's own data and erasure, the yearly report's section and the open data."""

import pytest
from django.utils import timezone

from delaktig.accounts.tests.factories import UserFactory
from delaktig.opendata.tests.support import csv_rows, csv_url, results_of
from delaktig.organisations.models import Area

from ..manifest import manifest
from ..models import Answer, Participation
from ..services import draft_save, response_enter, response_submit
from ..services_builder import results_publish
from ..services_invitations import invitations_create
from .factories import full_answers, questions_by_text, survey_for

pytestmark = pytest.mark.django_db


def test_free_text_answers_are_inputs_with_their_question_and_about_you(module, survey, municipality):
    area = Area.objects.create(municipality=municipality, name="Norrby")
    response_submit(survey=survey, answers=full_answers(survey), about={"age_band": "18_29", "area": area.pk})
    response_enter(
        survey=survey, answers=full_answers(survey), about={}, actor=UserFactory(), received_on=timezone.localdate()
    )
    records = manifest.inputs(module)
    texts = sorted(record.text for record in records)
    assert texts == ["Dammen", "Dammen", "Läser", "Läser"]  # the short text and the words under "other"
    online = next(r for r in records if r.channel == "online" and r.text == "Läser")
    assert online.title.startswith("Vad gör du i parken?") and "(Annat)" in online.title
    assert online.demographics == {"age_band": "18_29", "area": area.pk} and online.author_shown == ""
    assert online.reference.startswith("EN-") and "#q" in online.staff_url
    paper = next(r for r in records if r.channel == "paper")
    assert paper.received_on == timezone.localdate()
    assert manifest.input_channels(module) == {"online": 2, "paper": 2}
    first = manifest.input_rows(module).order_by("pk").first()
    assert [r.ref for r in manifest.inputs(module, ids=[first.pk])] == [f"surveys:{first.pk}"]


def test_stats_count_responses_and_free_texts(module, survey):
    assert manifest.stats(module) == {"responses": 0, "paper_responses": 0, "free_texts": 0}
    response_submit(survey=survey, answers=full_answers(survey))
    assert manifest.stats(module) == {"responses": 1, "paper_responses": 0, "free_texts": 2}


def test_export_rows_hold_the_answers_in_words_and_nothing_about_the_person(module, staff):
    survey = survey_for(module, actor=staff["officer"], access="logged_in")
    rut = UserFactory(name="Rut Ruttersson", email="rut@example.se")
    response_submit(survey=survey, answers=full_answers(survey), user=rut, about={"gender": "woman"})
    [row] = manifest.export_rows(module)
    by_text, structure = questions_by_text(survey)
    assert row["1. Hur tar du dig till parken?"] == "Cykel"
    assert row["2. Vad gör du i parken?"] == "Promenerar, Annat: Läser"
    assert row["6. Hur nöjd är du med det här?"] == "Belysning: 2; Bänkar: 5 – Helt"
    assert row["7. Vad ska göras först?"] == "1. Toalett; 2. Lekplats; 3. Belysning"
    assert "Rut" not in str(row) and "rut@example.se" not in str(row) and "woman" not in str(row)
    assert not {"user", "user_id", "email", "name", "gender", "age_band", "area"} & set(row)


def test_my_data_says_that_i_answered_never_what_and_erasure_forgets_it(module, staff):
    survey = survey_for(module, actor=staff["officer"], access="logged_in")
    rut = UserFactory(email="rut@example.se")
    response_submit(survey=survey, answers=full_answers(survey), user=rut)
    draft_save(survey=survey, answers={}, about={}, page=1, user=rut)
    invitations_create(survey=survey, recipients=[("Rut@example.se", "")], actor=None)
    rows = manifest.personal_data(rut)
    assert {row["type"] for row in rows} == {"surveys.participation", "surveys.draft", "surveys.invitation"}
    assert "Dammen" not in str(rows)
    assert manifest.participant_ids(module) == {rut.pk}
    assert manifest.erase(rut) == 3
    assert manifest.personal_data(rut) == [] and manifest.participant_ids(module) == set()
    assert Answer.objects.exists() and not Participation.objects.exists()  # the anonymous answers stay


def test_the_yearly_report_counts_closed_questions(module, survey, municipality):
    response_submit(survey=survey, answers=full_answers(survey))
    section = manifest.report_section(municipality, timezone.now().year)
    assert section.tables[0].rows[0][1:] == (survey.title, 1, 0)
    captions = [table.caption for table in section.tables]
    assert any("Hur tar du dig till parken?" in caption for caption in captions)
    assert not any("favoritplats" in caption for caption in captions)  # free text is not counted here
    assert manifest.report_section(municipality, 1990) is None


def test_open_data_holds_counted_results_of_published_surveys_only(client, module, survey, municipality):
    response_submit(survey=survey, answers=full_answers(survey))
    assert results_of(client, municipality, "survey-results") == []
    results_publish(survey=survey, actor=UserFactory(), published=True)
    response_submit(survey=survey, answers=full_answers(survey))  # after publishing: in the data once published again
    rows = results_of(client, municipality, "survey-results")
    assert {"question", "answer", "count"} <= set(rows[0])
    assert any(row["answer"] == "Cykel" and row["count"] == 1 for row in rows)
    assert not any("Dammen" in str(row) or "Läser" in str(row) for row in rows)  # never free text
    ranking = [row for row in rows if row["question_type"] == "ranking"]
    assert {(row["answer"], row["place"], row["count"]) for row in ranking} >= {("Toalett", 1, 1), ("Lekplats", 2, 1)}
    matrix = [row for row in rows if row["question_type"] == "matrix"]
    assert ("Belysning", "2", 1) in {(row["row"], row["answer"], row["count"]) for row in matrix}
    assert results_of(client, municipality, "surveys")[0]["responses"] == 2
    assert csv_rows(client.get(csv_url(municipality, "survey-results")))
    results_publish(survey=survey, actor=UserFactory(), published=False)
    assert results_of(client, municipality, "survey-results") == []
