"""W1 sign burst: 64 clients sign one proposal for 60 s with 5 % racing duplicates, on PostgreSQL, against the real
endpoint, a bare insert-only view and a naive insert + counter view; then logged-in signers past a reachable
threshold (exactly one case)."""

from bench.server import PostgresDatabase, Server, bench_command, bench_env, manage

from .common import (
    SLUG,
    Burst,
    accepted_by_baseline,
    accepted_by_real,
    check,
    cpu_row,
    form_path,
    log_problems,
    new_proposal,
    rounds_figures,
    sign_path,
    verify,
)

FAR = 10**9
DEFAULT_SECONDS = 60.0
DEFAULT_ROUNDS = 4  # the machine's speed drifts by a fifth within a minute: short turns keep the parts side by side
SERVER_WARMUP_SECONDS = 5.0  # every part once, unmeasured, before the rounds

TARGETS = [
    ("real", sign_path, accepted_by_real),
    ("bare", lambda pk: f"/{SLUG}/bench/{pk}/bare/", accepted_by_baseline),
    ("naive", lambda pk: f"/{SLUG}/bench/{pk}/naive/", accepted_by_baseline),
]


def run(options):
    targets = tuple(options.parts.split(",")) if options.parts else ("real", "bare", "naive", "identified")
    with PostgresDatabase() as database:
        env = bench_env(database.url)
        manage(env, "migrate", "-v0")
        bench_command(env, "seed")
        log_path = f"{options.results_dir}/w1-server.log"
        with Server(env, options.workers, options.threads, options.worker_class, log_path) as server:
            figures = _targets(options, env, server, [target for target in TARGETS if target[0] in targets])
            if "identified" in targets:
                figures["identified"] = _identified(options, env, server, figures)
        figures["server_log"] = log_problems(server.log_text())
    return {"figures": figures, "checks": checks(figures)}


def _targets(options, env, server, targets):
    """Each target in turn with a fresh proposal; with --rounds N, N such turns of seconds/N each.

    First every target runs once unmeasured (SERVER_WARMUP_SECONDS): a fresh server's workers import and
    cache on their first requests, which would otherwise count against whichever target runs first."""
    for name, path_for, accepted in targets:
        _burst(options, env, server, f"warm-{name}", path_for, accepted, seconds=SERVER_WARMUP_SECONDS)
    rounds = max(1, options.rounds)
    runs = {name: [] for name, _path, _accepted in targets}
    for _round in range(rounds):
        for name, path_for, accepted in targets:
            runs[name].append(_burst(options, env, server, name, path_for, accepted, seconds=options.seconds / rounds))
    return {name: rounds_figures(found) for name, found in runs.items()}


def _burst(options, env, server, name, path_for, accepted, sessions=None, threshold=FAR, seconds=None):
    """(load, stored) of one burst against a fresh proposal."""
    pk = new_proposal(env, threshold)
    burst = Burst(
        server.port,
        path_for(pk),
        form_path(pk),
        accepted,
        prefix=f"{name}-{pk}-",
        clients=options.clients,
        seconds=seconds or options.seconds,
        warmup=options.warmup,
        sessions=sessions,
    )
    load = burst.run(server)
    stored = verify(env, pk)
    stored["proposal"] = pk
    return load, stored


def _identified(options, env, server, figures):
    """Logged-in signers with a confirmed e-mail sign directly (valid at once), with the threshold in reach about
    halfway through, so the case is opened while 64 clients sign. If the run ends before a signer's check sees
    the threshold (checks are skipped while the cached count is far below it), the periodic job must open it."""
    expected = figures.get("real", {}).get("accepted_per_second") or 300
    count = int(expected * (options.seconds + options.warmup) * 1.5) + 2000
    sessions_file = f"{options.results_dir}/w1-sessions.txt"
    bench_command(env, "signers", "--count", str(count), "--prefix", "identified-", "--out", sessions_file)
    with open(sessions_file) as keys:
        sessions = keys.read().split()
    # Logged-in signing costs about twice the anonymous path: at half the rate, this is reached mid-run.
    threshold = max(10, int(expected / 2 * (options.warmup + options.seconds / 2)))
    burst = _burst(options, env, server, "identified", sign_path, accepted_by_real, sessions, threshold)
    result = rounds_figures([burst])
    result["proposal"] = result["stored"]["proposal"]
    result["threshold"] = threshold
    result["cases_after_run"] = result["stored"]["cases"]
    if result["stored"]["cases"] == 0:
        result["periodic_job"] = manage(env, "proposals_expire").strip()
        result["stored"] = verify(env, result["proposal"])
    return result


def checks(figures):
    rows = []
    for name in ("real", "bare", "naive", "identified"):
        if name in figures:
            found = figures[name]
            rows.append(check(f"{name}: accepted signatures/s", found["accepted_per_second"], None, None))
            rows.append(check(f"{name}: p50 / p99 ms", f"{found['p50_ms']} / {found['p99_ms']}", None, None))
            rows.append(cpu_row(name, found.get("cpu_seconds")))
            rows.append(check(f"{name}: CPU ms per request (server+db)", found.get("cpu_ms_per_request"), None, None))
    real = figures.get("real")
    if real:
        rows += _real_checks(figures, real)
    identified = figures.get("identified")
    if identified:
        rows += _identified_checks(identified)
    return rows


def _ratio(figures, top, bottom):
    if top in figures and bottom in figures and figures[bottom]["accepted_per_second"]:
        return round(figures[top]["accepted_per_second"] / figures[bottom]["accepted_per_second"], 2)
    return None


def _real_checks(figures, real):
    rows = []
    for bottom, goal in (("bare", 0.8), ("naive", 1.5)):
        ratio = _ratio(figures, "real", bottom)
        if ratio is not None:
            rows.append(check(f"real / {bottom} accepted/s", ratio, f">= {goal}", ratio >= goal))
    rows += [
        check("real: p99 ms", real["p99_ms"], "<= 250", real["p99_ms"] is not None and real["p99_ms"] <= 250),
        check(
            "real: stored = accepted",
            f"{real['stored']['rows']} = {real['accepted_signers']}",
            "equal",
            real["stored_equals_accepted"],
        ),
        check("real: duplicates stored", real["duplicates_stored"], "0", real["duplicates_stored"] == 0),
        check(
            "real: duplicate attempts / accepted twice",
            f"{real['duplicate_attempts']} / {real['signers_accepted_twice']}",
            None,
            None,
        ),
        check("real: 5xx + client errors", _failures(real), "0", _failures(real) == 0),
    ]
    for name in ("bare", "naive"):
        if name in figures:
            rows.append(check(f"{name}: 5xx + client errors", _failures(figures[name]), "0", None))
    return rows


def _identified_checks(found):
    stored = found["stored"]
    return [
        check("identified: threshold / valid stored", f"{found['threshold']} / {stored['rows']}", None, None),
        check("identified: case opened during the run", found["cases_after_run"], None, None),
        check("identified: valid signatures when it opened", stored.get("valid_when_case_opened"), None, None),
        check("identified: cases in the end", stored["cases"], "1", stored["cases"] == 1),
        check(
            "identified: stored = accepted",
            f"{stored['rows']} = {found['accepted_signers']}",
            "equal",
            found["stored_equals_accepted"],
        ),
        check("identified: duplicates stored", found["duplicates_stored"], "0", found["duplicates_stored"] == 0),
        check("identified: 5xx + client errors", _failures(found), "0", _failures(found) == 0),
    ]


def _failures(found):
    return found["server_errors"] + sum(found["errors"].values())
