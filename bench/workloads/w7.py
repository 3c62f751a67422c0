"""W7 surveys, on PostgreSQL. Two parts alternate in rounds with W1's bare insert view, 64 clients each:

- flow: respondents answer a 20-question open survey as browsers do (every page, "about you", the check page, send);
- submit: only the "send" of the check page, the request that stores a whole response, by respondents prepared at
  that page (their answers in their session as the answering pages leave them, and signed in the page's form), with
  5 % re-sends;

Then every accepted response is checked in the database (whole, once). Then the staff results page of a survey with
50,000 responses and of one with 50: queries per request in-process, latency under a few clients, the two sizes
alternating."""

import asyncio
import json
import math
import zlib

from bench.load import Clock, SubmitLoad, SurveyLoad, closed_loop
from bench.loadclient import Visitor
from bench.server import HOST, CpuMeter, PostgresDatabase, Server, bench_command, bench_env, manage
from bench.stats import percentile

from . import w4
from .common import SLUG, Burst, accepted_by_baseline, check, cpu_row, cpu_sum, log_problems, new_proposal

DEFAULT_SECONDS = 60.0  # per part of the burst, split over the rounds
DEFAULT_ROUNDS = 4
SERVER_WARMUP_SECONDS = 5.0  # each part once, unmeasured, before the rounds
SURVEY_STAGGER = 5.0  # seconds over which a turn's respondents start
SURVEY_SETTLE = 10.0  # seconds of a survey turn before it is measured (a response is 14 requests)
RESULTS_SECONDS = 12.0  # per size of the results page, split over RESULTS_ROUNDS
RESULTS_ROUNDS = 3
SIZES = {"small": 50, "large": 50_000}
RATIO_GOAL = 0.6
P99_GOAL_MS = 250
RESULTS_P95_GOAL_MS = 300
PREFIX = "w7r"
SUBMIT_PREFIX = "w7s"
PARTS = ("flow", "submit")
SUBMIT_DUPLICATE_SHARE = 0.05
WARM_RESPONDENTS = 2500  # prepared for the unmeasured submit turn, whose rate sizes the rest
RESPONDENT_MARGIN = 3.0  # prepared for the rounds: this many times what the warm turn's rate would use


def run(options):
    parts = [part for part in PARTS if part in options.parts.split(",")] if options.parts else list(PARTS)
    with PostgresDatabase() as database:
        env = bench_env(database.url)
        manage(env, "migrate", "-v0")
        bench_command(env, "seed")
        surveys = {part: bench_command(env, "survey", "--responses", "0") for part in parts}
        survey = next(iter(surveys.values()))
        sized = {size: bench_command(env, "survey", "--responses", str(n)) for size, n in SIZES.items()}
        figures = {
            "surveys": {part: found["survey"] for part, found in surveys.items()},
            "results_surveys": {size: found["survey"] for size, found in sized.items()},
        }
        log_path = f"{options.results_dir}/w7-server.log"
        with Server(env, options.workers, options.threads, options.worker_class, log_path) as server:
            figures.update(_burst_rounds(options, env, server, surveys))
            if "flow" in surveys:
                accepted = figures["survey_load"]["accepted_markers"]
                figures["stored"] = _stored(env, surveys["flow"], accepted, PREFIX)
            if "submit" in surveys:
                accepted = figures["submit"]["accepted_markers"]
                figures["submit_stored"] = _stored(env, surveys["submit"], accepted, SUBMIT_PREFIX)
            urls = {size: found["results"] for size, found in sized.items()}
            figures["results_queries"] = bench_command(
                env, "survey-queries", "--urls", json.dumps(urls), "--session", survey["session"]
            )
            figures["results_latency"] = _results_rounds(server, urls, survey["session"])
        figures["server_log"] = log_problems(server.log_text())
    tables = tables_of(figures)
    return {"figures": figures, "checks": [row for _title, rows in tables for row in rows], "tables": tables}


# The burst: survey respondents and the bare insert view in alternating rounds


