"""Pictures inside a Word file come in with its text, where they stand: checked and cleaned as uploaded pictures are,
with the description (alt text) they have in Word. One without a description is flagged on the preview, the pictures
page and when publishing; one that cannot be taken in is explained on the preview and left out, and nothing is stored
before staff press Save."""

import datetime
import io
import zipfile

import docx
import pytest
import time_machine
from django.core.files.storage import default_storage
from PIL import Image as PILImage

from delaktig.core import images as core_images

from ..models import Image, Version
from ..text import from_docx
from ..word_pictures import staged_folder, staged_sweep
from .conftest import url

pytestmark = pytest.mark.django_db


def jpeg(colour="green", size=(60, 40)):
    """A JPEG that carries a camera's EXIF (make and a description), as a photo from a phone does."""
    picture = PILImage.new("RGB", size, colour)
    exif = picture.getexif()
    exif[0x010F] = "Kamera AB"  # Make
    exif[0x010E] = "Hemma hos Greta"  # ImageDescription
    out = io.BytesIO()
    picture.save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


def png(colour="blue", size=(30, 20)):
    out = io.BytesIO()
    PILImage.new("RGB", size, colour).save(out, "PNG")
    return out.getvalue()


def noise():
    """A PNG that does not compress: about 40 kB."""
    out = io.BytesIO()
    PILImage.effect_noise((200, 200), 100).save(out, "PNG")
    return out.getvalue()


def gif():
    out = io.BytesIO()
    PILImage.new("P", (10, 10)).save(out, "GIF")
    return out.getvalue()


def word_file(pictures, *, title="Plan för parken"):
    """A Word file with a heading, and each (bytes, alt text or None) as a picture in a paragraph of its own."""
    out = docx.Document()
    out.add_paragraph(title, style="Title")
    out.add_heading("Parken i dag", level=1)
    out.add_paragraph("Parken är stor.")
    for data, description in pictures:
        out.add_picture(io.BytesIO(data))
        if description is not None:
            out.inline_shapes[-1]._inline.docPr.set("descr", description)
        out.add_paragraph("Text efter bilden.")
    buffer = io.BytesIO()
    out.save(buffer)
    return buffer.getvalue()


def media_replaced(data, name, replacement):
    """The Word file with its picture `name` (word/media/…) replaced by other bytes."""
    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            target.writestr(item, replacement if item.filename == f"word/media/{name}" else source.read(item))
    return out.getvalue()


def upload(data, name="plan.docx"):
    handle = io.BytesIO(data)
    handle.name = name
    return handle


def preview(client, module, data):
    return client.post(url("staff:import", module), {"source": "docx", "file": upload(data), "note": ""})


def saved(client, module, response, capture):
    signed = response.context["save"].initial["outline"]
    with capture(execute=True):
        done = client.post(url("staff:import", module), {"outline": signed, "source": "docx", "note": ""})
    assert done.status_code == 302
    return Version.objects.order_by("-number").first()


def staged_files(document):
    try:
        return default_storage.listdir(staged_folder(document))[1]
    except FileNotFoundError:
        return []


def test_the_word_file_reads_each_picture_with_its_bytes_and_its_alt_text():
    outline = from_docx(word_file([(jpeg(), "Karta över parken"), (png(), None)]))
    pictures = [p for chapter in outline.chapters for p in chapter.paragraphs if p.kind == "image"]
    assert [(p.text, p.source) for p in pictures] == [("Karta över parken", "image1.jpg"), ("", "image2.png")]
    assert set(outline.pictures) == {"image1.jpg", "image2.png"}
    assert outline.pictures["image2.png"] == png()


