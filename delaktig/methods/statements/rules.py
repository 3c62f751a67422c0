"""Who may do what. Residents' actions are granted by phases; staff actions by role.

Every check goes through delaktig.participation.rules.allowed(), which reads these tables from the manifest.
"""

from delaktig.organisations.models import Role

RESIDENT_ACTIONS = frozenset({"post", "vote"})

STAFF_ACTIONS = {
    "moderate": frozenset({Role.MODERATOR, Role.DEMOCRACY_OFFICER, Role.OFFICER}),
    "manage": frozenset({Role.OFFICER, Role.DEMOCRACY_OFFICER}),
}
