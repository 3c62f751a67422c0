"""Photos that residents upload (a photo of the place on a map input, say): checked to be a real image of an allowed
kind and size, and stored as a new file with no metadata, so that no camera, time or GPS position (EXIF) follows
the photo onto a public page.

`photo_clean(data)` reads the bytes with Pillow, refuses anything that is not a JPEG, PNG or WebP image whatever
its name or declared type says (an image that claims to be a JPEG but is not), refuses images too large to open
safely, turns the picture upright as the camera meant it, makes it at most MAX_SIDE pixels on its longest side, and
writes it anew without EXIF, XMP, ICC comments or anything else: a CleanPhoto with the bytes, their type and size.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from django.utils.translation import gettext as _

MAX_BYTES = 10 * 1024 * 1024  # as uploaded
MAX_PIXELS = 40_000_000  # opened at all (a decompression bomb is refused before it is decoded)
MAX_SIDE = 2048  # stored
KINDS = {"JPEG": ("image/jpeg", "jpg"), "PNG": ("image/png", "png"), "WEBP": ("image/webp", "webp")}


class PhotoError(ValueError):
    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


@dataclass(frozen=True)
class CleanPhoto:
    data: bytes
    content_type: str
    extension: str
    width: int
    height: int


def photo_clean(data: bytes) -> CleanPhoto:
    from PIL import Image, ImageOps, UnidentifiedImageError

    if not data:
        raise PhotoError(_("The file is empty. Choose a photo."))
    if len(data) > MAX_BYTES:
        raise PhotoError(_("The photo is larger than 10 MB. Choose a smaller photo."))
    try:
        with Image.open(io.BytesIO(data)) as probe:
            kind = probe.format
            if kind not in KINDS:
                raise PhotoError(_("The file is not a photo in JPEG, PNG or WebP format."))
            if probe.width * probe.height > MAX_PIXELS:
                raise PhotoError(_("The photo has too many pixels. Choose a smaller photo."))
            probe.verify()  # the whole file is read: a broken or disguised file fails here
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            upright = ImageOps.exif_transpose(image)
    except PhotoError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise PhotoError(_("The file is not a photo in JPEG, PNG or WebP format.")) from None
    return _stored(upright, kind)


def _stored(image, kind: str) -> CleanPhoto:
    """The picture written anew: pixels only, at most MAX_SIDE on its longest side."""
    from PIL import Image

    image.thumbnail((MAX_SIDE, MAX_SIDE))
    if kind == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    pixels = Image.new(image.mode, image.size)  # a fresh image: no info, no EXIF, no ICC profile carried over
    if image.mode == "P":
        pixels.putpalette(image.getpalette() or [])
    pixels.paste(image)
    out = io.BytesIO()
    options = {"JPEG": {"quality": 85, "optimize": True}, "PNG": {"optimize": True}, "WEBP": {"quality": 85}}[kind]
    pixels.save(out, kind, **options)
    content_type, extension = KINDS[kind]
    return CleanPhoto(out.getvalue(), content_type, extension, pixels.width, pixels.height)
