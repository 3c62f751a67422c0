"""The staff page of the yearly report and its downloads: roles, tenancy, bad years, the menu and the links."""

import io

import pytest
import time_machine
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from delaktig.accounts.tests.factories import UserFactory
from delaktig.organisations.models import Role
from delaktig.organisations.tests.factories import staff_for
from delaktig.reports import services

from .support import NOW, YEAR, constructed_year, method_registered, stand_in_files

pytestmark = pytest.mark.django_db

READERS = {Role.DEMOCRACY_OFFICER, Role.ADMINISTRATOR, Role.OFFICER, Role.ELECTED_OFFICIAL, Role.REGISTRAR}


@pytest.fixture(autouse=True)
def midsummer():
    with time_machine.travel(NOW, tick=False):
        yield


def page(municipality, **query):
    url = reverse("reports:yearly", args=[municipality.slug])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def download(municipality, year, fmt):
    return reverse("reports:download", args=[municipality.slug, year, fmt])


@pytest.fixture
def generate(django_capture_on_commit_callbacks, staff):
    """Generate a year's report as the democracy officer would, the task run at once (the test task backend)."""

    def run(municipality, year):
        with django_capture_on_commit_callbacks(execute=True):
            generation = services.report_generation_request(
                municipality=municipality, year=year, actor=staff[Role.DEMOCRACY_OFFICER]
            )
        generation.refresh_from_db()
        return generation

    return run


@pytest.mark.parametrize("role", sorted(Role.values))
def test_roles(client, municipality, staff, role, generate, monkeypatch):
    stand_in_files(monkeypatch)
    generate(municipality, YEAR)
    client.force_login(staff[role])
    for url in (page(municipality), download(municipality, YEAR, "xlsx")):
        assert client.get(url).status_code == (200 if role in READERS else 403), (role, url)


@pytest.mark.parametrize("fmt", ["", "pdf"])
def test_other_municipalitys_staff_and_residents_get_404_and_anonymous_must_log_in(
    client, municipality, other_municipality, fmt
):
    url = download(municipality, YEAR, fmt) if fmt else page(municipality)
    client.force_login(staff_for(other_municipality)[Role.DEMOCRACY_OFFICER])
    assert client.get(url).status_code == 404
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    client.logout()
    response = client.get(url)
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


def test_the_report_shows_only_our_municipalitys_dialogues(client, municipality, other_municipality, staff, generate):
    with method_registered():
        constructed_year(municipality, other_municipality)
        generate(municipality, YEAR)
        client.force_login(staff[Role.ELECTED_OFFICIAL])
        html = client.get(page(municipality, ar=YEAR)).content.decode()
    assert "Parken" in html and "Någon annanstans" not in html
    assert "Allmänhetens frågestund (testkanal)" in html


def test_default_year_is_last_year_with_a_year_list_and_download_links(client, municipality, staff, generate):
    generate(municipality, YEAR - 1)
    client.force_login(staff[Role.OFFICER])
    response = client.get(page(municipality))
    html = response.content.decode()
    assert response.context["year"] == YEAR - 1
    assert f'<option value="{YEAR}"' in html and f'<option value="{YEAR - 1}" selected' in html
    for fmt in ("pdf", "docx", "xlsx"):
        assert f'href="{download(municipality, YEAR - 1, fmt)}"' in html
    assert f'href="{reverse("dialogues:council_overview", args=[municipality.slug, YEAR - 1])}"' in html


@pytest.mark.parametrize("bad", ["abc", "99999", "", "-1", "2026.5"])
def test_a_bad_year_gives_a_clear_message_and_the_default_year(client, municipality, staff, bad):
    client.force_login(staff[Role.OFFICER])
    response = client.get(page(municipality, ar=bad))
    assert response.status_code == 200
    assert response.context["year"] == YEAR - 1
    html = response.content.decode()
    assert "error-summary" in html and ("Välj ett av åren i listan" in html or "Välj ett år." in html)
    assert f'<option value="{YEAR - 1}" selected' in html


def test_a_chosen_year_is_shown(client, municipality, staff):
    client.force_login(staff[Role.OFFICER])
    assert client.get(page(municipality, ar=YEAR)).context["year"] == YEAR


@pytest.mark.parametrize(
    ("fmt", "content_type", "check"),
    [
        ("pdf", "application/pdf", lambda content: content.startswith(b"%PDF")),
        ("docx", "wordprocessingml", lambda content: Document(io.BytesIO(content)).paragraphs),
        ("xlsx", "spreadsheetml", lambda content: load_workbook(io.BytesIO(content)).sheetnames),
    ],
)
def test_downloads_are_named_after_municipality_and_year(
    client, municipality, staff, fmt, content_type, check, generate
):
    generate(municipality, YEAR)
    client.force_login(staff[Role.REGISTRAR])
    response = client.get(download(municipality, YEAR, fmt))
    assert response.status_code == 200 and content_type in response["Content-Type"]
    assert f'filename="arsrapport-{municipality.slug}-{YEAR}.{fmt}"' in response["Content-Disposition"]
    assert check(b"".join(response.streaming_content))


@pytest.mark.parametrize(("year", "fmt"), [(YEAR, "csv"), (99999, "pdf"), (1500, "xlsx")])
def test_unknown_formats_and_years_out_of_range_are_404(client, municipality, staff, year, fmt):
    client.force_login(staff[Role.OFFICER])
    assert client.get(download(municipality, year, fmt)).status_code == 404


def test_the_staff_menu_links_to_the_report_for_readers_only(client, municipality, staff):
    link = f'href="{reverse("reports:yearly", args=[municipality.slug])}"'
    dashboard = reverse("dialogues:staff_dashboard", args=[municipality.slug])
    client.force_login(staff[Role.ELECTED_OFFICIAL])
    assert link in client.get(dashboard).content.decode()
    client.force_login(staff[Role.MODERATOR])
    assert link not in client.get(dashboard).content.decode()


def test_the_council_overview_links_to_the_report(client, municipality, staff):
    client.force_login(staff[Role.OFFICER])
    html = client.get(reverse("dialogues:council_overview", args=[municipality.slug, YEAR])).content.decode()
    assert f'href="{reverse("reports:yearly", args=[municipality.slug])}?ar={YEAR}"' in html


def test_a_download_serves_the_stored_file_and_is_404_before_any_generation(client, municipality, staff, generate):
    client.force_login(staff[Role.OFFICER])
    assert client.get(download(municipality, YEAR, "xlsx")).status_code == 404
    generation = generate(municipality, YEAR)
    stored = generation.xlsx.open("rb").read()
    assert b"".join(client.get(download(municipality, YEAR, "xlsx")).streaming_content) == stored
