"""Run once a day or more often (cron, a systemd timer, or --every): reminders before feedback deadlines and
escalation to the democracy officers after them. Each e-mail is sent once, however often this runs."""

import time

from django.core.management.base import BaseCommand

from delaktig.followup.services import feedback_deadlines_check


class Command(BaseCommand):
    help = (
        "Remind the responsible officer before a dialogue's feedback deadline, and tell the democracy officers "
        "when the deadline has passed without published feedback."
    )

    def add_arguments(self, parser):
        parser.add_argument("--every", type=int, default=0, help="Keep running, once every this many seconds.")

    def handle(self, *args, every=0, **options):
        while True:
            result = feedback_deadlines_check()
            self.stdout.write(f"Reminders sent: {result['reminders']}, escalations sent: {result['escalations']}")
            if every <= 0:
                return
            time.sleep(every)
