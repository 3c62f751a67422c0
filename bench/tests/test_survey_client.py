"""W7's respondents without a server: what they answer, what a browser posts for it, and how pages are found."""

import asyncio
import datetime
from urllib.parse import parse_qsl

from bench import surveyanswers
from bench.load import Clock, SubmitLoad, SurveyLoad
from bench.loadclient import Response, Visitor, location_path

TODAY = datetime.date(2026, 12, 1)


def test_twenty_questions_of_mixed_types_on_four_pages():
    questions = surveyanswers.questions()
    kinds = {question["kind"] for _page, question in questions}
    assert len(questions) == 20 and {page for page, _question in questions} == {1, 2, 3, 4}
    assert kinds >= {"single_choice", "multiple_choice", "yes_no", "scale", "matrix", "ranking", "short_text"}
    assert kinds >= {"long_text", "number", "date"}


def test_a_load_respondent_answers_everything_and_writes_its_marker():
    rng = surveyanswers.generator(3)
    answers = surveyanswers.response(rng, today=TODAY, marker="w7r0-5", everything=True)
    assert all(answer is not None for answer in answers)
    page, question = surveyanswers.questions()[9]
    assert (page, question["kind"]) == (2, "short_text") and answers[9].endswith(" w7r0-5")
    stored = surveyanswers.response(surveyanswers.generator(3), today=TODAY)
    assert any(answer is None for answer in stored) or len(stored) == 20  # the stored ones skip now and then


def test_what_a_browser_posts_and_the_rows_it_becomes():
    _page, multiple = surveyanswers.questions()[1]
    answer = {"choices": ["promenad", "other"], "other": "Fotograferar"}
    fields = surveyanswers.form_fields(7, multiple, answer)
    assert fields == [("q7", "promenad"), ("q7", "other"), ("q7_other", "Fotograferar")]
    assert surveyanswers.rows_expected(multiple, answer) == 2
    _page, matrix = surveyanswers.questions()[5]
    assert surveyanswers.form_fields(9, matrix, {"belysning": 2, "banker": 5}) == [
        ("q9_belysning", "2"),
        ("q9_banker", "5"),
    ]
    assert surveyanswers.rows_expected(matrix, {"belysning": 2, "banker": 5}) == 2
    assert surveyanswers.rows_expected(matrix, None) == 0


def test_repeated_names_are_posted_with_the_token_first():
    visitor = Visitor("127.0.0.1", 1)
    visitor.csrf = "tok"
    sent = {}

    async def request(method, path, headers=(), body=b""):
        sent["body"] = body
        return Response(302, [("location", "/next/")], b"")

    visitor.connection.request = request
    asyncio.run(visitor.post_form("/x/", [("q1", "a"), ("q1", "b")]))
    assert parse_qsl(sent["body"].decode()) == [("csrfmiddlewaretoken", "tok"), ("q1", "a"), ("q1", "b")]
    visitor.cookies["sessionid"] = "s"
    visitor.forget()
    assert visitor.cookies == {} and visitor.csrf is None


def test_location_path_of_absolute_and_relative_redirects():
    assert location_path(Response(302, [("location", "http://127.0.0.1:8000/a/tack/?x=1")], b"")) == "/a/tack/?x=1"
    assert location_path(Response(302, [("location", "/a/b/")], b"")) == "/a/b/"


def _survey():
    pages = [f"/s/svara/{n}/" for n in range(1, 5)]
    return {
        "index": "/s/",
        "pages": pages,
        "about": "/s/svara/om-dig/",
        "check": "/s/svara/granska/",
        "done": "/s/tack/",
        "questions": list(range(101, 121)),
        "areas": [1, 2],
    }


