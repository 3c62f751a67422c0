"""The proposal page: who sees what in each status, the count and progress, history, answer, names; flat queries."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from delaktig.accounts.tests.factories import UserFactory
from delaktig.organisations.models import Body
from delaktig.organisations.tests.factories import DecisionFactory
from delaktig.participation.models import Comment, ModerationStatus
from delaktig.proposals.handling import _staff_services as services_staff
from delaktig.proposals.models import PUBLIC_STATUSES, Proposal, RejectionReason, Status
from delaktig.proposals.tests.factories import ProposalFactory, SignatureFactory, collecting

pytestmark = pytest.mark.django_db
PRIVATE_STATUSES = sorted(set(Status) - PUBLIC_STATUSES)


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


def detail_url(proposal, municipality=None):
    return reverse("proposals:detail", args=[(municipality or proposal.municipality).slug, proposal.pk])


@pytest.mark.parametrize("status", sorted(PUBLIC_STATUSES))
def test_public_statuses_are_shown_to_everyone(client, municipality, status):
    proposal = ProposalFactory(municipality=municipality, status=status, title="Bänkar längs ån")
    response = client.get(detail_url(proposal))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Bänkar längs ån" in page
    assert str(Proposal(status=status).get_status_display()) in page
    assert proposal.registration_number in page


@pytest.mark.parametrize("status", PRIVATE_STATUSES)
def test_other_statuses_are_a_404_except_for_the_proposer(client, municipality, resident, status):
    proposal = ProposalFactory(municipality=municipality, status=status, proposer=resident)
    assert client.get(detail_url(proposal)).status_code == 404
    client.force_login(UserFactory())
    assert client.get(detail_url(proposal)).status_code == 404
    client.force_login(resident)
    response = client.get(detail_url(proposal))
    assert response.status_code == 200
    assert str(Proposal(status=status).get_status_display()) in response.content.decode()


def test_the_proposer_sees_why_it_was_rejected(client, municipality, resident):
    proposal = ProposalFactory(
        municipality=municipality,
        status=Status.REJECTED,
        proposer=resident,
        rejection_reason=RejectionReason.SEVERAL_SUBJECTS,
        rejection_note="Dela upp det i två förslag.",
    )
    client.force_login(resident)
    page = client.get(detail_url(proposal)).content.decode()
    assert str(RejectionReason.SEVERAL_SUBJECTS.label) in page
    assert "Dela upp det i två förslag." in page


def test_another_municipalitys_id_is_a_404(client, municipality, other_municipality):
    proposal = collecting(ProposalFactory(municipality=municipality))
    assert client.get(detail_url(proposal, other_municipality)).status_code == 404
    assert client.get(reverse("proposals:detail", args=[municipality.slug, 999999])).status_code == 404


def test_count_progress_days_left_and_sign_link(client, municipality):
    proposal = collecting(ProposalFactory(municipality=municipality), threshold=10, days_left=12)
    SignatureFactory.create_batch(4, proposal=proposal)
    SignatureFactory(proposal=proposal, status="pending")
    response = client.get(detail_url(proposal))
    page = response.content.decode()
    assert response.context["progress"].count == 4
    assert '<progress id="signature-progress" max="10" value="4"' in page
    assert "40 %" in page
    assert response.context["days_left"] == 12
    assert reverse("proposals:sign", args=[municipality.slug, proposal.pk]) in page


def test_no_sign_link_after_the_period(client, municipality):
    proposal = collecting(ProposalFactory(municipality=municipality), threshold=10)
    proposal.signing_ends_at = timezone.now() - datetime.timedelta(minutes=1)
    proposal.save()
    response = client.get(detail_url(proposal))
    assert reverse("proposals:sign", args=[municipality.slug, proposal.pk]) not in response.content.decode()
    assert response.context["days_left"] == 0


def test_only_names_of_those_who_opted_in_are_shown(client, municipality):
    proposal = collecting(ProposalFactory(municipality=municipality))
    SignatureFactory(proposal=proposal, name="Synlig Svensson", show_name=True)
    SignatureFactory(proposal=proposal, name="Hemlig Hansson", show_name=False)
    SignatureFactory(proposal=proposal, name="Väntande Virtanen", show_name=True, status="pending")
    page = client.get(detail_url(proposal)).content.decode()
    assert "Synlig Svensson" in page
    assert "Hemlig Hansson" not in page
    assert "Väntande Virtanen" not in page


def test_history_shows_public_steps_with_dates_and_never_staff_names(client, municipality, staff):
    proposal = ProposalFactory(municipality=municipality, status=Status.SUBMITTED)
    moderator = staff["moderator"]
    moderator.name = "Mona Moderator"
    moderator.save()
    services_staff.proposal_review(proposal=proposal, actor=moderator)
    services_staff.proposal_approve(proposal=Proposal.objects.get(pk=proposal.pk), actor=moderator)
    response = client.get(detail_url(proposal))
    assert len(response.context["history"]) == 2
    assert "Mona Moderator" not in response.content.decode()


def test_the_answer_with_its_attachment(client, municipality):
    body = Body.objects.get(municipality=municipality, kind=Body.Kind.COMMITTEE)
    proposal = ProposalFactory(
        municipality=municipality,
        status=Status.DECIDED,
        decision=DecisionFactory(
            municipality=municipality,
            body=body,
            date=datetime.date(2026, 11, 23),
            minute_item="§ 42",
            text="Nämnden bygger en lekplats under 2027.",
        ),
    )
    proposal.decision_attachment.save("protokoll.pdf", SimpleUploadedFile("protokoll.pdf", b"x" * 2048))
    page = client.get(detail_url(proposal)).content.decode()
    for text in (body.name, "23 november 2026", "§ 42", "Nämnden bygger en lekplats under 2027.", "pdf", "2,0"):
        assert text in page
    assert proposal.decision_attachment.url in page


def make_crowd(proposal, count):
    SignatureFactory.create_batch(count, proposal=proposal, show_name=True)
    target_type = ContentType.objects.get_for_model(Proposal)
    Comment.objects.bulk_create(
        Comment(
            municipality=proposal.municipality,
            target_type=target_type,
            target_id=proposal.pk,
            author_name=f"Skribent {n}",
            text=f"Kommentar {n}",
            status=ModerationStatus.PUBLISHED,
        )
        for n in range(count)
    )


def queries_for(client, proposal):
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(detail_url(proposal)).status_code == 200
    return len(captured)


@pytest.mark.parametrize("logged_in", [False, True], ids=["visitor", "resident"])
def test_queries_do_not_grow_with_signatures_or_comments(client, municipality, resident, logged_in):
    if logged_in:
        client.force_login(resident)
    small = collecting(ProposalFactory(municipality=municipality), threshold=500)
    busy = collecting(ProposalFactory(municipality=municipality), threshold=500)
    make_crowd(small, 10)
    make_crowd(busy, 200)
    queries_for(client, small)  # warm up: the content type cache
    assert queries_for(client, small) == queries_for(client, busy)


def test_comments_are_paginated(client, municipality):
    proposal = collecting(ProposalFactory(municipality=municipality))
    make_crowd(proposal, 60)
    response = client.get(detail_url(proposal))
    assert len(response.context["comments"].object_list) == 50
    assert response.context["comments"].paginator.count == 60
    second = client.get(detail_url(proposal), {"page": "2"})
    assert len(second.context["comments"].object_list) == 10
    assert client.get(detail_url(proposal), {"page": "zzz"}).status_code == 200


def test_wrong_method_is_refused(client, municipality):
    proposal = collecting(ProposalFactory(municipality=municipality))
    assert client.post(detail_url(proposal)).status_code == 405


def test_only_a_decided_proposal_reads_its_decision_and_in_one_query(client, municipality):
    collecting_one = collecting(ProposalFactory(municipality=municipality), threshold=500)
    body = Body.objects.get(municipality=municipality, kind=Body.Kind.COMMITTEE)
    decided = ProposalFactory(
        municipality=municipality,
        status=Status.DECIDED,
        decision=DecisionFactory(municipality=municipality, body=body, date=datetime.date(2026, 11, 23), text="Ja."),
    )
    for proposal in (collecting_one, decided):
        client.get(detail_url(proposal))  # warm up: the content type cache
    cache.clear()
    with CaptureQueriesContext(connection) as undecided_page:
        client.get(detail_url(collecting_one))
    assert not [q for q in undecided_page.captured_queries if "organisations_decision" in q["sql"]]
    cache.clear()
    with CaptureQueriesContext(connection) as decided_page:
        page = client.get(detail_url(decided)).content.decode()
    assert len([q for q in decided_page.captured_queries if "organisations_decision" in q["sql"]]) == 1
    assert body.name in page
