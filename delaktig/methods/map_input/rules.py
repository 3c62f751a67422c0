"""Who may do what. Residents' actions are granted by phases; staff actions by role.

Every check goes through delaktig.participation.rules.allowed(), which reads these tables from the manifest.
"""

from delaktig.organisations.models import Role

RESIDENT_ACTIONS = frozenset({"post", "comment", "support"})

STAFF_ACTIONS = {
    "moderate": frozenset({Role.MODERATOR, Role.DEMOCRACY_OFFICER, Role.OFFICER}),
    "manage": frozenset({Role.OFFICER, Role.DEMOCRACY_OFFICER}),
    # Map input that came on paper, by phone, letter or at a meeting, entered at the dialogue's desk
    "enter_offline": frozenset({Role.OFFICER, Role.DEMOCRACY_OFFICER}),
    # The map's background (a tile source) is the municipality's, shared by all its map dialogues
    "map_background": frozenset({Role.ADMINISTRATOR, Role.DEMOCRACY_OFFICER}),
}
