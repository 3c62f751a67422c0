"""Data for W7, surveys: an open 20-question survey in a public dialogue, optionally with many stored responses
(bulk inserts; the answers with COPY on PostgreSQL), what the load client needs to answer it, and the check of what
a run stored."""

import datetime
from collections import Counter, defaultdict

from django.conf import settings
from django.db import connection
from django.db.models import Count
from django.middleware.csrf import _get_new_csrf_string, _mask_cipher_secret
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import get_random_string

from bench import surveyanswers as spec
from delaktig.accounts.models import IdentityLevel, User
from delaktig.dialogues.models import Dialogue, State
from delaktig.methods.surveys.models import AboutYou, Answer, Response
from delaktig.methods.surveys.questions import answer_rows
from delaktig.methods.surveys.services_builder import survey_from_template
from delaktig.methods.surveys.structure import answers_check, structure_of
from delaktig.organisations.models import Area
from delaktig.participation.models import Module, Phase

from .lists import _staff_session
from .seed import _analyze, _bulk, municipality_get

AREAS = ["Centrum", "Norr", "Söder", "Öster", "Väster", "Strandbyn"]
PAPER_SHARE = 0.08
BATCH = 5000
ANSWER_COLUMNS = ("response_id", "survey_id", "question_id", "choice", "row", "number", "text", "date", "channel",
                  "created_at")  # fmt: skip


def survey_create(*, responses, seed=7):
    """An open survey (SPEC) in a public dialogue whose answering phase runs now, with `responses` stored."""
    municipality = municipality_get()
    for order, name in enumerate(AREAS):
        Area.objects.get_or_create(municipality=municipality, name=name, defaults={"order": order})
    module = _module(municipality, responses)
    survey = survey_from_template(module=module, actor=_builder(), spec=spec.SPEC)
    structure = structure_of(survey)
    if responses:
        _responses_store(survey, structure, responses, seed)
        _analyze()
    return _described(survey, module, structure)


def _builder():
    user, _created = User.objects.get_or_create(
        email="enkater@bench.example",
        defaults={"name": "Enkätansvarig", "identity_level": IdentityLevel.EMAIL, "password": "!"},
    )
    return user


def _module(municipality, responses):
    now = timezone.now()
    count = Dialogue.objects.filter(municipality=municipality).count()
    dialogue = Dialogue.objects.create(
        municipality=municipality,
        state=State.OPEN,
        title=f"Stadsparken, enkät {count + 1} ({responses} svar)",
        slug=f"stadsparken-{count + 1}",
        question="Hur ska Stadsparken rustas upp?",
        ladder_level="consultation",
        starts_on=timezone.localdate() - datetime.timedelta(days=20),
        ends_on=timezone.localdate() + datetime.timedelta(days=40),
        opened_at=now - datetime.timedelta(days=20),
    )
    module = Module.objects.create(dialogue=dialogue, method="surveys", name="Enkät om parken")
    Phase.objects.create(
        module=module,
        phase_type="answering",
        name="Svar",
        starts_at=now - datetime.timedelta(days=20),
        ends_at=now + datetime.timedelta(days=40),
    )
    return Module.objects.select_related("dialogue__municipality").get(pk=module.pk)


def _described(survey, module, structure):
    """What the load client and the checks need: URLs, the questions' ids by page, the areas."""
    args = [module.dialogue.municipality.slug, module.dialogue_id, module.pk]
    pages = len(structure.sections)
    return {
        "survey": survey.pk,
        "module": module.pk,
        "index": reverse("surveys:index", args=args),
        "pages": [reverse("surveys:page", args=[*args, number]) for number in range(1, pages + 1)],
        "about": reverse("surveys:about", args=args),
        "check": reverse("surveys:check", args=args),
        "done": reverse("surveys:done", args=args),
        "results": reverse("surveys_staff:results", args=args),
        "questions": list(structure.questions),  # ids in the order of spec.questions()
        "areas": list(survey.municipality.areas.order_by("order").values_list("pk", flat=True)),
    }


