"""The rules for proposals and the categories (administrators), and the staff list with its filters."""

from decimal import Decimal

import pytest
from django.urls import reverse

from delaktig.core.audit import audit_events_for
from delaktig.organisations.models import Body, Role
from delaktig.proposals.models import Category, Route, Status
from delaktig.proposals.selectors import settings_for
from delaktig.proposals.tests.factories import CategoryFactory, ProposalFactory, SignatureFactory

pytestmark = pytest.mark.django_db

VALID = {
    "epetitions_enabled": "on",
    "threshold_kind": "number",
    "threshold_number": "75",
    "threshold_per_mille": "",
    "population": "",
    "signing_period_days": "90",
    "signing_period_choices": "30, 60 90",
    "propose_identity_level": "1",
    "sign_identity_level": "1",
    "routing": "committee",
    "below_threshold": "officer",
    "duplicate_window_months": "24",
    "complaints_url": "https://exempelby.se/synpunkter",
    "complaints_email": "",
    "citizen_proposals_enabled": "on",
    "citizen_proposals_from": "2027-01-01",
    "citizen_proposals_closed_message": "",
    "report_months": ["4", "10"],
}


@pytest.fixture
def admin(client, staff):
    client.force_login(staff[Role.ADMINISTRATOR])
    return staff[Role.ADMINISTRATOR]


def settings_url(municipality):
    return reverse("proposals:settings", args=[municipality.slug])


def test_defaults_are_created_on_first_use(municipality):
    rules = settings_for(municipality)
    assert rules.report_months == [4, 10] and rules.threshold() == 50 and rules.signing_period_days == 90
    assert settings_for(municipality).pk == rules.pk


def test_the_administrator_saves_the_rules(client, municipality, admin):
    response = client.post(settings_url(municipality), VALID)
    assert response.status_code == 302
    rules = settings_for(municipality)
    assert rules.threshold_number == 75 and rules.threshold_per_mille is None
    assert rules.signing_period_choices == [30, 60, 90]
    assert rules.below_threshold == "officer" and rules.duplicate_window_months == 24
    assert rules.citizen_proposals_enabled and str(rules.citizen_proposals_from) == "2027-01-01"
    assert rules.report_months == [4, 10]
    event = audit_events_for(rules).get()
    assert event.action == "proposals.settings_update" and event.data["threshold_number"] == 75


def test_a_per_mille_threshold_with_the_population(client, municipality, admin):
    data = {**VALID, "threshold_kind": "per_mille", "threshold_per_mille": "1.5", "population": "24500"}
    assert client.post(settings_url(municipality), data).status_code == 302
    rules = settings_for(municipality)
    assert rules.threshold_per_mille == Decimal("1.5") and rules.threshold() == 37


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"threshold_kind": "per_mille", "threshold_per_mille": "1"}, "population"),
        ({"threshold_kind": "per_mille", "population": "24500"}, "threshold_per_mille"),
        ({"threshold_kind": "per_mille", "threshold_per_mille": "-1", "population": "100"}, "threshold_per_mille"),
        ({"threshold_number": "0"}, "threshold_number"),
        ({"threshold_number": "99999999999999999999"}, "threshold_number"),
        ({"signing_period_days": "0"}, "signing_period_days"),
        ({"signing_period_choices": "30, många"}, "signing_period_choices"),
        ({"signing_period_choices": "30, 400"}, "signing_period_choices"),
        ({"complaints_url": ""}, "complaints_url"),
        ({"complaints_url": "inte en adress"}, "complaints_url"),
        ({"report_months": []}, "report_months"),
        ({"report_months": ["13"]}, "report_months"),
        ({"citizen_proposals_from": "2026-02-30"}, "citizen_proposals_from"),
        ({"routing": "mayor"}, "routing"),
        ({"threshold_kind": ""}, "threshold_kind"),
    ],
)
def test_invalid_rules_are_explained_and_kept(client, municipality, admin, changes, field):
    response = client.post(settings_url(municipality), {**VALID, **changes})
    assert response.status_code == 200
    form = response.context["form"]
    assert field in form.errors, form.errors
    assert "error-summary" in response.content.decode()
    assert settings_for(municipality).threshold_number == 50


def test_complaints_by_e_mail_only_is_enough(client, municipality, admin):
    data = {**VALID, "complaints_url": "", "complaints_email": "synpunkter@exempelby.se"}
    assert client.post(settings_url(municipality), data).status_code == 302


