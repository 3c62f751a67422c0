"""Pictures inside a Word file, taken in with its text.

The import shows a preview before anything is saved, and the Word file is not sent again with "Spara". So at the
preview (`pictures_stage`) each picture is checked and cleaned as an uploaded picture is (core.images.photo_clean:
JPEG, PNG or WebP, at most 10 MB, EXIF and other hidden data removed, at most 2048 pixels) and the cleaned bytes are
kept aside in the storage under the document's folder (`staged/`, a random name). The preview says which pictures
were left out and why, and which have no description. The signed outline carries what was kept aside, and saving the
version (`pictures_take`, in version_create's transaction) makes them the document's pictures; what was kept aside is
removed after the commit, and what a preview left behind without saving is removed by the next import after a day.

A picture that is already the document's (the same cleaned bytes, as when a new version of the same Word file is
imported) is used again with its description; another picture with a name already used gets a new name
(image1-2.png), so that a new version never changes the pictures of a published one.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import asdict, dataclass
from datetime import timedelta

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone
from django.utils.translation import gettext as _

from delaktig.core.images import PhotoError, photo_clean

from .models import Document, Image
from .text import Outline

STAGED_KEPT = timedelta(days=1)  # a preview not saved by then is given up


@dataclass(frozen=True)
class Staged:
    """A picture of a Word file, checked and cleaned, kept aside between the preview and saving."""

    name: str  # inside the Word file ("image1.png"), the source of its image paragraphs
    path: str  # in the storage
    description: str  # the alt text in the Word file; "" when it has none
    content_type: str
    width: int
    height: int
    size: int

    def as_list(self) -> list:
        return list(asdict(self).values())


@dataclass(frozen=True)
class Skipped:
    """A picture of a Word file that is not taken in, and why, in words."""

    name: str
    reason: str


def staged_folder(document: Document) -> str:
    return f"consultations/{document.municipality_id}/{document.pk}/staged"


def pictures_stage(*, document: Document, outline: Outline) -> tuple[list[Staged], list[Skipped]]:
    """Check, clean and keep aside the pictures of an outline read from a Word file, in the order the text shows them;
    those that cannot be taken in are skipped with the reason."""
    staged_sweep(document)
    described = _descriptions(outline)
    staged, skipped = [], []
    token = secrets.token_hex(8)
    for number, name in enumerate(_names_in_order(outline), start=1):
        try:
            photo = photo_clean(outline.pictures[name])
        except PhotoError as error:
            skipped.append(Skipped(name, error.message))
            continue
        except Exception:  # noqa: BLE001 (whatever a Word file holds, the preview explains it and goes on)
            skipped.append(Skipped(name, _("The file is not a photo in JPEG, PNG or WebP format.")))
            continue
        path = default_storage.save(
            f"{staged_folder(document)}/{token}-{number}.{photo.extension}", ContentFile(photo.data)
        )
        staged.append(
            Staged(name, path, described.get(name, ""), photo.content_type, photo.width, photo.height, len(photo.data))
        )
    return staged, skipped


def _names_in_order(outline: Outline) -> list[str]:
    names = [p.source for c in outline.chapters for p in c.paragraphs if p.kind == "image" and p.source]
    return [name for name in dict.fromkeys(names) if name in outline.pictures]


def _descriptions(outline: Outline) -> dict[str, str]:
    found: dict[str, str] = {}
    for chapter in outline.chapters:
        for paragraph in chapter.paragraphs:
            if paragraph.kind == "image" and paragraph.source and paragraph.text:
                found.setdefault(paragraph.source, paragraph.text)
    return found


def pictures_take(*, document: Document, staged: list[Staged]) -> tuple[dict[str, Image], bool]:
    """({name in the Word file: the document's picture}, whether a picture the document had got a description) for
    the pictures kept aside (call inside the transaction that saves the version); one no longer kept aside (saved
    already, or given up) is left out."""
    taken: dict[str, Image] = {}
    described = False
    for picture in staged:
        data = _read(picture.path)
        if data is not None:
            taken[picture.name], changed = _image_for(document, picture, data)
            described = described or changed
    return taken, described


def _read(path: str) -> bytes | None:
    try:
        with default_storage.open(path, "rb") as handle:
            return handle.read()
    except (OSError, ValueError):
        return None


def _image_for(document: Document, picture: Staged, data: bytes) -> tuple[Image, bool]:
    """The document's picture with these bytes, or a new one; whether an existing one got a description."""
    digest = hashlib.sha256(data).digest()
    for image in document.images.filter(size=len(data), content_type=picture.content_type):
        same = _read(image.file.name)
        if same is None or hashlib.sha256(same).digest() != digest:
            continue
        if picture.description and not image.description:
            image.description = picture.description
            image.save(update_fields=["description", "updated_at"])
            return image, True
        return image, False
    image = Image(
        document=document,
        name=_free_name(document, picture.name),
        description=picture.description,
        content_type=picture.content_type,
        size=len(data),
        width=picture.width,
        height=picture.height,
    )
    stem = image.name.rsplit(".", 1)[0] or "bild"
    image.file.save(f"{stem}.{picture.path.rsplit('.', 1)[-1]}", ContentFile(data), save=False)
    image.save()
    return image, False


def _free_name(document: Document, name: str) -> str:
    used = set(document.images.values_list("name", flat=True))
    stem, dot, extension = name.rpartition(".")
    if not stem:
        stem, dot, extension = name, "", ""
    candidate, number = name, 1
    while candidate in used:
        number += 1
        candidate = f"{stem}-{number}{dot}{extension}"
    return candidate


def staged_remove(staged: list[Staged]) -> None:
    for picture in staged:
        default_storage.delete(picture.path)


def staged_sweep(document: Document) -> None:
    """Remove what previews left aside more than STAGED_KEPT ago and never saved."""
    folder = staged_folder(document)
    try:
        _folders, files = default_storage.listdir(folder)
    except (OSError, NotImplementedError):
        return
    given_up = timezone.now() - STAGED_KEPT
    for name in files:
        path = f"{folder}/{name}"
        try:
            if default_storage.get_modified_time(path) < given_up:
                default_storage.delete(path)
        except (OSError, NotImplementedError):
            continue
