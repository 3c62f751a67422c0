"""Account pages opened from a municipality keep its header, menu and footer; /konto/ still works on its own."""

import pytest
from django.core import mail
from django.urls import reverse

from delaktig.accounts.tests.factories import UserFactory
from delaktig.accounts.tests.helpers import link_in, path_of
from delaktig.organisations.tests.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db


def test_my_pages_under_a_municipality_has_its_header_and_menu(client, resident, municipality):
    client.force_login(resident)
    response = client.get(reverse("accounts:my_pages", args=[municipality.slug]))
    page = response.content.decode()
    assert response.status_code == 200 and response.context["municipality"] == municipality
    assert f"<title>Mina sidor – {municipality.name} – Delaktig</title>" in page
    assert reverse("core:home", args=[municipality.slug]) in page  # the header's name links home
    assert reverse("dialogues:list", args=[municipality.slug]) in page  # the main menu
    assert reverse("core:accessibility", args=[municipality.slug]) in page  # header tools and footer
    for name in ("accounts:delete_account", "accounts:my_data", "accounts:password_change"):
        assert reverse(name, args=[municipality.slug]) in page  # links stay under the municipality


def test_my_pages_without_a_municipality_still_works(client, resident):
    client.force_login(resident)
    response = client.get("/konto/mina-sidor/")
    assert response.status_code == 200 and response.context["municipality"] is None


def test_municipality_pages_link_to_account_pages_under_the_municipality(client, resident, municipality):
    page = client.get(reverse("core:home", args=[municipality.slug])).content.decode()
    assert reverse("accounts:login", args=[municipality.slug]) + "?next=" in page
    client.force_login(resident)
    page = client.get(reverse("core:home", args=[municipality.slug])).content.decode()
    assert f'href="{reverse("accounts:my_pages", args=[municipality.slug])}"' in page


def test_each_municipality_shows_its_own_header(client, resident, municipality, other_municipality):
    client.force_login(resident)
    page = client.get(reverse("accounts:my_pages", args=[other_municipality.slug])).content.decode()
    assert other_municipality.name in page and municipality.name not in page


def test_unknown_or_closed_municipality_is_a_404(client, resident):
    client.force_login(resident)
    closed = MunicipalityFactory(is_active=False)
    assert client.get("/finns-inte/konto/mina-sidor/").status_code == 404
    assert client.get(reverse("accounts:my_pages", args=[closed.slug])).status_code == 404


def test_not_logged_in_goes_to_the_municipalitys_login_and_back(client, municipality):
    my_pages = reverse("accounts:my_pages", args=[municipality.slug])
    response = client.get(my_pages)
    login = reverse("accounts:login", args=[municipality.slug])
    assert response.status_code == 302 and response["Location"].startswith(login + "?next=")
    page = client.get(response["Location"]).content.decode()
    assert municipality.name in page and reverse("accounts:password_reset", args=[municipality.slug]) in page
    user = UserFactory()
    response = client.post(login, {"email": user.email, "password": "demo-losen-2026", "next": my_pages})
    assert response.status_code == 302 and response["Location"] == my_pages


def test_registering_under_a_municipality_stays_there(client, municipality, django_capture_on_commit_callbacks):
    data = {
        "name": "Ny",
        "email": "ny@example.se",
        "password1": "en lång bra fras 2026",
        "password2": "en lång bra fras 2026",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("accounts:register", args=[municipality.slug]), data)
    assert response["Location"] == reverse("accounts:register_done", args=[municipality.slug])
    confirm = path_of(link_in(mail.outbox[0]))
    assert confirm.startswith(f"/{municipality.slug}/konto/bekrafta/")
    response = client.post(confirm)
    assert response["Location"] == reverse("accounts:my_pages", args=[municipality.slug])


def test_a_taken_address_mail_leads_back_to_the_municipality(client, municipality, django_capture_on_commit_callbacks):
    UserFactory(email="finns@example.se")
    password = "en lång bra fras 2026"
    data = {"name": "Ny", "email": "finns@example.se", "password1": password, "password2": password}
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("accounts:register", args=[municipality.slug]), data)
    body = mail.outbox[0].body
    assert f"/{municipality.slug}/konto/logga-in/" in body and f"/{municipality.slug}/konto/glomt-losenord/" in body


def test_the_plain_login_asked_for_from_a_municipalitys_page_moves_under_it(client, municipality):
    page = f"/{municipality.slug}/dialoger/"
    response = client.get("/konto/logga-in/", {"next": page})
    assert response.status_code == 302
    assert response["Location"].startswith(f"/{municipality.slug}/konto/logga-in/?next=")
    assert client.get(response["Location"]).status_code == 200


def test_the_plain_login_without_a_municipality_stays_where_it_is(client, municipality):
    assert client.get("/konto/logga-in/").status_code == 200
    assert client.get("/konto/logga-in/", {"next": "https://evil.example/"}).status_code == 200
    assert client.get("/konto/logga-in/", {"next": "/konto/mina-sidor/"}).status_code == 200
