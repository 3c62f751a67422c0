"""A response sent online is stored whole in its one row, its answers written out into rows shortly after
(pending.py); nothing reads the answers before they are. And the short way of an open survey's send."""

import datetime
from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from delaktig.core.models import AuditEvent
from delaktig.core.periodic import registered_jobs
from delaktig.organisations.models import Area
from delaktig.organisations.tests.factories import MunicipalityFactory

from .. import pending
from ..models import AboutYou, Answer, Question, Response
from ..selectors_results import about_counts, texts_of
from ..services import response_submit
from ..services_builder import question_has_answers
from ..structure import structure_of
from ..tally import counts_of
from ..views import answer
from .conftest import url
from .factories import full_answers, questions_by_text
from .test_sealed_send import checked, seal_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def deferred():
    """A queue that runs tasks later (the database queue in production): the answers wait in the response row."""
    with mock.patch.object(pending, "at_once", return_value=False), mock.patch.object(pending, "kick") as kick:
        yield kick


def rows_of(response):
    return sorted(
        Answer.objects.filter(response=response).values_list("question_id", "choice", "row", "number", "text", "date")
    )


def test_a_send_stores_the_whole_response_in_one_row_and_its_answers_after_the_commit(
    survey, deferred, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = response_submit(survey=survey, answers=full_answers(survey), about={"age_band": "30_44"})
    assert deferred.call_count == 1  # a writing out is asked for once the response is committed
    stored = Response.objects.get(pk=response.pk)
    assert stored.pending and not Answer.objects.exists() and not AboutYou.objects.exists()
    assert not AuditEvent.objects.filter(action="surveys.response_submit").exists()
    assert pending.expand_all() == 1
    assert Response.objects.get(pk=response.pk).pending is None
    assert AboutYou.objects.get(response=response).age_band == "30_44"
    event = AuditEvent.objects.get(action="surveys.response_submit", target_id=response.pk)
    assert event.actor is None and event.created_at == stored.submitted_at  # dated when it came in
    assert event.municipality_id == survey.municipality_id
    assert pending.expand_all() == 0
    assert AuditEvent.objects.filter(action="surveys.response_submit").count() == 1


def test_written_out_later_gives_the_same_rows_as_at_once(survey, deferred):
    later = response_submit(survey=survey, answers=full_answers(survey), about={"gender": "woman"})
    pending.expand_all()
    with mock.patch.object(pending, "at_once", return_value=True):
        now = response_submit(survey=survey, answers=full_answers(survey), about={"gender": "woman"})
    assert Response.objects.get(pk=now.pk).pending is None  # tests' queue: nothing waits
    assert rows_of(later) == rows_of(now), set(rows_of(later)) ^ set(rows_of(now))
    assert len(rows_of(now)) > 10
    assert AboutYou.objects.get(response=later).gender == AboutYou.objects.get(response=now).gender == "woman"


def test_nothing_reads_answers_before_they_are_written_out(survey, deferred):
    response_submit(survey=survey, answers=full_answers(survey), about={"age_band": "30_44"})
    structure = structure_of(survey)
    counts = counts_of(survey, structure)  # the results and the tally
    assert sum(counts.channels.values()) == 1 and counts.answered
    assert Response.objects.filter(pending__isnull=False).count() == 0
    response_submit(survey=survey, answers=full_answers(survey))
    assert texts_of(survey).count() >= 2  # the free texts (and the results workspace, the exports)
    response_submit(survey=survey, answers=full_answers(survey), about={"age_band": "30_44"})
    assert about_counts(survey)["age_band"] == 2
    by_text, _structure = questions_by_text(survey)
    fresh = survey.questions.create(
        section=survey.sections.first(), kind="short_text", text="Ny fråga", order=99, required=False
    )
    assert not question_has_answers(fresh)
    response_submit(survey=survey, answers=full_answers(survey))
    assert question_has_answers(by_text["Hur nöjd är du med parken?"])  # the builder's checks
    assert not Response.objects.filter(pending__isnull=False).exists()


def test_writing_out_follows_the_survey_as_it_is_then(survey, deferred, municipality):
    elsewhere = Area.objects.create(municipality=MunicipalityFactory(), name="Annanstans")
    response = response_submit(survey=survey, answers=full_answers(survey), about={"area": str(elsewhere.pk)})
    by_text, _structure = questions_by_text(survey)
    gone = by_text["När var du där senast?"]
    Question.objects.filter(pk=gone.pk).delete()  # removed after the send: its answer is left out, as it would be
    pending.expand_all()
    assert Response.objects.get(pk=response.pk).pending is None
    assert not Answer.objects.filter(response=response, question_id=gone.pk).exists()
    assert Answer.objects.filter(response=response).exists()
    assert not AboutYou.objects.filter(response=response).exists()  # an area of another municipality: nothing told


def test_a_broken_answer_is_left_out_and_the_rest_written_out(survey, deferred):
    response = response_submit(survey=survey, answers=full_answers(survey))
    by_text, _structure = questions_by_text(survey)
    kept = Response.objects.get(pk=response.pk)
    payload = kept.pending.replace('"choices"', '"nothing"')  # a multiple choice read as its kind no longer can be
    Response.objects.filter(pk=response.pk).update(pending=payload)
    pending.expand_all()
    assert not Answer.objects.filter(response=response, question=by_text["Vad gör du i parken?"]).exists()
    assert Answer.objects.filter(response=response).count() > 10


def test_writing_out_goes_in_batches(survey, deferred):
    for _n in range(5):
        response_submit(survey=survey, answers=full_answers(survey))
    assert pending.expand(limit=2) == 2
    assert Response.objects.filter(pending__isnull=False).count() == 3
    assert pending.expand_all() == 3


def test_the_periodic_job_writes_out_what_a_lost_kick_left(survey, deferred):
    jobs = {job.name: (job.every, job.run) for job in registered_jobs()}
    seconds, job = jobs["surveys_pending_expand"]  # noqa: RUF059
    assert seconds <= 60
    response_submit(survey=survey, answers=full_answers(survey))
    job()
    assert not Response.objects.filter(pending__isnull=False).exists()


def test_a_kick_queues_one_task_per_slot(monkeypatch):
    queued = []
    task = mock.Mock()
    task.using.return_value.enqueue.side_effect = lambda: queued.append(1)
    monkeypatch.setattr(pending, "pending_expand_task", task)
    pending._kicked.clear()
    with mock.patch.object(pending.time, "time", return_value=1_000_000.5):
        pending.kick()
        pending.kick()
        pending._kicked.clear()  # another process, the same slot: the shared cache says it is taken care of
        pending.kick()
    assert len(queued) == 1


# The short way


def test_the_check_page_says_when_it_found_the_answers_complete(client, module, survey):
    from ..progress import Progress

    seal = checked(client, module, survey)
    survey.refresh_from_db()
    progress = Progress.unsealed(None, survey, seal)
    assert progress.checked == survey.updated_at.isoformat()
    client.post(url("restart", module))
    incomplete = seal_of(client.get(url("check", module)))
    assert Progress.unsealed(None, survey, incomplete).checked == ""


def test_an_open_survey_s_send_reads_nothing_the_second_time(client, module, survey):
    from django.test import Client

    first = checked(client, module, survey)
    assert client.post(url("check", module), {"email": "", "sealed": first}).status_code == 302
    other = Client()
    seal = checked(other, module, survey)
    with CaptureQueriesContext(connection) as sent:
        done = other.post(url("check", module), {"email": "", "sealed": seal})
    assert done.status_code == 302 and done["Location"].startswith(url("done", module))
    reads = [q["sql"] for q in sent.captured_queries if q["sql"].lstrip().upper().startswith("SELECT")]
    assert not [sql for sql in reads if "surveys_section" in sql or "participation_module" in sql], reads
    assert Response.objects.count() == 2
    assert Answer.objects.filter(response=Response.objects.last()).count() > 10  # written out (tests' queue)


def test_a_survey_changed_after_the_check_takes_the_full_way(client, module, survey):
    seal = checked(client, module, survey)
    survey.title = "Ny titel"
    survey.save()  # changed: the seal's check no longer holds, the full way checks again
    sent = client.post(url("check", module), {"email": "", "sealed": seal})
    assert sent.status_code == 302 and Response.objects.count() == 1


def test_a_question_added_after_the_check_is_asked_for(client, module, survey):
    seal = checked(client, module, survey)
    assert client.post(url("check", module), {"email": "", "sealed": seal}).status_code == 302  # kept as accepting
    from django.test import Client

    other = Client()
    seal = checked(other, module, survey)
    survey.questions.create(section=survey.sections.first(), kind="short_text", text="Något mer?", required=True)
    from ..structure import structure_changed

    structure_changed(survey.pk)
    page = other.post(url("check", module), {"email": "", "sealed": seal})
    assert page.status_code == 200 and "Något mer?" in page.content.decode()
    assert Response.objects.count() == 1


def test_a_dialogue_closed_is_seen_within_seconds_and_at_once_at_the_phase_s_end(client, module, survey):
    from delaktig.participation.models import Phase

    seal = checked(client, module, survey)
    key = (module.dialogue.municipality.pk, module.dialogue_id, module.pk)
    phase = Phase.objects.filter(module=module).first()
    Phase.objects.filter(pk=phase.pk).update(ends_at=timezone.now() + datetime.timedelta(seconds=2))
    answer._accepting.clear()
    found = answer._accepting_of(_request(module), module.dialogue_id, module.pk)
    assert found is not None
    expires_at, _value = answer._accepting._values[key]
    import time

    assert expires_at - time.monotonic() <= 2  # never kept past the end of the phase
    Phase.objects.filter(pk=phase.pk).update(ends_at=timezone.now() - datetime.timedelta(seconds=1))
    answer._accepting.clear()  # as when the few seconds have passed
    refused = client.post(url("check", module), {"email": "", "sealed": seal})
    assert Response.objects.count() == 0 and refused.status_code in (200, 403)


def test_a_send_with_a_receipt_takes_the_full_way_and_gets_its_receipt(client, module, survey, commits):
    from django.core import mail

    seal = checked(client, module, survey)
    with commits():
        sent = client.post(url("check", module), {"email": "rut@example.se", "sealed": seal})
    assert sent.status_code == 302 and Response.objects.count() == 1
    assert [message.to for message in mail.outbox] == [["rut@example.se"]]


def _request(module):
    from django.contrib.auth.models import AnonymousUser
    from django.test import RequestFactory

    request = RequestFactory().post("/")
    request.municipality = module.dialogue.municipality
    request.user = AnonymousUser()
    return request


def test_the_tally_never_folds_past_a_response_still_pending(survey, deferred):
    from ..models import ResultsTally
    from ..tally import tally_fold

    first = response_submit(survey=survey, answers=full_answers(survey))
    pending.expand_all()
    waiting = response_submit(survey=survey, answers=full_answers(survey))
    response_submit(survey=survey, answers=full_answers(survey))
    long_ago = timezone.now() - datetime.timedelta(days=1)
    Response.objects.update(submitted_at=long_ago)
    assert tally_fold(survey, structure_of(survey), cutoff=timezone.now())
    assert ResultsTally.objects.get(survey=survey).upto == first.pk < waiting.pk


def test_the_short_way_keeps_nothing_for_a_dialogue_that_does_not_take_answers(module, survey):
    from delaktig.dialogues.models import State

    module.dialogue.state = State.PLANNED
    module.dialogue.save()
    assert answer._accepting_of(_request(module), module.dialogue_id, module.pk) is None
    assert not answer._accepting._values


def test_another_municipality_s_survey_is_a_404_on_the_short_way(client, module, survey):
    other = MunicipalityFactory()
    seal = checked(client, module, survey)
    path = url("check", module).replace(f"/{module.dialogue.municipality.slug}/", f"/{other.slug}/", 1)
    assert client.post(path, {"email": "", "sealed": seal}).status_code == 404
    assert not Response.objects.exists()
