import pytest
from django.urls import reverse

from delaktig.accounts.tests.factories import UserFactory
from delaktig.core.models import AuditEvent
from delaktig.organisations.models import Membership, Role
from delaktig.organisations.tests.factories import MembershipFactory, staff_for

pytestmark = pytest.mark.django_db


def url(municipality):
    return reverse("organisations:organisation", args=[municipality.slug])


def test_page_lists_bodies_departments_and_members(client, municipality, staff, django_assert_max_num_queries):
    registrar = staff[Role.REGISTRAR]
    client.force_login(staff[Role.OFFICER])
    with django_assert_max_num_queries(12):
        html = client.get(url(municipality)).content.decode()
    assert "Kommunfullmäktige" in html and "Kultur- och fritidsförvaltningen" in html
    assert registrar.email in html
    assert 'name="action"' not in html  # only administrators see the forms


def test_administrator_adds_a_membership(client, municipality, staff):
    person = UserFactory(email="ny.handlaggare@example.se")
    department = municipality.departments.first()
    client.force_login(staff[Role.ADMINISTRATOR])
    data = {"action": "add", "email": "NY.handlaggare@example.se", "role": Role.OFFICER, "department": department.pk}
    response = client.post(url(municipality), data)
    assert response.status_code == 302
    membership = Membership.objects.get(user=person, municipality=municipality)
    assert (membership.role, membership.department) == (Role.OFFICER, department)
    assert AuditEvent.objects.filter(action="membership.add", target_id=membership.pk).exists()


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"email": "finns.inte@example.se", "role": Role.OFFICER}, "email"),
        ({"email": "PERSON", "role": Role.ELECTED_OFFICIAL}, "body"),
        ({"email": "PERSON", "role": "king"}, "role"),
    ],
)
def test_add_membership_errors_keep_input(client, municipality, staff, data, field):
    person = UserFactory(email="person@example.se")
    data = {"action": "add", **data, "email": data["email"].replace("PERSON", person.email)}
    client.force_login(staff[Role.ADMINISTRATOR])
    response = client.post(url(municipality), data)
    assert response.status_code == 200 and field in response.context["form"].errors
    assert f'value="{data["email"]}"' in response.content.decode()
    assert not Membership.objects.filter(user=person).exists()


def test_add_refuses_another_municipalitys_body_and_duplicates(client, municipality, other_municipality, staff):
    client.force_login(staff[Role.ADMINISTRATOR])
    foreign_body = other_municipality.get_deciding_body()
    data = {"action": "add", "email": staff[Role.OFFICER].email, "role": Role.ELECTED_OFFICIAL, "body": foreign_body.pk}
    assert "body" in client.post(url(municipality), data).context["form"].errors
    duplicate = {"action": "add", "email": staff[Role.OFFICER].email, "role": Role.OFFICER}
    assert "role" in client.post(url(municipality), duplicate).context["form"].errors


def test_administrator_removes_a_membership(client, municipality, staff):
    membership = Membership.objects.get(user=staff[Role.MODERATOR], municipality=municipality)
    client.force_login(staff[Role.ADMINISTRATOR])
    response = client.post(url(municipality), {"action": "remove", "membership": membership.pk})
    assert response.status_code == 302
    assert not Membership.objects.filter(pk=membership.pk).exists()
    assert AuditEvent.objects.filter(action="membership.remove", target_id=membership.pk).exists()


def test_the_last_administrator_cannot_be_removed(client, municipality, staff):
    membership = Membership.objects.get(user=staff[Role.ADMINISTRATOR], municipality=municipality)
    client.force_login(staff[Role.ADMINISTRATOR])
    response = client.post(url(municipality), {"action": "remove", "membership": membership.pk}, follow=True)
    assert Membership.objects.filter(pk=membership.pk).exists()
    assert "notice--error" in response.content.decode()


def test_removing_another_municipalitys_membership_is_404(client, municipality, other_municipality, staff):
    foreign = MembershipFactory(municipality=other_municipality, user=UserFactory(), role=Role.OFFICER)
    client.force_login(staff[Role.ADMINISTRATOR])
    for value in (foreign.pk, "abc", ""):
        response = client.post(url(municipality), {"action": "remove", "membership": value})
        assert response.status_code == 404
    assert Membership.objects.filter(pk=foreign.pk).exists()


@pytest.mark.parametrize("role", [r for r in Role.values if r != Role.ADMINISTRATOR])
def test_other_roles_cannot_change_memberships(client, municipality, staff, role):
    membership = Membership.objects.get(user=staff[Role.MODERATOR], municipality=municipality)
    client.force_login(staff[role])
    response = client.post(url(municipality), {"action": "remove", "membership": membership.pk})
    assert response.status_code == 403
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_other_municipalitys_administrator_gets_404(client, municipality, other_municipality):
    client.force_login(staff_for(other_municipality)[Role.ADMINISTRATOR])
    assert client.get(url(municipality)).status_code == 404
    assert client.post(url(municipality), {"action": "add"}).status_code == 404
