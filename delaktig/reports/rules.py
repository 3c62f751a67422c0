from delaktig.organisations.models import Role

# Who may read the yearly report (elected officials read it; nobody writes here).
REPORT_ROLES = frozenset(
    {Role.DEMOCRACY_OFFICER, Role.ADMINISTRATOR, Role.OFFICER, Role.ELECTED_OFFICIAL, Role.REGISTRAR}
)
