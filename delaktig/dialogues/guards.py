"""Guards for the dialogue lifecycle: guard(dialogue, note) returns what is missing, in words staff understand.

What the later stages need written is kept by the apps that own those stages: the guards ask them through the hook
`dialogue_step_missing`, by the guard's name.
"""

from django.utils.translation import gettext as _

from delaktig.organisations import ladders
from delaktig.organisations.models import Decision

from . import hookspecs as dialogue_hooks
from .models import Kind


def _kept_elsewhere(dialogue, guard):
    """What outer apps' records of the dialogue miss for `guard` (hook `dialogue_step_missing`)."""
    found = (hook(dialogue, guard) for hook in dialogue_hooks.dialogue_step_missing.implementations())
    return [reason for reasons in found for reason in (reasons or ())]


def checklist_complete(dialogue, note):
    answered = {a.question_id for a in dialogue.checklist_answers.all() if a.answer.strip()}
    missing = [
        q
        for q in dialogue.municipality.checklist_questions.filter(is_active=True, required=True)
        if q.pk not in answered
    ]
    return [_("Answer the checklist question: %(q)s") % {"q": q.text} for q in missing]


def question_influenceable(dialogue, note):
    if dialogue.is_influenceable is None:
        return [_("State whether the question is open to influence.")]
    if dialogue.is_influenceable is False:
        return [
            _(
                "The question is not open to influence, so it cannot be a citizen dialogue. "
                "Inform residents instead: cancel this initiative and create an information activity."
            )
        ]
    return []


def decision_recorded(dialogue, note):
    missing = []
    expected = dialogue.municipality.get_deciding_body()
    decision = dialogue.decision_to_hold or Decision()
    if not decision.body_id:
        missing.append(_("Give the body that decided."))
    elif expected and decision.body_id != expected.pk:
        missing.append(_("Only %(body)s decides on citizen dialogues in this municipality.") % {"body": expected.name})
    if not decision.date:
        missing.append(_("Give the date of the meeting."))
    if not decision.minute_item.strip():
        missing.append(_("Give the minute item (for example § 45)."))
    if not decision.number.strip():
        missing.append(_("Give the registration number."))
    return missing


def plan_complete(dialogue, note):
    missing = []
    valid = {level.key for level in ladders.levels_for(dialogue.municipality.ladder_profile)}
    if dialogue.ladder_level not in valid:
        missing.append(_("Choose the level on the participation ladder."))
    elif dialogue.kind == Kind.INFORMATION and dialogue.ladder_level != "information":
        missing.append(_("An information activity is on the level “information”."))
    elif dialogue.kind != Kind.INFORMATION and dialogue.ladder_level == "information":
        missing.append(
            _("A dialogue must give some influence. Choose a higher level, or make it an information activity.")
        )
    text_fields = [("purpose", _("Describe the purpose."))]
    if dialogue.kind != Kind.INFORMATION:
        text_fields += [
            ("open_for_influence", _("Describe what residents can influence.")),
            ("fixed", _("Describe what is already decided.")),
            ("input_use", _("Describe how the input will be used.")),
        ]
    text_fields += [
        ("contact_name", _("Give a contact person.")),
        ("contact_email", _("Give the contact person's e-mail address.")),
    ]
    missing += [message for name, message in text_fields if not getattr(dialogue, name).strip()]
    if not dialogue.target_groups.exists():
        missing.append(_("Choose at least one target group."))
    if not dialogue.starts_on or not dialogue.ends_on:
        missing.append(_("Give the dates when the dialogue opens and closes."))
    elif dialogue.ends_on < dialogue.starts_on:
        missing.append(_("The closing date must come after the opening date."))
    return missing


def has_participation_module(dialogue, note):
    if dialogue.kind == Kind.INFORMATION:
        return []
    modules = dialogue.modules.prefetch_related("phases")
    if not any(module.phases.all() for module in modules):
        return [_("Add at least one way to take part (a method with a phase).")]
    return []


def results_compiled(dialogue, note):
    return _kept_elsewhere(dialogue, "results_compiled")


def matter_decision_recorded(dialogue, note):
    missing = []
    decision = dialogue.decision_in_matter or Decision()
    if not decision.body_id:
        missing.append(_("Give the body that decided the matter."))
    if not decision.date:
        missing.append(_("Give the date of the decision."))
    if not decision.text.strip():
        missing.append(_("Describe the decision."))
    return missing + _kept_elsewhere(dialogue, "matter_decision_recorded")


def feedback_written(dialogue, note):
    return _kept_elsewhere(dialogue, "feedback_written")


def evaluation_written(dialogue, note):
    return _kept_elsewhere(dialogue, "evaluation_written")


def cancel_reason_given(dialogue, note):
    return [] if dialogue.cancel_reason.strip() else [_("Give a reason for cancelling.")]
