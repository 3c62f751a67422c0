"""Open input's section of the yearly report (manifest `report_section`): inputs and comments by channel.

An input belongs to the year it was received (the date staff entered for paper, meetings and the like, else the
day it was written); a comment to the year it was written. Removed inputs and comments are left out.
"""

from django.db.models import Count, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, TruncDate
from django.utils.translation import gettext as _

from delaktig.core.contributions import Chart, ReportSection, Table
from delaktig.participation.models import Channel, Comment, ModerationStatus

from .models import Input
from .selectors import input_type

ORDER = 110


def open_input_report_section(municipality, year):
    inputs = _inputs(municipality, year)
    comments = _comments(municipality, year)
    if not inputs.exists() and not comments.exists():
        return None
    by_channel = _by_channel(inputs, comments)
    return ReportSection(
        key="open_input",
        title=_("Ideas and views (open input)"),
        order=ORDER,
        paragraphs=(
            _(
                "Ideas and views that residents wrote on the web, and what staff entered from paper, meetings, "
                "e-mail and phone, with the comments on them. An input counts in the year it was received. Removed "
                "inputs and comments are not counted."
            ),
        ),
        tables=(by_channel, _per_dialogue(inputs, comments)),
        charts=(Chart(_("Inputs and comments by channel"), by_channel, "barh"),),
    )


def _inputs(municipality, year):
    received = Input.objects.received().filter(municipality=municipality)
    return received.annotate(day=Coalesce("received_on", TruncDate("created_at"))).filter(day__year=year)


def _comments(municipality, year):
    dialogue = Input.objects.filter(pk=OuterRef("target_id")).values("module__dialogue_id")
    return (
        Comment.objects.filter(municipality=municipality, target_type=input_type(), created_at__year=year)
        .exclude(status=ModerationStatus.REJECTED)
        .annotate(dialogue_id=Subquery(dialogue, output_field=IntegerField()))
    )


def _by_channel(inputs, comments):
    counted_inputs = dict(inputs.order_by().values_list("channel").annotate(n=Count("id")))
    counted_comments = dict(comments.order_by().values_list("channel").annotate(n=Count("id")))
    rows = tuple(
        (str(label), counted_inputs.get(value, 0), counted_comments.get(value, 0))
        for value, label in Channel.choices
        if counted_inputs.get(value) or counted_comments.get(value)
    )
    return Table(_("Inputs and comments by channel"), (_("Channel"), _("Inputs"), _("Comments")), rows, "open-input")


def _per_dialogue(inputs, comments):
    per_input = (
        inputs.order_by()
        .values_list("module__dialogue_id", "module__dialogue__title")
        .annotate(total=Count("id"), offline=Count("id", filter=~Q(channel=Channel.ONLINE)))
    )
    per_comment = dict(comments.order_by().values_list("dialogue_id").annotate(n=Count("id")))
    rows = [(title, total - offline, offline, per_comment.pop(pk, 0)) for pk, title, total, offline in per_input]
    rows.sort(key=lambda row: row[0])
    return Table(
        _("Open input per dialogue"),
        (_("Dialogue"), _("Inputs online"), _("Inputs offline"), _("Comments")),
        tuple(rows),
        "open-input-dialogues",
    )
