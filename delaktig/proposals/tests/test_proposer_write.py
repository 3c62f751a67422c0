"""Rut writes a proposal: write → check → send, a receipt with the number, and every way it can go wrong."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from delaktig.accounts.models import IdentityLevel
from delaktig.accounts.tests.factories import UserFactory
from delaktig.core.models import AuditEvent
from delaktig.proposals.models import Proposal, RegistryEntry, Route, Status
from delaktig.proposals.selectors import settings_for
from delaktig.proposals.tests.factories import CategoryFactory

pytestmark = pytest.mark.django_db


def url(name, municipality, *args):
    return reverse(f"proposals:{name}", args=[municipality.slug, *args])


def form_data(**extra):
    return {
        "title": "Bygg en lekplats i Norrby",
        "text": "Barnen i Norrby har ingen lekplats nära.\nBygg en vid skolan.",
        "proposer_name": "Rut Resident",
        **extra,
    }


@pytest.fixture
def rut(client, resident):
    client.force_login(resident)
    return client


def write_and_preview(client, municipality, name="write", **extra):
    response = client.post(url(name, municipality), form_data(**extra))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert response["Location"] == url("preview", municipality)
    return client.get(response["Location"])


def test_rut_writes_checks_and_sends(rut, municipality, resident, django_capture_on_commit_callbacks):
    preview = write_and_preview(rut, municipality)
    page = preview.content.decode()
    assert "Bygg en lekplats i Norrby" in page
    assert "personuppgifter" in page.lower() or "personal data" in page.lower()
    assert f'href="{url("write", municipality)}' in page
    with django_capture_on_commit_callbacks(execute=True):
        response = rut.post(url("preview", municipality))
    proposal = Proposal.objects.get()
    assert response["Location"] == url("submitted", municipality, proposal.pk)
    assert proposal.status == Status.SUBMITTED
    assert proposal.route == Route.EPETITION
    assert proposal.proposer == resident
    assert proposal.submitted_at is not None
    assert proposal.registration_number.startswith("KS ")
    entry = RegistryEntry.objects.get(registration_number=proposal.registration_number)
    assert entry.proposal == proposal
    assert entry.received_on == timezone.localdate()
    assert resident.email in entry.sender_reference
    assert "Bygg en lekplats i Norrby" in entry.description
    assert AuditEvent.objects.filter(action="proposal.submit", target_id=proposal.pk, public=True).exists()
    [receipt] = mail.outbox
    assert receipt.to == [resident.email]
    assert proposal.registration_number in receipt.subject
    assert proposal.registration_number in receipt.body
    assert proposal.get_absolute_url() in receipt.body
    done = rut.get(response["Location"]).content.decode()
    assert proposal.registration_number in done
    assert proposal.get_absolute_url() in done


def test_the_draft_is_kept_when_rut_goes_back_to_change(rut, municipality):
    write_and_preview(rut, municipality, title="Min första rubrik")
    page = rut.get(url("write", municipality)).content.decode()
    assert 'value="Min första rubrik"' in page


def test_double_submit_creates_one_proposal(rut, municipality):
    write_and_preview(rut, municipality)
    first = rut.post(url("preview", municipality))
    second = rut.post(url("preview", municipality))
    assert Proposal.objects.count() == 1
    assert first["Location"] == second["Location"]


def test_the_same_draft_sent_from_two_tabs_creates_one_proposal(rut, municipality):
    write_and_preview(rut, municipality)
    draft = dict(rut.session)
    rut.post(url("preview", municipality))
    session = rut.session
    session.update(draft)  # the second tab still holds the draft
    session.save()
    rut.post(url("preview", municipality))
    assert Proposal.objects.count() == 1
    assert RegistryEntry.objects.count() == 1


def test_oversized_text_is_an_error_and_nothing_is_lost(rut, municipality):
    long_text = "Ord " * 1600  # 6 400 characters
    response = rut.post(url("write", municipality), form_data(text=long_text))
    assert response.status_code == 200
    page = response.content.decode()
    assert 'class="error-summary"' in page
    assert long_text.strip() in page
    assert "maxlength" not in page.split('name="text"')[1].split(">")[0]
    assert not Proposal.objects.exists()


def test_missing_fields_rerender_with_what_was_typed(rut, municipality):
    response = rut.post(url("write", municipality), {"title": "Bara en rubrik"})
    assert response.status_code == 200
    assert 'value="Bara en rubrik"' in response.content.decode()


def test_markup_is_stored_as_text_and_escaped(rut, municipality, resident):
    script = "<script>alert('x')</script><b>fet</b>"
    write_and_preview(rut, municipality, title="<i>Rubrik</i>", text=script)
    preview = rut.get(url("preview", municipality)).content.decode()
    assert "<script>alert" not in preview
    assert "&lt;script&gt;" in preview
    rut.post(url("preview", municipality))
    proposal = Proposal.objects.get()
    assert proposal.text == script
    page = rut.get(url("detail", municipality, proposal.pk)).content.decode()
    assert "<script>alert" not in page and "<b>fet</b>" not in page and "<i>Rubrik</i>" not in page


def test_anonymous_visitor_is_told_to_log_in(client, municipality):
    response = client.get(url("write", municipality))
    assert response.status_code == 200
    page = response.content.decode()
    assert reverse("accounts:login") in page
    assert '<form method="post" action="" novalidate>' not in page


def test_unconfirmed_email_is_told_to_confirm(client, municipality):
    client.force_login(UserFactory(identity_level=IdentityLevel.NONE))
    response = client.get(url("write", municipality))
    assert response.status_code == 403
    assert reverse("accounts:resend_confirmation") in response.content.decode()
    assert client.post(url("write", municipality), form_data()).status_code == 403
    assert not Proposal.objects.exists()


def test_a_higher_identity_level_can_be_required(rut, municipality):
    rules = settings_for(municipality)
    rules.propose_identity_level = IdentityLevel.SUBSTANTIAL
    rules.save()
    assert rut.get(url("write", municipality)).status_code == 403
    assert rut.post(url("preview", municipality)).status_code == 302  # no draft: back to writing
    assert not Proposal.objects.exists()


def test_e_petitions_switched_off_explain_with_a_404(rut, municipality):
    rules = settings_for(municipality)
    rules.epetitions_enabled = False
    rules.save()
    response = rut.get(url("write", municipality))
    assert response.status_code == 404
    page = response.content.decode().lower()
    assert "e-förslag" in page or "e-petitions" in page
    assert 'name="title"' not in page


def test_switching_off_between_write_and_send_sends_nothing(rut, municipality):
    write_and_preview(rut, municipality)
    rules = settings_for(municipality)
    rules.epetitions_enabled = False
    rules.save()
    assert rut.post(url("preview", municipality)).status_code == 404
    assert not Proposal.objects.exists()


@pytest.mark.parametrize(
    ("enabled", "days_from_now"),
    [(False, None), (True, 3)],
    ids=["off", "not-yet"],
)
def test_citizen_proposals_closed_show_the_configured_message(rut, municipality, enabled, days_from_now):
    rules = settings_for(municipality)
    rules.citizen_proposals_enabled = enabled
    if days_from_now is not None:
        rules.citizen_proposals_from = timezone.localdate() + datetime.timedelta(days=days_from_now)
    rules.citizen_proposals_closed_message = "Medborgarförslag tas inte emot. Kontakta din fullmäktigeledamot."
    rules.save()
    response = rut.get(url("write_citizen", municipality))
    page = response.content.decode()
    assert "Kontakta din fullmäktigeledamot." in page
    assert 'name="title"' not in page
    rut.post(url("write_citizen", municipality), form_data())
    assert not Proposal.objects.exists()


def test_citizen_proposal_when_offered(rut, municipality, django_capture_on_commit_callbacks):
    rules = settings_for(municipality)
    rules.citizen_proposals_enabled = True
    rules.citizen_proposals_from = timezone.localdate()
    rules.signing_period_choices = [30, 90]
    rules.save()
    page = rut.get(url("write_citizen", municipality)).content.decode()
    assert 'name="signing_days"' not in page  # a citizen proposal does not collect signatures
    write_and_preview(rut, municipality, name="write_citizen")
    with django_capture_on_commit_callbacks(execute=True):
        rut.post(url("preview", municipality))
    proposal = Proposal.objects.get()
    assert proposal.route == Route.CITIZEN_PROPOSAL
    assert proposal.signing_days is None
    assert "fullmäktige" in rut.get(url("submitted", municipality, proposal.pk)).content.decode().lower()


def test_signing_period_is_asked_only_when_there_is_a_choice(rut, municipality):
    assert 'name="signing_days"' not in rut.get(url("write", municipality)).content.decode()
    rules = settings_for(municipality)
    rules.signing_period_choices = [30, 90]
    rules.save()
    assert 'name="signing_days"' in rut.get(url("write", municipality)).content.decode()
    assert rut.post(url("write", municipality), form_data(signing_days="45")).status_code == 200
    write_and_preview(rut, municipality, signing_days="30")
    rut.post(url("preview", municipality))
    assert Proposal.objects.get().signing_days == 30


def test_category_is_one_of_this_municipalitys(rut, municipality, other_municipality):
    mine = CategoryFactory(municipality=municipality, name="Lek och idrott")
    theirs = CategoryFactory(municipality=other_municipality, name="Annan kommun")
    page = rut.get(url("write", municipality)).content.decode()
    assert "Lek och idrott" in page and "Annan kommun" not in page
    assert rut.post(url("write", municipality), form_data(category=str(theirs.pk))).status_code == 200
    write_and_preview(rut, municipality, category=str(mine.pk))
    rut.post(url("preview", municipality))
    assert Proposal.objects.get().category == mine


def test_preview_without_a_draft_goes_back_to_writing(rut, municipality):
    assert rut.get(url("preview", municipality))["Location"] == url("write", municipality)


def test_confirmation_page_is_only_the_proposers(client, rut, municipality, other_municipality):
    write_and_preview(rut, municipality)
    response = rut.post(url("preview", municipality))
    proposal = Proposal.objects.get()
    assert rut.get(url("submitted", other_municipality, proposal.pk)).status_code == 404
    client.force_login(UserFactory())
    assert client.get(response["Location"]).status_code == 404


def test_wrong_method_is_refused(rut, municipality):
    assert rut.put(url("write", municipality)).status_code == 405
    assert rut.delete(url("preview", municipality)).status_code == 405
