"""The forums' public dataset: every statement of the municipality's standing forums, with the matter and what the
deciding body did with it. No member's name: the forum speaks."""

from django.utils.translation import gettext_lazy as _

from delaktig.core import hookspecs as core_hooks
from delaktig.core.contributions import Dataset, DatasetField, detail_by_pk, iso_or_none

from .models import Kind, Statement


def statement_rows(municipality, filters):
    found = Statement.objects.filter(consultation__forum__municipality=municipality)
    if filters.get("kind"):
        found = found.filter(consultation__forum__kind=filters["kind"])
    return found.select_related("consultation__forum", "consultation__deciding_body").order_by("pk")


def statement_row(statement):
    matter = statement.consultation
    return {
        "id": statement.pk,
        "forum": matter.forum.name,
        "kind": matter.forum.kind,
        "matter": matter.title,
        "asked_on": iso_or_none(matter.asked_on),
        "given_on": iso_or_none(statement.given_on),
        "text": statement.text,
        "deciding_body": matter.deciding_body.name if matter.deciding_body else None,
        "decided_on": iso_or_none(matter.responded_on),
        "response": matter.response or None,
    }


FORUM_STATEMENTS = Dataset(
    key="forum-statements",
    title=_("Statements of standing forums"),
    description=_(
        "What the municipality's standing councils and forums said on the matters they were asked about, and what "
        "the deciding body did with it. No names."
    ),
    fields=(
        DatasetField("id", "integer", _("The statement's number")),
        DatasetField("forum", "string", _("The forum")),
        DatasetField("kind", "string", _("Kind of forum: diversity, youth, pensioners, disability or other")),
        DatasetField("matter", "string", _("The matter the forum was asked about")),
        DatasetField("asked_on", "date", _("When the forum was asked")),
        DatasetField("given_on", "date", _("When the forum gave its statement")),
        DatasetField("text", "string", _("The text of the statement")),
        DatasetField("deciding_body", "string", _("The deciding body"), nullable=True),
        DatasetField("decided_on", "date", _("When the deciding body decided"), nullable=True),
        DatasetField("response", "string", _("What the deciding body did with the statement"), nullable=True),
    ),
    rows=statement_rows,
    to_row=statement_row,
    filters=(DatasetField("kind", "string", _("Only statements of this kind of forum")),),
    detail=detail_by_pk(statement_rows, statement_row),
    keywords=("råd", "forum", "yttranden"),
    order=56,
    extra={"choices": {"kind": tuple(Kind.values)}},
)


@core_hooks.open_data_datasets.register
def forum_datasets():
    return [FORUM_STATEMENTS]
