#!/usr/bin/env python
"""Signing under faults: the W1 sign burst while gunicorn workers are killed and PostgreSQL restarts.

    .venv/bin/python bench/faults.py                  # 60 s, anonymous signers (the W1 `real` part)
    .venv/bin/python bench/faults.py --seconds 20     # shorter
    .venv/bin/python bench/faults.py --identified     # logged-in signers, the threshold crossed mid-burst

64 clients sign one proposal (5 % re-send an address already in flight) on a private PostgreSQL cluster
(bench/pgcluster.py: initdb in /tmp, its own port), through gunicorn on 127.0.0.1. During the burst one
gunicorn worker is killed with SIGKILL at 25 % and another at 65 % of the time, and the database is restarted
(`pg_ctl restart -m fast`) at 45 %. A client whose request failed at the connection level, or got the
503 "try again" page, tries the same signer again after half a second (up to 5 attempts; these are counted
as retries). Afterwards `manage.py proposals_expire` runs once, as the periodic job would.

It prints what was sent, acknowledged (a redirect to the thank-you page: pending, valid, check_email or
already, each of which means the signature is stored), stored, duplicated and lost, and the 5xx answers, and
exits 1 if an acknowledged signature is missing or stored twice, or a stored signature got a 500. Every loop
stops by itself; all traffic goes to 127.0.0.1.
"""

import argparse
import asyncio
import json
import os
import signal
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.load import RUN_LIMIT_SECONDS, Clock, Signers, visitors_ready  # noqa: E402
from bench.pgcluster import PrivateCluster  # noqa: E402
from bench.server import HOST, Server, bench_command, bench_env, manage  # noqa: E402
from bench.workloads.common import sign_path  # noqa: E402

ACKNOWLEDGED = ("?status=pending", "?status=valid", "?status=check_email", "?status=already")
ATTEMPTS = 5  # per signer: the first try and up to four retries
RETRY_PAUSE = 0.5
GRACE_SECONDS = 15.0  # a signer still retrying at the end gets this long to finish
DATABASE = "delaktig_faults"
SESSION_PREFIX = "faults-id-"


def parse(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=60.0, help="length of the burst (default 60)")
    parser.add_argument("--clients", type=int, default=64)
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1), help="gunicorn workers")
    parser.add_argument("--identified", action="store_true", help="logged-in signers; the threshold is crossed")
    parser.add_argument("--port", type=int, default=None, help="the private cluster's port (default: 55432 up)")
    parser.add_argument("--results", default=str(ROOT / "bench" / "results"))
    return parser.parse_args(argv)


class Tally:
    """What the clients saw, per signer and per answer."""

    def __init__(self):
        self.sent = 0
        self.statuses = {}
        self.connection_errors = 0
        self.retries = 0
        self.acknowledged = set()  # signer indexes
        self.got_500 = set()
        self.gave_up = set()  # every attempt failed
        self.tried = set()

    def status(self, code):
        self.statuses[code] = self.statuses.get(code, 0) + 1

    @property
    def server_errors(self):
        return {code: count for code, count in sorted(self.statuses.items()) if code >= 500}


async def post_once(visitor, path, fields):
    """One POST on the visitor's connection, never sent again silently (the load client's reconnect-and-resend
    would hide a killed worker's request from the count)."""
    connection = visitor.connection
    body = urlencode({"csrfmiddlewaretoken": visitor.csrf, **fields}).encode()
    headers = visitor._headers([("Content-Type", "application/x-www-form-urlencoded")])
    try:
        response = await asyncio.wait_for(connection._exchange("POST", path, headers, body), connection.timeout)
    except BaseException:
        connection.close()
        raise
    return visitor._remember(response)


