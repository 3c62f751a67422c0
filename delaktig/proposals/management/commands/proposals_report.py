"""Send the twice-yearly report on citizen proposals not yet decided. Run daily, e.g. from cron:

    python manage.py proposals_report

It sends only in the municipality's report months (default April and October), once per month; running it
again in the same month does nothing. --force sends again, --date pretends another day.
"""

import datetime

from django.core.management.base import BaseCommand, CommandError

from delaktig.organisations.models import Municipality
from delaktig.proposals.handling import unfinished_report_send


class Command(BaseCommand):
    help = "E-mail the report on citizen proposals not yet decided, in the report months, once a month."

    def add_arguments(self, parser):
        parser.add_argument("--municipality", help="Only this municipality (its web address, the slug).")
        parser.add_argument("--date", help="Act as if today were this date (YYYY-MM-DD).")
        parser.add_argument("--force", action="store_true", help="Send even if not a report month or already sent.")

    def handle(self, *args, **options):
        today = self._date(options["date"])
        municipalities = Municipality.objects.filter(is_active=True)
        if options["municipality"]:
            municipalities = municipalities.filter(slug=options["municipality"])
            if not municipalities.exists():
                raise CommandError(f"No active municipality with the web address {options['municipality']!r}.")
        for municipality in municipalities:
            sent, why_not = unfinished_report_send(municipality=municipality, today=today, force=options["force"])
            if sent:
                self.stdout.write(self.style.SUCCESS(f"{municipality.slug}: report sent"))
            else:
                self.stdout.write(f"{municipality.slug}: not sent ({why_not})")

    def _date(self, value):
        if not value:
            return None
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            raise CommandError("Give the date as YYYY-MM-DD.") from None