def _responses_store(survey, structure, count, seed):
    """`count` responses spread over the 20 days the survey has been open; a sample checked by the survey's rules."""
    rng = spec.generator(seed)
    today = timezone.localdate()
    questions = list(structure.questions.values())
    areas = list(survey.municipality.areas.values_list("pk", flat=True))
    now = timezone.now()
    made = []
    for index in range(count):
        answers = {str(q.pk): found for q, found in zip(questions, spec.response(rng, today=today), strict=True)}
        answers = {key: found for key, found in answers.items() if found is not None}
        if index < 200:
            answers = answers_check(structure, answers)
        paper = rng.random() < PAPER_SHARE
        when = now - datetime.timedelta(days=rng.uniform(0, 20))
        made.append((answers, spec.about(rng, areas), paper, when))
    made.sort(key=lambda found: found[3])  # ids in the order the responses came in, as on a live site
    rows = (
        Response(
            survey=survey,
            channel="paper" if paper else "online",
            submitted_at=when,
            received_on=timezone.localdate(when) if paper else None,
            group="Biblioteket" if paper else "",
        )
        for _answers, _about, paper, when in made
    )
    _bulk(Response, rows)
    stored = list(Response.objects.filter(survey=survey).order_by("id").values_list("id", "channel", "submitted_at"))
    _answers_copy(survey, structure, stored, [answers for answers, *_rest in made])
    told = (
        AboutYou(
            response_id=pk,
            survey=survey,
            age_band=about.get("age_band", ""),
            gender=about.get("gender", ""),
            area_id=about.get("area"),
        )
        for (pk, _channel, _when), (_answers, about, _paper, _when2) in zip(stored, made, strict=True)
        if about
    )
    _bulk(AboutYou, told)


def _answers_copy(survey, structure, stored, answers_each):
    """The answers of every response, as response_submit would store them (questions.answer_rows)."""
    rows = (
        (
            pk,
            survey.pk,
            int(key),
            row.get("choice", ""),
            row.get("row", ""),
            row.get("number"),
            row.get("text", ""),
            row.get("date"),
            channel,
            when,
        )  # fmt: skip
        for (pk, channel, when), answers in zip(stored, answers_each, strict=True)
        for key, found in answers.items()
        for row in answer_rows(structure.questions[int(key)], found)
    )
    if connection.vendor != "postgresql":
        _bulk(Answer, (Answer(**dict(zip(ANSWER_COLUMNS, row, strict=True))) for row in rows))
        return
    sql = f"COPY {Answer._meta.db_table} ({', '.join(ANSWER_COLUMNS)}) FROM STDIN"
    with connection.cursor() as cursor, cursor.copy(sql) as copy:
        for row in rows:
            copy.write_row(row)


def staff_session():
    return _staff_session(municipality_get())


def survey_verify(pk, prefix):
    """What a load run stored in survey `pk`: per respondent marker (in the marked short text, starting with
    `prefix`), how many responses carry it and, per response, its answer rows and questions; and the responses
    that carry no marker. First the responses still pending are written out into their rows (no task worker runs
    during the load), timed: the work the sends left for later."""
    written_out = _written_out(pk)
    marker_question = _marker_question(pk)
    marked = dict(
        Answer.objects.filter(survey_id=pk, question_id=marker_question, text__contains=prefix).values_list(
            "response_id", "text"
        )
    )
    per_response = {
        row["response_id"]: row
        for row in Answer.objects.filter(survey_id=pk)
        .order_by()
        .values("response_id")
        .annotate(rows=Count("id"), questions=Count("question_id", distinct=True))
    }
    responses = set(Response.objects.filter(survey_id=pk).values_list("id", flat=True))
    about = set(AboutYou.objects.filter(survey_id=pk).values_list("response_id", flat=True))
    markers = defaultdict(list)
    for response_id, text in marked.items():
        marker = text.rsplit(" ", 1)[-1]
        found = per_response.get(response_id, {})
        markers[marker].append([found.get("rows", 0), found.get("questions", 0), response_id in about])
    return {
        "written_out": written_out,
        "responses": len(responses),
        "unmarked": len(responses - set(marked)),
        "markers": markers,
        "copies": dict(Counter(len(found) for found in markers.values())),
    }