def test_a_respondent_walks_every_page_and_is_accepted_on_the_done_redirect():
    survey = _survey()
    load = SurveyLoad(survey, "p-", 0.0, 100.0, Clock())
    route = dict(zip(survey["pages"], [*survey["pages"][1:], survey["about"]], strict=True))
    route.update({survey["about"]: survey["check"], survey["check"]: survey["done"]})
    visited = []

    class Browser:
        async def get(self, path):
            visited.append(("GET", path))
            sealed = b'<input type="hidden" name="sealed" value="abc:1">' if path == survey["check"] else b""
            return Response(200, [], sealed)

        async def post_form(self, path, fields):
            visited.append(("POST", path))
            if path == survey["check"]:  # what the page showed, as its form carries it
                assert fields == {"email": "", "sealed": "abc:1"}
            if path in survey["pages"]:
                names = {name for name, _value in fields}
                asked = [pk for pk, _question in load.on_page[path]]
                assert all(any(name.startswith(f"q{pk}") for name in names) for pk in asked)
            return Response(302, [("location", route[path])], b"")

        def forget(self):
            visited.append(("new browser", ""))

    asyncio.run(load(Browser(), 0.0))
    assert visited[0] == ("new browser", "") and visited[1] == ("GET", "/s/")
    assert [step for step in visited if step[0] == "POST"][-1] == ("POST", survey["check"])
    assert visited[-1] == ("GET", survey["done"]) and len(visited) == 1 + 14
    assert list(load.accepted) == ["p-0"] and load.summary()["accepted"] == 1


def _prepared(count):
    return [
        {
            "marker": f"w7s{n}",
            "session": f"s{n}",
            "csrf_cookie": f"c{n}",
            "csrf_token": f"t{n}",
            "seal": f"sealed{n}",
            "rows": 30,
            "told": True,
        }
        for n in range(count)
    ]


def test_a_prepared_respondent_sends_only_the_check_page_as_its_browser():
    survey = _survey()
    respondents = _prepared(2)
    load = SubmitLoad(respondents, survey["check"], survey["done"], 0.0, 100.0, Clock(), duplicate_share=0.0)
    visitor = Visitor("127.0.0.1", 1)
    visitor.cookies["surveys_answered"] = "old"
    sent = []

    async def request(method, path, headers=(), body=b""):
        sent.append((method, path, dict(headers).get("Cookie"), parse_qsl(body.decode(), keep_blank_values=True)))
        return Response(302, [("location", f"http://127.0.0.1:1{survey['done']}?svar=x")], b"")

    visitor.connection.request = request
    assert asyncio.run(load(visitor, 0.0)) is True
    assert sent == [
        (
            "POST",
            survey["check"],
            "sessionid=s0; csrftoken=c0",
            [("csrfmiddlewaretoken", "t0"), ("email", ""), ("sealed", "sealed0")],
        )
    ]
    assert load.accepted == {"w7s0": (30, True)}


def test_re_sends_are_counted_by_what_they_got_and_the_pool_running_out_stops_the_client():
    survey = _survey()
    load = SubmitLoad(_prepared(3), survey["check"], survey["done"], 0.0, 100.0, Clock(), duplicate_share=0.5, seed=4)
    answers = iter([302, 200, 302, 200, 302, 200, 200, 200, 200, 200])

    class Browser(Visitor):
        async def post_form(self, path, fields):
            status = next(answers)
            return Response(status, [("location", survey["done"])] if status == 302 else [], b"")

    browser = Browser("127.0.0.1", 1)
    while asyncio.run(load(browser, 1.0)):
        pass
    found = load.summary()
    assert found["respondents_sent"] == 3 and found["ran_out_at"] is not None
    assert found["duplicate_attempts"] == sum(found["duplicates"].values()) > 0
    assert all(key.startswith("after: ") for key in found["duplicates"])  # nothing was in flight
    assert found["accepted"] == len(load.accepted) <= 3 and found["requests_total"] == 3 + found["duplicate_attempts"]


def test_what_a_re_sent_send_got():
    from bench.load import _send_outcome

    assert _send_outcome(Response(302, [("location", "/s/tack/")], b""), True) == "accepted"
    assert _send_outcome(Response(200, [], b'<input type="email" name="email">'), False) == "check page again"
    assert _send_outcome(Response(200, [], b"<h1>Du har redan svarat</h1>"), False) == "another page"
    assert _send_outcome(Response(403, [], b""), False) == "403"


def test_re_sends_go_both_to_sends_in_flight_and_to_respondents_already_answered():
    survey = _survey()
    load = SubmitLoad(_prepared(4), survey["check"], survey["done"], 0.0, 100.0, Clock(), duplicate_share=0.0)
    load.chooser.used, load.chooser.in_flight = [0, 1, 2], {2}
    kinds = {load._resend_kind(2) for _attempt in range(50)}
    assert kinds == {"in flight", "after"} and load._answered() == [0, 1]
    load.chooser.in_flight = {0, 1, 2}
    assert load._resend_kind(2) == "in flight"  # nothing answered yet to send again
