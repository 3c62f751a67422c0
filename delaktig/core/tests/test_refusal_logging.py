"""A refused request (400, 403, 404, a disallowed host) is one warning line in the log, never a traceback."""

import io
import logging

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def log(caplog):
    """What the configured console handler writes, and the records (caplog), django.security's included."""
    console = next(h for h in logging.getLogger().handlers if type(h) is logging.StreamHandler)
    stream = io.StringIO()
    previous = console.setStream(stream)
    security = logging.getLogger("django.security")
    security.addHandler(caplog.handler)
    caplog.set_level(logging.WARNING)
    yield stream, caplog
    security.removeHandler(caplog.handler)
    console.setStream(previous)


def assert_one_line_without_traceback(log, status, response):
    stream, caplog = log
    assert response.status_code == status
    assert caplog.records, "the refusal is still logged"
    assert all(record.exc_info is None and record.levelno == logging.WARNING for record in caplog.records)
    assert "Traceback" not in stream.getvalue()
    assert "Traceback" not in caplog.text


def test_permission_denied(client, municipality, staff, log):
    client.force_login(staff["moderator"])
    response = client.get(reverse("organisations:settings", args=[municipality.slug]))
    assert_one_line_without_traceback(log, 403, response)


def test_not_found(client, municipality, staff, log):
    client.force_login(staff["moderator"])
    response = client.get(reverse("dialogues:staff_detail", args=[municipality.slug, 10**9]))
    assert_one_line_without_traceback(log, 404, response)


def test_disallowed_host(client, log):
    response = client.get("/", HTTP_HOST="evil.example")
    assert_one_line_without_traceback(log, 400, response)


def test_suspicious_operation(client, log):
    response = client.post(reverse("accounts:login"), {f"field{i}": "x" for i in range(1100)})
    assert_one_line_without_traceback(log, 400, response)


def test_a_real_fault_keeps_its_traceback(log):
    stream, _ = log
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        logging.getLogger("django.request").error("Internal Server Error: /x/", exc_info=True)
    assert "Traceback" in stream.getvalue()