async def sign_one(visitor, path, signers, index, tally, clock, give_up_at):
    """Sign as `index` until acknowledged, refused for good, or out of attempts."""
    if signers.sessions is not None:
        visitor.cookies["sessionid"] = signers.sessions[index]
    tally.tried.add(index)
    for attempt in range(ATTEMPTS):
        if attempt:
            tally.retries += 1
            await asyncio.sleep(RETRY_PAUSE)
        tally.sent += 1
        signers.in_flight.add(index)
        try:
            response = await post_once(visitor, path, signers.fields(index))
        except (OSError, TimeoutError, asyncio.IncompleteReadError, ValueError):
            tally.connection_errors += 1
            response = None
        finally:
            signers.in_flight.discard(index)
        if response is not None:
            tally.status(response.status)
            location = response.header("location") or ""
            if response.status in (302, 303) and location.endswith(ACKNOWLEDGED):
                tally.acknowledged.add(index)
                return
            if response.status == 500:
                tally.got_500.add(index)
            if response.status != 503:
                return  # anything else is an answer: not retried
        if clock.now() >= give_up_at:
            break
    tally.gave_up.add(index)


async def burst(port, path, signers, clients, seconds, faults):
    visitors = await visitors_ready(HOST, port, clients, path)
    clock = Clock()
    tally = Tally()
    end = min(seconds, RUN_LIMIT_SECONDS)

    async def client(visitor):
        while clock.now() < end:
            taken = signers.take()
            if taken is None:
                return
            await sign_one(visitor, path, signers, taken[0], tally, clock, end + GRACE_SECONDS)

    injector = asyncio.create_task(faults(clock, end))
    try:
        await asyncio.gather(*(client(visitor) for visitor in visitors))
    finally:
        for visitor in visitors:
            visitor.close()
    events = await injector
    tally.seconds = clock.now()
    return tally, events


def worker_pids(master):
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == master:
                found.append(int(entry.name))
    return sorted(found)


def _serving_inodes(port):
    """Socket inodes of the server's established connections (from /proc/net/tcp: local port = `port`)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            if fields[3] == "01" and int(fields[1].rsplit(":", 1)[1], 16) == port:
                found.add(fields[9])
    return found


def _sockets_of(pid):
    found = set()
    try:
        for fd in Path(f"/proc/{pid}/fd").iterdir():
            target = os.readlink(fd)
            if target.startswith("socket:["):
                found.add(target[8:-1])
    except OSError:
        pass
    return found


def busy_worker(master, port, wait=2.0):
    """A worker that holds a client's connection right now (so the kill cuts a request), or any worker."""
    deadline = time.monotonic() + wait
    while True:
        pids = worker_pids(master)
        serving = _serving_inodes(port)
        busy = [pid for pid in pids if _sockets_of(pid) & serving]
        if busy or time.monotonic() > deadline:
            return (busy or pids or [None])[0], bool(busy)
        time.sleep(0.005)


def fault_schedule(server, cluster, threshold_near=None):
    """Kill a worker at 25 % and 65 % of the burst, restart PostgreSQL at 45 %; returns what happened when.
    With threshold_near (logged-in signers), at 30 % the threshold is put where the count will be at about 50 %."""

    async def run(clock, end):
        events = []
        plan = [(0.25, "kill"), (0.45, "restart"), (0.65, "kill")]
        if threshold_near:
            plan.insert(1, (0.30, "threshold"))
        for share, what in plan:
            delay = share * end - clock.now()
            if delay > 0:
                await asyncio.sleep(delay)
            at = round(clock.now(), 2)
            if what == "kill":
                victim, busy = await asyncio.to_thread(busy_worker, server.process.pid, server.port)
                if victim:
                    os.kill(victim, signal.SIGKILL)
                state = "in a request" if busy else "idle"
                events.append({"at_s": at, "fault": f"SIGKILL gunicorn worker {victim} ({state})"})
            elif what == "threshold":
                count, threshold = await asyncio.to_thread(threshold_near, 0.50 / 0.30)
                events.append({"at_s": at, "fault": f"threshold set to {threshold} (valid signatures: {count})"})
            else:
                took = await asyncio.to_thread(cluster.restart)
                events.append({"at_s": at, "fault": "pg_ctl restart -m fast", "took_s": round(took, 2)})
        return events

    return run


