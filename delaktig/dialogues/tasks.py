"""Background work for dialogues."""

from django_tasks import task

from . import services


@task()
def followers_notify(*, dialogue_id, event):
    """E-mail every follower once about `event`; safe to run again after a crash."""
    services.notifications_create(dialogue_id=dialogue_id, event=event)
    return services.notifications_send(dialogue_id=dialogue_id, event=event)
