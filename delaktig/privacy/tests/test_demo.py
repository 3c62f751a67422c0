"""The demo shows personal data and records: Saga Lind's identity is protected after she proposed and signed, and
the retention's run log has something removed."""

import pytest

from delaktig.accounts.models import User
from delaktig.demo.tests.site import demo_site  # noqa: F401 (a fixture)
from delaktig.privacy.models import RetentionRun
from delaktig.proposals.models import Signature

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_protected_resident_and_a_retention_run(demo_site):  # noqa: F811
    saga = User.objects.get(name="Saga Lind", memberships__isnull=True, email__contains="hagfors")
    assert saga.protected_identity and saga.proposals.exists()
    assert Signature.objects.filter(user=saga).exists()
    assert not Signature.objects.filter(user=saga, show_name=True).exists()
    assert not saga.proposals.exclude(proposer_name="").exists()
    run = RetentionRun.objects.filter(municipality=demo_site.home).first()
    assert run.removed["signatures_unconfirmed"] == 3 and run.removed["signatures_ip"] >= 4
