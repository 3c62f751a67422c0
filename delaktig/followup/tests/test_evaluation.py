"""The structured staff evaluation: its fields on the dialogue's evaluation page, the guard of the step "evaluate",
bad input, and what the public and staff pages show."""

import pytest

from delaktig.core.audit import audit_events_for
from delaktig.dialogues import workflow
from delaktig.dialogues.models import State
from delaktig.dialogues.tests.factories import dialogue_in_state, evaluate, keep
from delaktig.dialogues.tests.staff_support import staff_url
from delaktig.followup import selectors
from delaktig.followup.models import Answer, Evaluation, Reach, TargetGroupReach
from delaktig.organisations.models import Role, TargetGroup
from delaktig.organisations.tests.factories import MunicipalityFactory, staff_for

pytestmark = pytest.mark.django_db

PAGE = "staff_evaluation"


@pytest.fixture
def officer(client, staff):
    client.force_login(staff[Role.OFFICER])
    return staff[Role.OFFICER]


@pytest.fixture
def dialogue(municipality):
    """Feedback published, with two target groups in its plan."""
    dialogue = dialogue_in_state(State.FEEDBACK_PUBLISHED, municipality=municipality)
    dialogue.target_groups.set(municipality.target_groups.order_by("name")[:2])
    return dialogue


def groups(dialogue):
    return list(dialogue.target_groups.order_by("name"))


def complete(dialogue, **changes):
    """Everything the step needs, as the page's form sends it."""
    data = {
        "purpose_achieved": "yes",
        "purpose_comment": "",
        "methods_right": "partly",
        "methods_comment": "Mötena låg på dagtid.",
        "lessons": "Nästa gång håller vi mötena på kvällen.",
        "participants_summary": "",
        "step": "evaluate",
    }
    first, second = groups(dialogue)
    data.update({f"reach_{first.pk}": "reached", f"reach_{second.pk}": "not_reached"})
    data.update({f"reach_{second.pk}_comment": "Ingen från gruppen kom."})
    data.update(changes)
    return data


def test_the_page_asks_about_purpose_methods_each_target_group_and_lessons(client, officer, dialogue):
    html = client.get(staff_url(PAGE, dialogue)).content.decode()
    for name in ("purpose_achieved", "purpose_comment", "methods_right", "methods_comment", "lessons"):
        assert f'name="{name}"' in html, name
    for group in groups(dialogue):
        assert f'name="reach_{group.pk}"' in html and f"Nådde vi målgruppen ”{group.name}”?" in html
    assert "Syftet i planen: Att få veta vad invånarna vill." in html
    assert 'name="participants_summary"' in html and "(frivilligt)" in html
    assert 'value="partly"' in html and "Delvis nådd" in html
    for reason in ("Svara på om syftet uppnåddes.", "Svara på om metoderna var rätt.", "Skriv lärdomarna."):
        assert reason in html  # missing before the next step, in words


def test_a_complete_evaluation_is_saved_and_the_dialogue_is_evaluated(client, officer, dialogue):
    response = client.post(staff_url(PAGE, dialogue), complete(dialogue))
    assert response.status_code == 302
    dialogue.refresh_from_db()
    assert dialogue.state == State.EVALUATED
    evaluation = Evaluation.objects.get(dialogue=dialogue)
    assert (evaluation.purpose_achieved, evaluation.methods_right) == (Answer.YES, Answer.PARTLY)
    assert evaluation.lessons == "Nästa gång håller vi mötena på kvällen."
    first, second = groups(dialogue)
    reaches = {reach.target_group_id: (reach.reached, reach.comment) for reach in evaluation.reaches.all()}
    assert reaches == {first.pk: ("reached", ""), second.pk: ("not_reached", "Ingen från gruppen kom.")}
    update = audit_events_for(dialogue).get(action="dialogue.update")
    assert {"lessons", "purpose_achieved", f"reach_{first.pk}"} <= set(update.data["fields"])
    assert audit_events_for(dialogue).filter(action="dialogue.evaluate").exists()


