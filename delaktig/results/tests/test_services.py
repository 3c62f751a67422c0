import pytest

from delaktig.core.models import AuditEvent
from delaktig.dialogues.models import State
from delaktig.results import selectors, services
from delaktig.results.models import InputTag
from tests.dummy_method.factories import dummy_module
from tests.dummy_method.factories import ref as ref_of

pytestmark = pytest.mark.django_db


def test_quote_excerpt_must_be_in_the_text():
    text = "Lekplatsen är sliten.\nGungorna   är trasiga."
    assert services.quote_excerpt_valid(text, "Gungorna är trasiga.")
    assert services.quote_excerpt_valid(text, "lekplatsen ÄR sliten")
    assert not services.quote_excerpt_valid(text, "Bilarna kör fort.")
    assert not services.quote_excerpt_valid(text, "   ")


def test_quote_with_another_dialogues_theme_is_refused(dialogue, corpus, staff, municipality):
    other = dummy_module(municipality=municipality, state=State.CLOSED).dialogue
    foreign = services.theme_create(dialogue=other, actor=staff["officer"], name="Annat")
    record = selectors.dialogue_inputs(dialogue)[0]
    with pytest.raises(services.ResultsError):
        services.quote_create(dialogue=dialogue, actor=staff["officer"], record=record, text="", theme=foreign)


def test_tags_set_is_idempotent_and_audited_only_on_change(dialogue, corpus, staff):
    theme = services.theme_create(dialogue=dialogue, actor=staff["officer"], name="Lek")
    ref = ref_of(corpus[0])
    assert services.tags_set(dialogue=dialogue, actor=staff["officer"], assignments={ref: {theme.pk}}) == (1, 0)
    assert services.tags_set(dialogue=dialogue, actor=staff["officer"], assignments={ref: {theme.pk}}) == (0, 0)
    assert InputTag.objects.count() == 1
    assert AuditEvent.objects.filter(action="results.tags_set").count() == 1


def test_delete_keeps_quotes_without_theme(dialogue, corpus, staff):
    theme = services.theme_create(dialogue=dialogue, actor=staff["officer"], name="Lek")
    record = selectors.dialogue_inputs(dialogue)[0]
    quote = services.quote_create(dialogue=dialogue, actor=staff["officer"], record=record, text="", theme=theme)
    services.theme_delete(theme=theme, actor=staff["officer"])
    quote.refresh_from_db()
    assert quote.theme is None and quote.text == record.text
