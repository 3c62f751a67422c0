"""Open input's public dataset ("open-input"): exactly its fields, only published input, no names, its filters."""

import pytest

from delaktig.accounts.tests.factories import UserFactory
from delaktig.dialogues.models import State
from delaktig.opendata.selectors import datasets
from delaktig.opendata.tests.support import csv_rows, csv_url, detail_url, results_of
from delaktig.participation.models import Channel, ModerationStatus
from delaktig.participation.services import comment_create

from ..services import input_create, input_enter_offline, support_toggle
from .factories import open_input_module

pytestmark = pytest.mark.django_db
KEY = "open-input"


@pytest.fixture
def data(municipality):
    module = open_input_module(municipality=municipality, state=State.OPEN)
    author = UserFactory(name="Ada Författare")
    item = input_create(module=module, author=author, title="Fler bänkar", text="Nära lekplatsen.")
    offline = input_enter_offline(
        module=module, entered_by=UserFactory(), channel=Channel.PAPER, title="Belysning", text="Mer ljus."
    )
    hidden = input_create(module=module, author=author, title="Dold", text="Borttagen av moderator.")
    hidden.status = ModerationStatus.REJECTED
    hidden.save()
    support_toggle(item=item, user=UserFactory())
    comment_create(target=item, dialogue=module.dialogue, author=UserFactory(), text="Bra idé.")
    return {"open": module.dialogue, "input": item, "offline": offline, "hidden_input": hidden}


def test_rows_have_exactly_the_fields(client, data, municipality):
    dataset = next(d for d in datasets() if d.key == KEY)
    rows = results_of(client, municipality, KEY)
    assert rows
    for row in rows:
        assert list(row) == [field.name for field in dataset.fields]
    assert client.get(detail_url(municipality, KEY, rows[0]["id"])).json() == rows[0]


def test_published_only_without_names(client, data, municipality):
    rows = {row["id"]: row for row in results_of(client, municipality, KEY)}
    assert data["hidden_input"].pk not in rows
    row = rows[data["input"].pk]
    assert row["supports"] == 1 and row["comments"] == 1 and row["channel"] == "online"
    assert rows[data["offline"].pk]["channel"] == "paper"
    assert "Ada Författare" not in str(rows)


def test_filters(client, data, municipality):
    rows = results_of(client, municipality, KEY, dialogue=data["open"].pk, channel="paper")
    assert [row["id"] for row in rows] == [data["offline"].pk]


def test_category_filter(client, data, municipality):
    item = data["input"]
    item.category = "Lek"
    item.save()
    assert [row["id"] for row in results_of(client, municipality, KEY, category="lek")] == [item.pk]


def test_csv_matches_json(client, data, municipality):
    header, *rows = csv_rows(client.get(csv_url(municipality, KEY)))
    json_rows = results_of(client, municipality, KEY)
    assert header == list(json_rows[0])
    assert rows == [["" if v is None else str(v) for v in row.values()] for row in json_rows]


def test_a_page_costs_the_same_queries_however_many_rows(client, data, municipality, django_assert_max_num_queries):
    results_of(client, municipality, KEY)  # warm the content-type cache
    with django_assert_max_num_queries(6):
        results_of(client, municipality, KEY)
    item = data["input"]
    for n in range(3):
        input_create(module=item.module, author=UserFactory(), title=f"Mer {n}", text="Ja.")
    with django_assert_max_num_queries(6):
        results_of(client, municipality, KEY)
