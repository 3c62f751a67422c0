"""e-ID through OpenID Connect against the local provider over real HTTP: the whole flow, and each tampered or
failing answer refused with a Swedish page, nothing saved and the page the person was heading to kept."""

import socket

import pytest
from django.db import connection
from django.urls import reverse

from delaktig.accounts.models import IdentityLevel, User
from delaktig.accounts.tests.factories import UserFactory
from delaktig.identity.models import PersonalIdentity, UsedNonce
from delaktig.identity.pins import pin_hash

from .conftest import eid_round, eid_start, provider_answer

pytestmark = pytest.mark.django_db
NEXT = "/hagby/forslag/"


def new_account(client, name="Tolvan Tolvansson", email="tolvan@example.se"):
    return client.post(reverse("identity:new_account", args=["hagby"]), {"name": name, "email": email})


def logged_in_user(client):
    return int(client.session["_auth_user_id"]) if "_auth_user_id" in client.session else None


def test_a_first_e_id_login_makes_an_account_and_goes_on_to_the_page(client, eid):
    response = eid_round(client, next_url=NEXT)
    assert response.status_code == 302 and response["Location"] == reverse("identity:new_account", args=["hagby"])
    page = client.get(response["Location"])
    assert "Tolvan Tolvansson" in page.content.decode()  # the name from the provider, as the default
    response = new_account(client)
    assert response.status_code == 302 and response["Location"] == NEXT
    user = User.objects.get(email="tolvan@example.se")
    assert logged_in_user(client) == user.pk and user.identity_level == IdentityLevel.SUBSTANTIAL
    identity = PersonalIdentity.objects.get(user=user)
    assert identity.pin_hash == pin_hash("191212121212") and identity.residence_code == "1783"


def test_the_personal_identity_number_is_stored_nowhere_in_clear(client, eid):
    eid_round(client)
    new_account(client)
    with connection.cursor() as cursor:
        for table in ("identity_personalidentity", "accounts_user", "core_auditevent", "django_session"):
            cursor.execute(f"SELECT * FROM {table}")  # noqa: S608 (fixed names)
            assert "121212" not in repr(cursor.fetchall())


def test_a_linked_person_logs_in_straight_away(client, eid):
    eid_round(client)
    new_account(client)
    client.logout()
    response = eid_round(client, next_url=NEXT)
    assert response.status_code == 302 and response["Location"] == NEXT
    assert logged_in_user(client) == User.objects.get(email="tolvan@example.se").pk
    # an e-ID login is no password login (no code step) and has the timeouts of every login
    assert client.session["accounts_auth_factors"] == "e-id" and client.session["accounts_session_started"]


def test_a_wrong_state_is_refused(client, eid):
    back = provider_answer(eid_start(client, next_url=NEXT), "tolvan")
    response = client.get(back.replace("state=", "state=x"))
    assert response.status_code == 400
    text = response.content.decode()
    assert "Försök igen" in text and logged_in_user(client) is None and not PersonalIdentity.objects.exists()


def test_a_replayed_nonce_is_refused(client, eid):
    """An attacker who captured an attempt (its state, nonce and verifier) and replays it with a fresh code."""
    authorize = eid_start(client, next_url=NEXT)
    captured = dict(client.session["identity_attempts"])
    assert eid_round(client).status_code == 302 or True  # another, ordinary attempt between
    first = client.get(provider_answer(authorize, "tolvan"))
    assert first.status_code == 302 and UsedNonce.objects.count() >= 1
    session = client.session
    session["identity_attempts"] = captured
    session.save()
    again = client.get(provider_answer(authorize, "tolvan"))  # the same nonce, a new code, the state restored
    assert again.status_code == 400 and "Försök igen" in again.content.decode()


@pytest.mark.parametrize("fault", ["expired", "unsigned", "wrong_key", "wrong_audience"])
def test_a_tampered_id_token_is_refused(client, eid, provider, fault):
    provider.faults.add(fault)
    response = eid_round(client, next_url=NEXT)
    assert response.status_code == 400
    text = response.content.decode()
    assert "Försök igen" in text and f"?next={NEXT.replace('/', '%2F')}" in text
    assert logged_in_user(client) is None and not PersonalIdentity.objects.exists()
    assert "identity_pending" not in client.session


def test_a_provider_that_is_down_gives_a_page_to_try_again_from(client, eid):
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    eid.issuer = f"http://127.0.0.1:{port}"
    eid.save()
    response = client.get(reverse("identity:eid_start", args=["hagby"]), {"next": NEXT})
    assert response.status_code == 503
    text = response.content.decode()
    assert "Försök igen" in text and "%2Fhagby%2Fforslag%2F" in text and f'href="{NEXT}"' in text


