"""Who may do what. Residents' actions are granted by phases; staff actions by role.

Every check goes through delaktig.participation.rules.allowed(), which reads these tables from the manifest.
"""

from delaktig.organisations.models import Role

RESIDENT_ACTIONS = frozenset({"post", "comment", "support", "vote"})

STAFF_ACTIONS = {
    "moderate": frozenset({Role.MODERATOR, Role.DEMOCRACY_OFFICER, Role.OFFICER}),
    # The budgets, the counting rule and the review of each proposal's feasibility and cost
    "manage": frozenset({Role.OFFICER, Role.DEMOCRACY_OFFICER}),
    # Proposals that came on paper or at a meeting, entered at the dialogue's desk
    "enter_offline": frozenset({Role.OFFICER, Role.DEMOCRACY_OFFICER}),
}
