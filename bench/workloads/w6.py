"""W6 ballot casting, on PostgreSQL: 64 clients cast ranked ballots (up to three of five alternatives) at the same
time, 5 % of the casts re-sending a voter whose cast is in flight right now (else a recent one). The measured part
(`mail`) casts with an e-mail address and no account, as W1's anonymous signers sign: the ballot waits for the link
mailed to the address (votes/by_email.py). It alternates in rounds with W1's bare insert view and, for information,
the cast by logged-in voters (`cast`) and the logged-in floor (bench views.logged_in_floor: the session and the
account read, one row inserted: the least any write by a logged-in person does). Then what each turn stored is
checked: exactly one ballot per voter (per address).

E-mail voters are addresses like W1's (`w6m<round>-<n>@d<n % 53>.bench.example`); logged-in voters are accounts with
a confirmed e-mail and a database session (`manage.py bench signers`, as W1's identified signers); a visitor takes the
next voter's session cookie for each cast. Each turn casts in a vote of its own (`manage.py bench vote`), so every
voter casts once per turn and the pool of sessions serves every turn."""

import asyncio
import math

from bench.load import Clock, Signers, SignLoad, closed_loop, visitors_ready
from bench.server import HOST, CpuMeter, PostgresDatabase, Server, bench_command, bench_env, manage

from .common import (
    SLUG,
    Burst,
    accepted_by_baseline,
    check,
    cpu_row,
    cpu_sum,
    log_problems,
    new_proposal,
    rounds_figures,
)

DEFAULT_SECONDS = 60.0  # measured cast time, split over the rounds (the bare view gets as much)
DEFAULT_ROUNDS = 4
SERVER_WARMUP_SECONDS = 5.0
DUPLICATE_SHARE = 0.05
RATIO_GOAL = 0.6
P99_GOAL_MS = 250
WARM_VOTERS = 4000  # for the unmeasured turn, whose rate sizes the pool for the rounds
POOL_MARGIN = 2.0


class Voters(Signers):
    """The next voter (a session), and the ranking they cast: three of the five alternatives, varied by voter."""

    def __init__(self, alternatives, sessions, duplicate_share, seed=1):
        super().__init__("w6-", duplicate_share, sessions, seed)
        self.alternatives = alternatives

    def fields(self, index):
        count = len(self.alternatives)
        first = index % count
        chosen = [self.alternatives[(first + step * (1 + index % 2)) % count] for step in range(3)]
        return {f"rank_{pk}": place for place, pk in enumerate(chosen, 1)}


class MailVoters(Voters):
    """The next e-mail voter: an address of their own and a ranking."""

    def __init__(self, prefix, alternatives, duplicate_share, seed=1):
        Signers.__init__(self, prefix, duplicate_share, None, seed)
        self.alternatives = alternatives

    def fields(self, index):
        return {**super().fields(index), "email": self.email(index)}


def accepted_by_mail(response):
    """The e-mail cast redirects (PRG) to the page that asks the voter to follow the link in the mail."""
    return response.status in (302, 303) and (response.header("location") or "").endswith("/skickad/")


def accepted_by_cast(response):
    """The cast redirects (PRG) to the voter's receipt: a first ballot (`cast=1`) or one replaced (`changed=1`)."""
    location = response.header("location") or ""
    return response.status in (302, 303) and "/din-rost/?" in location


def run(options):
    with PostgresDatabase() as database:
        env = bench_env(database.url)
        manage(env, "migrate", "-v0")
        bench_command(env, "seed")
        log_path = f"{options.results_dir}/w6-server.log"
        with Server(env, options.workers, options.threads, options.worker_class, log_path) as server:
            figures = _rounds(options, env, server)
        figures["server_log"] = log_problems(server.log_text())
    return {"figures": figures, "checks": checks(figures)}


def _sessions(options, env, count, name):
    path = f"{options.results_dir}/w6-sessions-{name}.txt"
    bench_command(env, "signers", "--count", str(count), "--prefix", f"w6{name}-", "--out", path)
    with open(path) as keys:
        return keys.read().split()