def threshold_setter(database_url, proposal_id):
    """A threshold the burst will cross soon: `factor` times the valid signatures now. The signing processes see
    it within their signing window's seconds (5), so it is set well before the restart."""

    def set_threshold(factor):
        import psycopg

        with psycopg.connect(database_url, autocommit=True, connect_timeout=10) as connection:
            count = connection.execute(
                "SELECT COUNT(*) FROM proposals_signature WHERE proposal_id = %s AND status = 'valid'", [proposal_id]
            ).fetchone()[0]
            threshold = max(10, int(count * factor))
            connection.execute("UPDATE proposals_proposal SET threshold = %s WHERE id = %s", [threshold, proposal_id])
        return count, threshold

    return set_threshold


def stored_signers(database_url, proposal_id):
    """signer_key -> rows, and the proposal's cases, read straight from the database."""
    import psycopg

    with psycopg.connect(database_url, connect_timeout=10) as connection:
        rows = connection.execute(
            "SELECT signer_key, COUNT(*), SUM(CASE WHEN status = 'pending' AND confirmation_mailed_at IS NULL "
            "THEN 1 ELSE 0 END) FROM proposals_signature WHERE proposal_id = %s GROUP BY signer_key",
            [proposal_id],
        ).fetchall()
        cases = connection.execute(
            "SELECT COUNT(*) FROM proposals_proposalcase WHERE proposal_id = %s", [proposal_id]
        ).fetchone()[0]
    waiting = sum(row[2] for row in rows)
    return {key: count for key, count, _waiting in rows}, waiting, cases


def figures_of(tally, signers, stored, waiting_links, cases, events, periodic, threshold):
    keys = {index: signers.email(index).lower() for index in tally.tried}
    acknowledged = {keys[index] for index in tally.acknowledged}
    lost = sorted(key for key in acknowledged if key not in stored)
    doubled = sorted(key for key, count in stored.items() if count > 1)
    got_500_stored = sorted(keys[index] for index in tally.got_500 if keys[index] in stored)
    return {
        "seconds": round(tally.seconds, 1),
        "faults": events,
        "signers_tried": len(tally.tried),
        "sent": tally.sent,
        "retries": tally.retries,
        "acknowledged": len(acknowledged),
        "stored": len(stored),
        "stored_rows": sum(stored.values()),
        "stored_not_acknowledged": len(set(stored) - acknowledged),
        "duplicates": len(doubled),
        "lost": len(lost),
        "gave_up": len(tally.gave_up),
        "statuses": tally.statuses,
        "server_errors": tally.server_errors,
        "connection_errors": tally.connection_errors,
        "500_for_a_stored_signature": len(got_500_stored),
        "links_waiting_after_periodic_job": waiting_links,
        "threshold": threshold,
        "cases": cases,
        "periodic_job": periodic,
        "examples": {"lost": lost[:5], "doubled": doubled[:5], "500_stored": got_500_stored[:5]},
    }


def failures(figures, identified):
    found = []
    if figures["lost"]:
        found.append(f"{figures['lost']} acknowledged signatures are missing")
    if figures["duplicates"]:
        found.append(f"{figures['duplicates']} signatures are stored twice")
    if figures["500_for_a_stored_signature"]:
        found.append(f"{figures['500_for_a_stored_signature']} stored signatures got a 500")
    if identified and figures["cases"] != 1:
        found.append(f"{figures['cases']} cases instead of 1")
    return found


def _others(statuses):
    return {code: count for code, count in sorted(statuses.items()) if code not in (302, 303) and code < 500}


