"""The voluntary "About you" answers, and what open input gives the results workspace (inputs, update recipients)."""

import pytest

from delaktig.dialogues.models import Follower
from delaktig.organisations.models import Area
from delaktig.participation.models import ModerationStatus

from .. import selectors
from ..models import Input
from .conftest import url
from .factories import InputFactory

pytestmark = pytest.mark.django_db
DRAFT = {"title": "Fler bänkar", "text": "Äldre behöver kunna vila.", "category": "Lek"}


@pytest.fixture
def area(municipality):
    return Area.objects.create(municipality=municipality, name="Norrby", order=1)


def test_rut_tells_about_herself_and_it_is_stored_never_published(client, resident, module, area):
    client.force_login(resident)
    page = client.get(url("create", module)).content.decode()
    assert "Om dig (frivilligt)" in page and "Norrby" in page
    about = {"age_band": "30_44", "gender": "woman", "area": area.pk, "wants_updates": "on"}
    assert client.post(url("create", module), {**DRAFT, **about}).status_code == 302
    check = client.get(url("create_check", module)).content.decode()
    assert "30–44 år" in check and "Kvinna" in check and "Norrby" in check
    client.post(url("create_check", module))
    item = Input.objects.get()
    assert (item.age_band, item.gender, item.area, item.wants_updates) == ("30_44", "woman", area, True)
    assert item.demographics == {"age_band": "30_44", "gender": "woman", "area": area.pk}
    public = client.get(item.get_absolute_url()).content.decode() + client.get(url("index", module)).content.decode()
    assert "Norrby" not in public and "30–44" not in public
    assert "age_band" not in selectors.export_rows(module)[0]


def test_the_answers_are_voluntary(client, resident, module, area):
    client.force_login(resident)
    client.post(url("create", module), DRAFT)
    client.post(url("create_check", module))
    assert Input.objects.get().demographics == {}


def test_a_bad_answer_is_a_form_error_not_a_crash(client, resident, module, other_municipality):
    foreign = Area.objects.create(municipality=other_municipality, name="Annanstans")
    client.force_login(resident)
    response = client.post(url("create", module), {**DRAFT, "age_band": "200", "area": foreign.pk})
    assert response.status_code == 200 and "error-summary" in response.content.decode()


def test_staff_register_offline_input_with_answers(client, staff, module, area):
    client.force_login(staff["officer"])
    page = client.get(url("desk", module)).content.decode()
    assert "Ålder" in page and "Var bor personen?" in page
    data = {"module": module.pk, "channel": "paper", "received_on": "2026-01-05", "item-title": "Papper"}
    answers = {"item-text": "Från ett möte", "item-age_band": "80_plus", "item-area": area.pk}
    response = client.post(url("desk", module), {**data, **answers})
    assert response.status_code == 302
    assert Input.objects.get().demographics == {"age_band": "80_plus", "area": area.pk}


def test_my_data_has_the_answers_and_erasure_removes_them(resident, module, area):
    InputFactory(module=module, author=resident, age_band="18_29", gender="man", area=area, wants_updates=True)
    data = [row for row in selectors.personal_data(resident) if row["type"] == "open_input.input"][0]
    answers = (data["age_band"], data["gender"], data["area"], data["wants_updates"])
    assert answers == ("18–29 år", "Man", "Norrby", True)
    selectors.erase(resident)
    item = Input.objects.get()
    assert item.demographics == {} and not item.wants_updates and item.author is None


def test_inputs_are_records_without_removed_ones(module, area):
    shown = InputFactory(module=module, age_band="45_64", area=area)
    InputFactory(module=module, status=ModerationStatus.PENDING, title="Väntar")
    InputFactory(module=module, status=ModerationStatus.REJECTED, title="Borttagen")
    records = selectors.inputs(module)
    assert [r.title for r in records] == [shown.title, "Väntar"]
    record = records[0]
    assert record.ref == f"open_input:{shown.pk}" and record.method == "open_input" and record.module_id == module.pk
    assert record.demographics == {"age_band": "45_64", "area": area.pk}
    assert record.author_shown == shown.author_name
    assert records[1].author_shown == ""  # not published: no name
    assert record.staff_url.endswith(f"/input/{shown.pk}/")


def test_update_recipients_asked_or_follow(module, resident):
    asked = InputFactory(module=module, wants_updates=True).author
    follows = InputFactory(module=module).author
    Follower.objects.create(dialogue=module.dialogue, user=follows)
    InputFactory(module=module)  # neither
    InputFactory(module=module, author=asked, wants_updates=True)  # twice: once in the list
    removed = InputFactory(module=module, wants_updates=True, status=ModerationStatus.REJECTED).author
    InputFactory(module=module, author=None, author_name="Papper", wants_updates=True)
    recipients = selectors.update_recipients(module)
    emails = [email for email, _name in recipients]
    assert sorted(emails) == sorted([asked.email, follows.email])
    assert removed.email not in emails
    assert (asked.email, asked.name) in recipients


def test_manifest_offers_inputs_and_update_recipients(module):
    manifest = module.manifest
    assert manifest.inputs is selectors.inputs and manifest.update_recipients is selectors.update_recipients
