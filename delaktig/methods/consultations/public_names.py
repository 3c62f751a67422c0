"""The pseudonyms written under in a dialogue's consultations, for the comment form (participation's
PseudonymMixin): a resident keeps the one used before, and nobody takes another's."""

from django.db.models import Q

from delaktig.participation.models import Comment


def _comments(dialogue):
    return Comment.objects.filter(consultation_remark__module__dialogue=dialogue).exclude(author_name="")


class CommentNames:
    def pseudonym_last_used(self, dialogue, user) -> str:
        """The pseudonym `user` last commented under in this dialogue's consultations; "" if none."""
        if not user.is_authenticated:
            return ""
        found = _comments(dialogue).filter(author=user).order_by("-created_at").values_list("author_name", flat=True)
        return found.first() or ""

    def pseudonym_taken(self, dialogue, pseudonym, user) -> bool:
        """Does someone else already comment under this pseudonym in this dialogue's consultations?"""
        return _comments(dialogue).filter(Q(author_name__iexact=pseudonym) & ~Q(author=user)).exists()


COMMENT_NAMES = CommentNames()
