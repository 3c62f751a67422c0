"""Staff pages cost the same number of queries however many proposals, signatures or events there are."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from delaktig.core.audit import audit_record
from delaktig.organisations.models import Role
from delaktig.proposals import workflow
from delaktig.proposals.models import Status
from delaktig.proposals.tests.factories import CategoryFactory, ProposalFactory, SignatureFactory

pytestmark = pytest.mark.django_db


def queries(client, url):
    client.get(url)  # warm the caches (the municipality), so both sizes are measured alike
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_moderation_queue_is_flat(client, municipality, staff):
    client.force_login(staff[Role.MODERATOR])
    url = reverse("proposals:moderation", args=[municipality.slug])
    category = CategoryFactory(municipality=municipality)
    ProposalFactory.create_batch(2, municipality=municipality, category=category)
    queries(client, url)  # the first visit creates the default rules
    few = queries(client, url)
    ProposalFactory.create_batch(10, municipality=municipality, category=category, status=Status.UNDER_REVIEW)
    assert queries(client, url) == few


def test_the_detail_page_is_flat(client, municipality, staff):
    client.force_login(staff[Role.MODERATOR])
    proposal = ProposalFactory(municipality=municipality)
    url = reverse("proposals:staff_detail", args=[municipality.slug, proposal.pk])
    workflow.transition(proposal, "review", actor=staff[Role.MODERATOR])
    few = queries(client, url)
    SignatureFactory.create_batch(20, proposal=proposal)
    for _ in range(5):
        audit_record(municipality=municipality, actor=staff[Role.OFFICER], action="proposal.review", target=proposal)
    assert queries(client, url) == few


def test_the_staff_list_is_flat(client, municipality, staff):
    client.force_login(staff[Role.OFFICER])
    url = reverse("proposals:staff_list", args=[municipality.slug])
    category = CategoryFactory(municipality=municipality)
    ProposalFactory.create_batch(2, municipality=municipality, category=category)
    few = queries(client, url)
    ProposalFactory.create_batch(
        15, municipality=municipality, category=category, routed_body=municipality.bodies.first()
    )
    assert queries(client, url) == few


def test_the_staff_list_searches_words_and_registration_numbers(client, municipality, staff):
    client.force_login(staff[Role.OFFICER])
    url = reverse("proposals:staff_list", args=[municipality.slug])
    ProposalFactory(
        municipality=municipality, title="Fler bänkar i parken", text="Vid dammen", registration_number="MF-2026-3"
    )
    ProposalFactory(municipality=municipality, title="Ny lekplats", text="I Älvsjö", registration_number="MF-2026-4")
    ProposalFactory(municipality=municipality, title="Öppna badet", text="Längre tider", registration_number="")
    for query, titles in [
        ("bänkar dammen", {"Fler bänkar i parken"}),
        ("ÄLVSJÖ", {"Ny lekplats"}),
        ("MF-2026-4", {"Ny lekplats"}),
        ("parken lekplats", set()),
    ]:
        page = client.get(url, {"q": query}).context["page"]
        assert {proposal.title for proposal in page} == titles, query


def test_the_staff_list_counts_only_the_signatures_of_the_proposals_shown(client, municipality, staff):
    client.force_login(staff[Role.OFFICER])
    url = reverse("proposals:staff_list", args=[municipality.slug])
    for proposal in ProposalFactory.create_batch(30, municipality=municipality):
        SignatureFactory(proposal=proposal)
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    shown = response.context["page"].object_list
    touching = [query["sql"] for query in captured.captured_queries if "proposals_signature" in query["sql"]]
    assert len(touching) == 1 and len(shown) == 25
    assert all(f"{proposal.pk}" in touching[0] for proposal in shown)
    assert [proposal.valid_signatures for proposal in shown] == [1] * 25
