"""Participatory budgeting's section of the yearly report (manifest `report_section`): proposals and ballots per
dialogue, and how much money residents decided over.

A proposal counts in the year it was written, a ballot in the year it was first cast. Removed proposals are left out.
"""

from django.db.models import Count, Sum
from django.utils.translation import gettext as _

from delaktig.core.contributions import ReportSection, Table

from .models import Ballot, Budget, Project

ORDER = 116


def budgeting_report_section(municipality, year):
    proposals = Project.objects.received().filter(municipality=municipality, created_at__year=year)
    ballots = Ballot.objects.filter(budget__module__dialogue__municipality=municipality, created_at__year=year)
    if not proposals.exists() and not ballots.exists():
        return None
    per_dialogue: dict[tuple[int, str], list[int]] = {}
    for dialogue, title, n in (
        proposals.order_by().values_list("module__dialogue", "module__dialogue__title").annotate(n=Count("id"))
    ):
        per_dialogue.setdefault((dialogue, title), [0, 0])[0] = n
    for dialogue, title, n in (
        ballots.order_by()
        .values_list("budget__module__dialogue", "budget__module__dialogue__title")
        .annotate(n=Count("id"))
    ):
        per_dialogue.setdefault((dialogue, title), [0, 0])[1] = n
    dialogues = [dialogue for dialogue, _title in per_dialogue]
    money = Budget.objects.filter(module__dialogue__in=dialogues).aggregate(total=Sum("amount"))["total"]
    rows = tuple(
        (title, counts[0], counts[1]) for (_dialogue, title), counts in sorted(per_dialogue.items(), key=_title)
    )
    table = Table(
        _("Participatory budgeting per dialogue"), (_("Dialogue"), _("Proposals"), _("Ballots")), rows, "budgeting"
    )
    return ReportSection(
        key="budgeting",
        title=_("Participatory budgeting"),
        order=ORDER,
        paragraphs=(
            _(
                "Residents proposed projects and voted on how to use %(money)s kronor. A proposal counts in the year "
                "it was written and a ballot in the year it was cast; removed proposals are not counted."
            )
            % {"money": money or 0},
        ),
        tables=(table,),
    )


def _title(item):
    (dialogue, title), _counts = item
    return (title, dialogue)
