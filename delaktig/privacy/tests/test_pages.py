"""The privacy staff pages: who may use each, the retention page with its validation, the audit-log viewer with
its filters and CSV, and another municipality's events and people never shown."""

import datetime

import pytest
from django.urls import reverse

from delaktig.core.audit import audit_record
from delaktig.core.models import AuditEvent
from delaktig.organisations.models import Role
from delaktig.panel.models import PanelSettings
from delaktig.privacy import views
from delaktig.privacy.models import RetentionPeriod, RetentionRun

pytestmark = pytest.mark.django_db

ADMIN_PAGES = ["privacy:retention", "privacy:audit_log", "privacy:audit_log_csv"]
PEOPLE_PAGES = ["privacy:overview", "privacy:people"]


def test_each_page_asks_for_its_roles():
    admins, people = {Role.ADMINISTRATOR}, {Role.ADMINISTRATOR, Role.REGISTRAR}
    for view in (views.retention, views.retention_edit, views.audit_log, views.audit_log_csv):
        assert view.staff_roles == admins, view.__name__
    for view in (views.overview, views.people, views.person, views.person_protect, views.person_extract):
        assert view.staff_roles == people, view.__name__


@pytest.mark.parametrize("name", ADMIN_PAGES)
def test_administrators_only_see_retention_and_the_audit_log(client, municipality, staff, name):
    url = reverse(name, args=[municipality.slug])
    client.force_login(staff["administrator"])
    assert client.get(url).status_code == 200
    for role in ("registrar", "democracy_officer", "officer"):
        client.force_login(staff[role])
        assert client.get(url).status_code == 403


@pytest.mark.parametrize("name", PEOPLE_PAGES)
def test_registrars_and_administrators_find_people(client, municipality, staff, name):
    url = reverse(name, args=[municipality.slug])
    for role in ("administrator", "registrar"):
        client.force_login(staff[role])
        assert client.get(url).status_code == 200
    client.force_login(staff["officer"])
    assert client.get(url).status_code == 403


def test_a_resident_or_another_municipalitys_staff_get_404(client, municipality, other_municipality, resident):
    from delaktig.organisations.tests.factories import StaffOf

    url = reverse("privacy:audit_log", args=[municipality.slug])
    client.force_login(resident)
    assert client.get(url).status_code == 404
    client.force_login(StaffOf(other_municipality)["administrator"])
    assert client.get(url).status_code == 404


def test_the_retention_page_shows_every_rule_and_the_run_log(client, municipality, staff):
    RetentionRun.objects.create(
        municipality=municipality,
        started_at=datetime.datetime(2027, 1, 1, tzinfo=datetime.UTC),
        finished_at=datetime.datetime(2027, 1, 1, tzinfo=datetime.UTC),
        removed={"signatures_ip": 12, "signatures_email": 0},
        total=12,
    )
    client.force_login(staff["administrator"])
    page = client.get(reverse("privacy:retention", args=[municipality.slug])).content.decode()
    assert "IP-adresser" in page and "90 dagar" in page and ": 12" in page


def test_a_period_is_changed_kept_forever_or_refused_below_the_minimum(client, municipality, staff):
    client.force_login(staff["administrator"])
    url = reverse("privacy:retention_edit", args=[municipality.slug, "signatures_email"])
    refused = client.post(url, {"amount": "0"})
    assert refused.status_code == 200 and "error-summary" in refused.content.decode()
    assert 'value="0"' in refused.content.decode()  # what was typed stays
    assert client.post(url, {"amount": "abc"}).status_code == 200
    assert client.post(url, {"amount": "12"}).status_code == 302
    assert RetentionPeriod.objects.get(municipality=municipality, kind="signatures_email").amount == 12
    assert client.post(url, {"keep": "on"}).status_code == 302
    assert RetentionPeriod.objects.get(municipality=municipality, kind="signatures_email").amount is None
    event = AuditEvent.objects.filter(action="retention.period_update").last()
    assert event.data == {"kind": "signatures_email", "before": 12, "after": None, "unit": "months"}


def test_the_panel_period_is_the_panels_own_setting(client, municipality, staff):
    client.force_login(staff["administrator"])
    url = reverse("privacy:retention_edit", args=[municipality.slug, "panel_members_inactive"])
    assert client.post(url, {"amount": "3"}).status_code == 200  # below the panel's 6 months
    assert client.post(url, {"amount": "36"}).status_code == 302
    assert PanelSettings.objects.get(municipality=municipality).inactivity_months == 36


def test_an_unknown_kind_is_404(client, municipality, staff):
    client.force_login(staff["administrator"])
    assert client.get(reverse("privacy:retention_edit", args=[municipality.slug, "x"])).status_code == 404
    url = reverse("privacy:retention_edit", args=[municipality.slug, "accounts_unconfirmed"])
    assert client.get(url).status_code == 404  # the whole service's, not the municipality's


def test_the_audit_log_filters_pages_exports_and_is_audited(client, municipality, other_municipality, staff):
    admin = staff["administrator"]
    officer = staff["officer"]
    for _ in range(60):
        audit_record(municipality=municipality, actor=officer, action="area.update", target=municipality)
    audit_record(municipality=municipality, actor=admin, action="retention.run", target=municipality)
    audit_record(municipality=other_municipality, actor=None, action="secret.elsewhere", target=other_municipality)
    client.force_login(admin)
    url = reverse("privacy:audit_log", args=[municipality.slug])
    page = client.get(url).content.decode()
    assert "Sida 1 av 2" in page and "secret.elsewhere" not in page
    only = client.get(url, {"action": "retention.run"}).content.decode()
    assert "Personuppgifter gallrade enligt gallringsreglerna" in only and "1 händelse." in only
    by_person = client.get(url, {"person": officer.email}).context["total"]
    assert by_person == 60
    bad = client.get(url, {"date_from": "2027-02-01", "date_to": "2027-01-01"})
    assert bad.status_code == 200 and "error-summary" in bad.content.decode()
    assert client.get(url, {"date_from": "inte ett datum", "page": "x"}).status_code == 200
    csv = client.get(reverse("privacy:audit_log_csv", args=[municipality.slug]), {"action": "area.update"})
    text = b"".join(csv.streaming_content).decode("utf-8-sig")
    assert text.count("area.update") == 60 and "secret.elsewhere" not in text
    assert AuditEvent.objects.filter(action="audit_log.view", actor=admin).count() == 5
    exported = AuditEvent.objects.get(action="audit_log.export")
    assert exported.data == {"action": "area.update"} and exported.municipality == municipality


def test_the_readable_extract_names_the_apps_fields_in_swedish():
    from delaktig.privacy.extract import flat_rows

    rows = dict(flat_rows({"email": "a@example.se", "identity_level_text": "E-legitimation", "some_new_key": "x"}))
    assert rows == {"E-postadress": "a@example.se", "Identitetsnivå": "E-legitimation", "Some new key": "x"}
