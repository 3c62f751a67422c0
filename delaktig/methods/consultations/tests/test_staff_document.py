"""Staff import a document from Word, Markdown or pasted text with a preview first, add pictures and PDF attachments,
and publish; bad files get a clear Swedish message, what was typed is kept and nothing is stored."""

import io

import docx
import pytest
from PIL import Image as PILImage

from ..models import Attachment, Document, Image, Version
from .conftest import url

pytestmark = pytest.mark.django_db


def word_file(name="plan.docx"):
    out = docx.Document()
    out.add_heading("Översiktsplan Hagfors", level=0)
    out.add_heading("Bostäder", level=1)
    out.add_paragraph("Vi planerar för nya bostäder.")
    out.add_heading("Natur", level=1)
    out.add_paragraph("Älvstränderna skyddas.")
    buffer = io.BytesIO()
    out.save(buffer)
    upload = io.BytesIO(buffer.getvalue())
    upload.name = name
    return upload


def named(data, name):
    upload = io.BytesIO(data)
    upload.name = name
    return upload


def test_a_word_file_is_previewed_then_saved_then_published(client, staff, module):
    client.force_login(staff["officer"])
    preview = client.post(url("staff:import", module), {"source": "docx", "file": word_file()})
    page = preview.content.decode()
    assert preview.status_code == 200 and "Förhandsvisning" in page and "Bostäder" in page
    assert not Version.objects.exists()
    signed = preview.context["save"].initial["outline"]
    saved = client.post(url("staff:import", module), {"outline": signed, "source": "docx", "note": ""})
    assert saved.status_code == 302
    version = Version.objects.get()
    assert [c.title for c in version.chapters.all()] == ["Bostäder", "Natur"] and version.published_at is None
    assert client.get(url("index", module)).status_code == 200  # "not published yet"
    client.post(url("staff:index", module), {"publish": "1"})
    version.refresh_from_db()
    assert version.published_at is not None
    assert "Älvstränderna skyddas." in client.get(url("index", module)).content.decode()


def test_markdown_and_pasted_text(client, staff, module):
    client.force_login(staff["officer"])
    preview = client.post(url("staff:import", module), {"source": "pasted", "text": "Ett stycke.\n\nEtt till."})
    assert preview.context["outline"].paragraph_count == 2


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"source": "docx", "file": named(b"not a word file", "plan.docx")}, "inte ett Word-dokument"),
        ({"source": "docx", "file": named(b"PK\x03\x04broken zip", "plan.docx")}, "inte ett Word-dokument"),
        ({"source": "docx"}, "Välj en Word-fil"),
        ({"source": "markdown", "text": "   "}, "Skriv eller klistra in"),
        ({"source": "spreadsheet"}, "Välj ett giltigt"),
    ],
)
def test_bad_input_is_explained_and_nothing_is_stored(client, staff, module, data, message):
    client.force_login(staff["officer"])
    response = client.post(url("staff:import", module), {**data, "note": "Min anteckning"})
    page = response.content.decode()
    assert response.status_code == 200 and message in page and "error-summary" in page
    assert "Min anteckning" in page
    assert not Version.objects.exists()


def test_too_large_a_word_file_is_refused(client, staff, module, settings):
    from .. import text

    client.force_login(staff["officer"])
    original = text.MAX_BYTES
    text.MAX_BYTES = 10
    try:
        response = client.post(url("staff:import", module), {"source": "docx", "file": word_file()})
    finally:
        text.MAX_BYTES = original
    assert "större än 20 MB" in response.content.decode() and not Version.objects.exists()


def test_a_tampered_preview_is_refused(client, staff, module):
    client.force_login(staff["officer"])
    response = client.post(url("staff:import", module), {"outline": "forged", "source": "markdown"})
    assert "för gammal" in response.content.decode() and not Version.objects.exists()


def jpeg(**exif):
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "green").save(buffer, "JPEG")
    return buffer.getvalue()


def test_pictures_are_cleaned_and_shown_where_the_text_names_them(client, staff, module):
    client.force_login(staff["officer"])
    text = "# Plan\n\n![Karta över centrum](karta.jpg)\n\nText."
    preview = client.post(url("staff:import", module), {"source": "markdown", "text": text})
    client.post(
        url("staff:import", module), {"outline": preview.context["save"].initial["outline"], "source": "markdown"}
    )
    client.post(url("staff:index", module), {"publish": "1"})
    listed = client.get(url("staff:images", module)).content.decode()
    assert "karta.jpg" in listed and "Saknas" in listed
    response = client.post(url("staff:images", module), {"file": named(jpeg(), "karta.jpg"), "description": "Karta"})
    assert response.status_code == 302
    image = Image.objects.get()
    assert image.width == 40 and Version.objects.get().paragraphs.get(kind="image").image == image
    page = client.get(url("index", module)).content.decode()
    assert url("image", module, image.pk) in page
    assert client.get(url("image", module, image.pk))["Content-Type"] == "image/jpeg"


def test_a_file_that_claims_to_be_a_picture_is_refused(client, staff, module):
    client.force_login(staff["officer"])
    response = client.post(
        url("staff:images", module), {"file": named(b"\xff\xd8\xff not really", "bild.jpg"), "description": "Bild"}
    )
    page = response.content.decode()
    assert "inte ett foto" in page and 'value="Bild"' in page and not Image.objects.exists()


def test_attachments_must_be_pdf(client, staff, module):
    client.force_login(staff["officer"])
    refused = client.post(url("staff:attachments", module), {"title": "Karta", "file": named(b"hello", "karta.pdf")})
    assert "ingen pdf-fil" in refused.content.decode() and not Attachment.objects.exists()
    client.post(url("staff:attachments", module), {"title": "Karta", "file": named(b"%PDF-1.4 x", "karta.pdf")})
    attachment = Attachment.objects.get()
    client.post(url("staff:import", module), {"source": "pasted", "text": "x"})
    assert Document.objects.get().attachments.count() == 1
    client.post(url("staff:attachments", module), {"remove": attachment.pk})
    assert not Attachment.objects.exists()


def test_residents_and_elected_officials_cannot_edit(client, staff, resident, module):
    client.force_login(resident)
    assert client.get(url("staff:index", module)).status_code in (403, 404)
    client.force_login(staff["elected_official"])
    assert client.get(url("staff:index", module)).status_code == 403
    assert client.get(url("staff:comments", module)).status_code == 200


def test_the_staff_page_counts_what_is_left_to_do(client, staff, module, version):
    from .factories import remark_on

    remark_on(module, version, version.document)
    client.force_login(staff["officer"])
    page = client.get(url("staff:index", module)).content.decode()
    assert "1 synpunkt" in page and "1 utan kommunens ställningstagande" in page and "registrera/" in page
