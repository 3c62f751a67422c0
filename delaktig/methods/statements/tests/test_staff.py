"""Staff seed statements, moderate residents' statements (the central queue too) and start an analysis; what
the method gives the decision basis, the yearly report and open data."""

import pytest
from django.utils import timezone

from delaktig.core.contributions import Table
from delaktig.participation.models import ModerationStatus
from tests.e2e.support import sv

from ..models import Analysis, Statement
from ..opendata import STATEMENT_VOTES, statement_row, statement_rows
from ..report import decision_basis_tables, statements_report_section
from ..selectors import moderation_queue
from ..services import statement_create
from ..tasks import analysis_make
from .conftest import url
from .factories import statements_module
from .test_groups import voted  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def test_an_officer_seeds_a_statement_published_at_once(client, module, staff):
    client.force_login(staff["officer"])
    response = client.post(url("staff:statements", module), {"text": "Torget ska ha fler träd."}, follow=True)
    made = Statement.objects.get()
    assert made.seeded and made.status == ModerationStatus.PUBLISHED and made.entered_by == staff["officer"]
    assert made.reference in response.text
    too_long = client.post(url("staff:statements", module), {"text": "x" * 141})
    assert too_long.status_code == 200 and Statement.objects.count() == 1 and "error-summary" in too_long.text


def test_a_moderator_removes_a_statement_with_a_reason(
    client, municipality, staff, resident, django_capture_on_commit_callbacks
):
    module = statements_module(municipality=municipality, moderation="pre")
    waiting = statement_create(module=module, author=resident, text="Ett påstående att granska.")
    assert [item.text for item in moderation_queue(municipality)] == [waiting.text]
    client.force_login(staff["moderator"])
    page = client.get(url("staff:moderation", module))
    assert waiting.reference in page.text
    response = client.post(url("staff:moderate", module, waiting.pk), {"decision": "remove"})
    assert response.status_code == 200 and "error-summary" in response.text  # the reason is missing
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("staff:moderate", module, waiting.pk), {"decision": "remove", "reason": "off_topic"})
    waiting.refresh_from_db()
    assert waiting.status == ModerationStatus.REJECTED and moderation_queue(municipality) == []
    assert Analysis.objects.get(module=module).ran_at  # the moderation asked for a fresh analysis


def test_the_staff_overview_shows_figures_and_starts_an_analysis(client, module, voted, staff):  # noqa: F811
    client.force_login(staff["officer"])
    page = client.get(url("staff:index", module))
    assert (
        page.status_code == 200
        and sv("The votes have not been analysed yet. The opinion groups appear here once enough people have voted.")
        in page.text
    )
    client.post(url("staff:analyse", module))
    assert Analysis.objects.get(module=module).result["status"] == "groups"
    assert "<svg" in client.get(url("staff:index", module)).text


def test_an_elected_official_may_not_seed_or_moderate(client, module, staff):
    client.force_login(staff["elected_official"])
    assert client.get(url("staff:statements", module)).status_code == 403
    assert client.get(url("staff:moderation", module)).status_code == 403
    assert client.post(url("staff:analyse", module)).status_code == 403


def test_the_decision_basis_gets_counts_groups_and_consensus(module, voted):  # noqa: F811
    tables = decision_basis_tables(module)
    assert [table.key for table in tables] == ["statements-votes"]
    analysis_make(module_id=module.pk)
    tables = decision_basis_tables(module)
    assert [table.key for table in tables] == ["statements-votes", "statements-groups", "statements-consensus"]
    assert all(isinstance(table, Table) for table in tables)
    votes = tables[0]
    assert sum(row[4] for row in votes.rows) == 400 and all(row[1] + row[2] + row[3] == row[4] for row in votes.rows)
    assert sum(row[1] for row in tables[1].rows) == 40


def test_the_yearly_report_counts_statements_votes_and_groups(module, voted, municipality):  # noqa: F811
    analysis_make(module_id=module.pk)
    section = statements_report_section(municipality, timezone.now().year)
    (row,) = section.tables[0].rows
    assert row[1:] == (10, 400, 40, 2)
    assert statements_report_section(municipality, timezone.now().year - 1) is None


def test_open_data_counts_votes_per_statement_and_never_a_single_vote(module, voted, municipality):  # noqa: F811
    rows = [statement_row(item) for item in statement_rows(municipality, {})]
    assert len(rows) == 10 and sum(row["agree"] + row["disagree"] + row["pass"] for row in rows) == 400
    assert all(set(row) == {field.name for field in STATEMENT_VOTES.fields} for row in rows)
