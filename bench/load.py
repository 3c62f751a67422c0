"""Load patterns: closed loop (N clients as fast as answered) and open loop (a fixed rate), both bounded in time."""

import asyncio
import datetime
import itertools
import random
import re
import time
from collections import Counter

from bench.loadclient import Visitor, location_path
from bench.stats import Recorder

SEALED_INPUT = re.compile(rb'name="sealed" value="([^"]+)"')
RUN_LIMIT_SECONDS = 15 * 60  # no loop in bench/ runs longer than this, whatever it is asked


class Clock:
    def __init__(self):
        self.zero = time.perf_counter()

    def now(self):
        return time.perf_counter() - self.zero


async def visitors_ready(host, port, count, form_path, sessions=None):
    """count visitors, each having fetched the form once for its CSRF cookie and token."""
    visitors = [Visitor(host, port) for _ in range(count)]
    for chunk in range(0, count, 16):
        await asyncio.gather(*(visitor.get(form_path) for visitor in visitors[chunk : chunk + 16]))
    missing = sum(1 for visitor in visitors if not visitor.csrf)
    if missing:
        raise RuntimeError(f"{missing} of {count} visitors found no CSRF token at {form_path}")
    return visitors


async def closed_loop(visitors, action, clock, until):
    """Each visitor repeats action(visitor, started) until the clock passes `until`."""
    until = min(until, RUN_LIMIT_SECONDS)

    async def one(visitor):
        while clock.now() < until:
            if await action(visitor, clock.now()) is False:
                return

    await asyncio.gather(*(one(visitor) for visitor in visitors))


async def open_loop(visitors, action, clock, rate, start, until):
    """Requests scheduled at start + i/rate; a free visitor takes the next slot. Latency counts from the slot's
    time, so a server that falls behind shows it (no coordinated omission)."""
    until = min(until, RUN_LIMIT_SECONDS)
    slots = itertools.count()

    async def one(visitor):
        while True:
            scheduled = start + next(slots) / rate
            if scheduled >= until:
                return
            delay = scheduled - clock.now()
            if delay > 0:
                await asyncio.sleep(delay)
            if await action(visitor, scheduled) is False:
                return

    await asyncio.gather(*(one(visitor) for visitor in visitors))


class Signers:
    """Who signs next: a new person, or (duplicate_share of the time) someone already signing or signed, preferably
    one whose request is in flight right now, so duplicates race the first attempt."""

    def __init__(self, prefix, duplicate_share=0.0, sessions=None, seed=1):
        self.prefix, self.duplicate_share, self.sessions = prefix, duplicate_share, sessions
        self.random = random.Random(seed)
        self.next_index = 0
        self.in_flight = set()
        self.used = []

    def take(self):
        """(index, is_duplicate) or None when no new signer is left."""
        if self.used and self.random.random() < self.duplicate_share:
            pool = list(self.in_flight) or self.used[-256:]
            return self.random.choice(pool), True
        if self.sessions is not None and self.next_index >= len(self.sessions):
            return None
        index = self.next_index
        self.next_index += 1
        self.used.append(index)
        return index, False

    def email(self, index):
        domain = f"id{index % 97}" if self.sessions is not None else f"d{index % 53}"
        return f"{self.prefix}{index}@{domain}.bench.example"

    def fields(self, index):
        return {
            "name": f"Person {index}",
            "email": self.email(index),
            "show_name": "on" if index % 3 == 0 else "",
            "wants_updates": "on",
        }


