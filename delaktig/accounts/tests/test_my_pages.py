import json

import pytest
from django.urls import reverse

from delaktig.accounts import hookspecs as account_hooks
from delaktig.accounts.models import IdentityLevel, User
from delaktig.accounts.tests.factories import PASSWORD, UserFactory
from delaktig.core.models import AuditEvent
from delaktig.organisations.models import Membership, Role
from delaktig.organisations.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def notes_for(user):
    return {"Anteckningar": [{"text": f"anteckning av {user.email}", "created": "2026-03-05T10:00:00+00:00"}]}


def test_my_pages_shows_identity_level_and_hook_sections(client, resident, tmp_path, settings):
    template = tmp_path / "section.html"
    template.write_text("<p>Du följer {{ count }} dialoger.</p>")
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [str(tmp_path)]}]

    def section(request):
        return {"title": "Dialoger du följer", "template": "section.html", "context": {"count": 3}}

    client.force_login(resident)
    with (
        account_hooks.my_pages_section.temporarily(section),
        account_hooks.my_contributions.temporarily(notes_for),
    ):
        html = client.get(reverse("accounts:my_pages")).content.decode()
    assert "Dialoger du följer" in html and "Du följer 3 dialoger." in html
    assert f"anteckning av {resident.email}" in html and "5 mars 2026" in html
    assert resident.get_identity_level_display() in html


def test_unconfirmed_person_is_offered_a_new_link(client):
    user = UserFactory(identity_level=IdentityLevel.NONE)
    client.force_login(user)
    assert reverse("accounts:resend_confirmation") in client.get(reverse("accounts:my_pages")).content.decode()


def test_my_data_holds_my_data_and_nobody_elses(client, resident, municipality):
    other = UserFactory(email="annan@example.se", name="Annan Person")
    MembershipFactory(user=resident, municipality=municipality, role=Role.OFFICER)
    MembershipFactory(user=other, municipality=municipality, role=Role.MODERATOR)
    client.force_login(resident)
    with account_hooks.personal_data.temporarily(notes_for):
        response = client.get(reverse("accounts:my_data"))
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    assert "attachment" in response["Content-Disposition"]
    text = response.content.decode()
    data = json.loads(text)
    assert data["account"]["email"] == resident.email
    assert data["account"]["name"] == "Rut Resident"
    assert [m["role"] for m in data["memberships"]] == ["officer"]
    assert data["activity"]["Anteckningar"] == notes_for(resident)["Anteckningar"]
    assert "annan@example.se" not in text and "Annan Person" not in text


def test_delete_account_needs_the_password(client, resident):
    client.force_login(resident)
    assert client.get(reverse("accounts:delete_account")).status_code == 200
    response = client.post(reverse("accounts:delete_account"), {"password": "fel"})
    assert response.status_code == 200 and "password" in response.context["form"].errors
    resident.refresh_from_db()
    assert resident.is_active


def test_delete_account_calls_hooks_then_anonymises_and_logs_out(client, resident, municipality):
    MembershipFactory(user=resident, municipality=municipality, role=Role.OFFICER)
    erased = []

    def erase(user):
        erased.append(user.email)  # hooks run while the account still has its address
        return 2

    client.force_login(resident)
    with account_hooks.erase_user.temporarily(erase):
        response = client.post(reverse("accounts:delete_account"), {"password": PASSWORD})
    assert response.status_code == 302
    assert erased == [resident.email]
    user = User.objects.get(pk=resident.pk)
    assert user.email == f"deleted-{user.pk}@invalid"
    assert user.name == "" and not user.is_active and not user.has_usable_password()
    assert "_auth_user_id" not in client.session
    assert not Membership.objects.filter(user=user).exists()
    assert AuditEvent.objects.filter(action="membership.remove", data__reason="account_deleted").exists()
    assert not client.login(email=resident.email, password=PASSWORD)


def test_participation_methods_offer_personal_data_and_erasure_through_hooks(resident):
    from delaktig.participation.registry import registry

    names = {str(manifest.name) for manifest in registry}
    collected = {}
    for hook in account_hooks.personal_data.implementations():
        collected.update(hook(resident))
    assert names <= set(collected)
    contributions = {}
    for hook in account_hooks.my_contributions.implementations():
        contributions.update(hook(resident))
    assert names <= set(contributions)
    assert all(
        isinstance(total, int) for total in (hook(resident) for hook in account_hooks.erase_user.implementations())
    )


def test_my_pages_lists_each_methods_contributions_with_status_in_words(client, resident):
    from delaktig.participation.registry import registry
    from delaktig.participation.tests.dummy_method import dummy_manifest

    rows = [{"title": "Fler bänkar", "dialogue": "Parken", "reference": "X-1", "status": "pending"}]
    manifest = dummy_manifest(key="dummy_contrib", name="Testmetod", personal_data=lambda user: rows)
    client.force_login(resident)
    with registry.temporarily(manifest):
        html = client.get(reverse("accounts:my_pages")).content.decode()
    assert "Testmetod" in html and "Fler bänkar" in html and "X-1" in html
    assert "Väntar på moderering" in html or "Waiting for moderation" in html
