"""The secrets of authenticator apps are encrypted in the database with a key derived from SECRET_KEY, which is not
there; rotating SECRET_KEY the Django way keeps every app working (ASVS 2.8.2)."""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import override_settings

from ..models import TwoFactor
from ..sealing import opened
from ..services_twofactor import code_at, current_step
from .factories import UserFactory

pytestmark = pytest.mark.django_db
SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def stored_column(device):
    with connection.cursor() as cursor:
        cursor.execute(f'SELECT "secret_sealed" FROM "{TwoFactor._meta.db_table}" WHERE "id" = %s', [device.pk])
        return cursor.fetchone()[0]


def test_the_database_holds_no_secret_in_clear():
    device = TwoFactor.objects.create(user=UserFactory(), secret=SECRET)
    column = stored_column(device)
    assert SECRET not in column and len(column) > 100
    assert TwoFactor.objects.get(pk=device.pk).secret == SECRET


def test_a_rotated_key_still_opens_every_secret_and_rekeying_moves_them_to_the_new_one():
    device = TwoFactor.objects.create(user=UserFactory(), secret=SECRET)
    code = code_at(device, current_step())
    from django.conf import settings

    old = settings.SECRET_KEY
    with override_settings(SECRET_KEY="a-new-key-" + "x" * 50, SECRET_KEY_FALLBACKS=[old]):
        rotated = TwoFactor.objects.get(pk=device.pk)
        assert rotated.secret == SECRET and code_at(rotated, current_step()) == code
        out = io.StringIO()
        call_command("two_factor_rekey", stdout=out)
        assert "1 secrets written" in out.getvalue()
    with override_settings(SECRET_KEY="a-new-key-" + "x" * 50, SECRET_KEY_FALLBACKS=[]):
        assert TwoFactor.objects.get(pk=device.pk).secret == SECRET  # the old key is no longer needed


def test_a_key_lost_opens_nothing_and_says_so(caplog):
    device = TwoFactor.objects.create(user=UserFactory(), secret=SECRET)
    with override_settings(SECRET_KEY="another-key-" + "y" * 50, SECRET_KEY_FALLBACKS=[]):
        assert TwoFactor.objects.get(pk=device.pk).secret == ""
        err = io.StringIO()
        call_command("two_factor_rekey", stdout=io.StringIO(), stderr=err)
        assert device.user.email in err.getvalue()
    assert "cannot be opened" in caplog.text
    assert opened("") == ""