class SignLoad:
    """Sign requests against one URL; remembers which signer got an accepting answer when."""

    def __init__(self, post_path, signers, accepted, window_start, window_end, clock):
        self.post_path, self.signers, self.accepted, self.clock = post_path, signers, accepted, clock
        self.recorder = Recorder("sign", window_start, window_end)
        self.successes = {}  # index -> [(started, done) of each accepting answer]
        self.duplicate_attempts = 0
        self.acceptance_times = []

    async def __call__(self, visitor, started):
        taken = self.signers.take()
        if taken is None:
            return False
        index, duplicate = taken
        self.duplicate_attempts += duplicate
        if self.signers.sessions is not None:
            visitor.cookies["sessionid"] = self.signers.sessions[index]
        self.signers.in_flight.add(index)
        try:
            response = await visitor.post_form(self.post_path, self.signers.fields(index))
        except (OSError, TimeoutError, asyncio.IncompleteReadError, ValueError) as exc:
            self.recorder.add(started, self.clock.now() - started, error=exc)
            return True
        finally:
            self.signers.in_flight.discard(index)
        done = self.clock.now()
        self.recorder.add(started, done - started, response.status)
        if self.accepted(response):
            self.successes.setdefault(index, []).append((started, done))
            self.acceptance_times.append(done)
        return True

    def summary(self):
        figures = self.recorder.summary()
        window = (self.recorder.window_start, self.recorder.window_end)
        firsts = [min(times)[0] for times in self.successes.values()]
        in_window = sum(1 for moment in firsts if window[0] <= moment < window[1])
        seconds = figures["seconds"] or 1.0
        figures.update(
            accepted_signers=len(self.successes),
            accepted_in_window=in_window,
            accepted_per_second=round(in_window / seconds, 1),
            accepting_responses=sum(len(times) for times in self.successes.values()),
            duplicate_attempts=self.duplicate_attempts,
            signers_accepted_twice=sum(1 for times in self.successes.values() if len(times) > 1),
            requests_total=self.recorder.total,
        )
        return figures


class GetLoad:
    """GET requests to one URL; optional parse(body) -> value recorded with the read's start time."""

    def __init__(self, name, path, window_start, window_end, clock, parse=None):
        self.path, self.clock, self.parse = path, clock, parse
        self.recorder = Recorder(name, window_start, window_end)
        self.values = []

    async def __call__(self, visitor, scheduled):
        sent = self.clock.now()
        try:
            response = await visitor.get(self.path)
        except (OSError, TimeoutError, asyncio.IncompleteReadError, ValueError) as exc:
            self.recorder.add(scheduled, self.clock.now() - scheduled, error=exc)
            return True
        self.recorder.add(scheduled, self.clock.now() - scheduled, response.status)
        if self.parse and response.status == 200:
            value = self.parse(response.body)
            if value is not None:
                self.values.append((sent, value))
        return True


class FlowBroken(Exception):
    """A respondent's browser met a page it did not expect; the respondent gives up."""


SURVEY_COOKIES = ("csrftoken", "sessionid", "surveys_answered", "messages")


