import datetime

import pytest
from django.urls import reverse

from delaktig.core.models import AuditEvent
from delaktig.foundation.models import HandbookPage, PrinciplesDocument, ToolboxMethod
from delaktig.foundation.tests.factories import HandbookPageFactory, PrinciplesFactory, ToolboxMethodFactory
from delaktig.organisations.models import Role
from delaktig.organisations.tests.factories import staff_for

pytestmark = pytest.mark.django_db

EDITORS = {Role.ADMINISTRATOR, Role.DEMOCRACY_OFFICER}


@pytest.mark.parametrize("role", list(Role.values))
def test_every_staff_role_reads_the_handbook(client, municipality, staff, role):
    page = HandbookPageFactory(municipality=municipality, body_text="Rad ett\n\n<script>alert(1)</script>")
    client.force_login(staff[role])
    assert client.get(reverse("foundation:handbook", args=[municipality.slug])).status_code == 200
    response = client.get(reverse("foundation:handbook_page", args=[municipality.slug, page.slug]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<p>Rad ett</p>" in html and "<script>alert(1)</script>" not in html


def test_anonymous_is_sent_to_login(client, municipality):
    response = client.get(reverse("foundation:handbook", args=[municipality.slug]))
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


def test_resident_and_other_municipalitys_staff_get_404(client, municipality, other_municipality, resident):
    page = HandbookPageFactory(municipality=municipality)
    urls = [
        reverse("foundation:handbook", args=[municipality.slug]),
        reverse("foundation:handbook_page", args=[municipality.slug, page.slug]),
        reverse("foundation:handbook_create", args=[municipality.slug]),
        reverse("foundation:principles_create", args=[municipality.slug]),
        reverse("foundation:toolbox_create", args=[municipality.slug]),
    ]
    for user in (resident, staff_for(other_municipality)[Role.ADMINISTRATOR]):
        client.force_login(user)
        for url in urls:
            assert client.get(url).status_code == 404, url


def test_other_municipalitys_handbook_page_is_404(client, municipality, other_municipality, staff):
    page = HandbookPageFactory(municipality=other_municipality)
    client.force_login(staff[Role.ADMINISTRATOR])
    assert client.get(reverse("foundation:handbook_page", args=[municipality.slug, page.slug])).status_code == 404
    assert client.get(reverse("foundation:handbook_edit", args=[municipality.slug, page.slug])).status_code == 404


@pytest.mark.parametrize("role", list(Role.values))
def test_only_editors_may_edit(client, municipality, staff, role):
    page = HandbookPageFactory(municipality=municipality)
    method = ToolboxMethodFactory(municipality=municipality)
    client.force_login(staff[role])
    expected = 200 if role in EDITORS else 403
    for url in (
        reverse("foundation:handbook_create", args=[municipality.slug]),
        reverse("foundation:handbook_edit", args=[municipality.slug, page.slug]),
        reverse("foundation:principles_create", args=[municipality.slug]),
        reverse("foundation:toolbox_create", args=[municipality.slug]),
        reverse("foundation:toolbox_edit", args=[municipality.slug, method.slug]),
    ):
        assert client.get(url).status_code == expected, url


def test_handbook_page_create_and_edit(client, municipality, staff):
    client.force_login(staff[Role.DEMOCRACY_OFFICER])
    url = reverse("foundation:handbook_create", args=[municipality.slug])
    response = client.post(
        url, {"title": "Så bjuder du in", "slug": "", "kind": "guide", "body_text": "Text", "order": 1}
    )
    page = HandbookPage.objects.get(municipality=municipality)
    assert response.status_code == 302 and page.slug == "sa-bjuder-du-in"
    edit = reverse("foundation:handbook_edit", args=[municipality.slug, page.slug])
    client.post(edit, {"title": "Ny titel", "slug": page.slug, "kind": "template", "body_text": "Ny", "order": 2})
    page.refresh_from_db()
    assert (page.title, page.kind) == ("Ny titel", "template")
    assert AuditEvent.objects.filter(action__startswith="handbook.").count() == 2


def test_handbook_form_keeps_typed_values_and_refuses_reserved_and_taken_slugs(client, municipality, staff):
    HandbookPageFactory(municipality=municipality, slug="upptagen")
    client.force_login(staff[Role.ADMINISTRATOR])
    url = reverse("foundation:handbook_create", args=[municipality.slug])
    for slug in ("ny", "upptagen"):
        response = client.post(
            url, {"title": "Min titel", "slug": slug, "kind": "guide", "body_text": "", "order": "x"}
        )
        assert response.status_code == 200
        html = response.content.decode()
        assert "error-summary" in html and 'value="Min titel"' in html
    assert HandbookPage.objects.filter(municipality=municipality).count() == 1


def test_principles_create_numbers_versions_and_audits(client, municipality, staff):
    PrinciplesFactory(municipality=municipality, version=3)
    client.force_login(staff[Role.DEMOCRACY_OFFICER])
    council = municipality.get_deciding_body()
    data = {
        "title": "Principer 2026",
        "body_text": "Nya löften.",
        "easy_read": "",
        "adopted_by": council.pk,
        "adopted_on": "2026-03-16",
        "minute_item": "§ 12",
        "registration_number": "KS 2026/45",
    }
    response = client.post(reverse("foundation:principles_create", args=[municipality.slug]), data)
    document = PrinciplesDocument.objects.get(municipality=municipality, title="Principer 2026")
    assert document.version == 4
    assert response["Location"] == reverse("foundation:principles_version", args=[municipality.slug, 4])
    event = AuditEvent.objects.get(action="principles.create")
    assert event.public and event.data["version"] == 4


def test_principles_create_refuses_another_municipalitys_body_and_bad_dates(
    client, municipality, other_municipality, staff
):
    client.force_login(staff[Role.ADMINISTRATOR])
    data = {
        "title": "Principer",
        "body_text": "Text",
        "adopted_by": other_municipality.get_deciding_body().pk,
        "adopted_on": "2026-02-31",
        "minute_item": "§ 1",
        "registration_number": "KS 1",
    }
    response = client.post(reverse("foundation:principles_create", args=[municipality.slug]), data)
    assert response.status_code == 200
    form = response.context["form"]
    assert "adopted_by" in form.errors and "adopted_on" in form.errors
    assert not PrinciplesDocument.objects.exists()


def test_toolbox_method_create_limits_target_groups(client, municipality, other_municipality, staff):
    client.force_login(staff[Role.ADMINISTRATOR])
    url = reverse("foundation:toolbox_create", args=[municipality.slug])
    young = municipality.target_groups.get(name="Unga")
    data = {
        "name": "Promenadsamtal",
        "summary": "Samtal under en promenad.",
        "description": "Man går och pratar.",
        "when_to_use": "När platsen spelar roll.",
        "ladder_levels": ["dialogue"],
        "target_groups": [young.pk, other_municipality.target_groups.first().pk],
        "effort": "low",
        "in_person": "on",
    }
    response = client.post(url, data)
    assert response.status_code == 200 and "target_groups" in response.context["form"].errors
    data["target_groups"] = [young.pk]
    response = client.post(url, data)
    method = ToolboxMethod.objects.get(municipality=municipality, slug="promenadsamtal")
    assert response.status_code == 302
    assert list(method.target_groups.all()) == [young]
    assert AuditEvent.objects.filter(action="toolbox.create").count() == 1


@pytest.mark.parametrize("bad", ["9" * 30, "-1", "abc"])
def test_toolbox_form_refuses_nonsense_target_group_ids(client, municipality, staff, bad):
    client.force_login(staff[Role.ADMINISTRATOR])
    response = client.post(reverse("foundation:toolbox_create", args=[municipality.slug]), {"target_groups": [bad]})
    assert response.status_code == 200 and "target_groups" in response.context["form"].errors


def test_toolbox_method_needs_online_or_in_person(client, municipality, staff):
    client.force_login(staff[Role.ADMINISTRATOR])
    data = {"name": "X", "summary": "S", "description": "D", "when_to_use": "W", "ladder_levels": ["dialogue"]}
    data["effort"] = "low"
    response = client.post(reverse("foundation:toolbox_create", args=[municipality.slug]), data)
    assert "in_person" in response.context["form"].errors


def test_toolbox_edit_keeps_slug_and_updates(client, municipality, staff):
    method = ToolboxMethodFactory(municipality=municipality, slug="enkat", name="Enkät")
    client.force_login(staff[Role.ADMINISTRATOR])
    data = {
        "name": "Enkät på webben",
        "slug": "enkat",
        "summary": "S",
        "description": "D",
        "when_to_use": "W",
        "ladder_levels": ["consultation"],
        "effort": "medium",
        "online": "on",
        "participation_method": "",
    }
    response = client.post(reverse("foundation:toolbox_edit", args=[municipality.slug, "enkat"]), data)
    assert response.status_code == 302
    method.refresh_from_db()
    assert method.name == "Enkät på webben" and method.ladder_levels == ["consultation"]


def test_editing_forms_refuse_wrong_method(client, municipality, staff):
    client.force_login(staff[Role.ADMINISTRATOR])
    assert client.delete(reverse("foundation:handbook_create", args=[municipality.slug])).status_code == 405
    assert client.post(reverse("foundation:handbook", args=[municipality.slug])).status_code == 405


def test_principles_form_starts_from_the_version_in_force(client, municipality, staff):
    PrinciplesFactory(municipality=municipality, version=1, adopted_on=datetime.date(2020, 1, 1), title="Gällande")
    client.force_login(staff[Role.ADMINISTRATOR])
    response = client.get(reverse("foundation:principles_create", args=[municipality.slug]))
    assert response.context["form"].initial["title"] == "Gällande"
    assert response.context["next_version"] == 2
