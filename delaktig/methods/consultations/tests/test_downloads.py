"""The whole document downloads as Word and as a tagged PDF, with its pictures; the files are made when a version is
published (or at the first download) and kept, so the public page says each file's type and size."""

import io

import pytest
from django.template.defaultfilters import filesizeformat
from PIL import Image as PILImage
from pypdf import PdfReader

from delaktig.core.images import photo_clean

from .. import services
from ..models import Source, VersionFile
from ..text import from_markdown
from .conftest import url

pytestmark = pytest.mark.django_db

TEXT = """# Plan för lekplatser

## Lekplatser i dag

Kommunen har tolv lekplatser.

- Sandlådor
- Gungor

![Karta över lekplatserna](karta.png)
"""


def content(response):
    return b"".join(response.streaming_content)


def png():
    out = io.BytesIO()
    PILImage.new("RGB", (60, 40), "green").save(out, "PNG")
    return out.getvalue()


@pytest.fixture
def playgrounds(module, staff, django_capture_on_commit_callbacks):
    """A published plan with a picture; the files are made after the commit, as the worker would."""
    officer = staff["officer"]
    document = services.document_for(module)
    services.image_add(
        document=document, name="karta.png", description="Karta", photo=photo_clean(png()), actor=officer
    )
    version = services.version_create(
        document=document, outline=from_markdown(TEXT), source=Source.MARKDOWN, actor=officer
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.version_publish(version=version, actor=officer)
    return version


def test_publishing_makes_both_files_and_the_page_says_their_type_and_size(client, module, playgrounds):
    made = {row.kind: row for row in VersionFile.objects.filter(version=playgrounds)}
    assert set(made) == {"docx", "pdf"}
    page = client.get(url("index", module)).content.decode()
    assert f"Ladda ner hela dokumentet (PDF, {filesizeformat(made['pdf'].size)})" in page
    assert f"Ladda ner hela dokumentet (Word, {filesizeformat(made['docx'].size)})" in page
    assert url("download_pdf", module) in page


def test_the_pdf_is_tagged_and_holds_the_text_and_the_picture(client, module, playgrounds):
    response = client.get(url("download_pdf", module))
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="samradsdokument-version-1.pdf"' in response["Content-Disposition"]
    data = content(response)
    assert len(data) == VersionFile.objects.get(kind="pdf").size
    reader = PdfReader(io.BytesIO(data))
    catalog = reader.trailer["/Root"]
    assert "/StructTreeRoot" in catalog and catalog["/Lang"] == "sv"
    text = "".join(page.extract_text() for page in reader.pages)
    assert "Lekplatser i dag" in text and "Sandlådor" in text and "Karta över lekplatserna" in text
    assert any(page.images for page in reader.pages)


def test_a_download_before_the_files_are_made_makes_and_keeps_it(client, module, version):
    assert not VersionFile.objects.exists()
    page = client.get(url("index", module)).content.decode()
    assert "Ladda ner hela dokumentet (PDF)" in page  # no size until the file is made
    first = content(client.get(url("download_pdf", module)))
    assert first.startswith(b"%PDF-") and VersionFile.objects.filter(kind="pdf").count() == 1
    again = content(client.get(url("download_pdf", module)))
    assert again == first and VersionFile.objects.filter(kind="pdf").count() == 1  # kept, not made again
    size = filesizeformat(VersionFile.objects.get(kind="pdf").size)
    assert f"(PDF, {size})" in client.get(url("index", module)).content.decode()


def test_a_new_picture_makes_the_files_anew(client, staff, module, playgrounds, django_capture_on_commit_callbacks):
    before = VersionFile.objects.get(kind="pdf")
    with django_capture_on_commit_callbacks(execute=True):
        services.image_add(
            document=playgrounds.document,
            name="karta.png",
            description="Ny karta",
            photo=photo_clean(png()),
            actor=staff["officer"],
        )
    after = VersionFile.objects.get(kind="pdf")
    assert after.pk != before.pk and after.made_at > before.made_at and after.file.storage.exists(after.file.name)


def test_nothing_to_download_before_the_document_is_published(client, module):
    assert client.get(url("download_pdf", module)).status_code == 404


def test_the_background_work_says_what_it_makes(module, version):
    from ..document_files import _files_purpose

    purpose = _files_purpose({"version_id": version.pk})
    assert purpose.municipality_id == module.dialogue.municipality_id and version.title in purpose.text
    assert _files_purpose({"version_id": 0}) is None