def _burst_rounds(options, env, server, surveys):
    """Every part once unmeasured, then `rounds` turns of each in the same order: the flow, the submit, the bare
    insert view. The submit's respondents for the rounds are prepared after its unmeasured turn, from its rate."""
    rounds, turn = max(1, options.rounds), options.seconds / max(1, options.rounds)
    flow, submit = surveys.get("flow"), surveys.get("submit")
    if flow:
        warm, _cpu = _survey_turn(options, server, flow, f"{PREFIX}warm-", SERVER_WARMUP_SECONDS)
    if submit:
        pool = _respondents(options, env, submit, WARM_RESPONDENTS, "warm")
        warm_submit = _submit_turn(options, server, submit, pool, SERVER_WARMUP_SECONDS)
        count = _pool_size(options, warm_submit, rounds, turn)
        pool = _respondents(options, env, submit, count, "rounds")
    _bare_turn(options, env, server, "warm-", SERVER_WARMUP_SECONDS)
    flows, submits, bares = [], [], []
    for number in range(rounds):
        if flow:
            flows.append(_survey_turn(options, server, flow, f"{PREFIX}{number}-", turn))
        if submit:
            submits.append(_submit_turn(options, server, submit, pool, turn))
            pool = pool[submits[-1].chooser.next_index :]
        bares.append(_bare_turn(options, env, server, f"bare{number}-", turn))
    figures = {"bare": _bare_figures(bares)}
    if flow:
        figures["survey_load"] = _survey_figures(flows)
        figures["survey_load"]["accepted_markers"].update(warm.accepted)  # stored too: the checks count them
    if submit:
        figures["submit"] = _submit_figures(submits, [warm_submit])
        figures["submit"]["prepared"] = {"warm": WARM_RESPONDENTS, "rounds": count}
    return figures


def _respondents(options, env, survey, count, name):
    """`count` respondents prepared at the check page of `survey` (bench/benchapp/surveys.py)."""
    path = f"{options.results_dir}/w7-respondents-{name}.json"
    made = bench_command(
        env, "survey-respondents", "--pk", str(survey["survey"]), "--count", str(count), "--prefix",
        f"{SUBMIT_PREFIX}{name}-", "--out", path,
    )  # fmt: skip
    if not made["as_answered"]["same"]:
        raise RuntimeError(f"a prepared session differs from what the answering pages leave: {made['as_answered']}")
    with open(path) as found:
        return json.load(found)


def _pool_size(options, warm, rounds, turn):
    """Respondents for the rounds: twice what the unmeasured turn's rate would use, and some to spare."""
    found = warm.summary()
    rate = found["respondents_sent"] / max(0.5, found["ran_out_at"] or options.warmup + SERVER_WARMUP_SECONDS)
    return math.ceil(rate * rounds * (options.warmup + turn) * RESPONDENT_MARGIN) + 4 * options.clients


def _submit_turn(options, server, survey, respondents, seconds):
    with CpuMeter(server) as meter:
        load = asyncio.run(_submit_async(options, server.port, survey, respondents, seconds))
    load.cpu = meter.figures
    return load


async def _submit_async(options, port, survey, respondents, seconds):
    visitors = [Visitor(HOST, port) for _ in range(options.clients)]
    clock = Clock()
    end = options.warmup + seconds
    load = SubmitLoad(
        respondents, survey["check"], survey["done"], options.warmup, end, clock, SUBMIT_DUPLICATE_SHARE,
        seed=len(respondents),
    )  # fmt: skip
    try:
        await closed_loop(visitors, load, clock, end)
    finally:
        for visitor in visitors:
            visitor.close()
    return load


def _survey_turn(options, server, survey, prefix, seconds):
    with CpuMeter(server) as meter:
        load = asyncio.run(_survey_async(options, server.port, survey, prefix, seconds))
    return load, meter.figures


