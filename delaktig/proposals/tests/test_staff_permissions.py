"""Who sees which proposals staff page: roles × pages × municipality. Another municipality's staff get a 404."""

import pytest
from django.urls import reverse

from delaktig.accounts.tests.factories import UserFactory
from delaktig.mailings.services import mailing_create
from delaktig.organisations.models import Role
from delaktig.organisations.tests.factories import staff_for
from delaktig.proposals.models import Status
from delaktig.proposals.tests.factories import ProposalFactory

ALL = frozenset(Role.values)
MODERATORS = frozenset({Role.MODERATOR, Role.REGISTRAR, Role.DEMOCRACY_OFFICER})
HANDLERS = frozenset({Role.OFFICER, Role.REGISTRAR, Role.DEMOCRACY_OFFICER})
RECORDS = frozenset({Role.REGISTRAR, Role.DEMOCRACY_OFFICER})
ADMIN = frozenset({Role.ADMINISTRATOR})

# (url name, which object it needs, roles that get 200)
PAGES = [
    ("proposals:staff_list", None, ALL),
    ("proposals:moderation", None, MODERATORS),
    ("proposals:staff_detail", "proposal", ALL),
    ("proposals:decision", "preparing", HANDLERS),
    ("proposals:answer_mailing", "decided", HANDLERS),
    ("proposals:registry_csv", None, RECORDS),
    ("proposals:settings", None, ADMIN),
    ("proposals:categories", None, ADMIN),
    ("proposals:unfinished_report", None, ALL),
    ("proposals:unfinished_report_csv", None, ALL),
    ("mailings:detail", "mailing", ALL),
]


def make(kind, municipality):
    if kind is None:
        return None
    if kind == "mailing":
        return mailing_create(municipality=municipality, purpose="t", subject="Svar", body="Hej", recipients=[])
    status = {"proposal": Status.SUBMITTED, "preparing": Status.IN_PREPARATION, "decided": Status.DECIDED}[kind]
    return ProposalFactory(municipality=municipality, status=status)


def url(name, municipality, obj):
    return reverse(name, args=[municipality.slug, *([obj.pk] if obj else [])])


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "kind", "allowed"), PAGES, ids=[page[0] for page in PAGES])
def test_roles_times_pages(client, municipality, staff, name, kind, allowed):
    obj = make(kind, municipality)
    for role, person in staff.items():
        client.force_login(person)
        response = client.get(url(name, municipality, obj))
        assert response.status_code == (200 if role in allowed else 403), (role, response.status_code)


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "kind", "allowed"), PAGES, ids=[page[0] for page in PAGES])
def test_staff_of_another_municipality_and_residents_get_404_and_anonymous_must_log_in(
    client, municipality, other_municipality, name, kind, allowed
):
    obj = make(kind, municipality)
    client.force_login(staff_for(other_municipality)[sorted(allowed)[0]])
    assert client.get(url(name, municipality, obj)).status_code == 404
    client.force_login(UserFactory())
    assert client.get(url(name, municipality, obj)).status_code == 404
    client.logout()
    response = client.get(url(name, municipality, obj))
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "kind", "allowed"), [page for page in PAGES if page[1]], ids=[page[0] for page in PAGES if page[1]]
)
def test_another_municipalitys_object_in_our_address_is_a_404(
    client, municipality, other_municipality, staff, name, kind, allowed
):
    foreign = make(kind, other_municipality)
    client.force_login(staff[sorted(allowed)[0]])
    assert client.get(url(name, municipality, foreign)).status_code == 404


@pytest.mark.django_db
def test_steps_refuse_get_and_unknown_ids(client, municipality, staff):
    proposal = ProposalFactory(municipality=municipality)
    client.force_login(staff[Role.MODERATOR])
    step_url = reverse("proposals:staff_step", args=[municipality.slug, proposal.pk, "review"])
    assert client.get(step_url).status_code == 405
    assert client.get(reverse("proposals:staff_detail", args=[municipality.slug, 999999999])).status_code == 404
    huge = client.get(f"/{municipality.slug}/personal/forslag/99999999999999999999999/")
    assert huge.status_code in (400, 404)


@pytest.mark.django_db
def test_staff_step_of_another_municipalitys_proposal_is_a_404(client, municipality, other_municipality, staff):
    foreign = ProposalFactory(municipality=other_municipality)
    client.force_login(staff[Role.MODERATOR])
    response = client.post(reverse("proposals:staff_step", args=[municipality.slug, foreign.pk, "review"]))
    assert response.status_code == 404
    foreign.refresh_from_db()
    assert foreign.status == Status.SUBMITTED
