"""How open input honours the dialogue's setting for public names (Dialogue.public_identity).

The name shown is stored with each input and comment (`author_name`, from Dialogue.public_name_for), so every
page, feed, export and the results workspace read the same thing; "" is shown as "Anonymous participant".
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from delaktig.participation.models import Comment

from .models import Input
from .selectors import _module_comments, input_type

INPUT_CONTENTS = _("your title and text")
COMMENT_CONTENTS = _("your comment")


def _dialogue_comments(dialogue):
    inputs = Input.objects.filter(module__dialogue=dialogue).values("pk")
    return Comment.objects.filter(target_type=input_type(), target_id__in=inputs)


def pseudonym_last_used(dialogue, user):
    """The pseudonym `user` last wrote under in this dialogue, so they keep one name; "" if none."""
    if not user.is_authenticated:
        return ""
    found = []
    for qs in (Input.objects.filter(module__dialogue=dialogue), _dialogue_comments(dialogue)):
        row = (
            qs.filter(author=user)
            .exclude(author_name="")
            .order_by("-created_at")
            .values_list("author_name", "created_at")
        )
        found += list(row[:1])
    return max(found, key=lambda pair: pair[1])[0] if found else ""


def pseudonym_taken(dialogue, pseudonym, user):
    """Does someone else already write under this pseudonym in this dialogue?"""
    same = Q(author_name__iexact=pseudonym) & ~Q(author=user)
    inputs = Input.objects.filter(module__dialogue=dialogue).filter(same)
    return inputs.exists() or _dialogue_comments(dialogue).filter(same).exists()


def public_names_hide(module):
    """The dialogue's setting became stricter: input and comments already sent are shown without a name."""
    comments = _module_comments(module).exclude(author_name="").update(author_name="")
    return Input.objects.filter(module=module).exclude(author_name="").update(author_name="") + comments
