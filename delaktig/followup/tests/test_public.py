"""Public follow-up: the feedback feed, "What happens now" on the dialogue page and the list of all measures."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import timezone

from delaktig.dialogues.models import Kind, State
from delaktig.dialogues.tests.factories import dialogue_in_state, keep
from delaktig.followup.models import Measure, MeasureStatus, MeasureUpdate, Outcome
from delaktig.followup.selectors import FEED_SIZE
from delaktig.results.models import Theme

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def feed_url(municipality):
    return reverse("followup:feed", args=[municipality.slug])


def published(municipality, title, days_ago=0, state=State.FEEDBACK_PUBLISHED, **kwargs):
    dialogue = dialogue_in_state(state, municipality=municipality, title=title, **kwargs)
    keep(Outcome.of(dialogue), feedback=f"Återkoppling om {title} <b>fet</b>")
    dialogue.feedback_published_at = timezone.now() - datetime.timedelta(days=days_ago)
    dialogue.save()
    return dialogue


def entries(client, municipality):
    response = client.get(feed_url(municipality))
    assert response.status_code == 200 and response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    return root, root.findall(f"{ATOM}entry")


# --- The feed ---------------------------------------------------------------------------------------------------


def test_the_feed_is_atom_with_published_feedback_newest_first(client, municipality, settings):
    settings.SITE_URL = "https://delaktig.example.se"
    older = published(municipality, "Badhuset", days_ago=3)
    newer = published(municipality, "Torget", days_ago=1, state=State.EVALUATED)
    root, items = entries(client, municipality)
    assert municipality.name in root.find(f"{ATOM}title").text
    assert [item.find(f"{ATOM}title").text for item in items] == ["Torget", "Badhuset"]
    first = items[0]
    assert first.find(f"{ATOM}summary").text == "Återkoppling om Torget &lt;b&gt;fet&lt;/b&gt;"
    assert first.find(f"{ATOM}link").get("href").startswith(f"http://testserver{newer.get_absolute_url()}")
    updated = datetime.datetime.fromisoformat(first.find(f"{ATOM}updated").text)
    assert abs(updated - newer.feedback_published_at) < datetime.timedelta(seconds=1)
    assert older.get_absolute_url() in items[1].find(f"{ATOM}link").get("href")


def test_the_feed_leaves_out_feedback_not_published_and_other_municipalities(client, municipality, other_municipality):
    published(municipality, "Vår")
    published(other_municipality, "Deras")
    dialogue_in_state(State.MATTER_DECIDED, municipality=municipality, title="Väntar")
    _root, items = entries(client, municipality)
    assert [item.find(f"{ATOM}title").text for item in items] == ["Vår"]


def test_the_feed_holds_the_newest_fifty(client, municipality):
    for number in range(FEED_SIZE + 2):
        published(municipality, f"Dialog {number}", days_ago=number)
    _root, items = entries(client, municipality)
    assert len(items) == FEED_SIZE and items[0].find(f"{ATOM}title").text == "Dialog 0"


def test_an_unknown_municipality_has_no_feed(client):
    assert client.get("/finns-inte/aterkoppling/flode.atom").status_code == 404


def test_the_dialogue_list_and_page_point_to_the_feed(client, municipality):
    dialogue = published(municipality, "Torget")
    link = f'<link rel="alternate" type="application/atom+xml" href="{feed_url(municipality)}"'
    assert link in client.get(reverse("dialogues:list", args=[municipality.slug])).content.decode()
    assert link in client.get(dialogue.get_absolute_url()).content.decode()


# --- What happens now on the dialogue page ----------------------------------------------------------------------


@pytest.fixture
def measure_of():
    def make(dialogue, **fields):
        measure = Measure.objects.create(dialogue=dialogue, title=fields.pop("title", "Ny lekplats"), **fields)
        return measure

    return make


@pytest.mark.parametrize(
    ("state", "shown"),
    [
        (State.CLOSED, False),
        (State.RESULTS_COMPILED, False),
        (State.MATTER_DECIDED, True),
        (State.FEEDBACK_PUBLISHED, True),
        (State.EVALUATED, True),
    ],
)
def test_measures_show_only_after_the_decision(client, municipality, measure_of, state, shown):
    dialogue = dialogue_in_state(state, municipality=municipality)
    measure_of(dialogue)
    html = client.get(dialogue.get_absolute_url()).content.decode()
    assert ('id="what-happens-now"' in html) is shown


def test_no_section_without_measures(client, municipality):
    dialogue = dialogue_in_state(State.FEEDBACK_PUBLISHED, municipality=municipality)
    assert 'id="what-happens-now"' not in client.get(dialogue.get_absolute_url()).content.decode()


def test_the_section_shows_status_progress_dates_themes_and_history(client, municipality, measure_of):
    dialogue = dialogue_in_state(State.FEEDBACK_PUBLISHED, municipality=municipality)
    measure = measure_of(
        dialogue,
        status=MeasureStatus.IN_PROGRESS,
        progress=60,
        starts_on=datetime.date(2026, 3, 1),
        due_on=datetime.date(2027, 5, 31),
        input_refs=["dummy_method:1", "dummy_method:2"],
    )
    measure.themes.set([Theme.objects.create(dialogue=dialogue, name="Trygghet för barn")])
    MeasureUpdate.objects.create(measure=measure, date=datetime.date(2026, 9, 1), text="Bygget har börjat.")
    html = client.get(dialogue.get_absolute_url()).content.decode()
    section = html[html.index('id="what-happens-now"') :]
    assert "Det här händer nu" in section and "Pågår" in section
    assert f'<progress id="measure-progress-{measure.pk}" max="100" value="60">' in section
    assert "60 % klart" in section
    assert "1 mars 2026" in section and "31 maj 2027" in section
    assert "Trygghet för barn" in section and "2 synpunkter från invånare" in section
    assert "Bygget har börjat." in section and "1 september 2026" in section


# --- All measures of the municipality ---------------------------------------------------------------------------


def implementation_url(municipality, query=""):
    return reverse("followup:implementation", args=[municipality.slug]) + query


def test_the_list_shows_decided_dialogues_measures_of_this_municipality(
    client, municipality, other_municipality, measure_of
):
    measure_of(dialogue_in_state(State.EVALUATED, municipality=municipality), title="Vår åtgärd")
    measure_of(dialogue_in_state(State.RESULTS_COMPILED, municipality=municipality), title="För tidigt")
    measure_of(dialogue_in_state(State.EVALUATED, municipality=other_municipality), title="Deras åtgärd")
    html = client.get(implementation_url(municipality)).content.decode()
    assert "Vår åtgärd" in html and "För tidigt" not in html and "Deras åtgärd" not in html
    assert "1 åtgärd hittades" in html


def test_the_list_filters_by_status_and_ignores_a_bad_filter(client, municipality, measure_of):
    dialogue = dialogue_in_state(State.FEEDBACK_PUBLISHED, municipality=municipality)
    measure_of(dialogue, title="Klar sak", status=MeasureStatus.DONE, progress=100)
    measure_of(dialogue, title="Planerad sak")
    html = client.get(implementation_url(municipality, "?status=done")).content.decode()
    assert "Klar sak" in html and "Planerad sak" not in html
    assert '<option value="done" selected>Klar (1)</option>' in html and "Pågår (0)" in html
    html = client.get(implementation_url(municipality, "?status=<script>")).content.decode()
    assert "Klar sak" in html and "Planerad sak" in html


def test_the_list_is_paginated(client, municipality, measure_of):
    dialogue = dialogue_in_state(State.FEEDBACK_PUBLISHED, municipality=municipality)
    for number in range(23):
        measure_of(dialogue, title=f"Åtgärd {number:02d}")
    first = client.get(implementation_url(municipality)).content.decode()
    second = client.get(implementation_url(municipality, "?page=2")).content.decode()
    assert first.count('class="card measure"') == 20 and second.count('class="card measure"') == 3
    assert 'rel="next"' in first
    assert client.get(implementation_url(municipality, "?page=999")).status_code == 200


def test_an_empty_list_says_what_comes(client, municipality):
    html = client.get(implementation_url(municipality)).content.decode()
    assert "Det finns inga åtgärder än." in html


def test_information_activities_have_no_feedback_in_the_feed(client, municipality):
    dialogue_in_state(State.OPEN, municipality=municipality, kind=Kind.INFORMATION)
    _root, items = entries(client, municipality)
    assert items == []


def test_published_feedback_is_on_the_dialogue_page_and_the_menu_leads_to_the_measures(client, municipality):
    dialogue = published(municipality, "Torget")
    html = client.get(dialogue.get_absolute_url()).content.decode()
    assert "Återkoppling om Torget" in html and 'id="what-happened"' in html
    assert implementation_url(municipality) in html[: html.index('id="main"')]