async def _survey_async(options, port, survey, prefix, seconds):
    """The clients start one after another over SURVEY_STAGGER seconds and are measured from SURVEY_SETTLE on, so
    that they are spread over the pages of the survey rather than all on the same page at once."""
    from bench.load import SURVEY_COOKIES

    visitors = [Visitor(HOST, port, keep=SURVEY_COOKIES) for _ in range(options.clients)]
    clock = Clock()
    start = options.warmup + SURVEY_SETTLE
    load = SurveyLoad(survey, prefix, start, start + seconds, clock, seed=zlib.crc32(prefix.encode()))
    delays = {id(visitor): SURVEY_STAGGER * index / len(visitors) for index, visitor in enumerate(visitors)}

    async def staggered(visitor, started):
        delay = delays.pop(id(visitor), 0.0)
        if delay:
            await asyncio.sleep(delay)
            started = clock.now()
        return await load(visitor, started)

    try:
        await closed_loop(visitors, staggered, clock, start + seconds)
    finally:
        for visitor in visitors:
            visitor.close()
    return load


def _bare_turn(options, env, server, prefix, seconds):
    pk = new_proposal(env, 10**9)
    burst = Burst(
        server.port,
        f"/{SLUG}/bench/{pk}/bare/",
        f"/{SLUG}/forslag/{pk}/underteckna/",
        accepted_by_baseline,
        prefix=prefix,
        clients=options.clients,
        seconds=seconds,
        warmup=options.warmup,
        duplicate_share=0.0,
    )
    return burst.run(server)


def _survey_figures(turns):
    each = [load.summary() for load, _cpu in turns]
    seconds = sum(found["seconds"] for found in each)
    latencies = [value for load, _cpu in turns for value in load.requests.latencies]
    flows = [value for load, _cpu in turns for value in load.flows.latencies]
    sends = [value for load, _cpu in turns for value in load.submits.latencies]
    cpu = cpu_sum([cpu for _load, cpu in turns])
    requests_total = sum(found["requests_total"] for found in each)
    accepted = sum(found["accepted"] for found in each)
    statuses, broken = {}, {}
    for found in each:
        for key, value in found["statuses"].items():
            statuses[key] = statuses.get(key, 0) + value
        for key, value in found["broken"].items():
            broken[key] = broken.get(key, 0) + value
    in_window = sum(found["accepted_in_window"] for found in each)
    figures = {
        "rounds": len(each),
        "seconds": round(seconds, 2),
        "requests": len(latencies),
        "requests_per_second": round(len(latencies) / seconds, 1) if seconds else 0.0,
        "accepted_in_window": in_window,
        "accepted_per_second": round(in_window / seconds, 1) if seconds else 0.0,
        "requests_per_response": round(requests_total / max(1, accepted), 1),
        "p50_ms": _ms(percentile(latencies, 0.5)),
        "p99_ms": _ms(percentile(latencies, 0.99)),
        "send_p50_ms": _ms(percentile(sends, 0.5)),
        "send_p99_ms": _ms(percentile(sends, 0.99)),
        "response_p50_ms": _ms(percentile(flows, 0.5)),
        "response_p99_ms": _ms(percentile(flows, 0.99)),
        "statuses": statuses,
        "server_errors": sum(value for key, value in statuses.items() if int(key) >= 500),
        "client_errors": sum(sum(found["errors"].values()) for found in each),
        "broken": broken,
        "respondents": sum(found["respondents"] for found in each),
        "accepted": accepted,
        "requests_total": requests_total,
        "cpu_seconds": cpu,
        "accepted_markers": {marker: found for load, _cpu in turns for marker, found in load.accepted.items()},
        "per_round": [{key: found[key] for key in ("accepted_per_second", "per_second", "p99_ms")} for found in each],
    }
    if cpu and requests_total:
        server_db = (cpu["server"] + cpu["postgres"]) * 1000
        figures["cpu_ms_per_request"] = round(server_db / requests_total, 2)
        figures["cpu_ms_per_response"] = round(server_db / max(1, accepted), 1)
    return figures