def test_pictures_come_in_cleaned_where_they_stand_with_their_alt_text(
    client, staff, module, django_capture_on_commit_callbacks
):
    client.force_login(staff["officer"])
    response = preview(client, module, word_file([(jpeg(), "Karta över parken"), (png(), "Lekplatsen")]))
    page = response.content.decode()
    assert response.status_code == 200 and "2 bilder" in page and "saknar beskrivning" not in page
    assert not Image.objects.exists() and not Version.objects.exists()  # nothing saved before Save
    version = saved(client, module, response, django_capture_on_commit_callbacks)

    pictures = list(version.paragraphs.filter(kind="image").select_related("image", "chapter"))
    assert [(p.chapter.title, p.image.description) for p in pictures] == [
        ("Parken i dag", "Karta över parken"),
        ("Parken i dag", "Lekplatsen"),
    ]
    texts = [p.text for p in version.paragraphs.order_by("order")]
    assert texts.index("Karta över parken") < texts.index("Lekplatsen")  # each where it stood
    stored = pictures[0].image
    assert (stored.content_type, stored.width, stored.height) == ("image/jpeg", 60, 40)
    with stored.file.open("rb") as handle:
        assert not PILImage.open(io.BytesIO(handle.read())).getexif()  # no camera data, no description inside
    assert staged_files(version.document) == []  # what was kept aside for the preview is gone

    client.post(url("staff:index", module), {"publish": str(version.number)})
    public = client.get(url("index", module)).content.decode()
    assert url("image", module, stored.pk) in public and 'alt="Karta över parken"' in public


def test_a_picture_without_alt_text_is_stored_and_flagged_until_staff_describe_it(
    client, staff, module, django_capture_on_commit_callbacks
):
    client.force_login(staff["officer"])
    response = preview(client, module, word_file([(png(), None)]))
    page = response.content.decode()
    assert "1 bild saknar beskrivning" in page and "image1.png" in page
    version = saved(client, module, response, django_capture_on_commit_callbacks)
    image = Image.objects.get()
    assert image.description == "" and version.paragraphs.get(kind="image").image == image

    index = client.get(url("staff:index", module)).content.decode()
    assert "1 bild saknar beskrivning." in index
    published = client.post(url("staff:index", module), {"publish": str(version.number)}, follow=True)
    assert "1 bild saknar beskrivning. Den som inte ser den" in published.content.decode()

    pictures = client.get(url("staff:images", module)).content.decode()
    assert "Saknar beskrivning" in pictures and f'href="#bild-{image.pk}"' in pictures
    assert url("image", module, image.pk) in pictures
    assert client.get(url("image", module, image.pk))["Content-Type"] == "image/png"

    field = f"bild-{image.pk}-description"
    refused = client.post(url("staff:images", module), {"describe": image.pk, field: "  "})
    assert "Beskriv vad bilden visar." in refused.content.decode() and "error-summary" in refused.content.decode()
    client.post(url("staff:images", module), {"describe": image.pk, field: "Lekplatsen vid ån"})
    image.refresh_from_db()
    assert image.description == "Lekplatsen vid ån"
    assert "saknar beskrivning" not in client.get(url("staff:images", module)).content.decode()
    assert 'alt="Lekplatsen vid ån"' in client.get(url("index", module)).content.decode()


@pytest.mark.parametrize(
    ("build", "reason"),
    [
        (lambda: word_file([(png(), "Bra"), (gif(), "Gif")]), "inte ett foto i formatet JPEG, PNG eller WebP"),
        (lambda: media_replaced(word_file([(png(), "Bra"), (png("red"), "Trasig")]), "image2.png", b"\x89PNG bad"),
         "inte ett foto i formatet JPEG, PNG eller WebP"),
        (lambda: word_file([(png(), "Bra"), (noise(), "Stor")]), "större än"),
    ],
)  # fmt: skip
def test_a_picture_that_cannot_be_taken_in_is_explained_and_left_out(
    client, staff, module, monkeypatch, django_capture_on_commit_callbacks, build, reason
):
    monkeypatch.setattr(core_images, "MAX_BYTES", 4000)  # "at most 10 MB", made small for the test
    client.force_login(staff["officer"])
    response = preview(client, module, build())
    page = response.content.decode()
    assert response.status_code == 200 and "1 bild i Word-filen kan inte tas med" in page
    assert "image2." in page and reason in page and "Kommer inte med" in page
    assert not Image.objects.exists()
    version = saved(client, module, response, django_capture_on_commit_callbacks)
    assert [image.description for image in Image.objects.all()] == ["Bra"]  # the good one, nothing half
    left_out = version.paragraphs.filter(kind="image", image=None).get()
    assert left_out.source.startswith("image2.")
    pictures = client.get(url("staff:images", module)).content.decode()
    assert "Saknas" in pictures and left_out.source in pictures