def _written_out(pk):
    """Write out survey `pk`'s pending responses as the task would (batches of pending.BATCH): how many, in what
    time, and the CPU time of this process (the database's is in the wall time: nothing else runs)."""
    import time

    from delaktig.methods.surveys import pending

    waiting = Response.objects.filter(survey_id=pk, pending__isnull=False).count()
    started, cpu = time.perf_counter(), time.process_time()
    done = pending.expand_all()
    seconds = time.perf_counter() - started
    return {
        "pending": waiting,
        "written": done,
        "seconds": round(seconds, 2),
        "per_second": round(done / seconds) if seconds and done else None,
        "cpu_seconds": round(time.process_time() - cpu, 2),
    }


def _marker_question(pk):
    from delaktig.methods.surveys.models import Survey

    section, place = spec.MARKER_QUESTION
    structure = structure_of(Survey.objects.get(pk=pk))
    return structure.sections[section - 1].question_list[place - 1].pk


# W7 submit: respondents who have answered every page and "about you", waiting to press "send"


def respondents_prepare(pk, count, prefix, seed=11):
    """`count` respondents of survey `pk`, each a browser at the check page: a database session holding the answers
    exactly as the answering pages leave them (the same forms read the same posted fields, views/flow.py's POST
    branches store them), and the CSRF cookie with the token its form carries. Returns, per respondent, what the
    load client sends and what the database must then hold: [{marker, session, csrf_cookie, csrf_token, rows,
    told}]."""
    from django.contrib.sessions.models import Session

    survey, rng, today = _answering_survey(pk), spec.generator(seed), timezone.localdate()
    structure = structure_of(survey)
    areas = list(survey.municipality.areas.order_by("order").values_list("pk", flat=True))
    store = _session_store()
    expire = timezone.now() + datetime.timedelta(seconds=settings.SESSION_COOKIE_AGE)
    made, sessions = [], []
    for index in range(count):
        marker = f"{prefix}{index}"
        given, about = spec.response(rng, today=today, marker=marker, everything=True), spec.about(rng, areas)
        data, rows = _answered_session(survey, structure, given, about)
        seal = _check_page_seal(survey, data)
        key = get_random_string(32, "abcdefghijklmnopqrstuvwxyz0123456789")
        sessions.append(Session(session_key=key, session_data=store.encode(data), expire_date=expire))
        secret = _get_new_csrf_string()
        made.append(
            {
                "marker": marker,
                "session": key,
                "csrf_cookie": secret,
                "csrf_token": _mask_cipher_secret(secret),
                "seal": seal,
                "rows": rows,
                "told": bool(about),
            }
        )
    for chunk in range(0, len(sessions), BATCH):
        Session.objects.bulk_create(sessions[chunk : chunk + BATCH])
    return made


def _check_page_seal(survey, session):
    """What the check page's form carries for a browser with this session (views/answer.py `_check_page`): its
    progress, signed, with the time the survey last changed, since the page found the answers complete; no receipt
    address is known to an open survey's anonymous respondent."""
    from types import SimpleNamespace

    from delaktig.methods.surveys.progress import Progress

    return Progress(SimpleNamespace(session=session), survey).seal(to="", checked=survey.updated_at.isoformat())


def _session_store():
    """The configured engine's store: the prepared sessions are rows of the session table, so the engine must keep
    its sessions there (db, or cached_db, which reads the table when its cache has not seen a key)."""
    from importlib import import_module

    if not settings.SESSION_ENGINE.endswith((".db", ".cached_db")):
        raise RuntimeError(f"prepared respondents need sessions in the database, not {settings.SESSION_ENGINE}")
    return import_module(settings.SESSION_ENGINE).SessionStore()


def _answering_survey(pk):
    from delaktig.methods.surveys.models import Survey

    survey = Survey.objects.select_related("module__dialogue__municipality").get(pk=pk)
    survey.municipality = survey.module.dialogue.municipality
    return survey


