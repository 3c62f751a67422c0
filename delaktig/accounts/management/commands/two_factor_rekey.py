"""manage.py two_factor_rekey: write every authenticator app's secret with the current SECRET_KEY (after rotating
it, before its old value leaves SECRET_KEY_FALLBACKS; accounts/sealing.py)."""

from cryptography.fernet import InvalidToken
from django.core.management.base import BaseCommand

from delaktig.accounts.models import TwoFactor
from delaktig.accounts.sealing import resealed


class Command(BaseCommand):
    help = "Encrypt every two-step verification secret again with the current SECRET_KEY."

    def handle(self, *args, **options):
        done, unreadable = 0, []
        for device in TwoFactor.objects.select_related("user").order_by("pk"):
            try:
                device.secret_sealed = resealed(device.secret_sealed)
            except InvalidToken:
                unreadable.append(device.user.email)
                continue
            device.save(update_fields=["secret_sealed"])
            done += 1
        self.stdout.write(f"{done} secrets written with the current key.")
        if unreadable:
            self.stderr.write(
                f"{len(unreadable)} cannot be opened with SECRET_KEY or its fallbacks; reset their apps: "
                + ", ".join(unreadable)
            )
