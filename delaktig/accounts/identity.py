"""Protected identity (skyddade personuppgifter): the one way a participant's name is shown to others.

Every page, export, API, PDF and e-mail that names a participant to someone else goes through `display_name`
(templates: `{{ person|shown_name:request.user }}`, or `shown_as` for a name copied onto a row). For a person with
a protected identity it gives "Protected identity" instead of the name, to everyone but the person themself, and
`contact_hidden` says to leave out their e-mail address and phone number.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

PROTECTED = _("Protected identity")


def is_protected(person: Any) -> bool:
    return bool(getattr(person, "protected_identity", False))


def display_name(person: Any, viewer: Any = None, *, name: str | None = None) -> str:
    """The name to show `viewer` for `person` (a User, or anything with `protected_identity`); `name` when a row
    carries its own copy of the name (a proposal's name shown, a signature's name)."""
    shown = (person.name if person is not None else "") if name is None else name
    if person is None or not is_protected(person):
        return shown
    if viewer is not None and getattr(viewer, "pk", None) is not None and viewer.pk == getattr(person, "pk", -1):
        return shown
    return str(PROTECTED)


def contact_hidden(person: Any, viewer: Any = None) -> bool:
    """Whether `person`'s e-mail address and phone number must be left out for `viewer`."""
    if not is_protected(person):
        return False
    return viewer is None or getattr(viewer, "pk", None) != getattr(person, "pk", -1)


def name_shown(person: Any, name: str) -> str:
    """The name to store as shown with something `person` sends in: "" (anonymous) when their identity is
    protected, so every page, export, feed and document that reads the stored name leaves it out."""
    return "" if is_protected(person) else name


def protected_emails(emails) -> set[str]:
    """Of these addresses, those of people with a protected identity (one query; for rows kept by address)."""
    from .models import User

    wanted = {(email or "").strip().lower() for email in emails} - {""}
    if not wanted:
        return set()
    return set(User.objects.filter(email__in=wanted, protected_identity=True).values_list("email", flat=True))


def protected_ids(user_ids) -> set[int]:
    """Of these users, those with a protected identity (one query, for lists and exports)."""
    from .models import User

    ids = {pk for pk in user_ids if pk is not None}
    if not ids:
        return set()
    return set(User.objects.filter(pk__in=ids, protected_identity=True).values_list("pk", flat=True))
