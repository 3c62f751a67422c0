import pytest

from delaktig.core.models import AuditEvent
from delaktig.results import services
from delaktig.results.models import InputTag, Quote
from tests.dummy_method.factories import ref as ref_of

from .conftest import enter
from .helpers import rurl

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(client, staff):
    client.force_login(staff["officer"])
    return client


def test_pagination_25_a_page(officer, dialogue, module, staff):
    for i in range(30):
        enter(module, staff["officer"], f"Inlägg nummer {i}", f"Text {i}")
    first = officer.get(rurl("inputs", dialogue))
    assert len(first.context["rows"]) == 25 and first.context["page"].paginator.count == 30
    second = officer.get(rurl("inputs", dialogue) + "?page=2")
    assert len(second.context["rows"]) == 5
    assert officer.get(rurl("inputs", dialogue) + "?page=xyz").status_code == 200


def test_search_and_filters(officer, dialogue, staff, corpus):
    theme = services.theme_create(dialogue=dialogue, actor=staff["officer"], name="Bibliotek")
    library = [i for i in corpus if "bibliotek" in (i.title + i.text).lower()]
    services.tags_set(dialogue=dialogue, actor=staff["officer"], assignments={ref_of(library[0]): {theme.pk}})
    found = officer.get(rurl("inputs", dialogue), {"q": "BIBLIOTEKET"}).context["rows"]
    assert found and all("biblioteket" in (r.title + r.text).lower() for r, *_ in found)
    assert [r.title for r, *_ in officer.get(rurl("inputs", dialogue), {"theme": theme.pk}).context["rows"]] == [
        library[0].title
    ]
    untagged = officer.get(rurl("inputs", dialogue), {"theme": "none"}).context["page"].paginator.count
    assert untagged == len(corpus) - 1
    assert officer.get(rurl("inputs", dialogue), {"channel": "paper"}).context["page"].paginator.count == len(corpus)
    assert officer.get(rurl("inputs", dialogue), {"channel": "online"}).context["page"].paginator.count == 0
    response = officer.get(rurl("inputs", dialogue), {"theme": "99999", "method": "abc", "channel": "fax"})
    assert response.status_code == 200 and response.context["page"].paginator.count == len(corpus)


def test_tagging_with_checkboxes(officer, dialogue, staff, corpus):
    lek = services.theme_create(dialogue=dialogue, actor=staff["officer"], name="Lek")
    trafik = services.theme_create(dialogue=dialogue, actor=staff["officer"], name="Trafik")
    a, b = ref_of(corpus[0]), ref_of(corpus[1])
    data = {"ref": [a, b], "tag": [f"{a}|{lek.pk}", f"{a}|{trafik.pk}", f"{b}|{lek.pk}"]}
    response = officer.post(rurl("inputs", dialogue), data)
    assert response.status_code == 302
    assert set(InputTag.objects.values_list("input_ref", "theme_id")) == {(a, lek.pk), (a, trafik.pk), (b, lek.pk)}
    officer.post(rurl("inputs", dialogue), {"ref": [a, b], "tag": [f"{b}|{lek.pk}"]})
    assert set(InputTag.objects.values_list("input_ref", "theme_id")) == {(b, lek.pk)}
    assert AuditEvent.objects.filter(action="results.tags_set").count() == 2
    page = officer.get(rurl("inputs", dialogue)).content.decode()
    assert f'value="{b}|{lek.pk}" id=' in page and "checked" in page


def test_tagging_with_a_foreign_theme_or_input_is_refused(officer, dialogue, staff, corpus, municipality):
    from delaktig.dialogues.models import State
    from delaktig.results.models import Theme
    from tests.dummy_method.factories import dummy_module

    foreign = Theme.objects.create(dialogue=dummy_module(municipality=municipality, state=State.CLOSED).dialogue)
    a = ref_of(corpus[0])
    for data in ({"ref": [a], "tag": [f"{a}|{foreign.pk}"]}, {"ref": ["dummy_method:999999"]}, {"tag": ["rubbish"]}):
        response = officer.post(rurl("inputs", dialogue), data, follow=True)
        assert response.status_code == 200
    assert not InputTag.objects.exists()


