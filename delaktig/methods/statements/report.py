"""What the statements give the decision basis (manifest `decision_basis_tables`) and the yearly report
(`report_section`): the votes on each statement counted, the opinion groups with what sets each apart, and the
statements every group shares. Counts and published statements only; never a single vote."""

from django.db.models import Count
from django.utils.translation import gettext as _

from delaktig.core.contributions import ReportSection, Table

from .analysis import GROUP_LETTERS
from .models import Statement, Vote
from .selectors import groups_view, statements_counted

ORDER = 115


def direction_words(direction):
    return _("Agrees") if direction == "agree" else _("Disagrees")


def percent(share):
    return f"{round(100 * share)} %"


def decision_basis_tables(module):
    """The votes on each published statement; with an analysis, the opinion groups and the consensus too."""
    counted = [item for item in statements_counted(module, cached=False) if item.vote_count]
    if not counted:
        return []
    tables = [votes_table(counted)]
    view = groups_view(module)
    if view and view["groups"]:
        tables += [groups_table(view), consensus_table(view)]
    return tables


def votes_table(counted):
    return Table(
        _("Votes on each statement"),
        (_("Statement"), _("Agree"), _("Disagree"), _("Pass / unsure"), _("Votes")),
        tuple((item.text, item.agree, item.disagree, item.passes, item.vote_count) for item in counted),
        "statements-votes",
    )


def groups_table(view):
    rows = []
    for group in view["groups"]:
        telling = "; ".join(
            f"{direction_words(item['direction'])} ({percent(item['share'])}): {item['text']}"
            for item in group["representative"]
        )
        rows.append((_("Group %(letter)s") % {"letter": group["label"]}, group["size"], telling))
    return Table(
        _("Opinion groups (analysis of %(date)s)") % {"date": view["analysis"].ran_at.date().isoformat()},
        (_("Group"), _("Participants"), _("What sets the group apart")),
        tuple(rows),
        "statements-groups",
    )


def consensus_table(view):
    letters = [GROUP_LETTERS[index] for index in range(len(view["groups"]))]
    rows = tuple(
        (
            item["text"],
            direction_words(item["direction"]),
            ", ".join(f"{letter} {percent(share)}" for letter, share in zip(letters, item["shares"], strict=False)),
        )
        for item in view["consensus"]
    )
    return Table(
        _("Statements all groups share"),
        (_("Statement"), _("All groups"), _("Share in each group")),
        rows,
        "statements-consensus",
    )


def statements_report_section(municipality, year):
    """The dialogues with statements in `year`: statements, votes, participants and opinion groups found."""
    statements = Statement.objects.received().filter(municipality=municipality, created_at__year=year)
    if not statements.exists():
        return None
    per_module = (
        statements.order_by()
        .values_list("module_id", "module__dialogue__title", "module__name")
        .annotate(n=Count("id"))
    )
    votes = dict(
        Vote.objects.filter(module__in=[row[0] for row in per_module], created_at__year=year)
        .order_by()
        .values_list("module_id")
        .annotate(n=Count("id"))
    )
    people = dict(
        Vote.objects.filter(module__in=[row[0] for row in per_module], created_at__year=year)
        .order_by()
        .values_list("module_id")
        .annotate(n=Count("user_id", distinct=True))
    )
    groups = _groups_found([row[0] for row in per_module])
    rows = sorted(
        (f"{title} – {name}", n, votes.get(pk, 0), people.get(pk, 0), groups.get(pk, 0))
        for pk, title, name, n in per_module
    )
    return ReportSection(
        key="statements",
        title=_("Statements and opinion groups"),
        order=ORDER,
        paragraphs=(
            _(
                "Residents wrote short statements and agreed, disagreed or passed on each other's. The votes are "
                "analysed into opinion groups: people who vote alike. Removed statements are not counted."
            ),
        ),
        tables=(
            Table(
                _("Statements per dialogue"),
                (_("Dialogue"), _("Statements to vote on"), _("Votes"), _("Participants"), _("Opinion groups")),
                tuple(rows),
                "statements",
            ),
        ),
    )


def _groups_found(module_ids):
    from .models import Analysis

    found = {}
    for module_id, result in Analysis.objects.filter(module_id__in=module_ids).values_list("module_id", "result"):
        found[module_id] = len((result or {}).get("groups") or [])
    return found
