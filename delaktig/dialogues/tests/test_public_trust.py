"""What residents met in the demo: information that invited input, closed dialogues that still did, late
feedback only staff could see, typed-in figures and Swedish text marked as English."""

import datetime
import re

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from delaktig.dialogues.models import Kind, State
from delaktig.dialogues.tests.factories import dialogue_in_state, keep
from delaktig.dialogues.tests.staff_support import staff_url
from delaktig.organisations.models import Role
from delaktig.participation.models import Channel, Module, Phase
from delaktig.participation.registry import MethodManifest, PhaseType, registry
from delaktig.results.models import CompiledResults

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
# What only a dialogue that takes input says (in Swedish, the residents' language).
INVITATIONS = ("Ta del", 'href="#take-part"', "tag--open", "Läs och lämna synpunkter", "vill veta vad du tycker")


def page(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, url
    return response.content.decode()


def home(municipality):
    return reverse("core:home", args=[municipality.slug])


def listing(municipality):
    return reverse("dialogues:list", args=[municipality.slug])


def easy_read(dialogue):
    return reverse("dialogues:easy_read", args=[dialogue.municipality.slug, dialogue.pk, dialogue.slug])


COUNTED = {}  # module id -> (participant ids, {channel: inputs}) the stand-in method reports


def _stand_in():
    return MethodManifest(
        key="trust_test_method",
        name="Testmetod",
        description="A method that only exists in tests.",
        phase_types={"collect": PhaseType("collect", "Samla in", "Residents write.", frozenset({"post"}))},
        public_urls="delaktig.participation.tests.dummy_method",
        staff_urls="delaktig.participation.tests.dummy_method",
        resident_actions=frozenset({"post"}),
        staff_actions={},
        stats=lambda module: {},
        export_rows=lambda module: [],
        personal_data=lambda user: [],
        erase=lambda user: 0,
        participant_ids=lambda module: COUNTED.get(module.pk, (set(), {}))[0],
        input_channels=lambda module: COUNTED.get(module.pk, (set(), {}))[1],
        module_template="dialogues/public/_state_tag.html",
    )


@pytest.fixture(autouse=True)
def stand_in_method():
    with registry.temporarily(_stand_in()) as manifest:
        yield manifest
    COUNTED.clear()


def with_module(dialogue, *, people=(), channels=None):
    """A way of taking part whose phase runs now, as staff add it; the method counts `people` and `channels`."""
    module = Module.objects.create(dialogue=dialogue, method="trust_test_method", name="Lämna synpunkter")
    COUNTED[module.pk] = (set(people), dict(channels or {}))
    now = timezone.now()
    Phase.objects.create(
        module=module,
        phase_type="collect",
        name="Insamling",
        starts_at=now - datetime.timedelta(days=1),
        ends_at=now + datetime.timedelta(days=10),
    )
    return module


def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


# --- 1. Information never invites input -------------------------------------------------------


@pytest.fixture
def information(municipality):
    dialogue = dialogue_in_state(State.OPEN, municipality=municipality, kind=Kind.INFORMATION, title="Ny avfallstaxa")
    dialogue.purpose = "Vi berättar vad som ändras."
    dialogue.easy_read_summary = "Det kostar mer att hämta sopor."
    dialogue.save()
    return dialogue


def test_information_is_never_an_invitation_on_any_page(client, municipality, information):
    with_module(information)  # even if staff added a way to take part
    pages = {
        "home": page(client, home(municipality)),
        "list": page(client, listing(municipality)),
        "list of open": page(client, listing(municipality), state="open"),
        "detail": page(client, information.get_absolute_url()),
        "easy read": page(client, easy_read(information)),
    }
    for name, html in pages.items():
        assert "Ny avfallstaxa" in html, name
        for invitation in INVITATIONS:
            assert invitation not in html, (name, invitation)
    for name in ("home", "list", "detail"):
        assert '<span class="tag tag--muted">Information</span>' in pages[name], name
    detail = pages["detail"]
    assert 'id="take-part"' not in detail and "Följ dialogen" not in detail
    assert "Det finns inget att svara på" in detail
    assert "Därför informerar vi" in detail and "Därför frågar vi" not in detail
    assert "Tillbaka till informationen" in pages["easy read"]


def test_the_home_page_lists_information_apart_from_open_dialogues(client, municipality, information):
    dialogue_in_state(State.OPEN, municipality=municipality, title="Parken i centrum")
    response = client.get(home(municipality))
    assert [d.title for d in response.context["open_dialogues"]] == ["Parken i centrum"]
    assert [d.title for d in response.context["current_information"]] == ["Ny avfallstaxa"]
    assert "Information från kommunen" in response.content.decode()


# --- 2. A closed dialogue stops inviting input; closing asks first --------------------------------


@pytest.fixture
def closed(municipality):
    dialogue = dialogue_in_state(State.CLOSED, municipality=municipality, title="Cykelvägar")
    with_module(dialogue, people={1}, channels={Channel.ONLINE: 1})
    return dialogue


def test_a_closed_dialogue_invites_no_input_anywhere(client, municipality, closed):
    pages = {
        "home": page(client, home(municipality)),
        "list": page(client, listing(municipality)),
        "detail": page(client, closed.get_absolute_url()),
    }
    assert "Cykelvägar" not in pages["home"]
    for name, html in pages.items():
        for invitation in INVITATIONS:
            assert invitation not in html, (name, invitation)
    detail = pages["detail"]
    assert "Det här kom in" in detail and "(stängd)" in detail
    assert "Dialogen är stängd" in detail


@pytest.fixture
def officer(client, staff):
    client.force_login(staff[Role.OFFICER])
    return staff[Role.OFFICER]


def test_closing_asks_for_confirmation_without_javascript(client, municipality, officer):
    dialogue = dialogue_in_state(State.OPEN, municipality=municipality)
    detail = page(client, staff_url("staff_detail", dialogue))
    assert f'href="{staff_url("staff_close", dialogue)}"' in detail
    assert f'action="{staff_url("staff_step", dialogue, "close")}"' not in detail

    response = client.post(staff_url("staff_step", dialogue, "close"))  # an old form or a bookmark
    assert response.status_code == 302 and response["Location"] == staff_url("staff_close", dialogue)
    confirm = page(client, staff_url("staff_close", dialogue))
    assert "Invånarna kan inte längre lämna synpunkter" in confirm and "Tiden för återkoppling börjar" in confirm
    assert 'method="post"' in confirm and "Ja, stäng dialogen" in confirm
    dialogue.refresh_from_db()
    assert dialogue.state == State.OPEN

    response = client.post(staff_url("staff_close", dialogue))
    assert response.status_code == 302
    dialogue.refresh_from_db()
    assert dialogue.state == State.CLOSED and dialogue.feedback_due_on


def test_the_close_page_answers_in_every_state_and_only_to_runners(client, municipality, staff):
    client.force_login(staff[Role.OFFICER])
    for state in State.values:
        dialogue = dialogue_in_state(state, municipality=municipality)
        assert client.get(staff_url("staff_close", dialogue)).status_code == (200 if state == State.OPEN else 409)
    dialogue = dialogue_in_state(State.OPEN, municipality=municipality)
    client.force_login(staff[Role.MODERATOR])
    assert client.post(staff_url("staff_close", dialogue)).status_code == 403
    dialogue.refresh_from_db()
    assert dialogue.state == State.OPEN


# --- 3. Late feedback is said on the public page -----------------------------------------------


def late(municipality, **changes):
    dialogue = dialogue_in_state(State.CLOSED, municipality=municipality, title="Torget")
    dialogue.feedback_due_on = TODAY - datetime.timedelta(days=3)
    for name, value in changes.items():
        setattr(dialogue, name, value)
    dialogue.save()
    return dialogue


def warning(html):
    found = re.search(r'<div class="notice notice--warning"[^>]*>(.*?)</div>', html, re.S)
    return found.group(1) if found else ""


def test_the_public_page_says_the_feedback_is_late(client, municipality):
    dialogue = late(municipality)
    html = page(client, dialogue.get_absolute_url())
    box = warning(html)
    assert "Återkopplingen är försenad" in box
    assert f"Vi lovade att berätta senast {dialogue.feedback_due_on.day} " in box
    assert "Vi har inte bestämt något nytt datum än." in box
    assert "Återkopplingen är försenad" in page(client, listing(municipality))


def test_the_late_notice_gives_the_new_date(client, municipality):
    new = TODAY + datetime.timedelta(days=20)
    box = warning(page(client, late(municipality, feedback_new_due_on=new).get_absolute_url()))
    assert "Nytt datum: vi berättar senast" in box and str(new.year) in box


def test_a_new_date_that_has_passed_too_is_said(client, municipality):
    dialogue = late(municipality, feedback_new_due_on=TODAY - datetime.timedelta(days=1))
    assert "Det datumet har också passerat." in warning(page(client, dialogue.get_absolute_url()))


@pytest.mark.parametrize("state", [State.OPEN, State.FEEDBACK_PUBLISHED])
def test_no_late_notice_before_the_deadline_or_after_the_feedback(client, municipality, state):
    dialogue = dialogue_in_state(state, municipality=municipality)
    dialogue.feedback_due_on = TODAY - datetime.timedelta(days=3)
    dialogue.save()
    assert "Återkopplingen är försenad" not in page(client, dialogue.get_absolute_url())
    on_time = late(municipality, feedback_due_on=TODAY + datetime.timedelta(days=3))
    assert "Återkopplingen är försenad" not in page(client, on_time.get_absolute_url())


# --- 4. Figures are counted, never typed ----------------------------------------------------------


def test_the_results_show_counted_figures_with_the_offline_count(client, municipality):
    dialogue = dialogue_in_state(State.RESULTS_COMPILED, municipality=municipality)
    keep(CompiledResults.of(dialogue), offline_participant_count=7)
    with_module(dialogue, people={1, 2}, channels={Channel.ONLINE: 1})
    with_module(dialogue, people={2}, channels={Channel.ONLINE: 1, Channel.MEETING: 1})
    html = page(client, dialogue.get_absolute_url())
    figures = dict(re.findall(r'data-figure="(\w+)">([^<]+)<', html))
    assert figures == {
        "people": "9",  # two online (each counted once over both modules) and seven counted at meetings
        "people_online": "2",
        "people_offline": "7",
        "inputs": "3",
        "inputs_online": "2",
        "inputs_offline": "1",
    }


def test_without_an_offline_count_only_people_online_are_given(client, municipality):
    dialogue = dialogue_in_state(State.RESULTS_COMPILED, municipality=municipality)
    with_module(dialogue, channels={Channel.PAPER: 1})
    html = page(client, dialogue.get_absolute_url())
    figures = dict(re.findall(r'data-figure="(\w+)">([^<]+)<', html))
    assert "people" not in figures and figures["people_online"] == "0" and figures["inputs_offline"] == "1"
    assert "Vi räknade inte de personer som deltog på andra sätt än på webben." in html


# --- 5. Swedish content on English pages, and the languages a dialogue really has -------------------


def test_english_pages_mark_what_staff_wrote_as_swedish(client, municipality):
    dialogue = dialogue_in_state(State.OPEN, municipality=municipality, title="Parken i centrum")
    english(client)
    detail = page(client, dialogue.get_absolute_url())
    assert '<html lang="en">' in detail
    assert '<h1 lang="sv">Parken i centrum</h1>' in detail
    assert f'<dd lang="sv">{dialogue.question}</dd>' in detail
    assert f'<dd lang="sv">{dialogue.purpose}</dd>' in detail
    assert f'<a href="{dialogue.get_absolute_url()}" lang="sv">Parken i centrum</a>' in page(
        client, listing(municipality)
    )
    assert f'<p lang="sv">{dialogue.question}</p>' in page(client, home(municipality))


def test_swedish_pages_need_no_extra_language_marks(client, municipality):
    dialogue = dialogue_in_state(State.OPEN, municipality=municipality, title="Parken i centrum")
    assert "<h1>Parken i centrum</h1>" in page(client, dialogue.get_absolute_url())


def test_a_dialogue_lists_only_the_languages_it_exists_in(client, municipality):
    dialogue = dialogue_in_state(State.OPEN, municipality=municipality)
    dialogue.languages = "svenska, finska, arabiska"
    dialogue.save()
    html = page(client, dialogue.get_absolute_url())
    assert "<dd>Svenska</dd>" in html and "finska" not in html and "arabiska" not in html
    dialogue.easy_read_summary = "Parken blir ny."
    dialogue.save()
    english(client)
    assert "<dd>Swedish, Easy-to-read Swedish</dd>" in page(client, dialogue.get_absolute_url())


def test_the_easy_read_page_is_swedish_inside_an_english_page(client, municipality):
    dialogue = dialogue_in_state(State.OPEN, municipality=municipality, title="Parken i centrum")
    dialogue.easy_read_summary = "Parken blir ny. Du kan tycka till."
    dialogue.save()
    english(client)
    html = page(client, easy_read(dialogue))
    assert '<html lang="en">' in html
    main = html.split('<div lang="sv">', 1)[1]
    assert "<h1>Parken i centrum</h1>" in main and "Parken blir ny." in main and "Tillbaka till dialogen" in main


def test_english_pages_of_measures_and_input_mark_swedish_too(client, municipality):
    from delaktig.followup.models import Measure

    dialogue = dialogue_in_state(State.MATTER_DECIDED, municipality=municipality)
    Measure.objects.create(dialogue=dialogue, title="Nya bänkar", description="Tio bänkar längs ån.")
    english(client)
    html = page(client, dialogue.get_absolute_url())
    assert '<h3 id="measure-' in html and 'lang="sv">Nya bänkar</h3>' in html
    assert '<div lang="sv"><p>Tio bänkar längs ån.</p></div>' in html


def test_information_that_has_ended_says_so(client, municipality):
    dialogue_in_state(State.CLOSED, municipality=municipality, kind=Kind.INFORMATION, title="Nya busslinjer")
    html = page(client, listing(municipality))
    assert '<span class="tag tag--muted">Information</span> <span class="tag tag--muted">Avslutad</span>' in html
