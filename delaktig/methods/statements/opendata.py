"""The statements' open dataset (manifest `datasets`): every published statement of a public dialogue with its
votes counted: agree, disagree and pass. Never a single vote, never who voted or wrote."""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from delaktig.core.contributions import Dataset, DatasetField, detail_by_pk
from delaktig.participation.datasets import in_public_dialogues

from .models import Statement
from .selectors import with_counts


def statement_rows(municipality, filters):
    qs = in_public_dialogues(Statement.objects.published(), municipality, filters)
    return with_counts(qs.select_related("module__dialogue__municipality")).order_by("id")


def statement_row(item):
    module = item.module
    path = reverse("statements:groups", args=[module.dialogue.municipality.slug, module.dialogue_id, module.pk])
    return {
        "id": item.pk,
        "dialogue_id": module.dialogue_id,
        "module_id": module.pk,
        "text": item.text,
        "written_by_staff": item.seeded,
        "created_on": item.created_at.date().isoformat(),
        "agree": item.agree,
        "disagree": item.disagree,
        "pass": item.passes,
        "url": settings.SITE_URL.rstrip("/") + path,
    }


STATEMENT_VOTES = Dataset(
    key="statement-votes",
    title=_("Votes on statements"),
    description=_(
        "Short statements in dialogues where residents agree, disagree or pass, each with its votes counted. "
        "Counts only: no single vote and no names."
    ),
    fields=(
        DatasetField("id", "integer", _("The statement's identifier")),
        DatasetField("dialogue_id", "integer", _("The dialogue")),
        DatasetField("module_id", "integer", _("The module (a way to take part)")),
        DatasetField("text", "string", _("The statement")),
        DatasetField("written_by_staff", "boolean", _("Written by the municipality to start the conversation")),
        DatasetField("created_on", "date", _("The day it came in")),
        DatasetField("agree", "integer", _("Number who agree")),
        DatasetField("disagree", "integer", _("Number who disagree")),
        DatasetField("pass", "integer", _("Number who passed")),
        DatasetField("url", "string", _("The page of the opinion groups")),
    ),
    rows=statement_rows,
    to_row=statement_row,
    filters=(
        DatasetField("dialogue", "integer", _("Only statements from this dialogue")),
        DatasetField("module", "integer", _("Only statements in this module")),
    ),
    detail=detail_by_pk(statement_rows, statement_row),
    keywords=("medborgardialog", "påståenden", "opinionsgrupper"),
    order=65,
)

DATASETS = (STATEMENT_VOTES,)
