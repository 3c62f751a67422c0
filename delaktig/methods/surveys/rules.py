"""Who may do what. Residents' actions are granted by phases; staff actions by role.

Every check goes through delaktig.participation.rules.allowed(), which reads these tables from the manifest.
"""

from delaktig.organisations.models import Role

RESIDENT_ACTIONS = frozenset({"answer"})

MANAGERS = frozenset({Role.OFFICER, Role.DEMOCRACY_OFFICER})

STAFF_ACTIONS = {
    "build": MANAGERS,  # the survey, its pages and questions, copies and templates, publishing the results
    "invite": MANAGERS,  # invitations and reminders
    "enter": MANAGERS,  # responses that came on paper
    "results": MANAGERS | {Role.ELECTED_OFFICIAL},  # the results, free-text answers and downloads
    # which questions every dialogue's participants' evaluation asks, for the whole municipality
    "evaluation_template": frozenset({Role.DEMOCRACY_OFFICER, Role.ADMINISTRATOR}),
}
