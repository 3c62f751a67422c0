"""The feedback dataset for open data (hook `open_data_datasets`): what happened after each dialogue, once the
feedback is published. Never a name, an e-mail address or a user id."""

from django.utils.translation import gettext_lazy as _

from delaktig.core import hookspecs as core_hooks
from delaktig.core.contributions import Dataset, DatasetField, detail_by_pk, iso_or_none
from delaktig.dialogues.models import Dialogue
from delaktig.organisations.models import Decision

from .models import Outcome
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


@core_hooks.open_data_datasets.register
def feedback_datasets():
    return [FEEDBACK]
