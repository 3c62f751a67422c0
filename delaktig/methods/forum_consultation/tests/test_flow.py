"""Staff choose the forum, record its statement or pick one from its records; the statement reaches the dialogue's
results workspace and decision basis like any other input, and the forum's public page."""

import datetime

import pytest
from django.urls import reverse

from delaktig.core.audit import audit_events_for
from delaktig.decisionbasis import content
from delaktig.decisionbasis import services as basis_services
from delaktig.decisionbasis.tests.support import report
from delaktig.dialogues.models import State
from delaktig.dialogues.tests.factories import DialogueFactory, fill_for_state
from delaktig.forums.tests.factories import ConsultationFactory, ForumFactory, StatementFactory
from delaktig.methods.forum_consultation import selectors, services
from delaktig.methods.forum_consultation.models import ForumChoice, ForumInput
from delaktig.organisations.models import Role
from delaktig.participation.figures import dialogue_figures
from delaktig.participation.models import Module
from delaktig.results.models import InputTag, Quote, Theme

pytestmark = pytest.mark.django_db
STATEMENT = "Ungdomsrådet vill att skateparken ligger nära busshållplatsen och har belysning."


@pytest.fixture
def module(municipality):
    dialogue = fill_for_state(
        DialogueFactory(municipality=municipality, title="Ny skatepark", case_number="KS 2026/40"), State.CLOSED
    )
    return Module.objects.create(dialogue=dialogue, method="forum_consultation", name="Ungdomsrådets yttrande")


def staff_url(module, name):
    return reverse(
        f"forum_consultation_staff:{name}", args=[module.dialogue.municipality.slug, module.dialogue_id, module.pk]
    )


def test_staff_choose_the_forum_and_record_its_statement(client, module, staff):
    forum = ForumFactory(municipality=module.dialogue.municipality, name="Ungdomsrådet")
    client.force_login(staff[Role.OFFICER])
    assert client.post(staff_url(module, "choose"), {"forum": forum.pk}).status_code == 302
    response = client.post(staff_url(module, "record"), {"given_on": "2026-04-02", "text": STATEMENT})
    item = ForumInput.objects.get()
    assert response.status_code == 302 and item.statement.consultation.forum == forum
    assert item.statement.consultation.title == "Ny skatepark"  # the matter in the forum's records
    assert [e.action for e in audit_events_for(item)] == ["forum_consultation.statement_record"]
    assert STATEMENT in client.get(staff_url(module, "index")).content.decode()
    public = client.get(reverse("forums:forum", args=[forum.municipality.slug, forum.pk])).content.decode()
    assert STATEMENT in public


def test_a_statement_without_text_is_refused_and_the_date_kept(client, module, staff):
    services.forum_choose(module=module, forum=ForumFactory(municipality=module.dialogue.municipality), actor=None)
    client.force_login(staff[Role.OFFICER])
    response = client.post(staff_url(module, "record"), {"given_on": "2026-04-02", "text": ""})
    assert response.status_code == 200 and not ForumInput.objects.exists()
    assert 'value="2026-04-02"' in response.content.decode()


def test_statements_recorded_in_the_forum_are_picked_once(client, module, staff):
    forum = ForumFactory(municipality=module.dialogue.municipality)
    services.forum_choose(module=module, forum=forum, actor=None)
    statement = StatementFactory(consultation=ConsultationFactory(forum=forum))
    other_forum = StatementFactory(
        consultation=ConsultationFactory(forum=ForumFactory(municipality=forum.municipality))
    )
    client.force_login(staff[Role.DEMOCRACY_OFFICER])
    page = client.get(staff_url(module, "pick")).content.decode()
    assert statement.text[:40] in page and other_forum.consultation.forum.name not in page
    assert client.post(staff_url(module, "pick"), {"statements": [statement.pk]}).status_code == 302
    refused = client.post(staff_url(module, "pick"), {"statements": [other_forum.pk]})
    assert refused.status_code == 200 and ForumInput.objects.get().statement == statement


