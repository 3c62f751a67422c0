"""The public list and input pages: flat query counts, escaped text, 404 for anything not ours."""

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext

from delaktig.dialogues.models import State
from delaktig.participation.models import Module
from delaktig.participation.services import comment_create

from .conftest import url
from .factories import InputFactory, SupportFactory, open_input_module

pytestmark = pytest.mark.django_db


def fill(module, n):
    for i in range(n):
        item = InputFactory(module=module, category="Lek" if i % 2 else "Natur")
        SupportFactory(input=item)
        comment_create(target=item, dialogue=module.dialogue, author=item.author, text="Jag också")


def count_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


@pytest.mark.parametrize("signed_in", [False, True])
def test_index_queries_do_not_grow_with_inputs(client, municipality, resident, signed_in):
    if signed_in:
        client.force_login(resident)
    few, many = (open_input_module(municipality=municipality) for _ in range(2))
    fill(few, 5)
    fill(many, 50)
    count_queries(client, url("index", few))  # warm caches (content types, sessions)
    assert count_queries(client, url("index", few)) == count_queries(client, url("index", many))


def test_detail_queries_do_not_grow_with_comments(client, municipality, resident):
    client.force_login(resident)
    module = open_input_module(municipality=municipality)
    few, many = InputFactory(module=module), InputFactory(module=module)
    for item, n in ((few, 2), (many, 20)):
        for _ in range(n):
            comment_create(target=item, dialogue=module.dialogue, author=resident, text="Ja")
    count_queries(client, url("detail", module, few.pk))
    assert count_queries(client, url("detail", module, few.pk)) == count_queries(client, url("detail", module, many.pk))


def test_markup_in_text_is_escaped(client, module):
    item = InputFactory(module=module, title="<b>Fet</b>", text="<script>alert('x')</script>")
    comment_create(target=item, dialogue=module.dialogue, author=item.author, text="<img src=x onerror=alert(1)>")
    for path in (url("index", module), url("detail", module, item.pk)):
        page = client.get(path).content.decode()
        assert "<script>alert" not in page and "<b>Fet</b>" not in page and "<img src=x" not in page
        assert "&lt;script&gt;" in page or "&lt;b&gt;Fet&lt;/b&gt;" in page


def test_the_list_pages_by_twenty_and_forgives_bad_page_numbers(client, module):
    fill(module, 21)
    assert len(client.get(url("index", module)).context["page"].object_list) == 20
    assert len(client.get(url("index", module) + "?page=2").context["page"].object_list) == 1
    for bad in ("abc", "999", "-1", "9" * 30):
        assert client.get(url("index", module) + f"?page={bad}").status_code == 200


def test_filter_search_and_sort(client, module):
    quiet = InputFactory(module=module, title="Tyst hörna", category="Natur")
    loved = InputFactory(module=module, title="Plaskdamm", category="Lek")
    for _ in range(3):
        SupportFactory(input=loved)
    listed = lambda query: list(client.get(url("index", module) + query).context["page"].object_list)  # noqa: E731
    assert listed("?category=Lek") == [loved]
    assert listed("?q=tyst") == [quiet]
    assert listed("?sort=supports")[0] == loved
    assert listed("?sort=new")[0] == loved
    assert len(listed("?category=Finns+inte&sort=bogus")) == 2  # a wrong value is dropped, never an error


def test_empty_list_says_what_to_do(client, module):
    response = client.get(url("index", module))
    assert response.status_code == 200 and response.context["page"].paginator.count == 0


def test_another_municipalitys_module_is_a_404(client, module, other_municipality, published):
    slug = other_municipality.slug
    ids = [module.dialogue_id, module.pk]
    assert client.get(f"/{slug}/dialoger/{ids[0]}/delta/{ids[1]}/open_input/").status_code == 404
    assert client.get(f"/{slug}/dialoger/{ids[0]}/delta/{ids[1]}/open_input/{published.pk}/").status_code == 404


def test_the_wrong_dialogue_or_method_is_a_404(client, municipality, module, published):
    other = open_input_module(municipality=municipality)
    slug = municipality.slug
    assert client.get(f"/{slug}/dialoger/{other.dialogue_id}/delta/{module.pk}/open_input/").status_code == 404
    Module.objects.filter(pk=module.pk).update(method="survey")
    assert client.get(url("index", module)).status_code == 404


def test_an_input_of_another_module_is_a_404(client, municipality, module):
    elsewhere = InputFactory(module=open_input_module(municipality=municipality))
    assert client.get(url("detail", module, elsewhere.pk)).status_code == 404


def test_huge_and_unknown_ids_are_a_404(client, module):
    huge = 10**30
    assert client.get(url("detail", module, huge)).status_code == 404
    slug = module.dialogue.municipality.slug
    assert client.get(f"/{slug}/dialoger/{huge}/delta/{huge}/open_input/").status_code == 404


def test_a_dialogue_not_yet_public_is_hidden_from_residents(client, municipality, resident, staff):
    module = open_input_module(municipality=municipality, state=State.DECIDED)
    client.force_login(resident)
    assert client.get(url("index", module)).status_code == 404
    client.force_login(staff["officer"])
    assert client.get(url("index", module)).status_code == 200


def test_index_offers_the_button_or_says_why_not(client, municipality, resident):
    collecting = open_input_module(municipality=municipality)
    commenting = open_input_module(municipality=municipality, phase="comment")
    client.force_login(resident)
    create = url("create", collecting)
    assert create in client.get(url("index", collecting)).content.decode()
    response = client.get(url("index", commenting))
    assert url("create", commenting) not in response.content.decode()
    assert str(response.context["decision"].reason) in response.content.decode()


def test_the_dialogue_page_summary_is_cheap_and_links_to_the_module(module, published):
    dialogue = module.dialogue
    loaded = dialogue.modules.select_related("dialogue__municipality").prefetch_related("phases").get()
    with CaptureQueriesContext(connection) as queries:
        html = render_to_string("open_input/module_summary.html", {"module": loaded, "dialogue": dialogue})
    assert len(queries) <= 2
    assert url("index", module) in html
    assert ">1<" in html.replace(" ", "")  # one published input
