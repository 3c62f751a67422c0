"""Follow-up's datasets for open data (hook `open_data_datasets`): what happened after each dialogue, once the
feedback is published, and the staff evaluation of each dialogue with its target groups, once it is evaluated.
Never a name, an e-mail address or a user id."""

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from delaktig.core import hookspecs as core_hooks
from delaktig.core.contributions import Dataset, DatasetField, detail_by_pk, iso_or_none
from delaktig.dialogues.models import Dialogue, State
from delaktig.dialogues.selectors import staff_dialogues
from delaktig.organisations.models import Decision

from .models import Answer, Evaluation, Outcome, Reach, TargetGroupReach
from .selectors import FEEDBACK_STATES

YEAR_BOUNDS = (1900, 2999)


def _body_name(body):
    return body.name if body else None


def feedback_rows(municipality, filters):
    qs = Dialogue.objects.filter(
        municipality=municipality, state__in=FEEDBACK_STATES, feedback_published_at__isnull=False
    ).select_related("decision_in_matter__body", "municipality", "outcome")
    if "dialogue" in filters:
        qs = qs.filter(pk=filters["dialogue"])
    if "year" in filters:
        qs = qs.filter(feedback_published_at__year=filters["year"])
    return qs.order_by("feedback_published_at", "id")


def feedback_row(dialogue):
    decision = dialogue.decision_in_matter or Decision()
    outcome = Outcome.of(dialogue)
    return {
        "id": dialogue.pk,
        "dialogue_id": dialogue.pk,
        "title": dialogue.title,
        "feedback": outcome.feedback,
        "published_at": iso_or_none(dialogue.feedback_published_at),
        "input_influence": outcome.input_influence,
        "matter_decision": decision.text,
        "matter_body": _body_name(decision.body),
        "matter_decision_date": iso_or_none(decision.date),
        "url": dialogue.get_absolute_url(),
    }


FEEDBACK = Dataset(
    key="feedback",
    title=_("Feedback"),
    description=_(
        "What happened after each dialogue: the feedback to participants, how the input mattered, and the "
        "decision in the matter with the body that made it and when."
    ),
    fields=(
        DatasetField("id", "integer", _("Identifier (the same as the dialogue's)")),
        DatasetField("dialogue_id", "integer", _("The dialogue")),
        DatasetField("title", "string", _("Title of the dialogue")),
        DatasetField("feedback", "string", _("Feedback to participants")),
        DatasetField("published_at", "date-time", _("When the feedback was published")),
        DatasetField("input_influence", "string", _("How the input mattered")),
        DatasetField("matter_decision", "string", _("The decision in the matter")),
        DatasetField("matter_body", "string", _("The body that decided the matter"), nullable=True),
        DatasetField("matter_decision_date", "date", _("Date of the decision in the matter"), nullable=True),
        DatasetField("url", "string", _("The dialogue's page")),
    ),
    rows=feedback_rows,
    to_row=feedback_row,
    filters=(
        DatasetField("dialogue", "integer", _("Only the feedback of this dialogue")),
        DatasetField("year", "integer", _("Only feedback published this year")),
    ),
    detail=detail_by_pk(feedback_rows, feedback_row),
    keywords=("återkoppling", "medborgardialog", "beslut"),
    order=40,
    extra={"bounds": {"year": YEAR_BOUNDS}},
)


# The staff evaluation, once the dialogue is evaluated (docs/followup.md)


def _reached(value):
    return Count("staff_evaluation__reaches", filter=Q(staff_evaluation__reaches__reached=value))


def evaluation_rows(municipality, filters):
    qs = (
        staff_dialogues(municipality=municipality)
        .filter(state=State.EVALUATED, staff_evaluation__isnull=False)
        .select_related("staff_evaluation")
        .annotate(
            reached=_reached(Reach.REACHED), partly=_reached(Reach.PARTLY), not_reached=_reached(Reach.NOT_REACHED)
        )
    )
    if "dialogue" in filters:
        qs = qs.filter(pk=filters["dialogue"])
    if "year" in filters:
        qs = qs.filter(activity_year=filters["year"])
    if "purpose_achieved" in filters:
        qs = qs.filter(staff_evaluation__purpose_achieved=filters["purpose_achieved"])
    return qs.order_by("id")


def evaluation_row(dialogue):
    evaluation = Evaluation.of(dialogue)
    return {
        "id": dialogue.pk,
        "dialogue_id": dialogue.pk,
        "title": dialogue.title,
        "year": dialogue.activity_year,
        "body": dialogue.responsible_body_name,
        "purpose_achieved": evaluation.purpose_achieved or None,
        "purpose_comment": evaluation.purpose_comment,
        "methods_right": evaluation.methods_right or None,
        "methods_comment": evaluation.methods_comment,
        "target_groups_reached": dialogue.reached,
        "target_groups_partly_reached": dialogue.partly,
        "target_groups_not_reached": dialogue.not_reached,
        "lessons": evaluation.lessons,
        "participants_summary": evaluation.participants_summary,
        "url": dialogue.get_absolute_url(),
    }


