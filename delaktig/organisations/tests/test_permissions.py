"""The role gate of every staff view (staff_view), in-process: each page's tests then only check the roles it asks
for (`view.staff_roles`) and a thin sample over HTTP."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.test import RequestFactory

from delaktig.accounts.tests.factories import UserFactory
from delaktig.organisations.models import STAFF_ROLES, Role
from delaktig.organisations.permissions import staff_view

pytestmark = pytest.mark.django_db


def request_as(user, municipality):
    request = RequestFactory().get(f"/{municipality.slug}/personal/sida/")
    request.user, request.municipality = user, municipality
    return request


def found(request, pk):
    if pk != 1:
        raise Http404("Not in this municipality")


@staff_view(Role.REGISTRAR, find=found)
def registrar_page(request, pk):
    return HttpResponse("ok")


@staff_view()
def any_staff_page(request):
    return HttpResponse("ok")


def test_the_view_says_which_roles_it_asks_for():
    assert registrar_page.staff_roles == {Role.REGISTRAR}
    assert any_staff_page.staff_roles == STAFF_ROLES


def test_someone_not_logged_in_is_sent_to_log_in(municipality):
    response = registrar_page(request_as(AnonymousUser(), municipality), 1)
    assert response.status_code == 302 and "next=" in response["Location"]


def test_a_resident_and_staff_of_another_municipality_get_a_404(municipality, other_municipality, staff):
    elsewhere = UserFactory()
    elsewhere.memberships.create(municipality=other_municipality, role=Role.REGISTRAR)
    for user in (UserFactory(), elsewhere):
        with pytest.raises(Http404):
            registrar_page(request_as(user, municipality), 1)


def test_a_wrong_role_is_a_403_on_our_object_and_a_404_on_anothers(municipality, staff):
    request = request_as(staff[Role.OFFICER], municipality)
    with pytest.raises(PermissionDenied):
        registrar_page(request, 1)
    with pytest.raises(Http404):
        registrar_page(request, 2)


def test_the_role_opens_the_page(municipality, staff):
    assert registrar_page(request_as(staff[Role.REGISTRAR], municipality), 1).status_code == 200
    assert any_staff_page(request_as(staff[Role.MODERATOR], municipality)).status_code == 200