class SurveyLoad:
    """Respondents answering an open survey the way a browser does, each a new browser (no cookies): the survey's
    page, then every page of questions (GET for the form and its CSRF token, POST, follow the redirect), "about you",
    the check page and its "send", which is accepted when it redirects to the done page; then that page.

    `survey` is what `manage.py bench survey` printed. Every respondent answers all twenty questions and writes its
    marker (`prefix` + a number) in the marked short text, so the database can be checked per respondent."""

    def __init__(self, survey, prefix, window_start, window_end, clock, seed=1):
        from bench import surveyanswers

        self.answers, self.survey, self.prefix, self.clock = surveyanswers, survey, prefix, clock
        self.requests = Recorder("survey request", window_start, window_end)
        self.submits = Recorder("survey send", window_start, window_end)
        self.flows = Recorder("survey response", window_start, window_end)
        self.random = random.Random(seed)
        self.today = datetime.date.today()
        self.next_index = 0
        self.accepted = {}  # marker -> (answer rows expected, "about you" told)
        self.accepted_sends = []  # when each accepted response was sent
        self.broken = {}  # the page a respondent gave up on -> count
        questions = surveyanswers.questions()
        self.on_page = {path: [] for path in survey["pages"]}
        for pk, (page, question) in zip(survey["questions"], questions, strict=True):
            self.on_page[survey["pages"][page - 1]].append((pk, question))

    async def __call__(self, visitor, started):
        marker = f"{self.prefix}{self.next_index}"
        self.next_index += 1
        visitor.forget()
        given = self.answers.response(self.random, today=self.today, marker=marker, everything=True)
        about = self.answers.about(self.random, self.survey["areas"])
        by_pk = dict(zip(self.survey["questions"], given, strict=True))
        try:
            accepted = await self._answer(visitor, by_pk, about)
        except FlowBroken as broken:
            self.broken[str(broken)] = self.broken.get(str(broken), 0) + 1
            accepted = False
        self.flows.add(started, self.clock.now() - started, 200 if accepted else 409)
        if accepted:
            expected = sum(
                self.answers.rows_expected(question, by_pk[pk])
                for page in self.on_page.values()
                for pk, question in page
            )
            self.accepted[marker] = (expected, bool(about))
        return True

    async def _answer(self, visitor, by_pk, about):
        await self._request(visitor, "GET", self.survey["index"])
        path = self.survey["pages"][0]
        for _step in range(len(self.on_page) + 3):
            page = await self._request(visitor, "GET", path)
            sent = self.clock.now()
            response = await self._request(visitor, "POST", path, self._fields(path, by_pk, about, page))
            if response.status not in (302, 303):
                raise FlowBroken(f"POST {self._name(path)}: {response.status}")
            following = location_path(response)
            if path == self.survey["check"]:
                accepted = following.split("?")[0] == self.survey["done"]
                self.submits.add(sent, self.clock.now() - sent, response.status if accepted else 409)
                if accepted:
                    self.accepted_sends.append(sent)
                    await self._request(visitor, "GET", following)
                return accepted
            path = following
        raise FlowBroken("too many pages")

    def _fields(self, path, by_pk, about, page):
        if path in self.on_page:
            return [
                pair
                for pk, question in self.on_page[path]
                for pair in self.answers.form_fields(pk, question, by_pk[pk])
            ]
        if path == self.survey["about"]:
            return {key: str(value) for key, value in about.items()}
        if path == self.survey["check"]:  # the form's hidden field carries the answers the page shows, signed
            sealed = SEALED_INPUT.search(page.body)
            return {"email": "", **({"sealed": sealed.group(1).decode()} if sealed else {})}
        raise FlowBroken(f"unexpected page {path}")

    def _name(self, path):
        for name in ("about", "check", "done", "index"):
            if path == self.survey[name]:
                return name
        return f"page {self.survey['pages'].index(path) + 1}" if path in self.survey["pages"] else path

    async def _request(self, visitor, method, path, fields=None):
        started = self.clock.now()
        try:
            if method == "GET":
                response = await visitor.get(path)
            else:
                response = await visitor.post_form(path, fields)
        except (OSError, TimeoutError, asyncio.IncompleteReadError, ValueError) as exc:
            self.requests.add(started, self.clock.now() - started, error=exc)
            raise FlowBroken(f"{method} {self._name(path)}: {type(exc).__name__}") from None
        self.requests.add(started, self.clock.now() - started, response.status)
        if method == "GET" and response.status != 200:
            raise FlowBroken(f"GET {self._name(path)}: {response.status}")
        return response

    def summary(self):
        requests = self.requests.summary()
        seconds = requests["seconds"] or 1.0
        window = (self.requests.window_start, self.requests.window_end)
        in_window = sum(1 for moment in self.accepted_sends if window[0] <= moment < window[1])
        flows = self.flows.summary()
        return {
            **requests,
            "accepted": len(self.accepted),
            "accepted_in_window": in_window,
            "accepted_per_second": round(in_window / seconds, 1),
            "requests_total": self.requests.total,
            "respondents": self.next_index,
            "broken": dict(self.broken),
            "response_p50_ms": flows["p50_ms"],
            "response_p99_ms": flows["p99_ms"],
            "send_p50_ms": self.submits.summary()["p50_ms"],
            "send_p99_ms": self.submits.summary()["p99_ms"],
        }