def test_mark_a_quote(officer, dialogue, staff, corpus):
    item = corpus[0]
    ref = ref_of(item)
    theme = services.theme_create(dialogue=dialogue, actor=staff["officer"], name="Lek")
    page = officer.get(rurl("quote_create", dialogue), {"ref": ref})
    assert page.status_code == 200 and item.text in page.content.decode()
    sentence = item.text.split(".")[0] + "."
    data = {"ref": ref, "text": f"  {sentence}\n", "theme": theme.pk, "note": "Bra citat"}
    assert officer.post(rurl("quote_create", dialogue), data).status_code == 302
    quote = Quote.objects.get()
    assert (quote.text, quote.theme, quote.channel, quote.input_ref) == (sentence, theme, "paper", ref)
    whole = officer.post(rurl("quote_create", dialogue), {"ref": ref, "text": ""})
    assert whole.status_code == 302 and Quote.objects.filter(text=item.text).exists()


def test_a_quote_not_in_the_text_is_a_clear_error(officer, dialogue, corpus):
    ref = ref_of(corpus[0])
    response = officer.post(rurl("quote_create", dialogue), {"ref": ref, "text": "Något helt annat."})
    assert response.status_code == 200
    assert "error-summary" in response.content.decode() and "Något helt annat." in response.content.decode()
    assert not Quote.objects.exists()


def test_a_quote_for_an_unknown_input_is_404(officer, dialogue, corpus):
    assert officer.get(rurl("quote_create", dialogue), {"ref": "dummy_method:999999"}).status_code == 404
    assert officer.get(rurl("quote_create", dialogue)).status_code == 404


def test_remove_a_quote_after_confirming(officer, dialogue, corpus):
    quote = Quote.objects.create(dialogue=dialogue, input_ref=ref_of(corpus[0]), text="x")
    assert officer.get(rurl("quote_delete", dialogue, quote.pk)).status_code == 200
    assert officer.post(rurl("quote_delete", dialogue, quote.pk)).status_code == 302
    assert not Quote.objects.exists()


def test_overview_shows_counts_and_suppressed_groups(officer, dialogue, module, staff, corpus):
    theme = services.theme_create(dialogue=dialogue, actor=staff["officer"], name="Lek")
    for _ in range(6):
        item = enter(module, staff["officer"], "Ung", "Lekplatsen", age_band="18_29")
        services.tags_set(dialogue=dialogue, actor=staff["officer"], assignments={ref_of(item): {theme.pk}})
    old = enter(module, staff["officer"], "Äldre", "Lekplatsen", age_band="80_plus")
    services.tags_set(dialogue=dialogue, actor=staff["officer"], assignments={ref_of(old): {theme.pk}})
    response = officer.get(rurl("overview", dialogue))
    page = response.content.decode()
    assert "Lek" in page and "färre än 5" in page and "väntar på moderering" in page.lower() or "moderering" in page
    group = response.context["group_tables"][0]
    lek_row = group.rows[0]
    assert lek_row[-1] == 7 and "färre än 5" in lek_row


def test_figures_download_as_csv_with_suppression(officer, dialogue, module, staff):
    theme = services.theme_create(dialogue=dialogue, actor=staff["officer"], name="=Lek")
    item = enter(module, staff["officer"], "Ung", "Lekplatsen", age_band="18_29")
    services.tags_set(dialogue=dialogue, actor=staff["officer"], assignments={ref_of(item): {theme.pk}})
    response = officer.get(rurl("figures_csv", dialogue))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    body = response.content.decode("utf-8-sig")
    assert "Inlägg per tema" in body and "'=Lek,1" in body and "färre än 5" in body
