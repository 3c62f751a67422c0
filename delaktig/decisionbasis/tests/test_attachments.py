"""Other attachments the officer chooses for a version: checked by their first bytes, listed in the document,
carried inside the PDF, downloadable by staff, public once the version is sent, and in the archive package."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from docx import Document
from pypdf import PdfReader

from delaktig.archive import contents as archive_contents
from delaktig.decisionbasis import services
from delaktig.decisionbasis.models import Attachment, DecisionBasis
from delaktig.organisations.models import Role

from .support import report_form
from .test_report import PIXEL

pytestmark = pytest.mark.django_db

MINIMAL_PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
MINIMAL_PDF += b"trailer<</Root 1 0 R>>\n%%EOF\n"


def word_file():
    buffer = io.BytesIO()
    document = Document()
    document.add_paragraph("Tidigare beslut i ärendet.")
    document.save(buffer)
    return buffer.getvalue()


def url(name, dialogue, *args):
    return reverse(f"decisionbasis:{name}", args=[dialogue.municipality.slug, dialogue.pk, *args])


def files(*pairs):
    return [SimpleUploadedFile(name, data) for name, data in pairs]


def generate(client, dialogue, officer, uploads, captured):
    data = report_form(dialogue, officer, attachments=uploads)
    with captured(execute=True):
        return client.post(url("generate", dialogue), data)


def test_pdf_word_and_images_are_attached_listed_and_carried_in_the_pdf(
    client, dialogue, staff, django_capture_on_commit_callbacks
):
    client.force_login(staff[Role.OFFICER])
    uploads = files(("karta.pdf", MINIMAL_PDF), ("beslut.docx", word_file()), ("bild.png", PIXEL))
    response = generate(client, dialogue, staff["officer"], uploads, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    basis = DecisionBasis.objects.get()
    assert [(a.name, a.kind, a.order) for a in basis.attachments.all()] == [
        ("karta.pdf", "pdf", 1),
        ("beslut.docx", "docx", 2),
        ("bild.png", "png", 3),
    ]
    assert basis.is_done, basis.error
    pdf = PdfReader(basis.pdf.open("rb"))
    text = "".join(page.extract_text() for page in pdf.pages)
    assert "karta.pdf (PDF)" in text and "beslut.docx (Word)" in text and "bild.png (PNG-bild)" in text
    assert {"karta.pdf", "beslut.docx", "bild.png"} <= set(pdf.attachments)
    word = "\n".join(p.text for p in Document(basis.docx.open("rb")).paragraphs)
    assert "karta.pdf (PDF)" in word


def test_staff_download_an_attachment_and_another_versions_id_is_a_404(
    client, dialogue, staff, django_capture_on_commit_callbacks
):
    client.force_login(staff[Role.OFFICER])
    generate(client, dialogue, staff["officer"], files(("karta.pdf", MINIMAL_PDF)), django_capture_on_commit_callbacks)
    attachment = Attachment.objects.get()
    detail = client.get(url("detail", dialogue, 1)).content.decode()
    assert url("attachment", dialogue, 1, attachment.pk) in detail and "karta.pdf" in detail
    response = client.get(url("attachment", dialogue, 1, attachment.pk))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert client.get(url("attachment", dialogue, 1, attachment.pk + 1)).status_code == 404
    assert client.get(url("attachment", dialogue, 2, attachment.pk)).status_code == 404


def test_an_attachment_is_public_only_once_its_version_is_sent(
    client, dialogue, staff, django_capture_on_commit_callbacks
):
    client.force_login(staff[Role.OFFICER])
    generate(client, dialogue, staff["officer"], files(("karta.pdf", MINIMAL_PDF)), django_capture_on_commit_callbacks)
    attachment, basis = Attachment.objects.get(), DecisionBasis.objects.get()
    public = reverse(
        "decisionbasis:public_attachment", args=[dialogue.municipality.slug, dialogue.pk, 1, attachment.pk]
    )
    client.logout()
    assert client.get(public).status_code == 404
    services.decision_basis_send(basis=basis, actor=staff["officer"])
    response = client.get(public)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("program.exe", b"MZ\x90\x00", "är inte en PDF, en Word-fil (.docx) eller en PNG- eller JPEG-bild"),
        ("falsk.pdf", b"inte en pdf", "är inte en PDF, en Word-fil (.docx) eller en PNG- eller JPEG-bild"),
        ("trasig.docx", b"PK\x03\x04nothing", "är inte en PDF, en Word-fil (.docx) eller en PNG- eller JPEG-bild"),
        ("stor.pdf", MINIMAL_PDF + b"0" * (10 * 1024 * 1024), "är större än 10 MB"),
    ],
    ids=["exe", "pdf-name-only", "broken-docx", "too-large"],
)
def test_a_wrong_or_too_large_attachment_is_refused_in_words_and_nothing_is_lost(
    client, dialogue, staff, name, data, message
):
    client.force_login(staff[Role.OFFICER])
    data = report_form(dialogue, staff["officer"], assessment="Min bedömning", attachments=files((name, data)))
    response = client.post(url("generate", dialogue), data)
    html = response.content.decode()
    assert response.status_code == 400 and "error-summary" in html
    assert f"”{name}” {message}" in html or f"“{name}” {message}" in html
    assert "Min bedömning</textarea>" in html
    assert not DecisionBasis.objects.exists() and not Attachment.objects.exists()


def test_more_than_ten_attachments_are_refused(client, dialogue, staff):
    client.force_login(staff[Role.OFFICER])
    uploads = files(*((f"bilaga-{n}.pdf", MINIMAL_PDF) for n in range(11)))
    response = client.post(url("generate", dialogue), report_form(dialogue, staff["officer"], attachments=uploads))
    assert response.status_code == 400 and "Bifoga högst 10." in response.content.decode()
    assert not DecisionBasis.objects.exists()


def test_the_archive_package_holds_the_attachments(client, dialogue, staff, django_capture_on_commit_callbacks):
    client.force_login(staff[Role.OFFICER])
    generate(client, dialogue, staff["officer"], files(("karta.pdf", MINIMAL_PDF)), django_capture_on_commit_callbacks)
    package = archive_contents.gather(dialogue)
    found = [file for file in package.files if file.path.endswith("karta.pdf")]
    assert len(found) == 1 and found[0].data == MINIMAL_PDF and found[0].mime_type == "application/pdf"
    assert found[0].path == "dokument/v1-bilaga-1-karta.pdf"
