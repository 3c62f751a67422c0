"""Uploaded photos: only real images of the allowed kinds, stored anew with no EXIF (no GPS position) at all."""

import io

import pytest
from PIL import Image

from delaktig.core.images import MAX_SIDE, PhotoError, photo_clean


def jpeg_with_gps(size=(40, 30), orientation=None):
    exif = Image.Exif()
    exif[0x010F] = "Kamerafabriken"  # Make
    exif[0x0132] = "2026:05:01 12:00:00"  # DateTime
    gps = {1: "N", 2: (60.0, 2.0, 0.0), 3: "E", 4: (13.0, 41.0, 0.0)}
    exif[0x8825] = gps  # GPSInfo
    if orientation:
        exif[0x0112] = orientation
    out = io.BytesIO()
    Image.new("RGB", size, "red").save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


def test_a_photo_is_stored_without_exif_or_gps_and_upright():
    original = jpeg_with_gps()
    assert Image.open(io.BytesIO(original)).getexif().get(0x8825)  # the original has a position
    clean = photo_clean(original)
    stored = Image.open(io.BytesIO(clean.data))
    assert clean.content_type == "image/jpeg" and clean.extension == "jpg"
    assert not stored.getexif() and "exif" not in stored.info and b"Kamerafabriken" not in clean.data
    rotated = photo_clean(jpeg_with_gps(orientation=6))  # the camera was turned: 90° clockwise
    assert (rotated.width, rotated.height) == (30, 40)


def test_a_large_photo_is_made_smaller_and_png_and_webp_are_kept_as_they_are():
    out = io.BytesIO()
    Image.new("RGBA", (4000, 1000), (0, 0, 255, 128)).save(out, "PNG")
    clean = photo_clean(out.getvalue())
    assert clean.content_type == "image/png" and (clean.width, clean.height) == (MAX_SIDE, MAX_SIDE // 4)
    out = io.BytesIO()
    Image.new("RGB", (10, 10), "green").save(out, "WEBP")
    assert photo_clean(out.getvalue()).content_type == "image/webp"


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\xff\xd8\xff\xe0 this claims to be a JPEG but is not",
        b"GIF89a\x01\x00\x01\x00\x00\x00\x00;",
        b"%PDF-1.7",
        jpeg_with_gps()[:200],  # cut short
    ],
)
def test_what_is_not_an_allowed_photo_is_refused_with_a_message(data):
    with pytest.raises(PhotoError) as error:
        photo_clean(data)
    assert error.value.message


def test_an_image_with_too_many_pixels_is_refused_before_it_is_decoded():
    out = io.BytesIO()
    Image.new("1", (8000, 6000)).save(out, "PNG")  # small file, 48 million pixels
    with pytest.raises(PhotoError):
        photo_clean(out.getvalue())
