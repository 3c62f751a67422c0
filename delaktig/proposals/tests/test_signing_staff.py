"""Staff work on signatures: paper lists from the service centre, and bulk invalidation that corrects the count."""

import datetime

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from delaktig.core.models import AuditEvent
from delaktig.proposals.models import Signature, SignatureStatus, Status
from delaktig.proposals.selectors import signature_count
from delaktig.proposals.signatures import public_signature_count
from delaktig.proposals.tests.factories import ProposalFactory, SignatureFactory, collecting


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def proposal(municipality):
    return collecting(ProposalFactory(municipality=municipality), threshold=100)


def paper_url(proposal):
    return reverse("proposals:paper_signatures", args=[proposal.municipality.slug, proposal.pk])


def invalidate_url(municipality):
    return reverse("proposals:invalidate", args=[municipality.slug])


# Paper signatures


@pytest.mark.parametrize(
    ("role", "expected"),
    [("officer", 200), ("registrar", 200), ("democracy_officer", 200), ("moderator", 403), ("elected_official", 403)],
)
def test_paper_page_roles(client, staff, proposal, role, expected):
    client.force_login(staff[role])
    assert client.get(paper_url(proposal)).status_code == expected


def test_paper_page_of_another_municipality_is_a_404(client, staff, other_municipality):
    other = collecting(ProposalFactory(municipality=other_municipality))
    client.force_login(staff["officer"])
    assert client.get(paper_url(other)).status_code == 404


def test_one_paper_signature(client, staff, proposal):
    client.force_login(staff["officer"])
    response = client.post(paper_url(proposal), {"name": "Anna Andersson", "identifier": "Storgatan 1, Byn"})
    assert response.status_code == 302
    signature = Signature.objects.get()
    assert signature.channel == "paper" and signature.identity_checked
    assert signature.status == SignatureStatus.VALID and signature.confirmed_at
    assert signature.signer_key == "paper:anna andersson|storgatan 1 byn"
    assert not signature.wants_updates and not signature.show_name
    event = AuditEvent.objects.get(action="proposal.paper_signatures_added")
    assert event.actor == staff["officer"] and event.data == {"count": 1}


def test_several_lines_and_the_same_person_counts_once(client, staff, proposal):
    client.force_login(staff["registrar"])
    lines = "Anna Andersson; 1950\nBo Berg;Storgatan 2\n\n anna  andersson ;1950\nCia Ek; 1987"
    response = client.post(paper_url(proposal), {"lines": lines}, follow=True)
    assert signature_count(proposal) == 3
    notes = [str(message) for message in response.context["messages"]]
    assert len(notes) == 2 and "anna andersson" in notes[1]  # 3 registered; the repeat is named
    again = client.post(paper_url(proposal), {"name": "ANNA ANDERSSON", "identifier": "1950"})
    assert again.status_code == 302 and signature_count(proposal) == 3


@pytest.mark.parametrize(
    "data",
    [{}, {"name": "Bara Namn"}, {"identifier": "1950"}, {"lines": "Utan semikolon"}, {"lines": "x;y\n" * 600}],
)
def test_paper_bad_input(client, staff, proposal, data):
    client.force_login(staff["officer"])
    response = client.post(paper_url(proposal), data)
    assert response.status_code == 200 and response.context["form"].errors
    assert not Signature.objects.exists()


def test_paper_only_while_collecting(client, staff, proposal):
    proposal.status = Status.THRESHOLD_REACHED
    proposal.save()
    client.force_login(staff["officer"])
    response = client.post(paper_url(proposal), {"name": "A", "identifier": "1950"})
    assert response.status_code == 200 and not response.context["is_open"]
    assert not Signature.objects.exists()


def test_paper_signatures_can_reach_the_threshold(client, staff, proposal, django_capture_on_commit_callbacks):
    collecting(proposal, threshold=2)
    client.force_login(staff["officer"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(paper_url(proposal), {"lines": "A; 1950\nB; 1960"})
    proposal.refresh_from_db()
    assert proposal.status == Status.THRESHOLD_REACHED


# Invalidation


@pytest.fixture
def mixed(proposal, municipality):
    """3 from bots.example on 192.0.2.x, 2 from an ordinary domain, 1 on paper, 1 old from 192.0.2.200."""
    for number in range(3):
        SignatureFactory(
            proposal=proposal,
            signer_key=f"b{number}@bots.example",
            email=f"b{number}@bots.example",
            email_domain="bots.example",
            ip_address=f"192.0.2.{number + 1}",
        )
    for number in range(2):
        SignatureFactory(proposal=proposal, ip_address=f"198.51.100.{number + 1}")
    SignatureFactory(proposal=proposal, signer_key="paper:x|1950", email="", email_domain="", channel="paper")
    old = SignatureFactory(proposal=proposal, ip_address="192.0.2.200")
    Signature.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=3))
    return proposal


@pytest.mark.parametrize("role", ["moderator", "democracy_officer", "registrar"])
def test_invalidation_page_roles(client, staff, role):
    client.force_login(staff[role])
    assert client.get(invalidate_url(staff[role].memberships.get().municipality)).status_code == 200


