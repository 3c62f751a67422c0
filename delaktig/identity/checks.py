"""`manage.py check --deploy`: production needs EID_HASH_KEY outside the database (pins.py)."""

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security, deploy=True)
def eid_hash_key_check(app_configs, **kwargs):
    if settings.DEBUG or getattr(settings, "EID_HASH_KEY", ""):
        return []
    return [
        checks.Warning(
            "EID_HASH_KEY is not set: personal identity numbers are hashed with a key derived from SECRET_KEY.",
            hint="Set EID_HASH_KEY in the environment to a long random value kept outside the database and backups.",
            id="identity.W001",
        )
    ]
