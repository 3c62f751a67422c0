"""A receipt queued under open input's own task name, before the receipt moved to participation, is still sent."""

import pytest
from django.core import mail

from delaktig.accounts.tests.factories import UserFactory

from ..services import input_create
from ..tasks import input_receipt_send
from .factories import open_input_module

pytestmark = pytest.mark.django_db


def test_a_receipt_queued_under_the_old_name_is_sent(municipality):
    module = open_input_module(municipality=municipality)
    item = input_create(module=module, author=UserFactory(email="rut@example.org"), title="Bänkar", text="Fler.")
    mail.outbox.clear()
    input_receipt_send.enqueue(input_id=item.pk, language="sv")
    assert [message.to for message in mail.outbox] == [["rut@example.org"]]