def test_the_forum_cannot_be_changed_once_statements_are_inputs(client, module, staff):
    forum = ForumFactory(municipality=module.dialogue.municipality)
    services.forum_choose(module=module, forum=forum, actor=None)
    services.statement_record(module=module, actor=None, given_on=datetime.date(2026, 4, 2), text=STATEMENT)
    other = ForumFactory(municipality=forum.municipality)
    client.force_login(staff[Role.OFFICER])
    response = client.post(staff_url(module, "choose"), {"forum": other.pk})
    assert response.status_code == 200 and "kan inte bytas" in response.content.decode()
    assert ForumChoice.objects.get().forum == forum


def test_another_municipalitys_forum_cannot_be_chosen(client, module, staff, other_municipality):
    foreign = ForumFactory(municipality=other_municipality)
    client.force_login(staff[Role.OFFICER])
    response = client.post(staff_url(module, "choose"), {"forum": foreign.pk})
    assert response.status_code == 200 and not ForumChoice.objects.exists()


def test_another_municipalitys_module_is_404(client, module, other_municipality):
    from delaktig.organisations.tests.factories import StaffOf

    client.force_login(StaffOf(other_municipality)[Role.OFFICER])
    args = [other_municipality.slug, module.dialogue_id, module.pk]
    for name in ("index", "choose", "record", "pick"):
        assert client.get(reverse(f"forum_consultation_staff:{name}", args=args)).status_code == 404
    assert client.get(reverse("forum_consultation:index", args=args)).status_code == 404


def test_an_elected_official_reads_but_does_not_record(client, module, staff):
    client.force_login(staff[Role.ELECTED_OFFICIAL])
    assert client.get(staff_url(module, "index")).status_code == 200
    assert client.get(staff_url(module, "record")).status_code == 403
    assert client.post(staff_url(module, "choose"), {}).status_code == 403


def test_the_statement_reaches_the_results_workspace_and_the_decision_basis(client, module, staff):
    forum = ForumFactory(municipality=module.dialogue.municipality, name="Ungdomsrådet")
    services.forum_choose(module=module, forum=forum, actor=staff[Role.OFFICER])
    item = services.statement_record(
        module=module, actor=staff[Role.OFFICER], given_on=datetime.date(2026, 4, 2), text=STATEMENT
    )
    dialogue = module.dialogue
    client.force_login(staff[Role.OFFICER])
    workspace = client.get(reverse("results:inputs", args=[dialogue.municipality.slug, dialogue.pk]))
    assert workspace.status_code == 200 and STATEMENT in workspace.content.decode()
    ref = selectors.inputs(module)[0].ref
    theme = Theme.objects.create(dialogue=dialogue, name="Platsen")
    InputTag.objects.create(dialogue=dialogue, input_ref=ref, theme=theme)
    Quote.objects.create(dialogue=dialogue, input_ref=ref, text="nära busshållplatsen och har belysning", theme=theme)
    basis = basis_services.decision_basis_request(
        dialogue=dialogue, actor=staff[Role.OFFICER], assessment="Bedömning.", **report(dialogue, staff[Role.OFFICER])
    )
    gathered = content.gather(basis)
    assert gathered.total_inputs == 1 and gathered.untagged_count == 0
    assert [t.count for t in gathered.themes] == [1]
    assert "belysning" in str(gathered.themes[0])
    assert item.pk and ("Ungdomsrådets yttrande", "Samråd med ett stående forum") in gathered.modules


def test_the_statements_count_as_inputs_at_a_meeting_in_the_dialogues_figures(module):
    services.forum_choose(module=module, forum=ForumFactory(municipality=module.dialogue.municipality), actor=None)
    services.statement_record(module=module, actor=None, given_on=datetime.date(2026, 4, 2), text=STATEMENT)
    figures = dialogue_figures(module.dialogue)
    assert (figures.inputs, figures.inputs_offline, figures.inputs_online) == (1, 1, 0)
    assert selectors.input_channels(module) == {"meeting": 1}
