"""Records and reports: the registry as CSV, the report on citizen proposals not decided, and its monthly e-mail."""

import csv
import datetime
import io

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from delaktig.core.models import AuditEvent
from delaktig.organisations.models import Role
from delaktig.proposals.models import Route, Status
from delaktig.proposals.selectors import settings_for
from delaktig.proposals.tests.factories import ProposalCaseFactory, ProposalFactory, RegistryEntryFactory

pytestmark = pytest.mark.django_db


def read_csv(response):
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def registry_url(municipality, **query):
    url = reverse("proposals:registry_csv", args=[municipality.slug])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def test_registry_csv_has_every_entry_of_the_municipality(client, municipality, other_municipality, staff):
    proposal = ProposalFactory(municipality=municipality, status=Status.COLLECTING)
    RegistryEntryFactory(
        municipality=municipality,
        registration_number="KS 2026/1",
        received_on=datetime.date(2026, 3, 2),
        sender_reference="rut@example.se",
        description="E-förslag: Fler bänkar; i parken",
        proposal=proposal,
    )
    RegistryEntryFactory(municipality=other_municipality, registration_number="KS 2026/99")
    client.force_login(staff[Role.REGISTRAR])
    response = client.get(registry_url(municipality))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rows = read_csv(response)
    assert rows[0] == ["Inkom", "Diarienummer", "Avsändarens referens", "Beskrivning", "Status"]  # headings in words
    assert rows[1][:4] == ["2026-03-02", "KS 2026/1", "rut@example.se", "E-förslag: Fler bänkar; i parken"]
    assert rows[1][4] == str(proposal.get_status_display())
    assert len(rows) == 2


def test_registry_csv_filters_on_the_date_received(client, municipality, staff):
    for day in (1, 15, 28):
        RegistryEntryFactory(municipality=municipality, received_on=datetime.date(2026, 2, day))
    client.force_login(staff[Role.DEMOCRACY_OFFICER])
    rows = read_csv(client.get(registry_url(municipality, date_from="2026-02-10", date_to="2026-02-28")))
    assert [row[0] for row in rows[1:]] == ["2026-02-15", "2026-02-28"]


@pytest.mark.parametrize(
    "query", [{"date_from": "2026-13-01"}, {"date_from": "igår"}, {"date_from": "2026-03-01", "date_to": "2026-02-01"}]
)
def test_registry_csv_with_bad_dates_explains_instead_of_failing(client, municipality, staff, query):
    client.force_login(staff[Role.REGISTRAR])
    response = client.get(registry_url(municipality, **query))
    assert response.status_code == 400
    assert "error-summary" in response.content.decode()


def citizen(municipality, *, days_left, status=Status.IN_PREPARATION, **kwargs):
    proposal = ProposalFactory(
        municipality=municipality,
        route=Route.CITIZEN_PROPOSAL,
        status=status,
        answer_deadline=timezone.localdate() + datetime.timedelta(days=days_left),
        **kwargs,
    )
    ProposalCaseFactory(proposal=proposal)
    return proposal


def test_unfinished_report_lists_undecided_citizen_proposals_with_deadlines(client, municipality, staff):
    late = citizen(municipality, days_left=-3, title="Sent förslag")
    soon = citizen(municipality, days_left=20, title="Snart förslag", status=Status.RECEIVED)
    citizen(municipality, days_left=5, title="Avgjort förslag", status=Status.DECIDED)
    ProposalFactory(municipality=municipality, status=Status.IN_PREPARATION, title="Ett e-förslag")
    client.force_login(staff[Role.ELECTED_OFFICIAL])
    response = client.get(reverse("proposals:unfinished_report", args=[municipality.slug]))
    html = response.content.decode()
    assert late.title in html and soon.title in html
    assert "Avgjort förslag" not in html and "Ett e-förslag" not in html
    assert html.index(late.title) < html.index(soon.title)
    assert 'class="overdue-text"' in html
    rows = read_csv(client.get(reverse("proposals:unfinished_report_csv", args=[municipality.slug])))
    assert [row[1] for row in rows[1:]] == ["Sent förslag", "Snart förslag"]
    assert rows[1][5] == "-3" and rows[2][5] == "20"
    assert rows[1][6] == municipality.get_deciding_body().name


