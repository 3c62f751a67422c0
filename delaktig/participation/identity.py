"""How participants appear publicly, for every method: pseudonyms and the words that say what is public.

The setting itself is the dialogue's (`Dialogue.public_identity`, with `public_name_for()` and
`account_for()`); a method that honours it says so in its manifest (`honours_public_identity`) and uses
these helpers on its forms, check pages and receipts. See docs/decisions.md.
"""

import random
import re

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from delaktig.dialogues.models import PublicIdentity

ANONYMOUS_PARTICIPANT = gettext_lazy("Anonymous participant")
COMMENT_CONTENTS = gettext_lazy("your comment")  # what a comment makes public, for what_is_public()
PSEUDONYM_MIN = 3
PSEUDONYM_MAX = 40
# Made-up names: a place in nature and an animal, and a number so two people rarely get the same.
_PLACES = ("Skogs", "Sjö", "Berg", "Ängs", "Myr", "Älv", "Fjäll", "Strand", "Moss", "Hag")
_ANIMALS = ("mus", "räv", "uggla", "hare", "trast", "gädda", "bäver", "ekorre", "lo", "svala")
_ALLOWED = re.compile(r"^[\w .'-]+$")
_EMAIL_LIKE = re.compile(r"@|\bwww\.|https?:|\.(se|nu|com|org|net)\b", re.IGNORECASE)
_MANY_DIGITS = re.compile(r"\d[\d -]{5,}\d")
_RESERVED = {"anonym", "anonym deltagare", "anonymous", "anonymous participant", "moderator", "admin", "kommunen"}


def pseudonym_suggest(rng=random):
    """A made-up name such as "Skogsmus 417": about 90 000 combinations."""
    return f"{rng.choice(_PLACES)}{rng.choice(_ANIMALS)} {rng.randint(100, 999)}"


def pseudonym_clean(value, *, user=None):
    """The pseudonym with spaces tidied, or a ValidationError that says how to fix it."""
    name = " ".join((value or "").split())
    if len(name) < PSEUDONYM_MIN or len(name) > PSEUDONYM_MAX:
        raise forms.ValidationError(
            _("Write a pseudonym of %(min)s to %(max)s characters.") % {"min": PSEUDONYM_MIN, "max": PSEUDONYM_MAX}
        )
    if _EMAIL_LIKE.search(name):
        raise forms.ValidationError(_("A pseudonym cannot be an e-mail address or a web address."))
    if _MANY_DIGITS.search(name):
        raise forms.ValidationError(_("A pseudonym cannot look like a phone number or a personal identity number."))
    if not _ALLOWED.match(name) or "_" in name:
        raise forms.ValidationError(_("Use letters, digits, spaces, hyphens and full stops only."))
    if name.casefold() in _RESERVED:
        raise forms.ValidationError(_("Choose another pseudonym: that one could be mistaken for someone else."))
    if user is not None and _reveals(name, user):
        raise forms.ValidationError(_("Choose a pseudonym that is not your name or your e-mail address."))
    return name


def _reveals(name, user):
    folded = name.casefold()
    real = " ".join((getattr(user, "name", "") or "").split()).casefold()
    local = (getattr(user, "email", "") or "").split("@")[0].casefold()
    return bool(real and folded == real) or bool(len(local) >= 4 and local in folded.replace(" ", ""))


def pseudonym_field(*, initial="", label=None):
    """The form field a method adds when the dialogue asks for a pseudonym."""
    return forms.CharField(
        label=label or _("Your pseudonym"),
        max_length=PSEUDONYM_MAX,
        initial=initial,
        help_text=_(
            "Others see this name instead of your real name. Keep our suggestion or write your own, %(min)s to "
            "%(max)s characters. Do not use your name or your e-mail address."
        )
        % {"min": PSEUDONYM_MIN, "max": PSEUDONYM_MAX},
    )


def what_is_public(dialogue, *, shown_name, contents):
    """Sentences that say exactly what will be public, for check pages, forms, confirmations and receipts.

    `shown_name` is what `dialogue.public_name_for()` gives ("" for "Anonymous participant"); `contents` names
    what the person wrote, for example "your title and text".
    """
    setting = dialogue.public_identity
    values = {"contents": contents, "name": shown_name, "anonymous": ANONYMOUS_PARTICIPANT}
    if shown_name and setting == PublicIdentity.NAME:
        shown = _("This is shown publicly: %(contents)s, your name “%(name)s” and the date.") % values
    elif shown_name:
        shown = _("This is shown publicly: %(contents)s, the pseudonym “%(name)s” and the date.") % values
    else:
        shown = _("This is shown publicly: %(contents)s, the date and “%(anonymous)s” instead of a name.") % values
    hidden = _("Your e-mail address is not shown.") if shown_name and setting == PublicIdentity.NAME else None
    hidden = hidden or _("Your name and your e-mail address are not shown.")
    if dialogue.stores_account:
        who = _("Staff of the municipality can see which account sent it.")
    else:
        who = _("We do not store who sent it, so not even staff of the municipality can see who wrote it.")
    return [shown, hidden, who]
