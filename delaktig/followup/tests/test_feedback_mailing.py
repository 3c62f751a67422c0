"""Publishing feedback mails it once to every follower and participant who asked for updates, resumably."""

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.db import transaction

from delaktig.accounts.tests.factories import UserFactory
from delaktig.core.audit import audit_events_for
from delaktig.dialogues import hookspecs as dialogue_hooks
from delaktig.dialogues import workflow
from delaktig.dialogues.models import Kind, Notification, State
from delaktig.dialogues.tests.factories import dialogue_in_state, keep
from delaktig.followup.models import Outcome
from delaktig.followup.selectors import feedback_mailing_for, feedback_recipients
from delaktig.followup.services import feedback_mailing_create
from delaktig.mailings.models import Mailing
from delaktig.mailings.services import mailing_progress, mailing_send
from delaktig.mailings.tasks import mailing_send_task
from delaktig.organisations.models import Role

from .support import add_module, follow, participants_method

PARTICIPANTS = {
    "Synpunkter": [("Ada@example.se", "Ada"), ("bo@example.se", "Bo"), ("", "Ingen adress")],
    "Karta": [("ada@example.se", "Ada igen"), ("cecilia@example.se", "Cecilia")],
}


@pytest.fixture
def decided(municipality):
    dialogue = dialogue_in_state(State.MATTER_DECIDED, municipality=municipality)
    keep(Outcome.of(dialogue), feedback="Tack för alla idéer! Lekplatsen byggs 2027.")
    return dialogue


@pytest.fixture
def people(decided):
    """Two followers (one of them also a participant) and three more participants across two modules."""
    ada = UserFactory(email="ada@example.se", name="Ada Andersson")
    dan = UserFactory(email="dan@example.se", name="Dan Dahl")
    gone = UserFactory(email="gone@example.se", is_active=False)
    follow(decided, ada, dan, gone)
    add_module(decided, "Synpunkter")
    add_module(decided, "Karta")
    add_module(decided, "Utan metod", method="removed_method")
    return {"ada": ada, "dan": dan}


EVERYONE = ["ada@example.se", "bo@example.se", "cecilia@example.se", "dan@example.se"]


def publish(dialogue, actor, capture):
    with capture(execute=True):
        workflow.transition(dialogue, "publish_feedback", actor=actor)


def test_recipients_are_followers_and_participants_once_per_address(decided, people):
    with participants_method(PARTICIPANTS):
        recipients = feedback_recipients(decided)
    assert sorted(email for email, _name in recipients) == EVERYONE
    assert dict(recipients)["ada@example.se"] == "Ada Andersson"


def test_a_method_without_update_recipients_adds_nobody(decided, people):
    assert sorted(email for email, _name in feedback_recipients(decided)) == ["ada@example.se", "dan@example.se"]


def test_publishing_mails_everyone_exactly_once_and_followers_get_no_second_notice(
    decided, people, staff, django_capture_on_commit_callbacks
):
    with participants_method(PARTICIPANTS):
        publish(decided, staff[Role.OFFICER], django_capture_on_commit_callbacks)
    assert sorted(address for message in mail.outbox for address in message.to) == EVERYONE
    assert not Notification.objects.exists()
    mailing = feedback_mailing_for(decided)
    assert mailing.purpose == "dialogue_feedback" and mailing.target == decided
    assert mailing.status == Mailing.Status.DONE and mailing_progress(mailing)["percent"] == 100
    assert mailing.created_by == staff[Role.OFFICER]
    event = audit_events_for(mailing).get(action="followup.feedback_mailing")
    assert event.data == {"dialogue": decided.pk, "recipients": 4} and event.actor == staff[Role.OFFICER]


