"""Moderation: the queue with its criteria and duplicate hints; review, publish, send to the body, reject."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from delaktig.accounts.tests.factories import UserFactory
from delaktig.core.audit import audit_events_for
from delaktig.organisations.models import Body, Role
from delaktig.proposals.handling._staff_selectors import duplicate_candidates, duplicate_hints, similarity, words
from delaktig.proposals.handling._staff_services import one_year_later
from delaktig.proposals.models import ProposalCase, RegistryEntry, RejectionReason, Route, Status
from delaktig.proposals.selectors import settings_for
from delaktig.proposals.tests.factories import CategoryFactory, ProposalFactory

pytestmark = pytest.mark.django_db


def step(client, proposal, name, **data):
    return client.post(reverse("proposals:staff_step", args=[proposal.municipality.slug, proposal.pk, name]), data)


def moderation_url(municipality):
    return reverse("proposals:moderation", args=[municipality.slug])


@pytest.fixture
def moderator(client, staff):
    client.force_login(staff[Role.MODERATOR])
    return staff[Role.MODERATOR]


def test_queue_lists_waiting_proposals_with_the_criteria(client, municipality, moderator):
    waiting = ProposalFactory(municipality=municipality, title="Fler bänkar i parken", text="Bänkar behövs.")
    reviewing = ProposalFactory(
        municipality=municipality, status=Status.UNDER_REVIEW, title="Längre öppettider", text="Biblioteket."
    )
    ProposalFactory(municipality=municipality, status=Status.COLLECTING, title="Redan publicerat", text="Annat.")
    html = client.get(moderation_url(municipality)).content.decode()
    assert waiting.title in html and reviewing.title in html and "Redan publicerat" not in html
    for _value, label in RejectionReason.choices:
        assert str(label) in html
    assert f'name="p{waiting.pk}-reason"' in html


def test_swedish_words_are_compared_without_endings_and_stop_words():
    assert words("Lekplatsen, lekplatser och en lekplats!") == {"lekplats"}
    assert "och" not in words("Och så vidare") and "2026" not in words("år 2026")


def test_duplicate_hints_find_similar_proposals_in_the_window_only(municipality):
    rules = settings_for(municipality)
    new = ProposalFactory(
        municipality=municipality, title="Bygg en lekplats i Norrby", text="Barnen i Norrby behöver en lekplats."
    )
    similar = ProposalFactory(
        municipality=municipality,
        status=Status.DECIDED,
        title="Ny lekplats i Norrby",
        text="Vi vill ha en lekplats för barnen i Norrby.",
    )
    too_old = ProposalFactory(
        municipality=municipality,
        status=Status.DECIDED,
        title="Lekplats i Norrby",
        text="Lekplats för barnen i Norrby.",
        submitted_at=timezone.now() - datetime.timedelta(days=400),
    )
    rejected = ProposalFactory(
        municipality=municipality, status=Status.REJECTED, title="Lekplats i Norrby", text="Lekplats i Norrby."
    )
    ProposalFactory(municipality=municipality, title="Laga gatlyktorna", text="Det är mörkt på Storgatan.")
    candidates = duplicate_candidates(municipality=municipality, months=rules.duplicate_window_months)
    hints = duplicate_hints(new, candidates)
    assert [hint.proposal for hint in hints] == [similar]
    assert 0 < hints[0].percent <= 100
    assert too_old not in candidates and rejected not in candidates


def test_at_most_three_hints_most_similar_first(municipality):
    new = ProposalFactory(municipality=municipality, title="Lekplats vid skolan", text="Bygg en lekplats vid skolan.")
    others = [
        ProposalFactory(municipality=municipality, title=title, text=text)
        for title, text in [
            ("Lekplats vid skolan", "Bygg en lekplats vid skolan."),
            ("Lekplats", "Gungor."),
            ("Skolan", "Gungor och rutschkana."),
            ("Gungor vid skolan", "Gungor och sandlåda."),
        ]
    ]
    hints = duplicate_hints(new, duplicate_candidates(municipality=municipality, months=12))
    assert len(hints) == 3
    assert hints[0].score >= hints[1].score >= hints[2].score
    assert hints[0].proposal == others[0]
    assert similarity(new, new) == 1


def test_the_queue_shows_may_duplicate_hints(client, municipality, moderator):
    earlier = ProposalFactory(municipality=municipality, status=Status.COLLECTING, title="Hundrastgård i Norrby")
    ProposalFactory(municipality=municipality, title="En hundrastgård i Norrby")
    html = client.get(moderation_url(municipality)).content.decode()
    earlier_url = reverse("proposals:staff_detail", args=[municipality.slug, earlier.pk])
    assert f'<a href="{earlier_url}">Hundrastgård i Norrby</a>' in html and "100 %" in html


def test_review_from_the_queue_returns_to_the_queue(client, municipality, moderator):
    proposal = ProposalFactory(municipality=municipality)
    response = step(client, proposal, "review", next="moderation")
    assert response.status_code == 302 and response["Location"] == moderation_url(municipality)
    proposal.refresh_from_db()
    assert proposal.status == Status.UNDER_REVIEW
    assert audit_events_for(proposal).get().action == "proposal.review"


def test_publish_for_signing_fixes_window_threshold_and_body(client, municipality, moderator):
    rules = settings_for(municipality)
    rules.threshold_per_mille, rules.population, rules.signing_period_days = 1, 24_500, 60
    rules.save()
    body = municipality.bodies.get(kind=Body.Kind.COMMITTEE)
    category = CategoryFactory(municipality=municipality, responsible_body=body)
    proposal = ProposalFactory(municipality=municipality, status=Status.UNDER_REVIEW, category=category)
    before = timezone.now()
    response = step(client, proposal, "approve")
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == Status.COLLECTING
    assert proposal.threshold == 25  # 1 ‰ of 24 500, rounded up
    assert proposal.signing_starts_at >= before
    assert proposal.signing_ends_at - proposal.signing_starts_at == datetime.timedelta(days=60)
    assert proposal.routed_body == body
    event = audit_events_for(proposal).get()
    assert event.action == "proposal.approve" and event.data["threshold"] == 25 and event.public


def test_publish_uses_the_period_the_proposer_chose(client, municipality, moderator):
    proposal = ProposalFactory(municipality=municipality, status=Status.UNDER_REVIEW, signing_days=30)
    step(client, proposal, "approve")
    proposal.refresh_from_db()
    assert proposal.signing_ends_at - proposal.signing_starts_at == datetime.timedelta(days=30)
    assert proposal.threshold == 50


def test_a_threshold_free_category_cannot_be_published_but_goes_to_its_body(client, municipality, moderator):
    body = municipality.bodies.get(kind=Body.Kind.COMMITTEE)
    category = CategoryFactory(municipality=municipality, skips_threshold=True, responsible_body=body)
    proposal = ProposalFactory(municipality=municipality, status=Status.UNDER_REVIEW, category=category)
    response = step(client, proposal, "approve")
    assert response.status_code == 200 and 'id="refused-title"' in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == Status.UNDER_REVIEW and proposal.signing_starts_at is None
    assert step(client, proposal, "receive").status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == Status.RECEIVED and proposal.case.body == body


def test_a_citizen_proposal_goes_to_the_council_with_one_case_and_a_deadline(client, municipality, moderator):
    proposal = ProposalFactory(municipality=municipality, route=Route.CITIZEN_PROPOSAL, status=Status.UNDER_REVIEW)
    assert step(client, proposal, "receive").status_code == 302
    proposal.refresh_from_db()
    council = municipality.bodies.get(kind=Body.Kind.COUNCIL)
    assert proposal.status == Status.RECEIVED and proposal.routed_body == council
    assert proposal.answer_deadline == one_year_later(timezone.localdate())
    case = ProposalCase.objects.get(proposal=proposal)
    assert case.registration_number == proposal.registration_number and case.body == council
    assert (
        RegistryEntry.objects.filter(municipality=municipality, registration_number=case.registration_number).count()
        == 1
    )
    response = step(client, proposal, "receive")
    assert response.status_code == 200  # refused: it is already received
    assert ProposalCase.objects.filter(proposal=proposal).count() == 1


def test_receiving_without_a_registration_number_takes_the_next_one(client, municipality, moderator):
    proposal = ProposalFactory(
        municipality=municipality, route=Route.CITIZEN_PROPOSAL, status=Status.UNDER_REVIEW, registration_number=""
    )
    step(client, proposal, "receive")
    proposal.refresh_from_db()
    assert proposal.registration_number == f"KS {timezone.localdate().year}/1"
    assert proposal.case.registration_number == proposal.registration_number


def test_receiving_at_the_threshold_keeps_the_case_opened_by_the_threshold(client, municipality, staff):
    client.force_login(staff[Role.OFFICER])
    proposal = ProposalFactory(municipality=municipality, status=Status.THRESHOLD_REACHED)
    board = municipality.bodies.get(kind=Body.Kind.EXECUTIVE_BOARD)
    ProposalCase.objects.create(proposal=proposal, registration_number="KS 2026/77", body=board)
    assert step(client, proposal, "receive").status_code == 302
    assert ProposalCase.objects.filter(proposal=proposal).count() == 1
    assert RegistryEntry.objects.filter(registration_number="KS 2026/77").exists()


def test_the_29th_of_february_gives_the_28th_a_year_later():
    assert one_year_later(datetime.date(2028, 2, 29)) == datetime.date(2029, 2, 28)
    assert one_year_later(datetime.date(2026, 11, 24)) == datetime.date(2027, 11, 24)


def test_rejecting_tells_the_proposer_the_reason_in_words(
    client, municipality, moderator, django_capture_on_commit_callbacks
):
    proposer = UserFactory(email="rut@example.se")
    proposal = ProposalFactory(municipality=municipality, proposer=proposer, status=Status.UNDER_REVIEW)
    prefix = f"p{proposal.pk}"
    data = {f"{prefix}-reason": RejectionReason.INDIVIDUAL_MATTER, f"{prefix}-note": "Sök bygglov i stället."}
    with django_capture_on_commit_callbacks(execute=True):
        response = step(client, proposal, "reject", **data)
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == Status.REJECTED and not proposal.is_public
    assert proposal.rejection_reason == RejectionReason.INDIVIDUAL_MATTER
    message = mail.outbox[-1]
    assert message.to == ["rut@example.se"]
    with translation.override("sv"):
        assert str(RejectionReason.INDIVIDUAL_MATTER.label) in message.body
    assert "Sök bygglov i stället." in message.body
    assert audit_events_for(proposal).get().data["reason"] == RejectionReason.INDIVIDUAL_MATTER


def test_rejecting_without_a_reason_shows_the_error_and_keeps_the_note(client, municipality, moderator):
    proposal = ProposalFactory(municipality=municipality)
    response = step(client, proposal, "reject", **{f"p{proposal.pk}-note": "Min förklaring"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "error-summary" in html and "Min förklaring" in html
    proposal.refresh_from_db()
    assert proposal.status == Status.SUBMITTED and not mail.outbox


def test_a_complaint_goes_to_the_complaints_channel_and_is_never_published(
    client, municipality, moderator, django_capture_on_commit_callbacks
):
    rules = settings_for(municipality)
    rules.complaints_url = "https://exempelby.se/synpunkter"
    rules.complaints_email = "synpunkter@exempelby.se"
    rules.save()
    proposer = UserFactory(email="olle@example.se")
    proposal = ProposalFactory(
        municipality=municipality, proposer=proposer, title="Trasig gatlykta", text="Lyktan på Storgatan 3 är trasig."
    )
    with django_capture_on_commit_callbacks(execute=True):
        step(client, proposal, "reject", **{f"p{proposal.pk}-reason": RejectionReason.COMPLAINT})
    proposal.refresh_from_db()
    assert proposal.status == Status.REJECTED and not proposal.is_public
    to_proposer = next(m for m in mail.outbox if m.to == ["olle@example.se"])
    assert "https://exempelby.se/synpunkter" in to_proposer.body and "synpunkter@exempelby.se" in to_proposer.body
    forwarded = next(m for m in mail.outbox if m.to == ["synpunkter@exempelby.se"])
    assert "Lyktan på Storgatan 3 är trasig." in forwarded.body and forwarded.reply_to == ["olle@example.se"]


def test_a_complaint_without_a_complaints_address_is_not_forwarded(
    client, municipality, moderator, django_capture_on_commit_callbacks
):
    rules = settings_for(municipality)
    rules.complaints_url = "https://exempelby.se/synpunkter"
    rules.save()
    proposal = ProposalFactory(municipality=municipality, proposer=UserFactory(email="a@example.se"))
    with django_capture_on_commit_callbacks(execute=True):
        step(client, proposal, "reject", **{f"p{proposal.pk}-reason": RejectionReason.COMPLAINT})
    assert [m.to for m in mail.outbox] == [["a@example.se"]]
    assert "https://exempelby.se/synpunkter" in mail.outbox[0].body


def test_a_role_without_the_step_is_told_who_can(client, municipality, staff):
    client.force_login(staff[Role.OFFICER])
    proposal = ProposalFactory(municipality=municipality)
    response = step(client, proposal, "review")
    assert response.status_code == 403
    proposal.refresh_from_db()
    assert proposal.status == Status.SUBMITTED


def test_an_unknown_step_is_refused_with_a_reason(client, municipality, moderator):
    proposal = ProposalFactory(municipality=municipality)
    response = step(client, proposal, "fly-away")
    assert response.status_code == 200 and "error-summary" in response.content.decode()


def test_a_double_click_on_publish_publishes_once(client, municipality, moderator):
    proposal = ProposalFactory(municipality=municipality, status=Status.UNDER_REVIEW)
    step(client, proposal, "approve")
    step(client, proposal, "approve")
    assert audit_events_for(proposal).filter(action="proposal.approve").count() == 1


def test_a_step_the_system_takes_is_refused_to_staff_with_who_can(client, municipality, moderator):
    proposal = ProposalFactory(municipality=municipality, status=Status.COLLECTING, threshold=1)
    response = step(client, proposal, "reach_threshold")
    assert response.status_code == 403
    proposal.refresh_from_db()
    assert proposal.status == Status.COLLECTING