def test_the_step_is_refused_naming_what_is_missing_and_the_draft_is_kept(client, officer, dialogue):
    first, second = groups(dialogue)
    data = complete(dialogue, purpose_achieved="no", lessons="", **{f"reach_{first.pk}": ""})
    data[f"reach_{second.pk}_comment"] = ""
    response = client.post(staff_url(PAGE, dialogue), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Skriv i kommentaren varför syftet bara delvis uppnåddes eller inte uppnåddes." in html
    assert f"Svara på om vi nådde målgruppen ”{first.name}”." in html
    assert f"Skriv i kommentaren varför vi bara delvis nådde eller inte nådde målgruppen ”{second.name}”." in html
    assert "Skriv lärdomarna." in html
    assert "Svara på om metoderna var rätt." not in html  # answered, with its reason
    dialogue.refresh_from_db()
    assert dialogue.state == State.FEEDBACK_PUBLISHED
    evaluation = Evaluation.objects.get(dialogue=dialogue)  # the draft was saved before the step was tried
    assert evaluation.purpose_achieved == Answer.NO and evaluation.methods_comment == "Mötena låg på dagtid."


def test_a_draft_with_nothing_written_makes_no_row(client, officer, dialogue):
    data = dict.fromkeys(complete(dialogue), "")
    assert client.post(staff_url(PAGE, dialogue), data).status_code == 302
    assert not Evaluation.objects.filter(dialogue=dialogue).exists()


def test_each_reason_goes_once_its_answer_is_given(dialogue, staff):
    first, second = groups(dialogue)
    assert selectors.evaluation_missing(dialogue) == [
        "Svara på om syftet uppnåddes.",
        "Svara på om metoderna var rätt.",
        f"Svara på om vi nådde målgruppen ”{first.name}”.",
        f"Svara på om vi nådde målgruppen ”{second.name}”.",
        "Skriv lärdomarna.",
    ]
    evaluation = keep(Evaluation.of(dialogue), purpose_achieved=Answer.PARTLY, methods_right=Answer.YES)
    TargetGroupReach.objects.create(evaluation=evaluation, target_group=first, reached=Reach.PARTLY, comment="Få.")
    TargetGroupReach.objects.create(evaluation=evaluation, target_group=second, reached=Reach.NOT_REACHED)
    assert selectors.evaluation_missing(dialogue) == [
        "Skriv i kommentaren varför syftet bara delvis uppnåddes eller inte uppnåddes.",
        f"Skriv i kommentaren varför vi bara delvis nådde eller inte nådde målgruppen ”{second.name}”.",
        "Skriv lärdomarna.",
    ]
    evaluate(dialogue, purpose=Answer.PARTLY, methods=Answer.NO, reached=Reach.PARTLY)
    assert selectors.evaluation_missing(dialogue) == []
    workflow.transition(dialogue, "evaluate", actor=staff[Role.OFFICER])
    assert dialogue.state == State.EVALUATED


@pytest.mark.parametrize(
    "field",
    ["purpose_achieved", "methods_right", "reach"],
)
def test_a_tampered_answer_is_refused_in_swedish_and_what_was_typed_is_kept(client, officer, dialogue, field):
    name = f"reach_{groups(dialogue)[0].pk}" if field == "reach" else field
    response = client.post(staff_url(PAGE, dialogue), complete(dialogue, **{name: "kanske"}))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="error-summary"' in html and "Välj ett av svaren i listan." in html
    assert "Nästa gång håller vi mötena på kvällen." in html and "Mötena låg på dagtid." in html
    assert not Evaluation.objects.filter(dialogue=dialogue).exists()
    dialogue.refresh_from_db()
    assert dialogue.state == State.FEEDBACK_PUBLISHED


def test_too_long_texts_are_refused_and_kept(client, officer, dialogue):
    response = client.post(staff_url(PAGE, dialogue), complete(dialogue, purpose_comment="x" * 2001))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="error-summary"' in html and "Kommentar om syftet" in html
    assert not Evaluation.objects.filter(dialogue=dialogue).exists()
    response = client.post(staff_url(PAGE, dialogue), complete(dialogue, lessons="y" * 10_001))
    assert response.status_code == 200 and 'class="error-summary"' in response.content.decode()


def test_answers_about_groups_outside_the_plan_are_ignored_and_old_ones_go(client, officer, dialogue, municipality):
    outside = TargetGroup.objects.create(municipality=municipality, name="Äldre")  # not in the plan
    evaluation = keep(Evaluation.of(dialogue), lessons="Först.")
    TargetGroupReach.objects.create(evaluation=evaluation, target_group=outside, reached=Reach.REACHED)
    foreign = TargetGroup.objects.create(municipality=MunicipalityFactory(), name="Någon annans")
    data = complete(dialogue, **{f"reach_{outside.pk}": "reached", f"reach_{foreign.pk}": "reached"})
    assert client.post(staff_url(PAGE, dialogue), data).status_code == 302
    stored = set(TargetGroupReach.objects.filter(evaluation__dialogue=dialogue).values_list("target_group", flat=True))
    assert stored == {group.pk for group in groups(dialogue)}


def test_a_dialogue_without_target_groups_needs_none(dialogue, staff):
    dialogue.target_groups.clear()
    keep(Evaluation.of(dialogue), purpose_achieved=Answer.YES, methods_right=Answer.YES, lessons="Bra.")
    workflow.transition(dialogue, "evaluate", actor=staff[Role.OFFICER])
    assert dialogue.state == State.EVALUATED


def test_another_municipalitys_evaluation_page_is_404(client, dialogue, other_municipality):
    client.force_login(staff_for(other_municipality)[Role.OFFICER])
    assert client.get(staff_url(PAGE, dialogue)).status_code == 404
    assert client.post(staff_url(PAGE, dialogue), complete(dialogue)).status_code == 404
    assert not Evaluation.objects.filter(dialogue=dialogue).exists()


# --- What is shown ----------------------------------------------------------------------------------------------


def test_the_public_page_shows_the_evaluation_once_the_dialogue_is_evaluated(client, dialogue, staff):
    evaluate(dialogue, methods=Answer.PARTLY, reached=Reach.NOT_REACHED, participants_summary="De flesta vill igen.")
    html = client.get(dialogue.get_absolute_url()).content.decode()
    assert "Vår utvärdering" not in html  # not evaluated yet
    workflow.transition(dialogue, "evaluate", actor=staff[Role.OFFICER])
    html = client.get(dialogue.get_absolute_url()).content.decode()
    assert 'id="evaluation"' in html and "Hur gick dialogen? Vår utvärdering" in html
    assert "Uppnådde vi syftet?" in html and "Var metoderna rätt?" in html and "Fel tid på dygnet." in html
    for group in groups(dialogue):
        assert group.name in html.split('id="evaluation"')[1]
    assert "Inte nådd" in html and "För få kom." in html and '<th scope="col">Kommentar</th>' in html
    assert "Det här lärde vi oss" in html and "Dialogen nådde många unga." in html
    assert "Vad deltagarna tyckte om dialogen" in html and "De flesta vill igen." in html


def test_an_evaluation_from_before_shows_its_lessons_only(client, municipality):
    dialogue = dialogue_in_state(State.EVALUATED, municipality=municipality)
    Evaluation.objects.filter(dialogue=dialogue).update(purpose_achieved="", methods_right="")
    TargetGroupReach.objects.filter(evaluation__dialogue=dialogue).delete()
    html = client.get(dialogue.get_absolute_url()).content.decode()
    section = html.split('id="evaluation"')[1]
    assert "Dialogen nådde många unga." in section
    assert "Uppnådde vi syftet?" not in section and "Nådde vi målgrupperna" not in section


def test_the_staff_page_shows_the_evaluation_in_words(client, officer, dialogue):
    evaluate(dialogue, purpose=Answer.PARTLY, reached=Reach.PARTLY)
    html = client.get(dialogue.get_staff_url()).content.decode()
    assert "Syftet uppnått: Delvis – Bara delvis." in html
    assert f"{groups(dialogue)[0].name}: Delvis nådd – För få kom." in html
    assert "Lärdomar: Dialogen nådde många unga." in html


def test_the_audit_log_lists_the_change_without_keys(client, officer, dialogue):
    client.post(staff_url(PAGE, dialogue), complete(dialogue))
    response = client.get(staff_url("staff_audit", dialogue))
    assert response.status_code == 200
    assert "reach_" not in response.content.decode() and "purpose_achieved" not in response.content.decode()
