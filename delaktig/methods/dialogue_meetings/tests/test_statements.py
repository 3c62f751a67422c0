"""After the meeting: the summary and people present, and what was said, which reaches the results workspace, the
dialogue's figures, open data and the yearly report beside the input given online."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from delaktig.core.models import AuditEvent
from delaktig.participation.figures import dialogue_figures
from delaktig.results.selectors import dialogue_inputs

from ..manifest import manifest
from ..models import Statement
from .conftest import url
from .factories import MeetingFactory, StatementFactory

pytestmark = pytest.mark.django_db

STATEMENT = {
    "group": "Bord 3",
    "text": "Bygg en varmvattenbassäng för äldre och för rehabilitering.",
    "channel": "meeting",
}


@pytest.fixture
def held(module):
    return MeetingFactory(module=module, past=True, title="Dialogmöte i Sunnemo")


@pytest.fixture
def officer(client, staff):
    client.force_login(staff["officer"])
    return staff["officer"]


def test_an_officer_records_what_was_said_table_by_table(client, held, officer):
    record = url("staff:statement_add", held.module, held.pk)
    response = client.post(record, STATEMENT)
    assert response.status_code == 302
    page = client.get(url("staff:record", held.module, held.pk)).content.decode()
    assert 'value="Bord 3"' in page  # the table stays for the next note
    client.post(record, {**STATEMENT, "text": "Längre öppettider på helgerna.", "channel": "paper"})
    first, second = Statement.objects.order_by("pk")
    assert (first.group, first.channel, first.meeting, first.entered_by) == ("Bord 3", "meeting", held, officer)
    assert first.title.startswith("Bygg en varmvattenbassäng") and second.channel == "paper"
    assert first.received_on == timezone.localdate(held.starts_at)
    assert first.occasion_key == f"dialogue_meetings:{held.pk}" and "Sunnemo" in first.occasion_label


def test_the_channel_is_kept_for_the_next_statement_as_the_group_is(client, held, officer):
    record = url("staff:statement_add", held.module, held.pk)
    client.post(record, {**STATEMENT, "channel": "paper"})
    page = client.get(url("staff:record", held.module, held.pk)).content.decode()
    assert _checked(page, "paper") and not _checked(page, "meeting") and 'value="Bord 3"' in page
    client.post(record, {**STATEMENT, "channel": "meeting", "group": "Bord 4"})
    page = client.get(url("staff:record", held.module, held.pk)).content.decode()
    assert _checked(page, "meeting") and not _checked(page, "paper") and 'value="Bord 4"' in page


def _checked(page, value):
    """Whether the radio button for `value` is checked."""
    import re

    (tag,) = re.findall(rf'<input type="radio" name="channel" value="{value}"[^>]*>', page)
    return "checked" in tag


def test_an_empty_statement_is_explained_and_nothing_is_lost(client, held, officer):
    response = client.post(url("staff:statement_add", held.module, held.pk), {**STATEMENT, "text": ""})
    page = response.content.decode()
    assert response.status_code == 200 and "error-summary" in page and 'value="Bord 3"' in page
    assert not Statement.objects.exists()


def test_nothing_is_recorded_before_the_meeting(client, module, officer):
    meeting = MeetingFactory(module=module)
    response = client.post(url("staff:statement_add", module, meeting.pk), STATEMENT)
    assert response.status_code == 200 and "inte ägt rum" in response.content.decode()
    assert not Statement.objects.exists()


def test_the_summary_and_the_people_present_by_age_and_gender(client, held, officer):
    data = {
        "summary": "Många ville ha en varmvattenbassäng.",
        "present_count": "23",
        "age_65_79": "9",
        "age_45_64": "8",
        "gender_woman": "14",
        "gender_man": "9",
    }
    assert client.post(url("staff:record", held.module, held.pk), data).status_code == 302
    held.refresh_from_db()
    assert held.present_count == 23 and held.present_by_age == {"65_79": 9, "45_64": 8}
    assert held.present_by_gender == {"woman": 14, "man": 9}
    assert manifest.stats(held.module)["present"] == 23
    public = client.get(held.get_absolute_url()).content.decode()
    assert "Många ville ha en varmvattenbassäng." in public and "23 personer kom." in public
    assert "Vilka som kom, efter ålder" in public and "färre än 5" not in public
    assert "<td>9</td>" in public and "<td>14</td>" in public


def test_counts_that_add_up_to_more_than_those_present_are_refused(client, held, officer):
    data = {"summary": "Kort.", "present_count": "5", "age_65_79": "9"}
    response = client.post(url("staff:record", held.module, held.pk), data)
    page = response.content.decode()
    assert response.status_code == 200 and "fler än antalet deltagare" in page and 'value="9"' in page
    held.refresh_from_db()
    assert held.present_count is None


def test_what_was_said_reaches_the_results_workspace_beside_online_input(held):
    StatementFactory(module=held.module, meeting=held, group="Bord 1", text="Fler bänkar vid bassängen.")
    (record,) = dialogue_inputs(held.module.dialogue)
    assert record.method == "dialogue_meetings" and record.channel == "meeting"
    assert record.text == "Bord 1: Fler bänkar vid bassängen." and record.reference.startswith("DM-")
    assert record.staff_url == url("staff:statement", held.module, held.pk, Statement.objects.get().pk)
    figures = dialogue_figures(held.module.dialogue)
    assert (figures.inputs, figures.inputs_offline) == (1, 1)


def test_the_results_workspace_reads_the_day_it_came_in(held):
    """The date entered, else the meeting's day; the workspace shows it instead of the day it was typed in."""
    said, noted = (StatementFactory(module=held.module, meeting=held) for _ in range(2))
    Statement.objects.filter(pk=noted.pk).update(received_on=datetime.date(2026, 11, 28))
    records = {record.ref: record for record in dialogue_inputs(held.module.dialogue)}
    assert records[f"dialogue_meetings:{said.pk}"].received_on == timezone.localdate(held.starts_at)
    assert records[f"dialogue_meetings:{noted.pk}"].received_on == datetime.date(2026, 11, 28)


