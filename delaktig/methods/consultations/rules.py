"""Who may do what. Residents' actions are granted by phases; staff actions by role.

Every check goes through delaktig.participation.rules.allowed(), which reads these tables from the manifest.
"""

from delaktig.organisations.models import Role

RESIDENT_ACTIONS = frozenset({"comment", "follow"})

MANAGERS = frozenset({Role.OFFICER, Role.DEMOCRACY_OFFICER})

STAFF_ACTIONS = {
    "edit": MANAGERS,  # the document, its versions, pictures and attachments, publishing
    "moderate": MANAGERS | {Role.MODERATOR},  # comments waiting in a pre-moderated dialogue
    "answer": MANAGERS | {Role.ELECTED_OFFICIAL},  # official answers shown under a comment
    "enter": MANAGERS,  # comments that came by letter or e-mail
    "respond": MANAGERS,  # the consultation report: summaries, the municipality's response and position
    "report": MANAGERS | {Role.ELECTED_OFFICIAL},  # reading and downloading the consultation report
}


def answer_role_for(user, module):
    """As whom `user` answers by default: a politician when they are only an elected official here."""
    from .models import AnswerRole

    roles = user.roles_in(module.dialogue.municipality)
    return AnswerRole.POLITICIAN if roles and not roles & MANAGERS else AnswerRole.OFFICER
