#!/usr/bin/env python
"""A mailing to 5,000 people with its workers killed (SIGKILL) again and again: does everyone get it once?

    .venv/bin/python bench/mailing_crash.py [--recipients 5000] [--kills 8] [--postgres]

Creates its own database (a SQLite file under var/bench, or PostgreSQL `delaktig_bench_mail`), one mailing
and its task, a local SMTP sink (delaktig.mailings.smtp_sink) on 127.0.0.1, and `manage.py worker`
processes with a 2-second lease. At evenly spread points of the mailing it kills the running worker with
SIGKILL and starts a new one, which takes the task up when the lease runs out. Each kill comes at the worst
moment: the sink has taken the message, and the worker has not yet heard so (nor stamped it). It prints how many mails
each recipient got (a histogram), the extra mails against the kills, and exits non-zero if anyone was
skipped or a crash cost more than one extra mail.
"""

import argparse
import os
import shutil
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def parse(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--recipients", type=int, default=5000)
    parser.add_argument("--kills", type=int, default=8)
    parser.add_argument("--lease", type=float, default=2.0, help="TASK_LEASE_SECONDS for the workers")
    parser.add_argument("--delay", type=float, default=0.0, help="seconds the SMTP sink takes per message")
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--timeout", type=float, default=600)
    return parser.parse_args(argv)


def database_url(postgres):
    if postgres:
        subprocess.run(
            ["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", "delaktig_bench_mail"], check=True
        )
        subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", "delaktig_bench_mail"], check=True)
        return "postgres://postgres@127.0.0.1:5432/delaktig_bench_mail"
    folder = ROOT / "var" / "bench"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return f"sqlite:///{folder / 'mailing.sqlite3'}"


def set_up(recipients):
    """Migrate, then one municipality, one mailing and its queued task; returns the mailing's id."""
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    from django.db import transaction

    from delaktig.mailings.services import mailing_create
    from delaktig.organisations.models import Municipality

    municipality = Municipality.objects.create(name="Benchköping", slug="benchkoping", municipality_code="9999")
    with transaction.atomic():
        mailing = mailing_create(
            municipality=municipality,
            purpose="bench",
            subject="Återkoppling",
            body="Hej {name}",
            recipients=((f"p{i}@example.se", f"Person {i}") for i in range(recipients)),
        )
    return mailing.pk


def status(mailing_id):
    from django_tasks_db.models import DBTaskResult

    from delaktig.mailings.models import Mailing

    if DBTaskResult.objects.filter(status="FAILED").exists():
        raise SystemExit("the mailing's task failed")
    return Mailing.objects.values_list("status", flat=True).get(pk=mailing_id)


def start_worker(env):
    command = [sys.executable, "manage.py", "worker", "--interval", "0.2", "--no-startup-delay", "--no-reload"]
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def run(args):
    from delaktig.mailings.smtp_sink import SmtpSink

    os.environ.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DATABASE_URL=database_url(args.postgres),
        TASK_BACKEND="django_tasks_db.DatabaseBackend",
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        TASK_LEASE_SECONDS=str(args.lease),
        TASK_MAX_ATTEMPTS=str(args.kills + 2),  # every kill is one more start of the same task
    )
    mailing_id = set_up(args.recipients)
    kill_points = {args.recipients * (k + 1) // (args.kills + 1) for k in range(args.kills)}
    started = time.monotonic()
    killed = threading.Event()
    worker = None

    def kill_in_flight(count):
        """The sink has the message, the worker has not heard so: the worst moment to die."""
        if count in kill_points:
            worker.kill()
            print(f"killed a worker at {count:,} mails, its last one in flight")
            killed.set()

    with SmtpSink(delay=args.delay, on_accept=kill_in_flight) as sink:
        env = {**os.environ, "EMAIL_PORT": str(sink.port)}
        worker = start_worker(env)
        try:
            while status(mailing_id) != "done":
                _check_time(started, args.timeout)
                if killed.wait(0.2):
                    killed.clear()
                    worker.wait()
                    worker = start_worker(env)
        finally:
            worker.terminate()
            worker.wait(timeout=20)
        received = Counter(sink.recipients)
    return received, time.monotonic() - started


def _check_time(started, timeout):
    if time.monotonic() - started > timeout:
        raise SystemExit(f"gave up after {timeout:.0f} s")


def main(argv=None):
    args = parse(argv)
    received, seconds = run(args)
    histogram = Counter(received.values())
    skipped = args.recipients - len(received)
    extra = sum(received.values()) - len(received)
    print(
        f"\nRecipients {args.recipients:,}; mails handed to the SMTP sink {sum(received.values()):,}; {seconds:.1f} s"
    )
    print("mails per recipient | recipients")
    for mails in sorted({0, *histogram}):
        count = skipped if mails == 0 else histogram[mails]
        print(f"{mails:>19} | {count:,}")
    print(f"kills {args.kills}; extra mails {extra} (bound: at most one per kill); skipped {skipped}")
    ok = skipped == 0 and extra <= args.kills
    print("OK" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
