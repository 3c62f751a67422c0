"""The e-mail receipt after giving map input: the reference number, the category and place, and a link back; sent
once, without keeping the address, when the dialogue is anonymous by design; never for input entered at the desk."""

from unittest import mock

import pytest
from django.core import mail

from delaktig.background import purposes
from delaktig.participation.tasks import input_receipt_send

from ..models import Category, MapInput
from .conftest import url
from .factories import map_module
from .test_desk import desk_url, posted

pytestmark = pytest.mark.django_db


@pytest.fixture
def as_officer(client, staff):
    client.force_login(staff["officer"])
    return client


@pytest.fixture
def category(module):
    return Category.objects.create(module=module, name="Trygghet", symbol="triangle", colour="#b91c1c")


def give(client, module, on_commit, **data):
    with on_commit(execute=True):
        return client.post(url("create", module), {"text": "Mörkt här på kvällen.", **data})


def test_a_resident_gets_a_receipt_with_the_reference_the_place_and_a_link(
    client, resident, module, districts, category, django_capture_on_commit_callbacks
):
    client.force_login(resident)
    give(
        client, module, django_capture_on_commit_callbacks, location=f"district:{districts[0].pk}", category=category.pk
    )
    item = MapInput.objects.get()
    assert len(mail.outbox) == 1
    receipt = mail.outbox[0]
    assert receipt.to == [resident.email]
    assert item.reference in receipt.subject and item.reference in receipt.body
    assert item.get_absolute_url() in receipt.body
    assert "Tack" in receipt.body  # Swedish by default
    assert f"Kategori: Trygghet\nPlats: {districts[0].name}\n" in receipt.body


def test_anonymous_by_design_sends_the_receipt_at_once_and_keeps_no_address(
    client, resident, municipality, districts, django_capture_on_commit_callbacks
):
    module = map_module(municipality=municipality, public_identity="anonymous_by_design")
    client.force_login(resident)
    with mock.patch("delaktig.participation.services_inputs.input_receipt_send") as task:
        response = give(client, module, django_capture_on_commit_callbacks, location=f"district:{districts[0].pk}")
    item = MapInput.objects.get()
    assert item.author is None and response.status_code == 200
    assert not task.enqueue.called  # no task row holds the address
    assert [message.to for message in mail.outbox] == [[resident.email]]
    assert item.reference in mail.outbox[0].body and item.get_absolute_url() in mail.outbox[0].body
    assert "Vi har inte sparat din e-postadress" in mail.outbox[0].body


def test_input_entered_at_the_desk_sends_no_receipt(as_officer, module, districts, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        as_officer.post(desk_url(module), posted(module, **{"item-location": f"district:{districts[0].pk}"}))
    assert MapInput.objects.count() == 1
    assert mail.outbox == []


def test_the_receipt_task_says_what_it_is_for(resident, module, districts, category):
    item = MapInput.objects.create(
        module=module,
        municipality=module.municipality,
        author=resident,
        text="Mörkt.",
        geometry='{"type": "Point", "coordinates": [13.05, 60.05]}',
        min_lon=13.05,
        min_lat=60.05,
        max_lon=13.05,
        max_lat=60.05,
        point_lon=13.05,
        point_lat=60.05,
    )
    purpose = purposes.purpose_of(input_receipt_send.module_path, {"model": "map_input.MapInput", "input_id": item.pk})
    assert purpose.municipality_id == module.municipality.pk and item.reference in purpose.text
    assert (
        purposes.purpose_of(input_receipt_send.module_path, {"model": "accounts.User", "input_id": resident.pk}) is None
    )


def test_a_missing_category_is_asked_for_in_plain_swedish(client, resident, module, districts, category):
    client.force_login(resident)
    page = client.post(url("create", module), {"text": "Mörkt.", "location": f"district:{districts[0].pk}"})
    assert "Välj en kategori." in page.content.decode() and not MapInput.objects.exists()
