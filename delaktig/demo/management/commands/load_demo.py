import os

from django.core.management.base import BaseCommand

from delaktig.demo import content
from delaktig.demo.loader import email_for, load


class Command(BaseCommand):
    help = "Load the demo municipalities (idempotent) and print the demo accounts."

    def handle(self, *args, **options):
        load()
        self.stdout.write(self.style.SUCCESS("Demo data is loaded. Log in with these accounts:"))
        muni = content.MUNICIPALITIES[0]
        for local, name, role, _body, _title in content.PEOPLE:
            self.stdout.write(f"  {email_for(local, muni):32} {role or 'resident':18} {name}")
        self.stdout.write(f"  {'superadmin@delaktig.example':32} {'superuser':18} Django admin at /django-admin/")
        self.stdout.write(f"Password for every account: {content.PASSWORD}")
        self.stdout.write(
            "admin, demokrati, registrator and superadmin also give a code from an app: while the demo runs, "
            "the login's second step shows it (app secrets in delaktig/demo/content.py)."
        )
        base = f"http://127.0.0.1:{os.environ.get('PORT', '8000')}/{muni['slug']}/"
        self.stdout.write(f"Open {base} (staff workspace: {base}personal/)")
