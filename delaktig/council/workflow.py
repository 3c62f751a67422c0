"""A question's status as one table: the presidium approves or refuses it, then the answer is recorded.

Who decides: the presidium of the body the question is put to (a pseudo-actor: a Membership with role
presidium on that body), and the municipality's democracy officers and administrators. The asker is mailed after
each step, once the step is committed.
"""

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from delaktig.core.workflow import Lifecycle, Step
from delaktig.core.workflow import TransitionRefused as TransitionRefused  # callers catch workflow.TransitionRefused
from delaktig.organisations.models import Role

from .models import Status
from .selectors import in_presidium_of
from .tasks import question_decided_send

PRESIDIUM = "presidium"  # the presidium of the question's body
ASKER = "asker"  # the person who asked
DECIDERS = frozenset({PRESIDIUM, Role.DEMOCRACY_OFFICER, Role.ADMINISTRATOR})
RECORDERS = frozenset({*DECIDERS, Role.REGISTRAR})
PLANNERS = frozenset({Role.ADMINISTRATOR, Role.DEMOCRACY_OFFICER, Role.REGISTRAR})  # keep the meetings calendar


def is_asker(actor, question):
    return getattr(actor, "is_authenticated", False) and question.asker_id == actor.pk


def reason_given(question, note):
    return [] if question.refusal_reason else [_("Choose why the question is not approved.")]


def answer_given(question, note):
    missing = []
    if not question.answer.strip():
        missing.append(_("Write the answer."))
    if not question.answered_by.strip():
        missing.append(_("Write who answered."))
    return missing


def before_the_meeting(question, note):
    if question.meeting.starts_at <= timezone.now():
        return [_("The meeting has begun; the question can no longer be withdrawn.")]
    return []


def meeting_has_begun(question, note):
    if question.meeting.starts_at > timezone.now():
        return [_("The answer can be recorded once the meeting has begun.")]
    return []


def stamp_answer(question, move):
    question.answered_on = question.answered_on or timezone.localdate()


def clear_refusal(question, move):
    question.refusal_reason, question.refusal_text = "", ""


TRANSITIONS = {
    (Status.SUBMITTED, Status.APPROVED): Step(
        name="approve",
        label=gettext_lazy("Approve the question"),
        actors=DECIDERS,
        effects=(clear_refusal,),
        timeline=gettext_lazy("The question is approved for question time"),
    ),
    (Status.SUBMITTED, Status.REFUSED): Step(
        name="refuse",
        label=gettext_lazy("Do not approve"),
        actors=DECIDERS,
        guards=(reason_given,),
    ),
    (Status.APPROVED, Status.ANSWERED): Step(
        name="answer",
        label=gettext_lazy("Record the answer"),
        actors=RECORDERS,
        guards=(answer_given, meeting_has_begun),
        effects=(stamp_answer,),
        timeline=gettext_lazy("The question is answered"),
    ),
    (Status.ANSWERED, Status.ANSWERED): Step(
        name="correct",
        label=gettext_lazy("Correct the answer"),
        actors=RECORDERS,
        guards=(answer_given,),
        effects=(stamp_answer,),
        timeline=gettext_lazy("The answer is corrected"),
    ),
    (Status.SUBMITTED, Status.MEETING_CANCELLED): Step(
        name="meeting_cancelled",
        label=gettext_lazy("Close because the meeting is cancelled"),
        actors=PLANNERS,
    ),
    (Status.APPROVED, Status.MEETING_CANCELLED): Step(
        name="meeting_cancelled",
        label=gettext_lazy("Close because the meeting is cancelled"),
        actors=PLANNERS,
        timeline=gettext_lazy("The meeting was cancelled"),
    ),
    (Status.SUBMITTED, Status.WITHDRAWN): Step(
        name="withdraw",
        label=gettext_lazy("Withdraw the question"),
        actors=frozenset({ASKER}),
    ),
    (Status.APPROVED, Status.WITHDRAWN): Step(
        name="withdraw",
        label=gettext_lazy("Withdraw the question"),
        actors=frozenset({ASKER}),
        guards=(before_the_meeting,),
        timeline=gettext_lazy("The asker withdrew the question"),
    ),
}


def tell_the_asker(question, move):
    if move.step.name in ("withdraw", "correct"):
        return  # the asker withdrew it and sees it on the page; a corrected answer is read where it is published
    question_id, step, language = question.pk, move.step.name, translation.get_language()
    transaction.on_commit(lambda: question_decided_send.enqueue(question_id=question_id, step=step, language=language))


def with_reason(question, move):
    return {"reason": question.refusal_reason} if move.step.name == "refuse" else {}


LIFECYCLE = Lifecycle(
    table=TRANSITIONS,
    action_prefix="council_question",
    state_field="status",
    stamp_field="status_changed_at",
    pseudo_actors={
        PRESIDIUM: lambda actor, question: in_presidium_of(actor, question.meeting.body),
        ASKER: lambda actor, question: is_asker(actor, question),
    },
    not_possible=gettext_lazy("This is not possible when the question is “%(status)s”."),
    role_refused=gettext_lazy("Your role does not allow this step."),
    audit_data=with_reason,
    after_save=(tell_the_asker,),
)

find = LIFECYCLE.find
next_steps = LIFECYCLE.next_steps
refusals = LIFECYCLE.refusals
transition = LIFECYCLE.transition
