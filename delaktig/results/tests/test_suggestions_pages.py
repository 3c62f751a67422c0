import pytest

from delaktig.core.models import AuditEvent
from delaktig.results import services
from delaktig.results.models import InputTag, Theme, ThemeSuggestionRun

from .helpers import rurl

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(client, staff):
    client.force_login(staff["officer"])
    return client


@pytest.fixture
def run(officer, dialogue, corpus):
    officer.post(rurl("suggestions", dialogue))
    return ThemeSuggestionRun.objects.get(dialogue=dialogue)


def index_of(run, word):
    return next(i for i, s in enumerate(run.suggestions) if word in s["label"].lower())


def test_suggestions_are_made_in_the_request_and_shown(officer, dialogue, run):
    assert run.status == ThemeSuggestionRun.Status.DONE and run.input_count == 18
    assert len(run.suggestions) >= 3
    page = officer.get(rurl("suggestions", dialogue)).content.decode()
    assert "Lekplatsen" in page and 'http-equiv="refresh"' not in page
    assert AuditEvent.objects.filter(action="results.suggestions_start").exists()


def test_accept_a_renamed_suggestion_creates_the_theme_and_tags_its_inputs(officer, dialogue, run):
    index = index_of(run, "lekplats")
    response = officer.post(
        rurl("suggestion_act", dialogue, run.pk, index), {"action": "accept", "name": "Lek och lekplatser"}
    )
    assert response.status_code == 302
    theme = Theme.objects.get(dialogue=dialogue)
    assert theme.name == "Lek och lekplatser"
    assert InputTag.objects.filter(theme=theme).count() == run.suggestions[index]["count"]
    run.refresh_from_db()
    assert run.suggestions[index]["status"] == "accepted"
    again = officer.post(rurl("suggestion_act", dialogue, run.pk, index), {"action": "accept"}, follow=True)
    assert "redan hanterat" in again.content.decode()
    assert Theme.objects.count() == 1


def test_merge_a_suggestion_into_an_existing_theme(officer, dialogue, run, staff):
    theme = services.theme_create(dialogue=dialogue, actor=staff["officer"], name="Trafiksäkerhet")
    index = index_of(run, "korsning") if any("korsning" in s["label"].lower() for s in run.suggestions) else 0
    response = officer.post(rurl("suggestion_act", dialogue, run.pk, index), {"action": "merge", "theme": theme.pk})
    assert response.status_code == 302
    assert InputTag.objects.filter(theme=theme).count() == run.suggestions[index]["count"]
    missing = officer.post(rurl("suggestion_act", dialogue, run.pk, 1), {"action": "merge"}, follow=True)
    assert "Välj det tema" in missing.content.decode()


def test_dismiss_and_bad_input(officer, dialogue, run):
    assert officer.post(rurl("suggestion_act", dialogue, run.pk, 0), {"action": "dismiss"}).status_code == 302
    run.refresh_from_db()
    assert run.suggestions[0]["status"] == "dismissed"
    for data in ({"action": "explode"}, {}):
        assert officer.post(rurl("suggestion_act", dialogue, run.pk, 1), data).status_code == 302
    response = officer.post(rurl("suggestion_act", dialogue, run.pk, 99), {"action": "accept"}, follow=True)
    assert response.status_code == 200 and "finns inte längre" in response.content.decode()
    accept_duplicate = officer.post(
        rurl("suggestion_act", dialogue, run.pk, 1), {"action": "accept", "name": "  "}, follow=True
    )
    assert accept_duplicate.status_code == 200
    assert not Theme.objects.filter(name="").exists()


def test_another_dialogues_run_is_404(officer, dialogue, run, municipality):
    from delaktig.dialogues.models import State
    from tests.dummy_method.factories import dummy_module

    other = dummy_module(municipality=municipality, state=State.CLOSED).dialogue
    assert officer.post(rurl("suggestion_act", other, run.pk, 0), {"action": "dismiss"}).status_code == 404


def test_many_inputs_are_handled_in_the_background(
    officer, dialogue, corpus, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(services, "IN_REQUEST_LIMIT", 5)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        officer.post(rurl("suggestions", dialogue))
    run = ThemeSuggestionRun.objects.get()
    assert run.status == ThemeSuggestionRun.Status.QUEUED
    page = officer.get(rurl("suggestions", dialogue)).content.decode()
    assert 'data-auto-refresh="5"' in page and "<progress" in page
    for callback in callbacks:
        callback()
    run.refresh_from_db()
    assert run.status == ThemeSuggestionRun.Status.DONE and run.progress == 100 and run.suggestions


def test_too_few_inputs_say_so(officer, dialogue):
    officer.post(rurl("suggestions", dialogue))
    page = officer.get(rurl("suggestions", dialogue)).content.decode()
    assert "för få inlägg" in page


def test_a_failed_run_says_so(officer, dialogue, corpus, monkeypatch):
    from delaktig.results import suggesting

    def broken(records, **kwargs):
        raise RuntimeError("out of memory")

    monkeypatch.setattr(suggesting, "suggest_themes", broken)
    officer.post(rurl("suggestions", dialogue))
    run = ThemeSuggestionRun.objects.get()
    assert run.status == ThemeSuggestionRun.Status.FAILED and "out of memory" in run.error
    page = officer.get(rurl("suggestions", dialogue)).content.decode()
    assert "kunde inte tas fram" in page
