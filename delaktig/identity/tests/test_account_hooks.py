"""e-ID in "my data", erasure, the test provider's mount and the periodic forgetting of nonces."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from delaktig.accounts.models import IdentityLevel
from delaktig.accounts.services import personal_data_collect, user_erase
from delaktig.accounts.tests.factories import UserFactory
from delaktig.identity.models import PersonalIdentity, UsedNonce
from delaktig.identity.pins import pin_hash
from delaktig.identity.services import nonces_forget

pytestmark = pytest.mark.django_db


def test_my_data_lists_the_e_id_without_the_hash_and_erasure_removes_it():
    user = UserFactory(identity_level=IdentityLevel.SUBSTANTIAL)
    link = PersonalIdentity.objects.create(user=user, pin_hash=pin_hash("191212121212"), residence_code="1783")
    data = personal_data_collect(user=user)
    (row,) = data["activity"]["E-legitimation"]
    assert row["municipality_of_residence_code"] == "1783" and link.pin_hash not in str(data)
    user_erase(user=user)
    assert not PersonalIdentity.objects.exists()


def test_used_nonces_are_forgotten_once_their_tokens_have_expired():
    now = timezone.now()
    UsedNonce.objects.create(digest="a" * 64, expires_at=now - datetime.timedelta(minutes=1))
    UsedNonce.objects.create(digest="b" * 64, expires_at=now + datetime.timedelta(minutes=5))
    assert nonces_forget() == 1 and UsedNonce.objects.get().digest == "b" * 64


def test_the_test_provider_is_not_there_unless_turned_on(client, settings):
    settings.TEST_EID_PROVIDER = False
    assert client.get("/test-e-legitimation/.well-known/openid-configuration").status_code == 404
    settings.TEST_EID_PROVIDER = True
    response = client.get("/test-e-legitimation/.well-known/openid-configuration")
    assert response.status_code == 200 and response.json()["issuer"] == "http://testserver/test-e-legitimation"


def test_my_pages_offers_to_link_e_id(client, eid):
    client.force_login(UserFactory())
    page = client.get(reverse("accounts:my_pages", args=["hagby"])).content.decode()
    assert "Koppla e-legitimation" in page
