"""Sending a version to the board, the public document it becomes (the dialogue's page, its download, open data),
what elected officials may read, the logo on the template page, and the form's bad input."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from delaktig.core.models import AuditEvent
from delaktig.decisionbasis import services
from delaktig.decisionbasis.models import DecisionBasis, Letterhead
from delaktig.organisations.models import Role
from delaktig.organisations.tests.factories import staff_for
from delaktig.results.models import Theme

from .support import closed_dialogue, report, report_form
from .test_report import PIXEL, children_group

pytestmark = pytest.mark.django_db

POLITICIANS = (Role.ELECTED_OFFICIAL, Role.PRESIDIUM)


def url(name, dialogue, version=None):
    args = [dialogue.municipality.slug, dialogue.pk, *([version] if version else [])]
    return reverse(f"decisionbasis:{name}", args=args)


def public_page(dialogue):
    return reverse("dialogues:detail", args=[dialogue.municipality.slug, dialogue.pk, dialogue.slug])


def make(dialogue, officer, capture, **kwargs):
    kwargs.setdefault("assessment", "Bra.")
    with capture(execute=True):
        basis = services.decision_basis_request(dialogue=dialogue, actor=officer, **report(dialogue, officer, **kwargs))
    basis.refresh_from_db()
    return basis


@pytest.fixture
def done(dialogue, staff, django_capture_on_commit_callbacks):
    return make(dialogue, staff["officer"], django_capture_on_commit_callbacks)


def test_sending_asks_for_confirmation_then_records_it_once(client, done, staff):
    client.force_login(staff[Role.OFFICER])
    detail = client.get(url("detail", done.dialogue, 1)).content.decode()
    assert url("send", done.dialogue, 1) in detail and "Inte skickad" in detail
    page = client.get(url("send", done.dialogue, 1)).content.decode()
    assert "blir den en allmän handling" in page and "Ja, skicka till nämnden" in page
    assert not DecisionBasis.objects.get(pk=done.pk).is_sent  # looking is not sending
    response = client.post(url("send", done.dialogue, 1), follow=True)
    done.refresh_from_db()
    assert done.is_sent and done.sent_by == staff[Role.OFFICER]
    assert "Version 1 har skickats till Kommunfullmäktige." in response.content.decode()
    event = AuditEvent.objects.get(action="decision_basis.sent")
    assert event.data["version"] == 1 and event.target_id == done.dialogue.pk
    again = client.post(url("send", done.dialogue, 1))
    assert again.status_code == 409 and "redan skickats" in again.content.decode()
    assert AuditEvent.objects.filter(action="decision_basis.sent").count() == 1


def test_a_version_not_finished_cannot_be_sent(client, dialogue, staff):
    services.decision_basis_request(
        dialogue=dialogue, actor=staff["officer"], assessment="Bra.", **report(dialogue, staff["officer"])
    )
    client.force_login(staff[Role.OFFICER])
    response = client.post(url("send", dialogue, 1))
    assert response.status_code == 409 and "Bara en färdig version" in response.content.decode()
    assert not DecisionBasis.objects.get().is_sent


@pytest.fixture
def plain(municipality, staff, django_capture_on_commit_callbacks):
    """A finished version of a dialogue without ways to take part (the stand-in method has no public template)."""
    return make(closed_dialogue(municipality), staff["officer"], django_capture_on_commit_callbacks)


def test_the_public_link_appears_exactly_when_a_version_is_sent(client, plain, staff):
    done = plain
    dialogue = done.dialogue
    public_pdf, public_docx = url("public_pdf", dialogue, 1), url("public_docx", dialogue, 1)
    assert client.get(public_pdf).status_code == 404 and client.get(public_docx).status_code == 404
    assert public_pdf not in client.get(public_page(dialogue)).content.decode()
    services.decision_basis_send(basis=done, actor=staff["officer"])
    html = client.get(public_page(dialogue)).content.decode()
    assert public_pdf in html and public_docx in html
    assert "(PDF, " in html and "(Word, " in html and "kB" in html
    response = client.get(public_pdf)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert client.get(public_docx).status_code == 200
    assert client.get(url("public_pdf", dialogue, 2)).status_code == 404  # no such version


def test_only_the_sent_version_is_public(client, plain, staff, django_capture_on_commit_callbacks):
    done = plain
    services.decision_basis_send(basis=done, actor=staff["officer"])
    make(done.dialogue, staff["officer"], django_capture_on_commit_callbacks, assessment="Ny.")
    assert client.get(url("public_pdf", done.dialogue, 1)).status_code == 200
    assert client.get(url("public_pdf", done.dialogue, 2)).status_code == 404
    assert url("public_pdf", done.dialogue, 2) not in client.get(public_page(done.dialogue)).content.decode()


def test_another_municipalitys_sent_version_is_a_404_in_our_address(client, done, staff, other_municipality):
    services.decision_basis_send(basis=done, actor=staff["officer"])
    address = url("public_pdf", done.dialogue, 1).replace(done.dialogue.municipality.slug, other_municipality.slug, 1)
    assert client.get(address).status_code == 404
    client.force_login(staff_for(other_municipality)[Role.ELECTED_OFFICIAL])
    assert client.get(url("detail", done.dialogue, 1)).status_code == 404
    assert client.get(url("send", done.dialogue, 1)).status_code == 404


@pytest.mark.parametrize("role", POLITICIANS)
def test_politicians_read_every_version_but_neither_generate_nor_send(
    client, done, staff, role, django_capture_on_commit_callbacks
):
    make(done.dialogue, staff["officer"], django_capture_on_commit_callbacks, assessment="Ny.")
    dialogue = done.dialogue
    client.force_login(staff[role])
    listing = client.get(url("list", dialogue))
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "Version 2" in html and "Version 1" in html and url("generate", dialogue) not in html
    for version in (1, 2):
        detail = client.get(url("detail", dialogue, version))
        assert detail.status_code == 200 and url("send", dialogue, version) not in detail.content.decode()
        assert client.get(url("pdf", dialogue, version)).status_code == 200
        assert client.get(url("docx", dialogue, version)).status_code == 200
    assert client.get(url("generate", dialogue)).status_code == 403
    assert client.post(url("generate", dialogue), report_form(dialogue, staff["officer"])).status_code == 403
    assert client.get(url("send", dialogue, 1)).status_code == 403
    assert client.post(url("send", dialogue, 1)).status_code == 403
    assert not DecisionBasis.objects.filter(sent_at__isnull=False).exists()


def test_the_open_data_catalogue_lists_only_sent_versions(client, done, staff):
    from delaktig.opendata.tests.support import results_of

    municipality = done.dialogue.municipality
    assert results_of(client, municipality, "decision-bases") == []
    services.decision_basis_send(basis=done, actor=staff["officer"])
    (row,) = results_of(client, municipality, "decision-bases")
    assert row["version"] == 1 and row["registration_number"] == "KS 2026/77"
    assert row["addressee"] == "Kommunfullmäktige" and row["pdf_url"] == url("public_pdf", done.dialogue, 1)
    assert row["pdf_bytes"] > 0 and "signer" not in row


def test_an_empty_proposed_decision_keeps_what_was_typed(client, dialogue, staff):
    client.force_login(staff[Role.OFFICER])
    data = report_form(dialogue, staff["officer"], proposed_decision=" 1. \n - ", assessment="Min bedömning")
    response = client.post(url("generate", dialogue), data)
    html = response.content.decode()
    assert response.status_code == 400 and "error-summary" in html
    assert "Skriv förslaget till beslut: minst en punkt, en per rad." in html
    assert "Min bedömning</textarea>" in html and not DecisionBasis.objects.exists()


def test_the_form_requires_the_child_rights_assessment_when_children_are_a_target_group(client, dialogue, staff):
    children_group(dialogue)
    client.force_login(staff[Role.OFFICER])
    form = client.get(url("generate", dialogue)).content.decode()
    assert "Barn eller unga är en av dialogens målgrupper" in form
    response = client.post(url("generate", dialogue), report_form(dialogue, staff["officer"]))
    html = response.content.decode()
    assert response.status_code == 400 and "Skriv barnkonsekvensanalysen" in html
    assert "Kommunen bygger en lekplats" in html  # the proposal typed is kept
    data = report_form(dialogue, staff["officer"], child_rights_text="Barnen hördes.")
    assert client.post(url("generate", dialogue), data).status_code == 302
    assert DecisionBasis.objects.get().children_affected


def test_ticking_children_affected_requires_the_assessment(client, dialogue, staff):
    client.force_login(staff[Role.OFFICER])
    data = report_form(dialogue, staff["officer"], children_affected="on")
    response = client.post(url("generate", dialogue), data)
    assert response.status_code == 400 and "Skriv barnkonsekvensanalysen" in response.content.decode()


def test_the_form_offers_the_municipalitys_staff_as_signers_and_starts_with_the_writer(client, dialogue, staff):
    client.force_login(staff[Role.OFFICER])
    report(dialogue, staff["officer"])  # gives the officer a title
    html = client.get(url("generate", dialogue)).content.decode()
    assert f"{staff[Role.OFFICER].name}, Utredare" in html and "selected>Officer Test, Utredare" in html
    assert staff[Role.MODERATOR].name not in html  # moderators write no reports
    assert dialogue.background in html


def test_a_signer_of_another_municipality_is_refused(client, dialogue, staff, other_municipality):
    foreign = staff_for(other_municipality)[Role.OFFICER]
    data = report_form(dialogue, staff["officer"])
    data["signer"] = foreign.memberships.get().pk
    client.force_login(staff[Role.OFFICER])
    response = client.post(url("generate", dialogue), data)
    assert response.status_code == 400 and not DecisionBasis.objects.exists()


def test_the_logo_is_uploaded_and_removed_on_the_template_page(client, municipality, staff):
    address = reverse("decisionbasis:letterhead", args=[municipality.slug])
    client.force_login(staff[Role.OFFICER])
    assert client.get(address).status_code == 403
    client.force_login(staff[Role.ADMINISTRATOR])
    assert "Ingen logotyp är vald" in client.get(address).content.decode()
    upload = SimpleUploadedFile("logga.png", PIXEL, content_type="image/png")
    assert client.post(address, {"logo": upload}).status_code == 302
    letterhead = Letterhead.objects.get(municipality=municipality)
    assert letterhead.logo.name.endswith(".png")
    logo = client.get(reverse("decisionbasis:logo", args=[municipality.slug]))
    assert logo["Content-Type"] == "image/png"
    assert AuditEvent.objects.filter(action="decision_basis.logo_changed").exists()
    client.post(address, {"remove": "1"})
    letterhead.refresh_from_db()
    assert not letterhead.logo


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("logga.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", "ingen PNG- eller JPEG-bild"),
        ("logga.png", b"GIF89a....", "ingen PNG- eller JPEG-bild"),
        ("logga.png", b"\x89PNG\r\n\x1a\n" + b"inte en bild" * 10, "ingen PNG- eller JPEG-bild"),
        ("logga.png", PIXEL + b"0" * (1024 * 1024), "större än 1 MB"),
    ],
    ids=["svg", "gif-named-png", "broken-png", "too-large"],
)
def test_a_wrong_or_too_large_logo_is_refused_in_words(client, municipality, staff, name, data, message):
    client.force_login(staff[Role.DEMOCRACY_OFFICER])
    address = reverse("decisionbasis:letterhead", args=[municipality.slug])
    response = client.post(address, {"logo": SimpleUploadedFile(name, data)})
    html = response.content.decode()
    assert response.status_code == 400 and "error-summary" in html and message in html
    assert not Letterhead.objects.filter(municipality=municipality).exclude(logo="").exists()


def test_the_template_page_is_in_the_staff_menu_for_administrators(client, municipality, staff):
    client.force_login(staff[Role.ADMINISTRATOR])
    html = client.get(reverse("dialogues:staff_dashboard", args=[municipality.slug])).content.decode()
    assert reverse("decisionbasis:letterhead", args=[municipality.slug]) in html


def test_a_closed_dialogue_with_a_theme_without_quotes_still_renders(
    municipality, staff, store, django_capture_on_commit_callbacks
):
    dialogue = closed_dialogue(municipality)
    Theme.objects.create(dialogue=dialogue, name="Tom", order=1)
    basis = make(dialogue, staff["officer"], django_capture_on_commit_callbacks)
    assert basis.is_done