def test_the_email_has_the_feedback_the_decision_and_a_link(
    decided, people, staff, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://delaktig.example.se"
    publish(decided, staff[Role.OFFICER], django_capture_on_commit_callbacks)
    message = next(m for m in mail.outbox if m.to == ["ada@example.se"])
    assert decided.title in message.subject
    assert message.body.startswith("Hej!")
    assert "Tack för alla idéer! Lekplatsen byggs 2027." in message.body
    matter = decided.decision_in_matter
    assert matter.text in message.body and matter.body.name in message.body
    assert f"https://delaktig.example.se{decided.get_absolute_url()}" in message.body


def test_a_user_dialogue_without_a_matter_decision_is_mailed_without_one(
    municipality, staff, django_capture_on_commit_callbacks
):
    dialogue = dialogue_in_state(State.RESULTS_COMPILED, municipality=municipality, kind=Kind.USER_DIALOGUE)
    keep(Outcome.of(dialogue), feedback="Vi ändrar menyn.")
    follow(dialogue, UserFactory(email="eva@example.se"))
    with django_capture_on_commit_callbacks(execute=True):
        workflow.transition(dialogue, "publish_feedback_directly", actor=staff[Role.OFFICER])
    assert [m.to for m in mail.outbox] == [["eva@example.se"]]
    assert "Vi ändrar menyn." in mail.outbox[0].body


def test_nothing_is_mailed_when_publishing_is_rolled_back(decided, people, staff, django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks(execute=False) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        workflow.transition(decided, "publish_feedback", actor=staff[Role.OFFICER])
        raise RuntimeError("something else failed")
    assert callbacks == [] and not Mailing.objects.exists()


def test_creating_the_mailing_twice_gives_the_same_mailing(decided, people, staff):
    first = feedback_mailing_create(dialogue=decided, actor=staff[Role.OFFICER])
    second = feedback_mailing_create(dialogue=decided, actor=staff[Role.OFFICER])
    assert first == second and Mailing.objects.count() == 1


def test_without_a_feedback_app_followers_get_their_usual_notification(
    decided, people, staff, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(dialogue_hooks.feedback_published, "_implementations", [])
    publish(decided, staff[Role.OFFICER], django_capture_on_commit_callbacks)
    assert not Mailing.objects.exists()
    assert sorted(m.to[0] for m in mail.outbox) == ["ada@example.se", "dan@example.se"]
    assert Notification.objects.filter(event=State.FEEDBACK_PUBLISHED).count() == 3  # one for the inactive, unsent


# --- Killed and restarted ---------------------------------------------------------------------------------------


class KilledAfterThree(EmailBackend):
    """A mail backend that delivers three messages and then dies, as a worker killed mid-send."""

    delivered = 0

    def send_messages(self, messages):
        if KilledAfterThree.delivered >= 3:
            raise ConnectionError("the worker was killed")
        KilledAfterThree.delivered += len(messages)
        return super().send_messages(messages)


def test_a_worker_killed_midway_and_restarted_mails_nobody_twice_and_skips_nobody(
    decided, people, staff, settings, django_capture_on_commit_callbacks
):
    KilledAfterThree.delivered = 0
    settings.EMAIL_BACKEND = f"{__name__}.KilledAfterThree"
    with participants_method(PARTICIPANTS):
        publish(decided, staff[Role.OFFICER], django_capture_on_commit_callbacks)
    mailing = feedback_mailing_for(decided)
    assert len(mail.outbox) == 3 and mailing_progress(mailing)["sent"] == 3
    assert Mailing.objects.get().status == Mailing.Status.SENDING

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # the worker comes back
    mailing_send_task.enqueue(mailing_id=mailing.pk)
    mailing_send_task.enqueue(mailing_id=mailing.pk)  # and the task is delivered twice
    assert sorted(address for message in mail.outbox for address in message.to) == EVERYONE
    assert Mailing.objects.get().status == Mailing.Status.DONE


@pytest.mark.django_db(transaction=True)
def test_two_workers_on_the_same_mailing_mail_everyone_once(municipality, staff, settings):
    """Worker B starts while worker A is midway (right after A's second message is committed)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}  # no worker yet
    dialogue = dialogue_in_state(State.FEEDBACK_PUBLISHED, municipality=municipality)
    follow(dialogue, *[UserFactory(email=f"p{i}@example.se") for i in range(7)])
    mailing = feedback_mailing_create(dialogue=dialogue, actor=staff[Role.OFFICER])
    delivered = []

    def worker_b(mailing, recipient):
        delivered.append(("B", recipient.email))

    def worker_a(mailing, recipient):
        delivered.append(("A", recipient.email))
        if len(delivered) == 2:
            transaction.on_commit(lambda: mailing_send(mailing_id=mailing.pk, send=worker_b))

    mail.outbox.clear()
    mailing_send(mailing_id=mailing.pk, batch_size=5, send=worker_a)
    emails = [email for _worker, email in delivered]
    assert sorted(emails) == sorted(f"p{i}@example.se" for i in range(7))
    assert {worker for worker, _email in delivered} == {"A", "B"}


def test_a_follower_who_gave_input_gets_the_feedback_once(municipality, staff, django_capture_on_commit_callbacks):
    """The journey of the browser test without a browser: Rut follows and gave input; Omar only asked for updates."""
    from delaktig.dialogues.tests.factories import fill_for_state
    from tests.dummy_method.factories import DummyInputFactory, dummy_module

    module = dummy_module(municipality=municipality)
    rut, omar, quiet = (UserFactory(email=f"{name}@example.se") for name in ("rut", "omar", "quiet"))
    DummyInputFactory(module=module, author=rut, wants_updates=True)
    DummyInputFactory(module=module, author=omar, wants_updates=True)
    DummyInputFactory(module=module, author=quiet, wants_updates=False)
    follow(module.dialogue, rut)
    dialogue = fill_for_state(module.dialogue, State.MATTER_DECIDED)
    keep(Outcome.of(dialogue), feedback="Bänkarna kommer i maj.")
    publish(dialogue, staff[Role.OFFICER], django_capture_on_commit_callbacks)
    assert sorted(address for message in mail.outbox for address in message.to) == [
        "omar@example.se",
        "rut@example.se",
    ]
    assert not Notification.objects.filter(event=State.FEEDBACK_PUBLISHED).exists()
