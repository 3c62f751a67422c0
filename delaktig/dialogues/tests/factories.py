import datetime

import factory
from django.utils import timezone

from delaktig.dialogues.models import ChecklistAnswer, Dialogue, Kind, State
from delaktig.followup.models import Answer, Evaluation, Outcome, Reach, TargetGroupReach
from delaktig.organisations.models import Decision
from delaktig.organisations.services import decision_record
from delaktig.organisations.tests.factories import MunicipalityFactory
from delaktig.results.models import CompiledResults

# The fields each state has filled in, in order; a dialogue in a later state has all earlier ones.
STATE_ORDER = [
    State.INITIATIVE,
    State.ASSESSED,
    State.DECIDED,
    State.PLANNED,
    State.OPEN,
    State.CLOSED,
    State.RESULTS_COMPILED,
    State.MATTER_DECIDED,
    State.FEEDBACK_PUBLISHED,
    State.EVALUATED,
]


class DialogueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Dialogue

    municipality = factory.SubFactory(MunicipalityFactory)
    kind = Kind.CITIZEN_DIALOGUE
    title = factory.Sequence(lambda n: f"Hur ska parken i centrum användas? ({n})")
    question = "Vad vill du kunna göra i parken?"
    background = "Parken ska rustas upp 2027."


def fill_for_state(dialogue, state):
    """Give `dialogue` everything it needs to have reached `state` (used by tests and demo data)."""
    reached = STATE_ORDER[: STATE_ORDER.index(state) + 1] if state in STATE_ORDER else [State.INITIATIVE]
    muni = dialogue.municipality
    today = timezone.localdate()
    if State.ASSESSED in reached or (dialogue.kind != Kind.CITIZEN_DIALOGUE and State.PLANNED in reached):
        dialogue.is_influenceable = True
        for q in muni.checklist_questions.all():
            ChecklistAnswer.objects.update_or_create(dialogue=dialogue, question=q, defaults={"answer": "Ja, se plan."})
    if State.DECIDED in reached and dialogue.kind == Kind.CITIZEN_DIALOGUE:
        dialogue.decision_to_hold = decision_record(
            municipality=muni,
            existing=dialogue.decision_to_hold,
            body=muni.get_deciding_body(),
            date=today - datetime.timedelta(days=90),
            minute_item="§ 45",
            number="KS 2026/123",
        )
    if State.PLANNED in reached:
        dialogue.ladder_level = "information" if dialogue.kind == Kind.INFORMATION else "dialogue"
        dialogue.purpose = "Att få veta vad invånarna vill."
        dialogue.open_for_influence = "Vilka aktiviteter parken ska ha."
        dialogue.fixed = "Budgeten och parkens gränser."
        dialogue.input_use = "Sammanställs och blir en del av beslutsunderlaget."
        dialogue.contact_name = "Anna Andersson"
        dialogue.contact_email = "anna.andersson@example.se"
        dialogue.starts_on = today - datetime.timedelta(days=10)
        dialogue.ends_on = today + datetime.timedelta(days=20)
        dialogue.save()
        dialogue.target_groups.set(muni.target_groups.all()[:1])
    if State.OPEN in reached:
        dialogue.opened_at = timezone.now() - datetime.timedelta(days=10)
    if State.CLOSED in reached:
        dialogue.closed_at = timezone.now() - datetime.timedelta(days=1)
        dialogue.set_feedback_due(dialogue.closed_at)
    if State.RESULTS_COMPILED in reached:
        keep(CompiledResults.of(dialogue), summary="De flesta vill ha fler bänkar och en lekplats.")
    if State.MATTER_DECIDED in reached:
        dialogue.decision_in_matter = decision_record(
            municipality=muni,
            existing=dialogue.decision_in_matter,
            body=muni.get_deciding_body(),
            date=today,
            text="Parken rustas med lekplats och bänkar.",
        )
        keep(Outcome.of(dialogue), input_influence="Lekplatsen kom till tack vare förslagen.")
    if State.FEEDBACK_PUBLISHED in reached:
        keep(Outcome.of(dialogue), feedback="Tack för alla förslag! Så här gick det.")
        dialogue.feedback_published_at = timezone.now()
    if State.EVALUATED in reached:
        evaluate(dialogue)
    dialogue.state = state
    dialogue.save()
    return dialogue


def evaluate(dialogue, *, purpose=Answer.YES, methods=Answer.YES, reached=Reach.REACHED, **values):
    """A complete staff evaluation: the answers given, every target group of the plan `reached`, lessons."""
    evaluation = keep(
        Evaluation.of(dialogue),
        purpose_achieved=purpose,
        purpose_comment="" if purpose == Answer.YES else "Bara delvis.",
        methods_right=methods,
        methods_comment="" if methods == Answer.YES else "Fel tid på dygnet.",
        **{"lessons": "Dialogen nådde många unga.", **values},
    )
    for group in dialogue.target_groups.all():
        TargetGroupReach.objects.update_or_create(
            evaluation=evaluation,
            target_group=group,
            defaults={"reached": reached, "comment": "" if reached == Reach.REACHED else "För få kom."},
        )
    return evaluation


def keep(record, **values):
    """Write what results or followup keeps for a dialogue (a CompiledResults, an Outcome or an Evaluation, from
    `.of(dialogue)`)."""
    for name, value in values.items():
        setattr(record, name, value)
    record.save()
    return record


def dialogue_in_state(state, *, municipality=None, kind=Kind.CITIZEN_DIALOGUE, **kwargs):
    if municipality is not None:
        kwargs["municipality"] = municipality
    dialogue = DialogueFactory(kind=kind, **kwargs)
    return fill_for_state(dialogue, state)


def decision_change(dialogue, link, **parts):
    """Set some parts of one of the dialogue's decisions ("decision_to_hold" or "decision_in_matter"), creating it
    if there is none; the dialogue itself is not saved."""
    decision = getattr(dialogue, link) or Decision(municipality=dialogue.municipality)
    for name, value in parts.items():
        setattr(decision, name, value)
    decision.save()
    setattr(dialogue, link, decision)
    return decision
