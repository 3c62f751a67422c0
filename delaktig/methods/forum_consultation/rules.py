"""Who may do what; read by the manifest and asked through delaktig.participation.rules.allowed()."""

from delaktig.organisations.models import Role

RESIDENT_ACTIONS: frozenset[str] = frozenset()

STAFF_ACTIONS = {
    "record": frozenset({Role.OFFICER, Role.DEMOCRACY_OFFICER, Role.ADMINISTRATOR}),
}