def _answered_session(survey, structure, given, about):
    """(session data, answer rows expected) of a respondent who posted the answers `given` (in the order of
    spec.questions()) on every page and `about` on "about you", through the answering forms."""
    from types import SimpleNamespace

    from delaktig.methods.surveys.forms_answer import AboutForm, AnswerForm
    from delaktig.methods.surveys.progress import Progress
    from delaktig.methods.surveys.views.flow import Flow

    by_pk = dict(zip(structure.questions, given, strict=True))
    request = SimpleNamespace(session={})
    flow = Flow(survey.module, survey, structure, Progress(request, survey))
    kinds = dict(zip(structure.questions, (question for _page, question in spec.questions()), strict=True))
    for number in flow.pages():
        questions = flow.questions_on(structure.section_of(number))
        fields = [pair for q in questions for pair in spec.form_fields(q.pk, kinds[q.pk], by_pk[q.pk])]
        form = AnswerForm(_posted(fields), structure=structure, questions=questions, answers=flow.progress.answers)
        if not form.is_valid():
            raise RuntimeError(f"page {number} refused a prepared respondent: {form.errors.as_json()}")
        flow.progress.update(questions, form.page_answers)
        flow.progress.page = number
        flow.progress.save()
    if survey.about_you:
        form = AboutForm(_posted(_about_fields(about)), municipality=survey.municipality)
        if not form.is_valid():
            raise RuntimeError(f"'about you' refused a prepared respondent: {form.errors.as_json()}")
        flow.progress.about = form.values()
        flow.progress.save()
    rows = sum(spec.rows_expected(kinds[pk], by_pk[pk]) for pk in structure.questions)
    return request.session, rows


def prepared_as_answered(pk, seed=12):
    """Is a prepared session what the site's own pages leave? One respondent answers through the answering pages
    (the test client, in this process) and the same answers are prepared: the two sessions must hold the same."""
    from django.contrib.sessions.backends.db import SessionStore
    from django.test import Client

    survey = _answering_survey(pk)
    structure = structure_of(survey)
    areas = list(survey.municipality.areas.order_by("order").values_list("pk", flat=True))
    rng = spec.generator(seed)
    given, about = (
        spec.response(rng, today=timezone.localdate(), marker="w7check", everything=True),
        spec.about(rng, areas),
    )
    prepared, _rows = _answered_session(survey, structure, given, about)
    described = _described(survey, survey.module, structure)
    by_pk = dict(zip(structure.questions, given, strict=True))
    kinds = dict(zip(structure.questions, (question for _page, question in spec.questions()), strict=True))
    client = Client()
    statuses = [client.get(described["index"]).status_code]
    for number, path in enumerate(described["pages"], 1):
        fields = [
            pair
            for question in structure.section_of(number).question_list
            for pair in spec.form_fields(question.pk, kinds[question.pk], by_pk[question.pk])
        ]
        statuses += [client.get(path).status_code, client.post(path, _as_post(fields)).status_code]
    statuses.append(client.post(described["about"], _as_post(_about_fields(about))).status_code)
    statuses.append(client.get(described["check"]).status_code)
    answered = SessionStore(client.cookies[settings.SESSION_COOKIE_NAME].value).load()
    same = _without_once(answered) == _without_once(prepared)
    return {"same": same, "statuses": statuses, "keys": sorted(answered)}


def _without_once(session):
    """The session with each progress's random send key (progress.py) replaced by whether it has one."""
    return {
        key: {**value, "once": bool(value["once"])} if isinstance(value, dict) and "once" in value else value
        for key, value in session.items()
    }


def _as_post(pairs):
    found = defaultdict(list)
    for name, value in pairs:
        found[name].append(value)
    return dict(found)


def _about_fields(about):
    return [(key, str(value)) for key, value in about.items()]


def _posted(pairs):
    """A form post as the request has it (request.POST)."""
    from django.http import QueryDict

    data = QueryDict(mutable=True)
    for name, value in pairs:
        data.appendlist(name, value)
    data._mutable = False
    return data
