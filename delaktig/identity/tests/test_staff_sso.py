"""Staff single sign-on against the local provider: roles from the directory's groups, added and taken away only
where single sign-on gave them."""

import pytest
from django.urls import reverse

from delaktig.accounts.models import User
from delaktig.core.models import AuditEvent
from delaktig.identity.local_provider import STAFF, FictitiousPerson
from delaktig.identity.models import SsoRole
from delaktig.organisations.models import Membership, Role

from .conftest import eid_round

pytestmark = pytest.mark.django_db


def sso_round(client, person="ingrid"):
    return eid_round(client, person=person, start="identity:sso_start", next_url="/hagby/personal/")


def test_a_staff_login_makes_the_account_with_the_roles_of_its_groups(client, sso):
    response = sso_round(client)
    assert response.status_code == 302 and response["Location"] == "/hagby/personal/"
    user = User.objects.get(email="ingrid.intern@hagfors.example")
    assert set(user.memberships.values_list("role", flat=True)) == {Role.DEMOCRACY_OFFICER}
    assert AuditEvent.objects.filter(action="identity.sso_login", actor=user).exists()


def test_roles_the_directory_no_longer_gives_go_but_roles_given_by_hand_stay(client, sso, provider, hagby):
    sso_round(client)
    user = User.objects.get(email="ingrid.intern@hagfors.example")
    Membership.objects.create(user=user, municipality=hagby, role=Role.REGISTRAR)  # given by hand
    provider.persons["ingrid"] = FictitiousPerson(
        "ingrid", "Ingrid Intern", "Ingrid", "Intern", email=STAFF[0].email, groups=("delaktig-moderatorer",)
    )
    client.logout()
    sso_round(client)
    assert set(user.memberships.values_list("role", flat=True)) == {Role.REGISTRAR, Role.MODERATOR}
    assert SsoRole.objects.get().membership.role == Role.MODERATOR


def test_the_login_page_offers_the_municipality_s_account(client, sso):
    page = client.get(reverse("accounts:login", args=["hagby"])).content.decode()
    assert "Logga in med kommunens konto" in page and "Logga in med e-legitimation" not in page


def test_a_tampered_staff_token_is_refused(client, sso, provider):
    provider.faults.add("wrong_key")
    assert sso_round(client).status_code == 400
    assert not User.objects.filter(email="ingrid.intern@hagfors.example").exists()