def test_an_empty_report_says_so(client, municipality, staff):
    client.force_login(staff[Role.OFFICER])
    response = client.get(reverse("proposals:unfinished_report", args=[municipality.slug]))
    assert response.status_code == 200 and "notice--success" in response.content.decode()


@pytest.fixture
def report_ready(municipality, staff):
    municipality.contact_email = "kommunen@exempelby.se"
    municipality.save()
    rules = settings_for(municipality)
    rules.citizen_proposals_enabled = True
    rules.save()
    citizen(municipality, days_left=-1, title="Försenat förslag")
    return municipality


def report(day, *args):
    out = io.StringIO()
    call_command("proposals_report", "--date", day.isoformat(), *args, stdout=out)
    return out.getvalue()


def test_the_report_is_mailed_in_a_report_month_once(report_ready, staff):
    democracy_officer = staff[Role.DEMOCRACY_OFFICER]  # the report goes to the democracy officers too
    april = datetime.date(2026, 4, 1)
    output = report(april)
    assert f"{report_ready.slug}: report sent" in output
    message = mail.outbox[0]
    assert sorted(message.to) == sorted(["kommunen@exempelby.se", democracy_officer.email])
    assert "Försenat förslag" in message.body
    filename, content, mimetype = message.attachments[0]
    assert filename.endswith(".csv") and "Försenat förslag" in content and mimetype == "text/csv"
    assert AuditEvent.objects.filter(action="proposals.unfinished_report", data__period="2026-04").count() == 1
    assert "already sent" in report(datetime.date(2026, 4, 20))
    assert len(mail.outbox) == 1


def test_the_report_waits_for_a_report_month_unless_forced(report_ready):
    assert "not a report month" in report(datetime.date(2026, 5, 1))
    assert not mail.outbox
    assert "report sent" in report(datetime.date(2026, 5, 1), "--force")
    assert "report sent" in report(datetime.date(2026, 10, 2))
    assert len(mail.outbox) == 2


def test_the_report_follows_the_configured_months(report_ready):
    rules = settings_for(report_ready)
    rules.report_months = [3, 9]
    rules.save()
    assert "not a report month" in report(datetime.date(2026, 4, 1))
    assert "report sent" in report(datetime.date(2026, 3, 1), "--municipality", report_ready.slug)


def test_no_report_where_citizen_proposals_are_not_offered_and_none_wait(municipality):
    assert "not offered" in report(datetime.date(2026, 4, 1))
    assert not mail.outbox


def test_no_recipient_means_no_report_and_it_is_tried_again(municipality):
    rules = settings_for(municipality)
    rules.citizen_proposals_enabled = True
    rules.save()
    assert "no contact e-mail" in report(datetime.date(2026, 4, 1))
    assert not AuditEvent.objects.filter(action="proposals.unfinished_report").exists()


def test_the_command_refuses_bad_input(municipality):
    with pytest.raises(CommandError):
        call_command("proposals_report", "--date", "2026-02-31")
    with pytest.raises(CommandError):
        call_command("proposals_report", "--municipality", "finns-inte")


FORMULA = '=HYPERLINK("https://example.com","Klicka")'


def test_a_residents_formula_comes_out_as_text_in_the_registry_csv(client, municipality, staff):
    proposal = ProposalFactory(municipality=municipality, status=Status.COLLECTING, title=FORMULA)
    RegistryEntryFactory(
        municipality=municipality, description=FORMULA, sender_reference="+46701234567", proposal=proposal
    )
    client.force_login(staff[Role.REGISTRAR])
    rows = read_csv(client.get(registry_url(municipality)))
    assert rows[1][2:4] == ["'+46701234567", "'" + FORMULA]


def test_a_residents_formula_comes_out_as_text_in_the_unfinished_report_and_its_mail(client, report_ready, staff):
    citizen(report_ready, days_left=-2, title=FORMULA)
    client.force_login(staff[Role.OFFICER])
    rows = read_csv(client.get(reverse("proposals:unfinished_report_csv", args=[report_ready.slug])))
    assert "'" + FORMULA in [row[1] for row in rows]
    assert "-2" in [row[5] for row in rows]  # a number stays a number
    report(datetime.date(2026, 4, 1))
    _filename, content, _mimetype = mail.outbox[0].attachments[0]
    assert content.startswith("\ufeff")
    assert "'" + FORMULA in [row[1] for row in csv.reader(io.StringIO(content[1:]), delimiter=";")]
