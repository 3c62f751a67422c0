"""Run every ten minutes (cron, a systemd timer, or --every): thresholds reached, signing periods that ended,
any confirmation link still waiting in the outbox, and the steps a signing request could not finish after its
signature was stored (thresholds_recheck)."""

import time

from django.core.management.base import BaseCommand

from delaktig.proposals.signatures import expiry_run


class Command(BaseCommand):
    help = (
        "Open a case for every collecting e-petition that has enough signatures, and close (or hand to an "
        "officer) those whose signing period is over below the threshold."
    )

    def add_arguments(self, parser):
        parser.add_argument("--every", type=int, default=0, help="Keep running, once every this many seconds.")

    def handle(self, *args, every=0, **options):
        while True:
            result = expiry_run()
            self.stdout.write(
                f"Threshold reached: {result['threshold']}, closed: {result['closed']}, "
                f"to an officer: {result['officer']}, confirmation links sent: {result['mailed']}, "
                f"threshold mailings created: {result['threshold_mailings']}"
            )
            if every <= 0:
                return
            time.sleep(every)
