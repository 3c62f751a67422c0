"""When mail goes: after the commit, in the background."""

from django.db import transaction
from django.utils import translation


def followers_tell_later(answer):
    from .tasks import answer_tell_followers

    transaction.on_commit(lambda: answer_tell_followers.enqueue(answer_id=answer.pk))


def receipt_later(remark, *, account, user):
    """The e-mail receipt for a comment written online. To an account the dialogue keeps: in the background. When
    it keeps none: in this process, after commit, so the address is never written anywhere."""
    from .tasks import remark_receipt_send, remark_receipt_send_now

    language = translation.get_language()
    comment_id = remark.pk
    if account is not None:
        transaction.on_commit(lambda: remark_receipt_send.enqueue(comment_id=comment_id, language=language))
        return
    email = getattr(user, "email", "") or ""
    if email:
        transaction.on_commit(
            lambda: remark_receipt_send_now(comment_id=comment_id, email=email, language=language), robust=True
        )