def test_a_slow_provider_gives_a_page_to_try_again_from(client, eid, provider, settings):
    settings.OIDC_TIMEOUT = 0.5
    authorize = eid_start(client, next_url=NEXT)  # discovery answers at once; the token answer is slow
    provider.delay = 2
    response = client.get(provider_answer(authorize, "tolvan"))
    assert response.status_code == 503
    text = response.content.decode()
    assert "Försök igen" in text and f'href="{NEXT}"' in text and logged_in_user(client) is None


def test_a_cancelled_login_is_a_page_not_an_error(client, eid):
    authorize = eid_start(client, next_url=NEXT)
    state = authorize.split("state=")[1].split("&")[0]
    response = client.get(reverse("identity:callback", args=["hagby"]), {"state": state, "error": "access_denied"})
    assert response.status_code == 400 and "avbröts" in response.content.decode()


def test_a_number_linked_to_another_account_is_refused_and_nothing_is_saved(client, eid):
    eid_round(client)
    new_account(client)
    client.logout()
    other = UserFactory(email="annan@example.se")
    client.force_login(other)
    response = eid_round(client, next_url=NEXT)
    assert response.status_code == 409 and "ett annat konto" in response.content.decode()
    other.refresh_from_db()
    assert other.identity_level == IdentityLevel.EMAIL and not PersonalIdentity.objects.filter(user=other).exists()


def test_a_logged_in_person_links_e_id_after_confirming_and_can_remove_it(client, eid):
    user = UserFactory(email="greta@example.se")
    client.force_login(user)
    response = eid_round(client, person="greta", next_url=NEXT)
    assert response["Location"] == reverse("identity:link", args=["hagby"])
    assert "greta@example.se" in client.get(response["Location"]).content.decode()
    assert not PersonalIdentity.objects.exists()  # nothing before the person says yes
    response = client.post(reverse("identity:link", args=["hagby"]))
    assert response["Location"] == NEXT
    user.refresh_from_db()
    assert user.identity_level == IdentityLevel.SUBSTANTIAL and user.personal_identity.residence_code == "1783"
    assert client.get(reverse("identity:unlink", args=["hagby"])).status_code == 200
    client.post(reverse("identity:unlink", args=["hagby"]))
    user.refresh_from_db()
    assert user.identity_level == IdentityLevel.EMAIL and not PersonalIdentity.objects.exists()


def test_declining_to_link_saves_nothing(client, eid):
    client.force_login(UserFactory(email="greta@example.se"))
    eid_round(client, person="greta")
    response = client.post(reverse("identity:link", args=["hagby"]), {"cancel": "1"})
    assert response.status_code == 302 and not PersonalIdentity.objects.exists()


def test_an_e_mail_address_that_has_an_account_is_not_taken_over(client, eid):
    UserFactory(email="taken@example.se")
    eid_round(client)
    response = new_account(client, email="taken@example.se")
    assert response.status_code == 200 and "Det finns redan ett konto" in response.content.decode()
    assert not PersonalIdentity.objects.exists()


def test_a_level_of_assurance_not_in_the_map_is_refused(client, eid):
    eid.level_map = {"http://id.elegnamnden.se/loa/1.0/loa3": 3}
    eid.save()
    response = eid_round(client, person="lisa")  # loa2
    assert response.status_code == 400 and logged_in_user(client) is None


def test_the_login_page_offers_e_id(client, eid):
    page = client.get(reverse("accounts:login", args=["hagby"]), {"next": NEXT}).content.decode()
    assert "Logga in med e-legitimation" in page and "e-legitimation/?next=%2Fhagby%2Fforslag%2F" in page


def test_the_pending_person_expires(client, eid):
    response = client.get(reverse("identity:new_account", args=["hagby"]))
    assert response.status_code == 410


def test_a_verified_address_of_an_account_is_linked_only_after_confirming(client, eid, provider):
    from delaktig.identity.local_provider import FictitiousPerson

    provider.persons["greta"] = FictitiousPerson(
        "greta", "Greta Testsson", "Greta", "Testsson", pin="198807142382", residence="1783", email="greta@example.se"
    )
    greta = UserFactory(email="greta@example.se")
    response = eid_round(client, person="greta", next_url=NEXT)
    assert response["Location"] == reverse("identity:link", args=["hagby"]) and logged_in_user(client) is None
    assert "greta@example.se" in client.get(response["Location"]).content.decode()
    assert not PersonalIdentity.objects.exists()
    response = client.post(reverse("identity:link", args=["hagby"]))
    assert response["Location"] == NEXT and logged_in_user(client) == greta.pk
    assert PersonalIdentity.objects.get().user == greta


def test_an_address_taken_at_the_same_moment_gives_the_form_again_not_an_error(client, eid, monkeypatch):
    from delaktig.identity import forms

    eid_round(client)
    monkeypatch.setattr(forms.NewAccountForm, "clean_email", lambda self: self.cleaned_data["email"])
    UserFactory(email="tolvan@example.se")  # made between the form's check and the account
    response = new_account(client)
    assert response.status_code == 200 and "Det finns redan ett konto" in response.content.decode()
    assert not PersonalIdentity.objects.exists()
