"""A closed dialogue and an information activity take no input: the pages say so in Swedish, and the dialogue
page no longer asks for input."""

import pytest

from delaktig.dialogues.models import Kind, State

from .conftest import url
from .factories import InputFactory, open_input_module

pytestmark = pytest.mark.django_db

CLOSED = "Dialogen är stängd. Du kan inte längre lämna synpunkter, men du kan läsa det som kom in."
INFORMATION = "Det här är information från kommunen. Du kan inte lämna synpunkter här."


@pytest.fixture
def closed(municipality):
    module = open_input_module(municipality=municipality, state=State.CLOSED)
    InputFactory(module=module)
    return module


@pytest.fixture
def information(municipality):
    module = open_input_module(municipality=municipality)
    module.dialogue.kind = Kind.INFORMATION
    module.dialogue.save()
    return module


@pytest.mark.parametrize(("which", "reason"), [("closed", CLOSED), ("information", INFORMATION)])
def test_giving_input_is_refused_politely_in_swedish(client, resident, request, which, reason):
    module = request.getfixturevalue(which)
    client.force_login(resident)
    for name in ("create", "create_check"):
        response = client.get(url(name, module))
        assert response.status_code == 403
        assert reason in response.content.decode()
    response = client.post(url("create", module), {"title": "Fler bänkar", "text": "Det behövs fler bänkar."})
    assert response.status_code == 403
    assert not module.open_inputs.filter(title="Fler bänkar").exists()


@pytest.mark.parametrize("which", ["closed", "information"])
def test_the_list_of_input_offers_no_way_to_give_input(client, resident, request, which):
    module = request.getfixturevalue(which)
    client.force_login(resident)
    html = client.get(url("index", module)).content.decode()
    assert url("create", module) not in html


def test_the_dialogue_page_offers_to_read_not_to_give(client, closed):
    html = client.get(closed.dialogue.get_absolute_url()).content.decode()
    assert "Läs synpunkterna som kom in" in html and url("index", closed) in html
    assert "Läs och lämna synpunkter" not in html


def test_an_open_dialogue_still_asks_for_input(client, municipality):
    module = open_input_module(municipality=municipality)
    assert "Läs och lämna synpunkter" in client.get(module.dialogue.get_absolute_url()).content.decode()
