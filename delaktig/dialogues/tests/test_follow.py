import pytest
from django.core import mail
from django.test import RequestFactory
from django.urls import reverse
from django_tasks.base import TaskResultStatus

from delaktig.accounts.tests.factories import UserFactory
from delaktig.dialogues import notifying, services, workflow
from delaktig.dialogues.models import Follower, Notification, State
from delaktig.dialogues.tasks import followers_notify
from delaktig.dialogues.tests.factories import dialogue_in_state, keep
from delaktig.results.models import CompiledResults


def follow_url(dialogue):
    return reverse("dialogues:follow", args=[dialogue.municipality.slug, dialogue.pk, dialogue.slug])


@pytest.fixture
def dialogue(municipality):
    return dialogue_in_state(State.OPEN, municipality=municipality, title="Nytt bibliotek")


def followers_of(dialogue, n):
    users = [UserFactory() for _ in range(n)]
    for user in users:
        Follower.objects.create(dialogue=dialogue, user=user)
    return users


# --- Following and unfollowing ---------------------------------------------------------------


@pytest.mark.django_db
def test_resident_follows_and_unfollows(client, resident, dialogue):
    client.force_login(resident)
    response = client.post(follow_url(dialogue), {"action": "follow"}, follow=True)
    assert response.redirect_chain[-1][0] == dialogue.get_absolute_url()
    assert Follower.objects.filter(dialogue=dialogue, user=resident).count() == 1
    assert len(list(response.context["messages"])) == 1
    assert 'value="unfollow"' in response.content.decode()

    client.post(follow_url(dialogue), {"action": "unfollow"})
    assert not Follower.objects.filter(dialogue=dialogue, user=resident).exists()
    assert 'value="follow"' in client.get(dialogue.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_double_submit_is_harmless(client, resident, dialogue):
    client.force_login(resident)
    for _ in range(2):
        assert client.post(follow_url(dialogue), {"action": "follow"}).status_code == 302
    assert Follower.objects.filter(dialogue=dialogue, user=resident).count() == 1
    for _ in range(2):
        assert client.post(follow_url(dialogue), {"action": "unfollow"}).status_code == 302
    assert Follower.objects.filter(dialogue=dialogue, user=resident).count() == 0


@pytest.mark.django_db
def test_anonymous_is_sent_to_login(client, dialogue):
    html = client.get(dialogue.get_absolute_url()).content.decode()
    assert reverse("accounts:login") in html
    assert follow_url(dialogue) not in html
    response = client.post(follow_url(dialogue), {"action": "follow"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert not Follower.objects.exists()


@pytest.mark.django_db
def test_follow_is_post_only(client, resident, dialogue):
    client.force_login(resident)
    assert client.get(follow_url(dialogue)).status_code == 405


@pytest.mark.django_db
def test_cannot_follow_other_municipality_or_non_public(client, resident, municipality, other_municipality):
    client.force_login(resident)
    theirs = dialogue_in_state(State.OPEN, municipality=other_municipality)
    url = reverse("dialogues:follow", args=[municipality.slug, theirs.pk, theirs.slug])
    assert client.post(url, {"action": "follow"}).status_code == 404
    hidden = dialogue_in_state(State.INITIATIVE, municipality=municipality)
    assert client.post(follow_url(hidden), {"action": "follow"}).status_code == 404
    assert not Follower.objects.exists()


# --- E-mail to followers ---------------------------------------------------------------------


@pytest.mark.django_db
def test_task_mails_every_follower_once_even_when_run_again(dialogue, settings):
    settings.SITE_URL = "https://delaktig.example.se"
    users = followers_of(dialogue, 3)
    for _ in range(2):
        result = followers_notify.enqueue(dialogue_id=dialogue.pk, event=State.RESULTS_COMPILED.value)
        assert result.status == TaskResultStatus.SUCCESSFUL
    assert sorted(m.to[0] for m in mail.outbox) == sorted(u.email for u in users)
    assert Notification.objects.filter(sent_at__isnull=False).count() == 3
    message = mail.outbox[0]
    assert "Nytt bibliotek" in message.subject
    assert f"https://delaktig.example.se{dialogue.get_absolute_url()}" in message.body


@pytest.mark.django_db
def test_each_event_is_its_own_notification(dialogue):
    followers_of(dialogue, 2)
    followers_notify.enqueue(dialogue_id=dialogue.pk, event="results_compiled")
    followers_notify.enqueue(dialogue_id=dialogue.pk, event="feedback_published")
    assert len(mail.outbox) == 4
    assert mail.outbox[0].subject != mail.outbox[2].subject


@pytest.mark.django_db
def test_a_crash_midway_then_a_rerun_sends_the_rest_exactly_once(dialogue, monkeypatch):
    users = followers_of(dialogue, 5)
    real_send = notifying.send_mail
    calls = {"n": 0}

    def flaky_send(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 3:
            raise ConnectionError("the mail server went away")
        return real_send(*args, **kwargs)

    monkeypatch.setattr(notifying, "send_mail", flaky_send)
    first = followers_notify.enqueue(dialogue_id=dialogue.pk, event="results_compiled")
    assert first.status == TaskResultStatus.FAILED
    assert len(mail.outbox) == 2
    assert Notification.objects.filter(sent_at__isnull=True).count() == 3

    monkeypatch.setattr(notifying, "send_mail", real_send)
    followers_notify.enqueue(dialogue_id=dialogue.pk, event="results_compiled")
    assert sorted(m.to[0] for m in mail.outbox) == sorted(u.email for u in users)


@pytest.mark.django_db
def test_sending_goes_through_every_batch(dialogue):
    followers_of(dialogue, 5)
    services.notifications_create(dialogue_id=dialogue.pk, event="results_compiled")
    assert services.notifications_send(dialogue_id=dialogue.pk, event="results_compiled", batch_size=2) == 5
    assert len(mail.outbox) == 5
    assert services.notifications_send(dialogue_id=dialogue.pk, event="results_compiled", batch_size=2) == 0


@pytest.mark.django_db
def test_publishing_results_mails_followers_after_commit(municipality, staff, django_capture_on_commit_callbacks):
    dialogue = dialogue_in_state(State.CLOSED, municipality=municipality)
    follower = followers_of(dialogue, 1)[0]
    keep(CompiledResults.of(dialogue), summary="Många vill ha längre öppettider.")
    with django_capture_on_commit_callbacks(execute=True):
        workflow.transition(dialogue, "compile_results", actor=staff["officer"])
    assert [m.to for m in mail.outbox] == [[follower.email]]
    assert Notification.objects.get().event == "results_compiled"


@pytest.mark.django_db
def test_inactive_users_get_no_mail(dialogue):
    (user,) = followers_of(dialogue, 1)
    user.is_active = False
    user.save()
    followers_notify.enqueue(dialogue_id=dialogue.pk, event="results_compiled")
    assert mail.outbox == []


# --- My pages, my data and erasure -----------------------------------------------------------


def _hook(name):
    from delaktig.accounts import hookspecs as account_hooks
    from delaktig.dialogues import hooks as dialogue_hooks

    fn = {
        "my_pages_section": dialogue_hooks.followed_dialogues_section,
        "personal_data": dialogue_hooks.follows_personal_data,
        "erase_user": dialogue_hooks.follows_erase,
    }[name]
    assert fn in getattr(account_hooks, name).implementations()
    return fn


@pytest.mark.django_db
def test_my_pages_lists_followed_dialogues(resident, dialogue, municipality):
    hidden = dialogue_in_state(State.INITIATIVE, municipality=municipality)
    Follower.objects.create(dialogue=dialogue, user=resident)
    Follower.objects.create(dialogue=hidden, user=resident)
    request = RequestFactory().get("/")
    request.user = resident
    section = _hook("my_pages_section")(request)
    assert section["context"]["followed_dialogues"] == [dialogue]
    from django.template.loader import render_to_string

    html = render_to_string(section["template"], section["context"], request=request)
    assert dialogue.get_absolute_url() in html


@pytest.mark.django_db
def test_my_pages_section_is_empty_for_anonymous(dialogue):
    from django.contrib.auth.models import AnonymousUser

    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    assert _hook("my_pages_section")(request) is None


@pytest.mark.django_db
def test_personal_data_and_erasure(resident, dialogue):
    Follower.objects.create(dialogue=dialogue, user=resident)
    followers_notify.enqueue(dialogue_id=dialogue.pk, event="results_compiled")
    data = _hook("personal_data")(resident)
    assert data["followed_dialogues"][0]["dialogue"] == "Nytt bibliotek"
    assert data["dialogue_notifications"][0]["event"] == "results_compiled"
    assert _hook("erase_user")(resident) == 2
    assert not Follower.objects.exists()
    assert not Notification.objects.exists()