class SubmitLoad:
    """Respondents at the check page press "send": only that request. Each is one of `respondents`, prepared by
    `manage.py bench survey-respondents` (a session holding every answer and "about you", as the answering pages
    leave it, and the CSRF cookie and token of the check page's form); the visitor becomes that browser and posts
    the form. Accepted: a redirect to the done page. `duplicate_share` of the sends re-send a respondent already
    sent: half of them one whose send is in flight right now (a double click), half one that has had its answer
    (the same session's "send" again later), each the other kind when there is none of it; neither may store a
    second response.

    Returns False (the client stops) when every prepared respondent has been sent; `ran_out_at` says when."""

    def __init__(self, respondents, check_path, done_path, window_start, window_end, clock, duplicate_share=0.05,
                 seed=1):  # fmt: skip
        self.respondents, self.check_path, self.done_path, self.clock = respondents, check_path, done_path, clock
        self.chooser = Signers("", duplicate_share, sessions=respondents, seed=seed)
        self.recorder = Recorder("survey submit", window_start, window_end)
        self.successes = {}  # index -> [(started, done) of each accepting answer]
        self.duplicates = Counter()  # "in flight" or "after", with what the re-send got
        self.ran_out_at = None

    async def __call__(self, visitor, started):
        taken = self.chooser.take()
        if taken is None:
            self.ran_out_at = self.ran_out_at or self.clock.now()
            return False
        index, duplicate = taken
        kind = self._resend_kind(index) if duplicate else ""
        if kind == "after" and index in self.chooser.in_flight:
            index = self.chooser.random.choice(self._answered())
        respondent = self.respondents[index]
        visitor.forget()
        visitor.cookies.update(sessionid=respondent["session"], csrftoken=respondent["csrf_cookie"])
        visitor.csrf = respondent["csrf_token"]
        self.chooser.in_flight.add(index)
        try:
            response = await visitor.post_form(self.check_path, {"email": "", "sealed": respondent["seal"]})
        except (OSError, TimeoutError, asyncio.IncompleteReadError, ValueError) as exc:
            self.recorder.add(started, self.clock.now() - started, error=exc)
            return True
        finally:
            self.chooser.in_flight.discard(index)
        done = self.clock.now()
        self.recorder.add(started, done - started, response.status)
        accepted = response.status in (302, 303) and location_path(response).split("?")[0] == self.done_path
        if accepted:
            self.successes.setdefault(index, []).append((started, done))
        if duplicate:
            self.duplicates[f"{kind}: {_send_outcome(response, accepted)}"] += 1
        return True

    def _answered(self):
        return [index for index in self.chooser.used[-256:] if index not in self.chooser.in_flight]

    def _resend_kind(self, index):
        """The chooser picked `index`, in flight if any is; every other re-send goes to one already answered."""
        if index not in self.chooser.in_flight:
            return "after"
        return "after" if self.chooser.random.random() < 0.5 and self._answered() else "in flight"

    @property
    def accepted(self):
        """marker -> (answer rows expected, "about you" told), for every respondent that got an accepting answer."""
        return {
            self.respondents[index]["marker"]: (self.respondents[index]["rows"], self.respondents[index]["told"])
            for index in self.successes
        }

    def summary(self):
        figures = self.recorder.summary()
        window = (self.recorder.window_start, self.recorder.window_end)
        firsts = [min(times)[0] for times in self.successes.values()]
        in_window = sum(1 for moment in firsts if window[0] <= moment < window[1])
        seconds = figures["seconds"] or 1.0
        figures.update(
            accepted=len(self.successes),
            accepted_in_window=in_window,
            accepted_per_second=round(in_window / seconds, 1),
            accepted_twice=sum(1 for times in self.successes.values() if len(times) > 1),
            duplicates=dict(self.duplicates),
            duplicate_attempts=sum(self.duplicates.values()),
            respondents_sent=self.chooser.next_index,
            respondents_prepared=len(self.respondents),
            ran_out_at=None if self.ran_out_at is None else round(self.ran_out_at, 2),
            requests_total=self.recorder.total,
        )
        return figures


def _send_outcome(response, accepted):
    """What a re-sent "send" got: accepted, the check page again (nothing left to send: its form is shown with what
    is missing), another page (e.g. "you have already answered"), or another status."""
    if accepted:
        return "accepted"
    if response.status == 200:
        return "check page again" if b'name="email"' in response.body else "another page"
    return str(response.status)
