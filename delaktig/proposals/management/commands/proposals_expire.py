"""Run every ten minutes (cron, a systemd timer, or --every): thresholds reached, signing periods that ended,
any confirmation link still waiting in the outbox, and the steps a signing request could not finish after its
signature was stored (thresholds_recheck)."""

import time

from django.core.management.base import BaseCommand

from delaktig.proposals.services_outbox import confirmation_mails_send
from delaktig.proposals.services_threshold import proposals_expire, thresholds_recheck


class Command(BaseCommand):
    help = (
        "Open a case for every collecting e-petition that has enough signatures, and close (or hand to an "
        "officer) those whose signing period is over below the threshold."
    )

    def add_arguments(self, parser):
        parser.add_argument("--every", type=int, default=0, help="Keep running, once every this many seconds.")

    def handle(self, *args, every=0, **options):
        while True:
            rechecked = thresholds_recheck()
            result = proposals_expire()
            mailed = confirmation_mails_send()
            self.stdout.write(
                f"Threshold reached: {result['threshold'] + rechecked['threshold']}, closed: {result['closed']}, "
                f"to an officer: {result['officer']}, confirmation links sent: {mailed}, "
                f"threshold mailings created: {rechecked['mailings']}"
            )
            if every <= 0:
                return
            time.sleep(every)