def test_the_results_workspace_page_lists_it(client, held, staff):
    StatementFactory(module=held.module, meeting=held, text="Varmvattenbassäng, tack.")
    client.force_login(staff["democracy_officer"])
    dialogue = held.module.dialogue
    page = client.get(reverse("results:inputs", args=[dialogue.municipality.slug, dialogue.pk])).content.decode()
    assert "Varmvattenbassäng, tack." in page and "På ett möte" in page


def test_the_public_meeting_page_shows_what_was_said_without_names_in_an_anonymous_dialogue(client, held, staff):
    from ..desk import desk_save, occasion_of

    dialogue = held.module.dialogue
    dialogue.public_identity = "anonymous"
    dialogue.save(update_fields=["public_identity"])
    desk_save(
        held.module,
        {"text": "Bra möte.", "speaker_name": "Berit"},
        actor=staff["officer"],
        channel="meeting",
        received_on=timezone.localdate(),
        occasion=occasion_of(held),
        group="",
    )
    page = client.get(held.get_absolute_url()).content.decode()
    assert "Bra möte." in page and "Berit" not in page


def test_the_yearly_report_and_open_data_count_the_meeting(held):
    StatementFactory(module=held.module, meeting=held)
    Statement.objects.update(received_on=timezone.localdate())
    section = manifest.report_section(held.municipality, timezone.localdate(held.starts_at).year)
    (table,) = section.tables
    assert table.rows[0][1] == held.title and table.rows[0][5] == 1
    meetings, statements = manifest.datasets
    (row,) = [meetings.to_row(item) for item in meetings.rows(held.municipality, {})]
    assert row["statements"] == 1 and row["title"] == held.title
    (said,) = [statements.to_row(item) for item in statements.rows(held.municipality, {})]
    assert said["meeting_id"] == held.pk and "name" not in " ".join(said)


def test_the_people_counted_in_the_room_are_the_dialogues_people_offline_unless_staff_typed_a_number(held):
    from delaktig.reports.figures import participation_figures
    from delaktig.results.models import CompiledResults

    held.present_count = 36
    held.save()
    dialogue = held.module.dialogue
    assert manifest.people_counted(held.module) == 36
    assert dialogue_figures(dialogue).people_offline == 36
    assert participation_figures([dialogue]).rows[0][5] == 36  # the yearly report's column
    CompiledResults.objects.create(dialogue=dialogue, offline_participant_count=50)  # the whole count, typed
    assert participation_figures([dialogue]).rows[0][5] == 50


def test_export_rows_carry_no_names(held):
    StatementFactory(module=held.module, meeting=held, speaker_name="Berit Berg")
    (row,) = manifest.export_rows(held.module)
    assert "Berit" not in str(row) and row["meeting"] == held.title


def test_a_meeting_entered_by_date_only_has_no_meeting_but_still_counts(module, staff):
    from ..desk import desk_save

    item = desk_save(
        module,
        {"text": "Ringde in."},
        actor=staff["officer"],
        channel="paper",
        received_on=timezone.localdate() - datetime.timedelta(days=1),
        occasion=None,
        group="",
    )
    assert Statement.objects.get(pk=item.item_id).meeting is None
    assert manifest.input_channels(module) == {"paper": 1}
    assert AuditEvent.objects.filter(action="dialogue_meetings.statement_enter").count() == 1


def test_the_statement_page_lets_the_one_who_entered_it_undo_it(client, held, officer, staff):
    """ "Ångra", as at the desk, on the list and on the statement's page."""
    client.post(url("staff:statement_add", held.module, held.pk), STATEMENT)
    statement = Statement.objects.get()
    page = url("staff:statement", held.module, held.pk, statement.pk)
    assert "Ångra</button>" in client.get(page).content.decode()
    listed = client.get(url("staff:record", held.module, held.pk)).content.decode()
    assert "Ångra<span" in listed and "Ta tillbaka" not in listed and "ta tillbaka" not in listed
    client.force_login(staff["democracy_officer"])
    assert "Ångra</button>" not in client.get(page).content.decode()
    client.post(page)
    assert Statement.objects.exists()
    client.force_login(officer)
    response = client.post(page, follow=True)
    assert f"Ångrat: {statement.reference} är borttaget." in response.content.decode()
    assert not Statement.objects.exists()


def test_a_title_made_from_the_first_words_is_not_shown_twice(client, held, staff):
    from ..desk import desk_save, occasion_of

    long_text = "Behåll den stora bassängen för simklubben och skolorna, den behövs varje vecka."
    for data in ({"text": long_text}, {"text": "Kort.", "title": "Egen rubrik"}):
        desk_save(
            held.module,
            data,
            actor=staff["officer"],
            channel="meeting",
            received_on=timezone.localdate(),
            occasion=occasion_of(held),
            group="",
        )
    derived, own = Statement.objects.order_by("pk")
    assert not derived.has_own_title and own.has_own_title
    page = client.get(held.get_absolute_url()).content.decode()
    assert page.count("Behåll den stora bassängen") == 1 and "<h4>Egen rubrik</h4>" in page