EVALUATIONS = Dataset(
    key="evaluations",
    title=_("Evaluations of the dialogues"),
    description=_(
        "How each dialogue went, as the municipality evaluated it: was the purpose achieved, were the methods right, "
        "how many of the target groups in the plan were reached, and the lessons learned. Published once the "
        "dialogue is evaluated. Each target group is in the dataset evaluation-target-groups."
    ),
    fields=(
        DatasetField("id", "integer", _("Identifier (the same as the dialogue's)")),
        DatasetField("dialogue_id", "integer", _("The dialogue")),
        DatasetField("title", "string", _("Title of the dialogue")),
        DatasetField("year", "integer", _("The year of the dialogue (as in the yearly report)"), nullable=True),
        DatasetField("body", "string", _("The body responsible for the dialogue"), nullable=True),
        DatasetField(
            "purpose_achieved",
            "string",
            _("Was the purpose achieved: yes, partly or no (empty in evaluations written before the question existed)"),
            nullable=True,
        ),
        DatasetField("purpose_comment", "string", _("Comment on the purpose")),
        DatasetField("methods_right", "string", _("Were the methods right: yes, partly or no"), nullable=True),
        DatasetField("methods_comment", "string", _("Comment on the methods")),
        DatasetField("target_groups_reached", "integer", _("Target groups of the plan that were reached")),
        DatasetField("target_groups_partly_reached", "integer", _("Target groups of the plan partly reached")),
        DatasetField("target_groups_not_reached", "integer", _("Target groups of the plan not reached")),
        DatasetField("lessons", "string", _("Lessons learned")),
        DatasetField("participants_summary", "string", _("Summary of the participants' evaluation")),
        DatasetField("url", "string", _("The dialogue's page")),
    ),
    rows=evaluation_rows,
    to_row=evaluation_row,
    filters=(
        DatasetField("dialogue", "integer", _("Only the evaluation of this dialogue")),
        DatasetField("year", "integer", _("Only dialogues of this year")),
        DatasetField("purpose_achieved", "string", _("Only evaluations with this answer on the purpose")),
    ),
    detail=detail_by_pk(evaluation_rows, evaluation_row),
    keywords=("utvärdering", "medborgardialog", "målgrupper"),
    order=45,
    extra={"choices": {"purpose_achieved": tuple(Answer.values)}, "bounds": {"year": YEAR_BOUNDS}},
)


def reach_rows(municipality, filters):
    qs = (
        TargetGroupReach.objects.filter(
            evaluation__dialogue__municipality=municipality, evaluation__dialogue__state=State.EVALUATED
        )
        .exclude(reached="")
        .select_related("evaluation", "target_group")
    )
    if "dialogue" in filters:
        qs = qs.filter(evaluation__dialogue_id=filters["dialogue"])
    if "reached" in filters:
        qs = qs.filter(reached=filters["reached"])
    return qs.order_by("evaluation__dialogue_id", "target_group__name", "id")


def reach_row(reach):
    return {
        "id": reach.pk,
        "dialogue_id": reach.evaluation.dialogue_id,
        "target_group": reach.target_group.name,
        "reached": reach.reached,
        "comment": reach.comment,
    }


EVALUATION_TARGET_GROUPS = Dataset(
    key="evaluation-target-groups",
    title=_("Target groups reached"),
    description=_(
        "For each evaluated dialogue, each target group of its plan: was it reached, and why not when it was not."
    ),
    fields=(
        DatasetField("id", "integer", _("Identifier")),
        DatasetField("dialogue_id", "integer", _("The dialogue")),
        DatasetField("target_group", "string", _("The target group")),
        DatasetField("reached", "string", _("Was it reached: reached, partly or not_reached")),
        DatasetField("comment", "string", _("Why it was only partly reached or not reached")),
    ),
    rows=reach_rows,
    to_row=reach_row,
    filters=(
        DatasetField("dialogue", "integer", _("Only the target groups of this dialogue")),
        DatasetField("reached", "string", _("Only target groups with this answer")),
    ),
    detail=detail_by_pk(reach_rows, reach_row),
    keywords=("utvärdering", "målgrupper", "delaktighet"),
    order=46,
    extra={"choices": {"reached": tuple(Reach.values)}},
)


@core_hooks.open_data_datasets.register
def feedback_datasets():
    return [FEEDBACK, EVALUATIONS, EVALUATION_TARGET_GROUPS]
