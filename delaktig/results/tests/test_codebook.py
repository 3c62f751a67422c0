import pytest

from delaktig.core.models import AuditEvent
from delaktig.results import services
from delaktig.results.models import InputTag, Quote, Theme
from tests.dummy_method.factories import ref as ref_of

from .helpers import rurl

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(client, staff):
    client.force_login(staff["officer"])
    return client


def refs(corpus):
    return [ref_of(item) for item in corpus]


def test_add_rename_and_delete_a_theme_with_audit(officer, dialogue, staff):
    response = officer.post(rurl("codebook", dialogue), {"name": " Trafik  och vägar ", "description": "Bilar"})
    assert response.status_code == 302
    theme = Theme.objects.get(dialogue=dialogue)
    assert theme.name == "Trafik och vägar"
    response = officer.post(rurl("theme_edit", dialogue, theme.pk), {"name": "Trafik", "description": "", "order": 3})
    assert response.status_code == 302
    theme.refresh_from_db()
    assert (theme.name, theme.order) == ("Trafik", 3)
    page = officer.get(rurl("theme_delete", dialogue, theme.pk)).content.decode()
    assert "Trafik" in page and Theme.objects.filter(pk=theme.pk).exists()  # GET only asks
    assert officer.post(rurl("theme_delete", dialogue, theme.pk)).status_code == 302
    assert not Theme.objects.filter(pk=theme.pk).exists()
    actions = list(AuditEvent.objects.filter(action__startswith="results.").values_list("action", flat=True))
    assert actions == ["results.theme_create", "results.theme_update", "results.theme_delete"]


def test_empty_and_duplicate_names_are_clear_errors(officer, dialogue, staff):
    services.theme_create(dialogue=dialogue, actor=staff["officer"], name="Lek")
    for name in ("", "   ", "lek", "LEK"):
        response = officer.post(rurl("codebook", dialogue), {"name": name})
        assert response.status_code == 200, name
        assert "error-summary" in response.content.decode()
    assert Theme.objects.filter(dialogue=dialogue).count() == 1
    other = services.theme_create(dialogue=dialogue, actor=staff["officer"], name="Natur")
    response = officer.post(rurl("theme_edit", dialogue, other.pk), {"name": "Lek", "order": 1})
    assert response.status_code == 200 and "Det finns redan ett tema" in response.content.decode()


def test_merge_moves_tags_and_quotes_and_deletes_the_theme(officer, dialogue, staff, corpus):
    actor = staff["officer"]
    a = services.theme_create(dialogue=dialogue, actor=actor, name="Lek")
    b = services.theme_create(dialogue=dialogue, actor=actor, name="Lekplatser")
    r = refs(corpus)
    services.tags_set(dialogue=dialogue, actor=actor, assignments={r[0]: {a.pk}, r[1]: {b.pk}, r[2]: {a.pk, b.pk}})
    Quote.objects.create(dialogue=dialogue, input_ref=r[1], text="x", theme=b)
    response = officer.post(rurl("theme_merge", dialogue, b.pk), {"target": a.pk})
    assert response.status_code == 302
    assert not Theme.objects.filter(pk=b.pk).exists()
    assert sorted(InputTag.objects.filter(theme=a).values_list("input_ref", flat=True)) == sorted(r[:3])
    assert Quote.objects.get().theme == a
    assert AuditEvent.objects.filter(action="results.theme_merge").exists()


def test_merge_into_another_dialogues_theme_is_refused(officer, dialogue, staff, municipality):
    from delaktig.dialogues.models import State
    from tests.dummy_method.factories import dummy_module

    theme = services.theme_create(dialogue=dialogue, actor=staff["officer"], name="Lek")
    services.theme_create(dialogue=dialogue, actor=staff["officer"], name="Natur")
    foreign = Theme.objects.create(dialogue=dummy_module(municipality=municipality, state=State.CLOSED).dialogue)
    response = officer.post(rurl("theme_merge", dialogue, theme.pk), {"target": foreign.pk})
    assert response.status_code == 200 and "error-summary" in response.content.decode()
    with pytest.raises(services.ResultsError):
        services.theme_merge(source=theme, target=foreign, actor=staff["officer"])
    assert Theme.objects.filter(pk=theme.pk).exists()