def _bare_figures(turns):
    each = [load.summary() for load in turns]
    seconds = sum(found["seconds"] for found in each)
    latencies = [value for load in turns for value in load.recorder.latencies]
    cpu = cpu_sum([load.cpu for load in turns])
    total = sum(found["requests_total"] for found in each)
    figures = {
        "seconds": round(seconds, 2),
        "accepted_per_second": round(sum(found["accepted_in_window"] for found in each) / seconds, 1) if seconds else 0,
        "p50_ms": _ms(percentile(latencies, 0.5)),
        "p99_ms": _ms(percentile(latencies, 0.99)),
        "server_errors": sum(found["server_errors"] for found in each),
        "cpu_seconds": cpu,
        "per_round": [found["accepted_per_second"] for found in each],
    }
    if cpu and total:
        figures["cpu_ms_per_request"] = round((cpu["server"] + cpu["postgres"]) * 1000 / total, 2)
    return figures


def _submit_figures(turns, unmeasured):
    each = [load.summary() for load in turns]
    seconds = sum(found["seconds"] for found in each)
    latencies = [value for load in turns for value in load.recorder.latencies]
    cpu = cpu_sum([load.cpu for load in turns])
    total = sum(found["requests_total"] for found in each)
    duplicates = {}
    for found in each:
        for key, value in found["duplicates"].items():
            duplicates[key] = duplicates.get(key, 0) + value
    statuses = {}
    for found in each:
        for key, value in found["statuses"].items():
            statuses[key] = statuses.get(key, 0) + value
    in_window = sum(found["accepted_in_window"] for found in each)
    figures = {
        "rounds": len(each),
        "seconds": round(seconds, 2),
        "requests": len(latencies),
        "accepted_in_window": in_window,
        "accepted_per_second": round(in_window / seconds, 1) if seconds else 0.0,
        "p50_ms": _ms(percentile(latencies, 0.5)),
        "p99_ms": _ms(percentile(latencies, 0.99)),
        "max_ms": _ms(max(latencies) if latencies else None),
        "statuses": statuses,
        "server_errors": sum(value for key, value in statuses.items() if int(key) >= 500),
        "client_errors": sum(sum(found["errors"].values()) for found in each),
        "duplicates": duplicates,
        "duplicate_attempts": sum(found["duplicate_attempts"] for found in each),
        "accepted_twice": sum(found["accepted_twice"] for found in each),
        "respondents_sent": sum(found["respondents_sent"] for found in each),
        "ran_out": [found["ran_out_at"] for found in each if found["ran_out_at"] is not None],
        "requests_total": total,
        "cpu_seconds": cpu,
        "accepted_markers": {
            marker: found for load in [*unmeasured, *turns] for marker, found in load.accepted.items()
        },  # the unmeasured turn's responses are stored too: the checks count them
        "per_round": [
            {key: found[key] for key in ("accepted_per_second", "p99_ms", "respondents_sent", "ran_out_at")}
            for found in each
        ],
    }
    if cpu and total:
        figures["cpu_ms_per_request"] = round((cpu["server"] + cpu["postgres"]) * 1000 / total, 2)
    return figures


def _stored(env, survey, accepted, prefix):
    """Every accepted respondent's response stored once and whole; nothing stored that was not accepted."""
    found = bench_command(env, "survey-verify", "--pk", str(survey["survey"]), "--prefix", prefix)
    markers = found.pop("markers")
    missing = [marker for marker in accepted if marker not in markers]
    twice = [marker for marker, copies in markers.items() if len(copies) > 1]
    questions = len(survey["questions"])
    partial = [
        marker
        for marker, (rows, told) in accepted.items()
        if marker in markers
        and any(copy[0] != rows or copy[1] != questions or copy[2] != told for copy in markers[marker])
    ]
    return {
        **found,
        "accepted": len(accepted),
        "markers_stored": len(markers),
        "missing": len(missing),
        "stored_twice": len(twice),
        "not_whole": len(partial),
        "not_accepted_but_stored": len([marker for marker in markers if marker not in accepted]),
        "examples": {"missing": missing[:5], "twice": twice[:5], "not_whole": partial[:5]},
    }


# The results page at two sizes


def _results_rounds(server, urls, session):
    for path in urls.values():
        w4._load(server, path, session, 1.0)
    turns = {size: [] for size in urls}
    for _round in range(RESULTS_ROUNDS):
        for size, path in urls.items():
            turns[size].append(w4._load(server, path, session, RESULTS_SECONDS / RESULTS_ROUNDS))
    return {size: w4._merged(found) for size, found in turns.items()}


