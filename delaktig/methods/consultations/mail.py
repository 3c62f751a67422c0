"""When mail goes: after the commit, in the background."""

from django.db import transaction


def followers_tell_later(answer):
    from .tasks import answer_tell_followers

    transaction.on_commit(lambda: answer_tell_followers.enqueue(answer_id=answer.pk))