def _rounds(options, env, server):
    """Every part once unmeasured, then `rounds` turns of each: mail, bare, cast, floor. The pool of logged-in voters
    for the rounds is sized from the unmeasured cast's rate (the floor's voters come from the same pool)."""
    rounds, turn = max(1, options.rounds), options.seconds / max(1, options.rounds)
    warm_pool = _sessions(options, env, WARM_VOTERS, "warm")
    warm = _cast_turn(options, env, server, warm_pool, SERVER_WARMUP_SECONDS)
    rate = warm["load"].summary()["accepted_per_second"] or 500.0
    pool = _sessions(options, env, math.ceil(rate * (options.warmup + turn) * POOL_MARGIN) + 4 * options.clients, "r")
    _mail_turn(options, env, server, "w6mwarm-", SERVER_WARMUP_SECONDS)
    _bare_turn(options, env, server, "warm-", SERVER_WARMUP_SECONDS)
    _floor_turn(options, env, server, warm_pool, SERVER_WARMUP_SECONDS)
    mails, casts, bares, floors = [], [], [], []
    for number in range(rounds):
        mails.append(_mail_turn(options, env, server, f"w6m{number}-", turn))
        bares.append(_bare_turn(options, env, server, f"bare{number}-", turn))
        casts.append(_cast_turn(options, env, server, pool, turn))
        floors.append(_floor_turn(options, env, server, pool, turn))
    return {
        "mail": _cast_figures(mails),
        "cast": _cast_figures(casts),
        "bare": _bare_figures(bares),
        "floor": _bare_figures(floors),
        "pool": {"warm": WARM_VOTERS, "rounds": len(pool)},
    }


def _cast_turn(options, env, server, sessions, seconds):
    vote = bench_command(env, "vote")
    form = f"/{SLUG}/forslag/{new_proposal(env, 10**9)}/underteckna/"  # any form: the CSRF cookie and token
    with CpuMeter(server) as meter:
        load = asyncio.run(_cast_async(options, server.port, vote, sessions, form, seconds))
    load.cpu = meter.figures
    stored = bench_command(env, "vote-verify", "--pk", str(vote["vote"]))
    return {"load": load, "stored": stored, "vote": vote["vote"]}


def _mail_turn(options, env, server, prefix, seconds):
    vote = bench_command(env, "vote", "--voting-by", "email_link")
    form = f"/{SLUG}/forslag/{new_proposal(env, 10**9)}/underteckna/"  # any form: the CSRF cookie and token
    voters = MailVoters(prefix, vote["alternatives"], DUPLICATE_SHARE, seed=len(prefix))
    with CpuMeter(server) as meter:
        load = asyncio.run(
            _cast_async(options, server.port, vote, None, form, seconds, accepted_by_mail, voters=voters)
        )
    load.cpu = meter.figures
    stored = bench_command(env, "vote-verify", "--pk", str(vote["vote"]))
    return {"load": load, "stored": stored, "vote": vote["vote"]}


def _floor_turn(options, env, server, sessions, seconds):
    pk = new_proposal(env, 10**9)
    form = f"/{SLUG}/forslag/{pk}/underteckna/"
    target = {"cast": f"/{SLUG}/bench/{pk}/logged-in-floor/", "alternatives": [1, 2, 3, 4, 5]}
    with CpuMeter(server) as meter:
        load = asyncio.run(_cast_async(options, server.port, target, sessions, form, seconds, accepted_by_baseline))
    load.cpu = meter.figures
    return load


async def _cast_async(options, port, vote, sessions, form, seconds, accepted=accepted_by_cast, voters=None):
    visitors = await visitors_ready(HOST, port, options.clients, form)
    clock = Clock()
    end = options.warmup + seconds
    voters = voters or Voters(vote["alternatives"], sessions, DUPLICATE_SHARE, seed=len(sessions))
    load = SignLoad(vote["cast"], voters, accepted, options.warmup, end, clock)
    try:
        await closed_loop(visitors, load, clock, end)
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


def _cast_figures(turns):
    rounds = []
    for found in turns:
        load, stored = found["load"], found["stored"]
        rounds.append((load, _stored_as_w1(load, stored)))
    figures = rounds_figures(rounds)
    figures["per_vote"] = [
        {"vote": found["vote"], **found["stored"], "accepted_voters": len(found["load"].successes)} for found in turns
    ]
    return figures


def _stored_as_w1(load, stored):
    """The stored figures in W1's shape (rows, distinct signers) for common.rounds_figures."""
    return {
        "rows": stored["rows"],
        "distinct_signers": stored["keys"],
        "by_status": {},
        "cases": 0,
        "naive_counter": 0,
        "voters": stored["voters"],
        "changed": stored["changed"],
    }


def _bare_figures(turns):
    from bench.stats import percentile

    each = [load.summary() for load in turns]
    seconds = sum(found["seconds"] for found in each)
    latencies = [value for load in turns for value in load.recorder.latencies]
    cpu = cpu_sum([load.cpu for load in turns])
    total = sum(found["requests_total"] for found in each)
    figures = {
        "seconds": round(seconds, 2),
        "accepted_per_second": round(sum(f["accepted_in_window"] for f in each) / seconds, 1) if seconds else 0,
        "p50_ms": _ms(percentile(latencies, 0.5)),
        "p99_ms": _ms(percentile(latencies, 0.99)),
        "server_errors": sum(found["server_errors"] for found in each),
        "cpu_seconds": cpu,
        "per_round": [found["accepted_per_second"] for found in each],
    }
    if cpu and total:
        figures["cpu_ms_per_request"] = round((cpu["server"] + cpu["postgres"]) * 1000 / total, 2)
    return figures