def test_a_new_version_keeps_its_pictures_and_never_changes_the_published_ones(
    client, staff, module, django_capture_on_commit_callbacks
):
    client.force_login(staff["officer"])
    first = saved(
        client, module, preview(client, module, word_file([(png(), None)])), django_capture_on_commit_callbacks
    )
    client.post(url("staff:index", module), {"publish": str(first.number)})
    old = Image.objects.get()
    client.post(url("staff:images", module), {"describe": old.pk, f"bild-{old.pk}-description": "Parken"})

    same = saved(
        client, module, preview(client, module, word_file([(png(), None)])), django_capture_on_commit_callbacks
    )
    assert Image.objects.count() == 1 and same.paragraphs.get(kind="image").image == old  # described already
    client.post(url("staff:index", module), {"discard": str(same.number)})

    other = saved(
        client, module, preview(client, module, word_file([(png("red"), "Ny")])), django_capture_on_commit_callbacks
    )
    new = other.paragraphs.get(kind="image")
    assert new.image != old and new.image.name == new.source == "image1-2.png"
    assert first.paragraphs.get(kind="image").image == old  # the published version shows what it showed


def test_what_a_preview_kept_aside_and_never_saved_goes_after_a_day(
    client, staff, module, django_capture_on_commit_callbacks
):
    client.force_login(staff["officer"])
    response = preview(client, module, word_file([(png(), "Bra")]))
    document = module.consultation_document
    assert len(staged_files(document)) == 1
    staged_sweep(document)
    assert len(staged_files(document)) == 1  # a preview of a moment ago may still be saved
    with time_machine.travel(datetime.datetime.now(tz=datetime.UTC) + datetime.timedelta(days=2)):
        staged_sweep(document)
    assert staged_files(document) == []
    version = saved(client, module, response, django_capture_on_commit_callbacks)  # saved too late: no picture
    assert version.paragraphs.get(kind="image").image is None and not Image.objects.exists()
    assert "Saknas" in client.get(url("staff:images", module)).content.decode()


def test_the_pictures_of_a_version_not_yet_published_are_not_public(
    client, staff, module, django_capture_on_commit_callbacks
):
    client.force_login(staff["officer"])
    version = saved(
        client, module, preview(client, module, word_file([(png(), "Ny karta")])), django_capture_on_commit_callbacks
    )
    image = Image.objects.get()
    assert client.get(url("image", module, image.pk)).status_code == 200  # staff see it while they describe it
    client.logout()
    assert client.get(url("image", module, image.pk)).status_code == 404
    client.force_login(staff["officer"])
    client.post(url("staff:index", module), {"publish": str(version.number)})
    client.logout()
    assert client.get(url("image", module, image.pk)).status_code == 200


def test_a_picture_left_out_never_shows_another_under_the_same_name(
    client, staff, module, django_capture_on_commit_callbacks
):
    client.force_login(staff["officer"])
    saved(client, module, preview(client, module, word_file([(png(), "Förr")])), django_capture_on_commit_callbacks)
    broken = media_replaced(word_file([(png("red"), "Nu")]), "image1.png", b"\x89PNG bad")  # image1.png too
    response = preview(client, module, broken)
    version = saved(client, module, response, django_capture_on_commit_callbacks)
    assert version.paragraphs.get(kind="image").image is None
    assert "Saknas" in client.get(url("staff:images", module)).content.decode()
