"""The staff pages: roles × pages, another municipality, the refusal of an open dialogue, progress and download."""

import pytest
from django.urls import reverse

from delaktig.accounts.tests.factories import UserFactory
from delaktig.archive import services
from delaktig.archive.hooks import archive_page
from delaktig.archive.models import ArchiveExport, Status
from delaktig.core.models import AuditEvent
from delaktig.dialogues.models import State
from delaktig.organisations.models import Role
from delaktig.organisations.tests.factories import staff_for

from .support import dialogue_in

ALLOWED = frozenset({Role.REGISTRAR, Role.DEMOCRACY_OFFICER, Role.ADMINISTRATOR})
PAGES = ["start", "detail", "download"]


def url(name, dialogue, export=None):
    args = [dialogue.municipality.slug, dialogue.pk, *([export.pk] if export else [])]
    return reverse(f"archive:{name}", args=args)


@pytest.fixture
def done(dialogue, staff, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        export = services.archive_export_request(dialogue=dialogue, actor=staff["registrar"])
    export.refresh_from_db()
    return export


def page_url(name, export):
    return url(name, export.dialogue, None if name == "start" else export)


@pytest.mark.django_db
@pytest.mark.parametrize("name", PAGES)
def test_roles_times_pages(client, done, staff, name):
    for role, person in staff.items():
        client.force_login(person)
        response = client.get(page_url(name, done))
        assert response.status_code == (200 if role in ALLOWED else 403), (role, response.status_code)


@pytest.mark.django_db
@pytest.mark.parametrize("name", PAGES)
def test_other_municipality_residents_and_anonymous(client, done, other_municipality, name):
    address = page_url(name, done)
    client.force_login(staff_for(other_municipality)[Role.REGISTRAR])
    assert client.get(address).status_code == 404
    client.force_login(UserFactory())
    assert client.get(address).status_code == 404
    assert client.post(url("start", done.dialogue)).status_code == 404
    client.logout()
    assert reverse("accounts:login") in client.get(address)["Location"]


@pytest.mark.django_db
@pytest.mark.parametrize("name", PAGES)
def test_another_municipalitys_dialogue_in_our_address_is_a_404(client, done, other_municipality, staff, name):
    foreign = dialogue_in(other_municipality)
    client.force_login(staff[Role.REGISTRAR])
    address = url(name, foreign, None if name == "start" else done)
    address = address.replace(other_municipality.slug, done.dialogue.municipality.slug, 1)
    assert client.get(address).status_code == 404


@pytest.mark.django_db
def test_an_export_of_another_dialogue_is_a_404(client, done, municipality, staff):
    other = dialogue_in(municipality, case_number="KS 2026/1")
    client.force_login(staff[Role.REGISTRAR])
    assert client.get(url("detail", other, done)).status_code == 404
    assert client.get(url("download", other, done)).status_code == 404


@pytest.mark.django_db
def test_the_confirmation_page_says_what_the_package_holds_and_the_button_builds_it(
    client, dialogue, staff, django_capture_on_commit_callbacks
):
    client.force_login(staff[Role.DEMOCRACY_OFFICER])
    html = client.get(url("start", dialogue)).content.decode()
    assert "Det här finns i paketet" in html and "utan personuppgifter" in html and "Bygg arkivpaketet" in html
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("start", dialogue))
    export = ArchiveExport.objects.get(dialogue=dialogue)
    assert response["Location"] == url("detail", dialogue, export)
    html = client.get(response["Location"]).content.decode()
    assert "Arkivpaketet byggs nu." in html and "Arkivpaketet är klart." in html
    assert url("download", dialogue, export) in html and export.checksum in html
    download = client.get(url("download", dialogue, export))
    assert download["Content-Type"] == "application/zip"
    assert 'filename="arkivpaket-KS-2026-88-' in download["Content-Disposition"]
    assert b"".join(download.streaming_content).startswith(b"PK")
    assert AuditEvent.objects.filter(action="archive.exported", actor=staff[Role.DEMOCRACY_OFFICER]).count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("state", [State.OPEN, State.CLOSED, State.RESULTS_COMPILED])
def test_an_open_dialogue_is_refused_in_swedish_and_nothing_is_stored(client, municipality, staff, state):
    dialogue = dialogue_in(municipality, state=state)
    client.force_login(staff[Role.REGISTRAR])
    page = client.get(url("start", dialogue))
    assert page.status_code == 200
    html = page.content.decode()
    assert "kan inte exporteras till arkivet än" in html and "Bygg arkivpaketet" not in html
    refused = client.post(url("start", dialogue))
    assert refused.status_code == 409
    text = refused.content.decode()
    assert "Dialogen kan inte exporteras till arkivet än" in text and "beslutet i ärendet är fattat" in text
    assert 'role="alert"' in text
    assert not ArchiveExport.objects.exists()


@pytest.mark.django_db
def test_progress_page_while_running_and_after_a_failure(client, dialogue, staff):
    export = ArchiveExport.objects.create(dialogue=dialogue, status=Status.RUNNING, progress=60, step="Packar filerna")
    client.force_login(staff[Role.ADMINISTRATOR])
    html = client.get(url("detail", dialogue, export)).content.decode()
    assert "Just nu: Packar filerna" in html and 'value="60"' in html
    assert client.get(url("download", dialogue, export)).status_code == 404
    ArchiveExport.objects.filter(pk=export.pk).update(status=Status.FAILED, error="ZeroDivisionError")
    html = client.get(url("detail", dialogue, export)).content.decode()
    assert "Vi kunde inte bygga arkivpaketet" in html and "ZeroDivisionError" in html


@pytest.mark.django_db
def test_the_dialogue_page_offers_the_export_from_the_close_to_the_roles(client, municipality, staff):
    decided = dialogue_in(municipality)
    running = dialogue_in(municipality, state=State.OPEN, case_number="KS 2026/2")
    client.force_login(staff[Role.REGISTRAR])
    assert url("start", decided) in client.get(decided.get_staff_url()).content.decode()
    assert url("start", running) not in client.get(running.get_staff_url()).content.decode()
    assert archive_page(decided, staff[Role.OFFICER]) == []


@pytest.mark.django_db
def test_a_package_file_gone_from_storage_is_a_404_not_a_500(client, done, staff):
    done.package.storage.delete(done.package.name)
    client.force_login(staff[Role.REGISTRAR])
    assert client.get(url("download", done.dialogue, done)).status_code == 404
    assert client.get(url("detail", done.dialogue, done)).status_code == 200