def _ms(seconds):
    return None if seconds is None else round(seconds * 1000, 1)


# Tables


def tables_of(figures):
    tables = []
    if "survey_load" in figures:
        tables.append(("W7 survey, whole flow (14 requests a response), 64 clients (PostgreSQL)", _flow_rows(figures)))
    if "submit" in figures:
        tables.append(("W7 survey submit (the send that stores a response), 64 clients (PostgreSQL)",
                       _submit_rows(figures)))  # fmt: skip
    tables.append(("W7 survey results page, 50 / 50,000 responses", _results_rows(figures)))
    return tables


def _flow_rows(figures):
    """The whole flow, for information: the goals are read on the submit (the request that stores a response)."""
    found, bare, stored = figures["survey_load"], figures["bare"], figures["stored"]
    per_request = _ratio(found["requests_per_second"], bare["accepted_per_second"])
    per_response = _ratio(found["accepted_per_second"], bare["accepted_per_second"])
    failures = found["server_errors"] + found["client_errors"]
    return [
        check("whole flow: responses accepted/s", found["accepted_per_second"], None, None),
        check(
            "whole flow: requests/s (requests per response)",
            f"{found['requests_per_second']} ({found['requests_per_response']})",
            None,
            None,
        ),
        check("bare insert view (W1 bare): accepted/s", bare["accepted_per_second"], None, None),
        check("whole flow requests/s / bare inserts/s", per_request, None, None),
        check("whole flow responses/s / bare inserts/s", per_response, None, None),
        check("whole flow: request p50 / p99 ms", f"{found['p50_ms']} / {found['p99_ms']}", None, None),
        check("whole flow: send p50 / p99 ms", f"{found['send_p50_ms']} / {found['send_p99_ms']}", None, None),
        check(
            "whole flow: whole response p50 / p99 ms",
            f"{found['response_p50_ms']} / {found['response_p99_ms']}",
            None,
            None,
        ),
        check("bare: p50 / p99 ms", f"{bare['p50_ms']} / {bare['p99_ms']}", None, None),
        check(
            "CPU ms per request (server+db): whole flow / bare",
            f"{found.get('cpu_ms_per_request')} / {bare.get('cpu_ms_per_request')}",
            None,
            None,
        ),
        check("whole flow: CPU ms per response (server+db)", found.get("cpu_ms_per_response"), None, None),
        cpu_row("whole flow", found["cpu_seconds"]),
        cpu_row("bare", bare["cpu_seconds"]),
        *_stored_rows(stored),
        check(
            "respondents / gave up (page: count)",
            f"{found['respondents']} / {_broken(found['broken'])}",
            None,
            None,
        ),
        check("whole flow: 5xx + client errors", failures, "0", failures == 0),
        check("bare: 5xx", bare["server_errors"], "0", None),
    ]