def _ms(seconds):
    return None if seconds is None else round(seconds * 1000, 1)


def _ratio(top, bottom):
    return round(top / bottom, 2) if top and bottom else None


def _one_each(part):
    return all(vote["rows"] == vote["keys"] == vote["voters"] == vote["accepted_voters"] for vote in part["per_vote"])


def _per_round(part, bare):
    mine = part.get("per_round") or [part]  # one round: the part's own figures
    theirs = bare.get("per_round") or [bare["accepted_per_second"]]
    return [str(_ratio(one["accepted_per_second"], other)) for one, other in zip(mine, theirs, strict=False)]


def _mail_checks(mail, bare):
    ratio = _ratio(mail["accepted_per_second"], bare["accepted_per_second"])
    one_each = _one_each(mail)
    failures = mail["server_errors"] + sum(mail["errors"].values())
    return [
        check("mail: voters accepted/s", mail["accepted_per_second"], None, None),
        check("bare: inserts/s", bare["accepted_per_second"], None, None),
        check("mail / bare", ratio, f">= {RATIO_GOAL}", ratio is not None and ratio >= RATIO_GOAL),
        check("  the same, round by round", ", ".join(_per_round(mail, bare)), None, None),
        check("mail: p50 / p99 ms", f"{mail['p50_ms']} / {mail['p99_ms']}", None, None),
        check(
            "mail: p99 ms",
            mail["p99_ms"],
            f"<= {P99_GOAL_MS}",
            mail["p99_ms"] is not None and mail["p99_ms"] <= P99_GOAL_MS,
        ),
        check(
            "mail: waiting ballots stored = addresses accepted (per vote)",
            ", ".join(f"{v['rows']} = {v['accepted_voters']}" for v in mail["per_vote"]),
            "equal",
            one_each,
        ),
        check("mail: ballots per address", "1" if one_each else "not 1", "exactly 1", one_each),
        check(
            "mail: racing re-casts sent / addresses accepted twice / waiting ballots replaced",
            f"{mail['duplicate_attempts']} / {mail['signers_accepted_twice']} / "
            f"{sum(v['changed'] for v in mail['per_vote'])}",
            None,
            None,
        ),
        check("mail: 5xx + client errors", failures, "0", failures == 0),
    ]


def checks(figures):
    mail, cast, bare, floor = figures["mail"], figures["cast"], figures["bare"], figures["floor"]
    ratio = _ratio(cast["accepted_per_second"], bare["accepted_per_second"])
    per_round = _per_round(cast, bare)
    one_each = _one_each(cast)
    failures = cast["server_errors"] + sum(cast["errors"].values())
    return [
        *_mail_checks(mail, bare),
        check("bare: p50 / p99 ms", f"{bare['p50_ms']} / {bare['p99_ms']}", None, None),
        check("logged-in cast: voters accepted/s", cast["accepted_per_second"], None, None),
        check("logged-in cast / bare", ratio, None, None),
        check("  the same, round by round", ", ".join(per_round), None, None),
        check("logged-in cast: p50 / p99 ms", f"{cast['p50_ms']} / {cast['p99_ms']}", None, None),
        check("floor (logged-in read + insert): accepted/s", floor["accepted_per_second"], None, None),
        check("floor / bare", _ratio(floor["accepted_per_second"], bare["accepted_per_second"]), None, None),
        check("logged-in cast / floor", _ratio(cast["accepted_per_second"], floor["accepted_per_second"]), None, None),
        check("floor: p50 / p99 ms", f"{floor['p50_ms']} / {floor['p99_ms']}", None, None),
        check(
            "CPU ms per request (server+db): mail / logged-in cast / floor / bare",
            f"{mail.get('cpu_ms_per_request')} / {cast.get('cpu_ms_per_request')} / "
            f"{floor.get('cpu_ms_per_request')} / {bare.get('cpu_ms_per_request')}",
            None,
            None,
        ),
        check(
            "logged-in: ballots stored = voters accepted (per vote)",
            ", ".join(f"{v['rows']} = {v['accepted_voters']}" for v in cast["per_vote"]),
            "equal",
            one_each,
        ),
        check("logged-in: ballots per voter", "1" if one_each else "not 1", "exactly 1", one_each),
        check(
            "logged-in: racing re-casts sent / voters accepted twice / ballots replaced",
            f"{cast['duplicate_attempts']} / {cast['signers_accepted_twice']} / "
            f"{sum(v['changed'] for v in cast['per_vote'])}",
            None,
            None,
        ),
        check("logged-in cast: 5xx + client errors", failures, "0", failures == 0),
        cpu_row("mail", mail.get("cpu_seconds")),
        cpu_row("logged-in cast", cast.get("cpu_seconds")),
        cpu_row("bare", bare.get("cpu_seconds")),
        cpu_row("floor", floor.get("cpu_seconds")),
    ]
