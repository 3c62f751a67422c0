"""The rule for changing how participants appear publicly (Dialogue.public_identity), and its effects.

Before anyone has taken part the setting may be anything. Afterwards it may only become more private, so
nobody is ever shown more than they were told; "anonymous by design" is then out of reach, because what was
already sent keeps its account. A stricter setting applies to what is already published as well: the methods
remove the names they show (hook `dialogue_public_names_hide`). See docs/decisions.md.
"""

from django.utils.translation import gettext as _

from delaktig.core.audit import audit_record
from delaktig.dialogues import hookspecs as dialogue_hooks

from .models import PUBLIC_IDENTITY_ORDER, PublicIdentity


def has_contributions(dialogue):
    """Has anyone taken part yet, in any way? (The participation methods answer through a hook.)"""
    return dialogue.pk is not None and any(
        hook(dialogue) for hook in dialogue_hooks.dialogue_has_contributions.implementations()
    )


def unsupported_ways(dialogue):
    if dialogue.pk is None:
        return []
    return [
        name
        for hook in dialogue_hooks.dialogue_public_identity_unsupported.implementations()
        for name in hook(dialogue)
    ]


def is_stricter(before, after):
    return PUBLIC_IDENTITY_ORDER.index(after) > PUBLIC_IDENTITY_ORDER.index(before)


def refusal(dialogue, before, after):
    """Why the setting may not change from `before` to `after` now, in words; "" when it may."""
    if after == before:
        return ""
    unsupported = unsupported_ways(dialogue) if after != PublicIdentity.NAME else []
    if unsupported:
        return _("%(ways)s always shows the names of participants. Choose “With their name”.") % {
            "ways": ", ".join(unsupported)
        }
    if not has_contributions(dialogue):
        return ""
    if not is_stricter(before, after):
        return _("People have already taken part and were told how they are shown. You can only make it more private.")
    if after == PublicIdentity.ANONYMOUS_BY_DESIGN:
        return _(
            "People have already taken part, and we have stored who they are. Choose “Anonymously” instead: "
            "then nobody is shown by name."
        )
    return ""


def changed(*, dialogue, actor, before):
    """Record the change (inside the transaction that saved it); hide names already shown when it got stricter."""
    after = dialogue.public_identity
    hidden = 0
    if is_stricter(before, after):
        hidden = sum(hook(dialogue) or 0 for hook in dialogue_hooks.dialogue_public_names_hide.implementations())
    audit_record(
        municipality=dialogue.municipality,
        actor=actor,
        action="dialogue.public_identity",
        target=dialogue,
        data={"before": before, "after": after, "names_hidden": hidden},
    )
    return hidden
