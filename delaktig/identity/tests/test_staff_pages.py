"""The administrators' page for login providers: the secret is kept and never shown back, audited changes."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from delaktig.accounts.tests.factories import UserFactory
from delaktig.core.models import AuditEvent
from delaktig.identity.models import OidcConfiguration
from delaktig.organisations.models import Role
from delaktig.organisations.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db
SECRET = "hemlig-klientnyckel-123"


@pytest.fixture
def admin_client(client, hagby):
    admin = UserFactory()
    MembershipFactory(user=admin, municipality=hagby, role=Role.ADMINISTRATOR)
    client.force_login(admin)
    return client


def form(**changes):
    data = {
        "is_active": "on",
        "issuer": "https://broker.example/oidc",
        "client_id": "hagby",
        "client_secret": SECRET,
        "scopes": "openid profile",
        "acr_claim": "acr",
        "level_map": "http://id.elegnamnden.se/loa/1.0/loa3 = 3\nloa3 = 3",
        "pin_claim": "https://id.oidc.se/claim/personalIdentityNumber",
        "residence_claim": "",
    }
    return {**data, **changes}


def test_an_administrator_sets_up_e_id_and_the_secret_is_never_shown(admin_client, hagby):
    url = reverse("identity:provider_create", args=["hagby", "e-legitimation"])
    assert admin_client.get(reverse("identity:providers", args=["hagby"])).status_code == 200
    response = admin_client.post(url, form())
    assert response.status_code == 302
    configuration = OidcConfiguration.objects.get()
    assert configuration.client_secret == SECRET and configuration.level_for("loa3") == 3
    edit = reverse("identity:provider_edit", args=["hagby", configuration.pk])
    assert SECRET not in admin_client.get(edit).content.decode()
    admin_client.post(edit, form(client_secret="", client_id="hagby-2"))
    configuration.refresh_from_db()
    assert configuration.client_secret == SECRET and configuration.client_id == "hagby-2"
    events = AuditEvent.objects.filter(action__startswith="identity.provider")
    assert events.count() == 2 and all(SECRET not in str(event.data) for event in events)


def test_a_wrong_level_map_keeps_what_was_typed(admin_client):
    url = reverse("identity:provider_create", args=["hagby", "e-legitimation"])
    response = admin_client.post(url, form(level_map="loa3 = hög"))
    page = response.content.decode()
    assert response.status_code == 200 and "Rad 1: nivån ska vara 1, 2 eller 3." in page and "loa3 = hög" in page
    assert not OidcConfiguration.objects.exists()


def test_a_group_mapping_to_a_role_sso_cannot_give_is_refused(admin_client):
    url = reverse("identity:provider_create", args=["hagby", "personal"])
    response = admin_client.post(url, form(group_roles="politiker = Förtroendevald", level_map=""))
    assert response.status_code == 200 and "Rad 1: ”Förtroendevald” är inte en roll" in response.content.decode()
    response = admin_client.post(url, form(group_roles="demokrati = Demokratisamordnare", level_map=""))
    assert response.status_code == 302
    assert OidcConfiguration.objects.get().group_roles == {"demokrati": "democracy_officer"}


def test_only_administrators_reach_the_page(client, hagby):
    officer = UserFactory()
    MembershipFactory(user=officer, municipality=hagby, role=Role.OFFICER)
    client.force_login(officer)
    assert client.get(reverse("identity:providers", args=["hagby"])).status_code == 403


def test_removing_asks_first(admin_client, hagby):
    configuration = OidcConfiguration.objects.create(
        municipality=hagby, kind="resident_eid", issuer="https://x.example", client_id="x"
    )
    url = reverse("identity:provider_delete", args=["hagby", configuration.pk])
    assert admin_client.get(url).status_code == 200 and OidcConfiguration.objects.exists()
    admin_client.post(url)
    assert not OidcConfiguration.objects.exists()


def test_the_deploy_check_warns_without_a_hash_key(settings, capsys):
    settings.DEBUG, settings.EID_HASH_KEY = False, ""
    from delaktig.identity.checks import eid_hash_key_check

    assert [w.id for w in eid_hash_key_check(None)] == ["identity.W001"]
    settings.EID_HASH_KEY = "x" * 50
    assert eid_hash_key_check(None) == []
    assert call_command  # the check runs with `manage.py check --deploy`


def test_roles_read_as_staff_name_them(admin_client, sso):
    page = admin_client.get(reverse("identity:provider_edit", args=["hagby", sso.pk])).content.decode()
    assert "delaktig-demokratiutvecklare = Demokratisamordnare" in page and "democracy_officer" not in page


def test_what_taking_part_asks_is_saved_and_audited(admin_client, hagby):
    url = reverse("identity:providers", args=["hagby"])
    response = admin_client.post(url, {"residents_only": ["sign", "vote"], "survey_level": "3"})
    assert response.status_code == 302
    rules = {rule.action: (rule.residents_only, rule.identity_level) for rule in hagby.action_rules.all()}
    assert rules == {"sign": (True, 0), "vote": (True, 0), "survey": (False, 3)}
    assert AuditEvent.objects.filter(action="identity.action_rules").count() == 1
