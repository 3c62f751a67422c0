"""Who may do what. Residents' actions are granted by phases; staff actions by role.

Every check goes through delaktig.participation.rules.allowed(), which reads these tables from the manifest.
"""

from delaktig.organisations.models import Role

RESIDENT_ACTIONS = frozenset({"vote"})

MANAGERS = frozenset({Role.OFFICER, Role.DEMOCRACY_OFFICER})

STAFF_ACTIONS = {
    "manage": MANAGERS,  # the alternatives, the ballot and who may vote
    "enter": MANAGERS,  # ballots that came on paper
    "results": MANAGERS | {Role.ELECTED_OFFICIAL},  # the results once the vote has closed, and the figures
}
