import pytest
from django.urls import reverse

from delaktig.accounts.tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(db):
    return UserFactory(email="rut@example.se")


def login(client, email, password=PASSWORD, **extra):
    return client.post(reverse("accounts:login"), {"email": email, "password": password, **extra})


def test_login_with_any_case_goes_to_my_pages(client, person):
    response = login(client, "Rut@Example.se")
    assert response.status_code == 302 and response["Location"] == reverse("accounts:my_pages")


def test_wrong_password_keeps_the_email_and_says_so(client, person):
    response = login(client, "rut@example.se", "fel lösenord")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="rut@example.se"' in html and "error-summary" in html
    assert "fel lösenord" not in html
    assert "_auth_user_id" not in client.session


def test_empty_form_shows_errors_beside_fields(client):
    response = client.post(reverse("accounts:login"), {})
    form = response.context["form"]
    assert response.status_code == 200 and "email" in form.errors and "password" in form.errors


@pytest.mark.parametrize(
    ("next_url", "expected"),
    [
        ("/exempelby/dialoger/", "/exempelby/dialoger/"),
        ("https://evil.example/", "/konto/mina-sidor/"),
        ("//evil.example/", "/konto/mina-sidor/"),
        ("javascript:alert(1)", "/konto/mina-sidor/"),
        ("", "/konto/mina-sidor/"),
    ],
)
def test_next_is_honoured_only_on_this_site(client, person, next_url, expected):
    response = login(client, "rut@example.se", next=next_url)
    assert response["Location"] == expected


def test_login_page_carries_a_safe_next_and_drops_an_unsafe_one(client):
    assert 'value="/a/b/"' in client.get(reverse("accounts:login"), {"next": "/a/b/"}).content.decode()
    html = client.get(reverse("accounts:login"), {"next": "https://evil.example/"}).content.decode()
    assert 'type="hidden" name="next"' not in html


def test_five_failures_block_further_attempts_for_that_email_and_ip(client, person):
    for _ in range(5):
        login(client, "rut@example.se", "fel")
    response = login(client, "rut@example.se")  # even the right password is refused now
    assert response.status_code == 200
    assert response.context["form"].non_field_errors().as_data()[0].code == "throttled"
    other_ip = client.post(
        reverse("accounts:login"), {"email": "rut@example.se", "password": PASSWORD}, REMOTE_ADDR="10.0.0.9"
    )
    assert other_ip.status_code == 302


def test_success_resets_the_count(client, person):
    for _ in range(4):
        login(client, "rut@example.se", "fel")
    assert login(client, "rut@example.se").status_code == 302
    client.post(reverse("accounts:logout"))
    for _ in range(4):
        login(client, "rut@example.se", "fel")
    assert login(client, "rut@example.se").status_code == 302


def test_deleted_account_cannot_log_in(client, person):
    person.is_active = False
    person.save()
    assert login(client, "rut@example.se").status_code == 200


def test_logout_only_by_post(client, person):
    client.force_login(person)
    assert client.get(reverse("accounts:logout")).status_code == 405
    assert "_auth_user_id" in client.session
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302 and "_auth_user_id" not in client.session


def test_pages_for_logged_in_people_send_others_to_login(client):
    for name in ("my_pages", "my_data", "delete_account"):
        response = client.get(reverse(f"accounts:{name}"))
        assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))
