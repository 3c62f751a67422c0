"""The staff pages and the public summary: who may do what, another municipality's object is 404, forms keep what
was typed, the public page has no contacts."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from delaktig.baseline.models import Activity, Capacity
from delaktig.baseline.views import staff as views
from delaktig.core.audit import AuditEvent
from delaktig.organisations.models import Role
from delaktig.organisations.tests.factories import DepartmentFactory, MembershipFactory

from .factories import ActivityFactory, CapacityFactory

pytestmark = pytest.mark.django_db


def url(name, municipality, *args):
    return reverse(f"baseline:{name}", args=[municipality.slug, *args])


@pytest.fixture
def culture(municipality):
    return municipality.departments.get(name="Kultur- och fritidsförvaltningen")


@pytest.fixture
def officer(municipality, culture):
    """An officer of the culture department."""
    return MembershipFactory(municipality=municipality, role=Role.OFFICER, department=culture).user


def test_the_pages_ask_for_the_roles():
    assert views.overview.staff_roles == {Role.ADMINISTRATOR, Role.DEMOCRACY_OFFICER, Role.OFFICER}
    assert views.import_activities.staff_roles == {Role.ADMINISTRATOR, Role.DEMOCRACY_OFFICER, Role.OFFICER}
    assert views.capacity_edit.staff_roles == {Role.ADMINISTRATOR, Role.DEMOCRACY_OFFICER}


def test_the_baseline_page_shows_the_chart_and_the_table(client, municipality, staff, culture):
    ActivityFactory(municipality=municipality, department=culture, year=2025, ladder_level="consultation")
    client.force_login(staff[Role.DEMOCRACY_OFFICER])
    page = client.get(url("staff_baseline", municipality) + "?year=2025").content.decode()
    assert "<svg" in page and 'id="ladder-table"' in page and "2025: 100" in page
    assert "Kultur- och fritidsförvaltningen" in page


def test_the_staff_menu_has_the_baseline_for_those_who_may_see_it(client, municipality, staff):
    client.force_login(staff[Role.DEMOCRACY_OFFICER])
    page = client.get(reverse("dialogues:staff_dashboard", args=[municipality.slug])).content.decode()
    assert url("staff_baseline", municipality) in page
    client.force_login(staff[Role.MODERATOR])
    page = client.get(reverse("dialogues:staff_dashboard", args=[municipality.slug])).content.decode()
    assert url("staff_baseline", municipality) not in page
    assert client.get(url("staff_baseline", municipality)).status_code == 403


def test_the_baseline_as_xlsx(client, municipality, staff, culture):
    ActivityFactory(
        municipality=municipality, department=culture, year=2026, ladder_level="influence", contact="Lisa Lund"
    )
    client.force_login(staff[Role.DEMOCRACY_OFFICER])
    response = client.get(url("staff_baseline_xlsx", municipality, 2026))
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Trappan", "Förvaltningar", "Politiska organ", "Aktiviteter"]
    ladder = list(workbook["Trappan"].values)
    assert ladder[0][0] == "Nivå" and ("Inflytande", 0, 0, 1, 100) in ladder
    assert "Lisa Lund" not in str(list(workbook["Aktiviteter"].values))


def test_an_officer_registers_for_their_department_and_the_form_keeps_what_was_typed(
    client, municipality, officer, culture
):
    other = DepartmentFactory(municipality=municipality, name="Socialförvaltningen")
    client.force_login(officer)
    page = client.get(url("staff_activity_create", municipality))
    assert list(page.context["form"].fields["department"].queryset) == [culture]
    refused = client.post(
        url("staff_activity_create", municipality), {"name": "Läsecirkel", "year": 2026, "department": other.pk}
    )
    assert refused.status_code == 200 and "error-summary" in refused.content.decode()
    assert refused.context["form"]["name"].value() == "Läsecirkel"
    done = client.post(
        url("staff_activity_create", municipality),
        {"name": "Läsecirkel", "year": 2026, "department": culture.pk, "ladder_level": "dialogue"},
    )
    assert done.status_code == 302
    activity = Activity.objects.get(name="Läsecirkel")
    assert activity.created_by == officer and AuditEvent.objects.filter(action="baseline_activity.create").exists()
    again = client.post(
        url("staff_activity_create", municipality),
        {"name": "läsecirkel", "year": 2026, "department": culture.pk, "ladder_level": "dialogue"},
    )
    assert "redan" in again.content.decode()


def test_an_officer_may_not_change_another_departments_activity(client, municipality, officer):
    other = ActivityFactory(municipality=municipality, department=DepartmentFactory(municipality=municipality))
    client.force_login(officer)
    assert client.get(url("staff_activity", municipality, other.pk)).status_code == 403
    assert client.post(url("staff_activity_delete", municipality, other.pk)).status_code == 403


def test_an_officer_without_a_department_is_told_why(client, municipality, staff):
    client.force_login(staff[Role.OFFICER])
    page = client.get(url("staff_activity_create", municipality))
    assert page.status_code == 403 and "inte kopplad till en förvaltning" in page.content.decode()


def test_another_municipalitys_objects_are_404(client, municipality, other_municipality, staff):
    activity = ActivityFactory(municipality=other_municipality)
    capacity = CapacityFactory(municipality=other_municipality, department=activity.department)
    for role in (Role.DEMOCRACY_OFFICER, Role.MODERATOR):
        client.force_login(staff[role])
        assert client.get(url("staff_activity", municipality, activity.pk)).status_code == 404
        assert client.get(url("staff_activity_delete", municipality, activity.pk)).status_code == 404
        assert client.get(url("staff_capacity_edit", municipality, capacity.pk)).status_code == 404


def test_remove_an_activity_after_confirming(client, municipality, staff, culture):
    activity = ActivityFactory(municipality=municipality, department=culture)
    client.force_login(staff[Role.DEMOCRACY_OFFICER])
    assert "Vill du ta bort" in client.get(url("staff_activity_delete", municipality, activity.pk)).content.decode()
    assert client.post(url("staff_activity_delete", municipality, activity.pk)).status_code == 302
    assert not Activity.objects.filter(pk=activity.pk).exists()


def test_capacity_is_added_changed_and_removed_by_a_coordinator(client, municipality, staff, culture):
    client.force_login(staff[Role.DEMOCRACY_OFFICER])
    both = {
        "year": 2026,
        "department": culture.pk,
        "body": municipality.bodies.first().pk,
        "planned": 2,
        "staff_hours": 80,
    }
    page = client.post(url("staff_capacity", municipality), both)
    assert page.status_code == 200 and "antingen en förvaltning eller ett organ" in page.content.decode()
    done = client.post(url("staff_capacity", municipality), {**both, "body": ""})
    assert done.status_code == 302
    capacity = Capacity.objects.get(municipality=municipality)
    twice = client.post(url("staff_capacity", municipality), {**both, "body": ""})
    assert "finns redan" in twice.content.decode()
    client.post(url("staff_capacity_edit", municipality, capacity.pk), {**both, "body": "", "planned": 5})
    capacity.refresh_from_db()
    assert capacity.planned == 5
    client.post(url("staff_capacity_edit", municipality, capacity.pk), {"delete": "1"})
    assert not Capacity.objects.exists()


def test_an_officer_reads_capacity_but_does_not_change_it(client, municipality, officer, culture):
    CapacityFactory(municipality=municipality, department=culture)
    client.force_login(officer)
    page = client.get(url("staff_capacity", municipality) + "?year=2026")
    assert page.status_code == 200 and page.context["form"] is None
    assert client.post(url("staff_capacity", municipality), {"year": 2026}).status_code == 403


def test_the_public_summary_has_counts_and_no_contacts(client, municipality, culture):
    ActivityFactory(
        municipality=municipality, department=culture, year=2026, contact="lisa.lund@example.se", name="Hemligt namn"
    )
    page = client.get(url("public", municipality) + "?year=2026")
    text = page.content.decode()
    assert page.status_code == 200 and "<svg" in text and "Kultur- och fritidsförvaltningen" in text
    assert "lisa.lund" not in text and "Hemligt namn" not in text


@pytest.mark.parametrize("query", ["?year=abc", "?year=99999", "?year=", "?page=x"])
def test_odd_queries_are_no_error(client, municipality, staff, query):
    client.force_login(staff[Role.DEMOCRACY_OFFICER])
    assert client.get(url("public", municipality) + query).status_code == 200
    assert client.get(url("staff_baseline", municipality) + query).status_code == 200
    assert client.get(url("staff_activities", municipality) + query).status_code == 200
    assert client.get(url("staff_capacity", municipality) + query).status_code == 200


def test_an_activity_without_a_department_is_refused_in_swedish(client, municipality, staff):
    client.force_login(staff[Role.DEMOCRACY_OFFICER])
    page = client.post(url("staff_activity_create", municipality), {"name": "Läsecirkel", "year": 2026})
    text = page.content.decode()
    assert page.status_code == 200 and "Välj den förvaltning som genomför aktiviteten." in text
    assert "Välj nivå på delaktighetstrappan." in text
    assert not Activity.objects.exists()
