"""The addresses personal invitations went to are removed six months after the invitation; the invitation stays
for the response rate."""

import datetime

import pytest
import time_machine

from delaktig.privacy.services import retention_apply

from ..models import Invitation

pytestmark = pytest.mark.django_db


def test_invitation_addresses_go_after_six_months_and_the_invitations_stay(survey):
    old = Invitation.objects.create(survey=survey, token_hash="a" * 64, email="gammal@example.se", answered=True)
    new = Invitation.objects.create(survey=survey, token_hash="b" * 64, email="ny@example.se")
    Invitation.objects.filter(pk=old.pk).update(created_at=old.created_at - datetime.timedelta(days=200))
    with time_machine.travel(new.created_at + datetime.timedelta(days=1), tick=False):
        retention_apply()
    old.refresh_from_db()
    new.refresh_from_db()
    assert old.email == "" and old.answered and new.email == "ny@example.se"