def test_categories_with_a_responsible_committee(client, municipality, other_municipality, admin):
    url = reverse("proposals:categories", args=[municipality.slug])
    committee = municipality.bodies.get(kind=Body.Kind.COMMITTEE)
    data = {"action": "save", "name": "Nationella minoriteter", "responsible_body": committee.pk}
    response = client.post(url, {**data, "skips_threshold": "on"})
    assert response.status_code == 302
    category = Category.objects.get(municipality=municipality)
    assert category.skips_threshold and category.responsible_body == committee
    assert audit_events_for(category).get().action == "proposals.category_create"
    duplicate = client.post(url, {**data, "name": "nationella minoriteter"})
    assert duplicate.status_code == 200 and "name" in duplicate.context["form"].errors
    foreign = client.post(url, {**data, "name": "Kultur", "responsible_body": other_municipality.bodies.first().pk})
    assert "responsible_body" in foreign.context["form"].errors
    changed = client.post(
        url, {"category": category.pk, "action": "save", "name": "Minoriteter", "responsible_body": ""}
    )
    assert changed.status_code == 302
    category.refresh_from_db()
    assert category.name == "Minoriteter" and not category.skips_threshold


def test_removing_a_category_keeps_its_proposals(client, municipality, admin):
    category = CategoryFactory(municipality=municipality)
    proposal = ProposalFactory(municipality=municipality, category=category)
    url = reverse("proposals:categories", args=[municipality.slug])
    assert client.post(url, {"category": category.pk, "action": "delete"}).status_code == 302
    proposal.refresh_from_db()
    assert proposal.category is None and not Category.objects.exists()


@pytest.mark.parametrize("value", ["abc", "99999999", "1" * 30])
def test_a_bad_or_unknown_category_is_a_404(client, municipality, admin, value):
    url = reverse("proposals:categories", args=[municipality.slug])
    assert client.get(url, {"category": value}).status_code == 404


def test_another_municipalitys_category_is_a_404(client, municipality, other_municipality, admin):
    foreign = CategoryFactory(municipality=other_municipality)
    url = reverse("proposals:categories", args=[municipality.slug])
    assert client.get(url, {"category": foreign.pk}).status_code == 404
    assert client.post(url, {"category": foreign.pk, "action": "delete"}).status_code == 404
    assert Category.objects.filter(pk=foreign.pk).exists()


def list_url(municipality):
    return reverse("proposals:staff_list", args=[municipality.slug])


def test_the_staff_list_counts_filters_and_searches(client, municipality, other_municipality, staff):
    category = CategoryFactory(municipality=municipality, name="Miljö")
    collecting = ProposalFactory(
        municipality=municipality, status=Status.COLLECTING, title="Fler cykelställ", category=category
    )
    SignatureFactory.create_batch(2, proposal=collecting)
    ProposalFactory(municipality=municipality, route=Route.CITIZEN_PROPOSAL, title="Ny simhall")
    ProposalFactory(municipality=other_municipality, title="Hemligt förslag")
    client.force_login(staff[Role.OFFICER])
    response = client.get(list_url(municipality))
    html = response.content.decode()
    assert "Fler cykelställ" in html and "Ny simhall" in html and "Hemligt förslag" not in html
    counts = {value: count for value, _label, count in response.context["counts"]}
    assert counts[Status.COLLECTING] == 1 and counts[Status.SUBMITTED] == 1 and counts[Status.DECIDED] == 0
    assert response.context["page"].object_list[0].valid_signatures in (0, 2)
    filtered = client.get(list_url(municipality), {"status": "collecting", "category": category.pk})
    assert [p.title for p in filtered.context["page"].object_list] == ["Fler cykelställ"]
    searched = client.get(list_url(municipality), {"q": "simhall", "route": "citizen_proposal"})
    assert [p.title for p in searched.context["page"].object_list] == ["Ny simhall"]


@pytest.mark.parametrize(
    "query", [{"status": "flying"}, {"category": "x"}, {"body": "99999999999999999999999"}, {"page": "-1"}]
)
def test_bad_filters_are_ignored_never_an_error(client, municipality, staff, query):
    ProposalFactory(municipality=municipality)
    client.force_login(staff[Role.OFFICER])
    response = client.get(list_url(municipality), query)
    assert response.status_code == 200
    assert response.context["page"].paginator.count == 1


def test_the_list_does_not_query_per_row(client, municipality, staff, django_assert_max_num_queries):
    category = CategoryFactory(municipality=municipality)
    for _ in range(15):
        ProposalFactory(municipality=municipality, category=category, routed_body=municipality.bodies.first())
    client.force_login(staff[Role.OFFICER])
    # 12, and the main menu asking whether the panel is open, forums exist and a yearly report is public
    with django_assert_max_num_queries(15):
        client.get(list_url(municipality))
