"""allowed(): the one gate every participation action passes."""

from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from delaktig.dialogues.models import PUBLIC_STATES, Kind, State


@dataclass(frozen=True)
class Decision:
    allowed: bool
    reason: str = ""
    needs_login: bool = False  # logging in is all that is missing: views send people to the login page

    def __bool__(self):
        return self.allowed


YES = Decision(True)


def allowed(user, action, module, now=None):
    """May `user` take `action` in `module` at `now`? The Decision says why not, in words."""
    manifest = module.manifest
    dialogue = module.dialogue
    if manifest is None:
        return Decision(False, _("This way of taking part is no longer available."))
    if action == "view":  # a public dialogue is seen by anyone, without asking who (no session read)
        if dialogue.state in PUBLIC_STATES or (user.is_authenticated and user.is_staff_of(dialogue.municipality)):
            return YES
        return Decision(False, _("Not public yet."))
    if action in manifest.staff_actions:
        return _staff_decision(user, dialogue, manifest.staff_actions[action])
    if action in manifest.resident_actions:
        return _resident_decision(user, action, module, manifest, now or timezone.now())
    return Decision(False, _("Unknown action."))


def _staff_decision(user, dialogue, roles):
    if user.is_authenticated and user.has_role(dialogue.municipality, *roles):
        return YES
    return Decision(False, _("Your role does not allow this."))


def _resident_decision(user, action, module, manifest, now):
    dialogue = module.dialogue
    if dialogue.kind == Kind.INFORMATION:
        return Decision(False, _("This is information from the municipality. You cannot give input here."))
    if dialogue.state == State.PLANNED:
        return Decision(False, _("The dialogue has not opened yet."))
    phase = module.active_phase(now)  # once the dialogue has closed, only a phase whose type runs after closing
    phase_type = manifest.phase_type(phase.phase_type) if phase else None
    if dialogue.state != State.OPEN and phase is None:
        reason = _("The dialogue is closed. You can no longer give input, but you can read what came in.")
        return Decision(False, reason)
    if phase_type is None or action not in phase_type.features:
        return Decision(False, _("This is not possible in the current phase."))
    if not user.is_authenticated:
        return Decision(False, _("Log in to take part."), needs_login=True)
    if user.identity_level < manifest.min_identity_level:
        return Decision(False, _("Confirm your e-mail address to take part."))
    return YES