def report(figures, identified):
    five = figures["server_errors"]
    lines = [
        f"Signing under faults ({'logged-in' if identified else 'anonymous'} signers, {figures['seconds']} s)",
        *(f"  {event['at_s']:>6} s  {event['fault']}" for event in figures["faults"]),
        f"  sent              {figures['sent']} requests ({figures['retries']} of them retries)",
        f"  signers           {figures['signers_tried']}",
        f"  acknowledged      {figures['acknowledged']}",
        f"  stored            {figures['stored']} ({figures['stored_not_acknowledged']} of them not acknowledged)",
        f"  duplicates        {figures['duplicates']}",
        f"  lost              {figures['lost']}",
        f"  5xx               {sum(five.values())} {five or ''}".rstrip(),
        f"  other answers     {_others(figures['statuses']) or 'none'} (200: signing closed at the threshold)",
        f"  connection errors {figures['connection_errors']}",
        f"  gave up           {figures['gave_up']} signers (every attempt failed)",
        f"  500 for a stored signature   {figures['500_for_a_stored_signature']}",
        f"  links waiting after the job  {figures['links_waiting_after_periodic_job']}",
    ]
    if identified:
        lines.append(f"  cases             {figures['cases']} (threshold {figures['threshold']})")
    return "\n".join(lines)


def run(args):
    with PrivateCluster(port=args.port) as cluster:
        import psycopg

        with psycopg.connect(f"{cluster.admin_url}/postgres", autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{DATABASE}"')
        url = f"{cluster.admin_url}/{DATABASE}"
        env = bench_env(url)
        manage(env, "migrate", "-v0")
        bench_command(env, "seed")
        sessions = _sessions(env, args) if args.identified else None
        pk = bench_command(env, "proposal", "--threshold", str(10**9))["pk"]
        # Logged in, the signer key is the user's address: the bench seed makes it as Signers.email does.
        signers = Signers(SESSION_PREFIX if args.identified else f"faults-{pk}-", 0.05, sessions)
        near = threshold_setter(url, pk) if args.identified else None
        log_path = Path(args.results) / "faults-server.log"
        with Server(env, args.workers, log_path=log_path) as server:
            faults = fault_schedule(server, cluster, near)
            tally, events = asyncio.run(burst(server.port, sign_path(pk), signers, args.clients, args.seconds, faults))
            periodic = manage(env, "proposals_expire").strip()
        stored, waiting, cases = stored_signers(url, pk)
        threshold = _threshold(url, pk)
        figures = figures_of(tally, signers, stored, waiting, cases, events, periodic, threshold)
        figures["server_log"] = _log_counts(log_path)
    return figures


def _sessions(env, args):
    count = int(args.seconds * 200) + 1000  # more than a run can use at the logged-in signing rate here
    out = Path(args.results) / "faults-sessions.txt"
    bench_command(env, "signers", "--count", str(count), "--prefix", SESSION_PREFIX, "--out", str(out))
    return out.read_text().split()


def _threshold(database_url, proposal_id):
    import psycopg

    with psycopg.connect(database_url, connect_timeout=10) as connection:
        sql = "SELECT threshold FROM proposals_proposal WHERE id = %s"
        return connection.execute(sql, [proposal_id]).fetchone()[0]


def _log_counts(path):
    text = path.read_text(errors="replace") if path.exists() else ""
    return {
        "left_to_the_periodic_job": text.count("failed after the signature was stored"),
        "insert_sent_again": text.count("trying once more on a new one"),
        "failed_before_storing": text.count("failed before a signature was stored"),
        "tracebacks": text.count("Traceback (most recent call last)"),
        "worker_timeouts": text.count("WORKER TIMEOUT"),
    }


def main(argv=None):
    args = parse(argv)
    Path(args.results).mkdir(parents=True, exist_ok=True)
    print(f"== Signing under faults: {args.seconds:g} s burst, {args.clients} clients, {args.workers} workers")
    started = time.time()
    figures = run(args)
    figures["wall_seconds"] = round(time.time() - started, 1)
    (Path(args.results) / "faults.json").write_text(json.dumps(figures, indent=2, default=str))
    print(report(figures, args.identified))
    print(f"  server log: {figures['server_log']}")
    problems = failures(figures, args.identified)
    for problem in problems:
        print(f"FAILED: {problem}")
    print("OK: every acknowledged signature is stored once" if not problems else "")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
