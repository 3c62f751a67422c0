from delaktig.organisations.models import Role

# Who may read the yearly report (elected officials read it).
REPORT_ROLES = frozenset(
    {Role.DEMOCRACY_OFFICER, Role.ADMINISTRATOR, Role.OFFICER, Role.ELECTED_OFFICIAL, Role.REGISTRAR}
)
# Who writes the action points and the proposed resolution.
TEXT_ROLES = frozenset({Role.DEMOCRACY_OFFICER, Role.ADMINISTRATOR})
# Who starts a new generation of the files.
GENERATE_ROLES = frozenset({Role.DEMOCRACY_OFFICER, Role.ADMINISTRATOR, Role.REGISTRAR})
# Who records that the council received the report (and so publishes it).
PRESENT_ROLES = frozenset({Role.DEMOCRACY_OFFICER, Role.REGISTRAR})