def _submit_rows(figures):
    found, bare, stored = figures["submit"], figures["bare"], figures["submit_stored"]
    ratio = _ratio(found["accepted_per_second"], bare["accepted_per_second"])
    per_round = [
        str(_ratio(mine["accepted_per_second"], theirs))
        for mine, theirs in zip(found["per_round"], bare["per_round"], strict=False)
    ]
    failures = found["server_errors"] + found["client_errors"]
    prepared = found["prepared"]
    ran_out = ", ".join(f"{moment} s" for moment in found["ran_out"]) or "no"
    return [
        check("submit: responses accepted/s", found["accepted_per_second"], None, None),
        check("bare insert view (W1 bare): accepted/s", bare["accepted_per_second"], None, None),
        check("submit accepted/s / bare inserts/s", ratio, f">= {RATIO_GOAL}", _at_least(ratio)),
        check("  the same, round by round", ", ".join(per_round), None, None),
        check("submit: p50 / p99 ms", f"{found['p50_ms']} / {found['p99_ms']}", None, None),
        check(
            "submit: p99 ms",
            found["p99_ms"],
            f"<= {P99_GOAL_MS}",
            found["p99_ms"] is not None and found["p99_ms"] <= P99_GOAL_MS,
        ),
        check("bare: p50 / p99 ms", f"{bare['p50_ms']} / {bare['p99_ms']}", None, None),
        check(
            "CPU ms per request (server+db): submit / bare",
            f"{found.get('cpu_ms_per_request')} / {bare.get('cpu_ms_per_request')}",
            None,
            None,
        ),
        cpu_row("submit", found["cpu_seconds"]),
        cpu_row("bare", bare["cpu_seconds"]),
        check(
            "respondents prepared / sent (a turn ran out at)",
            f"{prepared['rounds']} / {found['respondents_sent']} ({ran_out})",
            None,
            None,
        ),
        *_stored_rows(stored),
        check(
            "re-sends of a session (what they got)",
            f"{found['duplicate_attempts']} ({_counted(found['duplicates'])})",
            None,
            None,
        ),
        check("respondents accepted twice", found["accepted_twice"], "0", found["accepted_twice"] == 0),
        check("submit: 5xx + client errors", failures, "0", failures == 0),
        check("bare: 5xx", bare["server_errors"], "0", None),
    ]


def _stored_rows(stored):
    return [
        check(
            "stored = accepted (responses in the survey)",
            f"{stored['responses']} = {stored['accepted']}",
            "equal",
            stored["responses"] == stored["accepted"] and stored["missing"] == 0,
        ),
        check(
            "accepted stored whole (20 questions, every row)",
            stored["not_whole"],
            "0 not whole",
            stored["not_whole"] == 0,
        ),
        check("stored twice", stored["stored_twice"], "0", stored["stored_twice"] == 0),
        _written_out_row(stored.get("written_out")),
    ]


def _written_out_row(found):
    """The answers the sends left for later (surveys/pending.py), written out after the run as the task would."""
    if not found or not found.get("written"):
        return check("pending responses written out after the run", "none pending", None, None)
    text = (
        f"{found['written']} in {found['seconds']} s ({found['per_second']}/s, "
        f"{found['cpu_seconds']} s CPU of the writer)"
    )
    return check("pending responses written out after the run", text, None, None)


def _counted(counts):
    return ", ".join(f"{key}: {value}" for key, value in sorted(counts.items())) or "none"


def _results_rows(figures):
    queries, latency = figures["results_queries"], figures["results_latency"]
    small, large = latency["small"], latency["large"]
    failures = sum(found["non_2xx"] + found["errors"] for found in (small, large))
    failures += sum(1 for size in SIZES if queries[size]["status"] != 200)
    return [
        check(
            "queries per request at 50 / 50,000",
            f"{queries['small']['queries']} / {queries['large']['queries']}",
            "equal",
            queries["small"]["queries"] == queries["large"]["queries"],
        ),
        check("p50 / p95 ms at 50", f"{small['p50_ms']} / {small['p95_ms']}", None, None),
        check("p50 / p95 ms at 50,000", f"{large['p50_ms']} / {large['p95_ms']}", None, None),
        check(
            "p95 ms at 50,000",
            large["p95_ms"],
            f"<= {RESULTS_P95_GOAL_MS}",
            large["p95_ms"] is not None and large["p95_ms"] <= RESULTS_P95_GOAL_MS,
        ),
        check(
            "CPU ms per request (server + db) at 50 / 50,000",
            f"{small['cpu_ms_per_request']} / {large['cpu_ms_per_request']}",
            None,
            None,
        ),
        check("requests measured at 50 / 50,000", f"{small['requests']} / {large['requests']}", None, None),
        check("non-2xx + client errors", failures, "0", failures == 0),
        cpu_row("at 50,000", large["cpu_seconds"]),
    ]


def _ratio(top, bottom):
    return round(top / bottom, 2) if top and bottom else None


def _at_least(ratio):
    return ratio is not None and ratio >= RATIO_GOAL


def _broken(broken):
    return ", ".join(f"{page}: {count}" for page, count in sorted(broken.items())) or "none"
