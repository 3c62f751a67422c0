"""Who may do what. Residents' actions are granted by phases; staff actions by role.

Every check goes through delaktig.participation.rules.allowed(), which reads these tables from the manifest.
"""

from delaktig.organisations.models import Role

RESIDENT_ACTIONS = frozenset({"register"})

MANAGERS = frozenset({Role.OFFICER, Role.DEMOCRACY_OFFICER})

STAFF_ACTIONS = {
    "manage": MANAGERS,  # meetings, moving and cancelling them, the attendance list and the sign-in sheet
    "record": MANAGERS,  # what happened at a meeting: summary, people present, what was said
}