@pytest.mark.parametrize("role", ["officer", "elected_official", "administrator"])
def test_invalidation_is_refused_to_others(client, staff, municipality, role):
    client.force_login(staff[role])
    assert client.get(invalidate_url(municipality)).status_code == 403
    assert client.post(invalidate_url(municipality), {"email_domain": "x.se", "reason": "r"}).status_code == 403


def preview(client, municipality, **criteria):
    response = client.get(invalidate_url(municipality), criteria)
    assert response.status_code == 200
    return response


def test_preview_by_domain_changes_nothing(client, staff, municipality, mixed):
    client.force_login(staff["moderator"])
    response = preview(client, municipality, email_domain="@Bots.Example")
    assert response.context["total"] == 3
    assert response.context["rows"] == [(mixed, 3)]
    assert signature_count(mixed) == 7


def test_invalidate_by_domain_corrects_the_count(
    client, staff, municipality, mixed, django_capture_on_commit_callbacks
):
    client.force_login(staff["moderator"])
    assert public_signature_count(mixed) == 7  # cached now
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(invalidate_url(municipality), {"email_domain": "bots.example", "reason": "Robotar"})
    assert response.status_code == 302
    assert signature_count(mixed) == 4
    assert public_signature_count(mixed) == 4  # the cached count was cleared
    invalid = Signature.objects.filter(status=SignatureStatus.INVALIDATED)
    assert invalid.count() == 3
    assert all(s.invalidation_reason == "Robotar" and s.invalidated_at for s in invalid)
    event = AuditEvent.objects.get(action="proposal.signatures_invalidated")
    assert event.target_id == mixed.pk and event.data["count"] == 3 and event.actor == staff["moderator"]


@pytest.mark.parametrize(
    ("ip_range", "expected"),
    [("192.0.2.0/24", 4), ("192.0.2.1", 1), ("192.0.2.0/30", 3), ("198.51.100.0/24", 2), ("2001:db8::/32", 0)],
)
def test_invalidate_by_ip_range(client, staff, municipality, mixed, ip_range, expected):
    client.force_login(staff["democracy_officer"])
    assert preview(client, municipality, ip_range=ip_range).context["total"] == expected
    client.post(invalidate_url(municipality), {"ip_range": ip_range, "reason": "Samma nät"})
    assert signature_count(mixed) == 7 - expected


def test_invalidate_by_time_window_and_proposal(client, staff, municipality, mixed):
    other = collecting(ProposalFactory(municipality=municipality))
    SignatureFactory(proposal=other, ip_address="192.0.2.9")
    start = (timezone.localtime() - datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M")
    client.force_login(staff["registrar"])
    criteria = {"created_from": start, "proposal": mixed.pk}
    assert preview(client, municipality, **criteria).context["total"] == 5  # not the old one, not paper, not other
    client.post(invalidate_url(municipality), {**criteria, "reason": "Attack"})
    assert signature_count(mixed) == 2 and signature_count(other) == 1


def test_pending_signatures_are_invalidated_too(client, staff, municipality, proposal):
    SignatureFactory(proposal=proposal, email_domain="bots.example", status=SignatureStatus.PENDING)
    client.force_login(staff["moderator"])
    client.post(invalidate_url(municipality), {"email_domain": "bots.example", "reason": "Robotar"})
    assert Signature.objects.get().status == SignatureStatus.INVALIDATED


def test_another_municipalitys_signatures_are_never_touched(client, staff, municipality, other_municipality, mixed):
    theirs = collecting(ProposalFactory(municipality=other_municipality))
    SignatureFactory(proposal=theirs, email_domain="bots.example")
    client.force_login(staff["moderator"])
    client.post(invalidate_url(municipality), {"email_domain": "bots.example", "reason": "Robotar"})
    assert signature_count(theirs) == 1


@pytest.mark.parametrize(
    "criteria",
    [
        {},
        {"proposal": "999999"},
        {"ip_range": "300.1.1.1/8"},
        {"ip_range": "nonsense"},
        {"email_domain": "no dot"},
        {"created_from": "2026-13-45"},
        {"created_from": "2026-05-02T10:00", "created_to": "2026-05-01T10:00"},
    ],
)
def test_bad_criteria_rerender(client, staff, municipality, mixed, criteria):
    client.force_login(staff["moderator"])
    response = client.get(invalidate_url(municipality), criteria)
    assert response.status_code == 200
    assert response.context["form"].errors or not criteria  # no criteria at all: the empty form
    response = client.post(invalidate_url(municipality), {**criteria, "reason": "x"})
    assert response.status_code == 200
    assert signature_count(mixed) == 7


def test_a_reason_is_required(client, staff, municipality, mixed):
    client.force_login(staff["moderator"])
    response = client.post(invalidate_url(municipality), {"email_domain": "bots.example", "reason": ""})
    assert response.status_code == 200 and response.context["reason_form"].errors
    assert response.context["total"] == 3
    assert signature_count(mixed) == 7
