"""The reminder job, run by `manage.py periodic`."""

from delaktig.core import hookspecs as core_hooks

from .reminders import reminders_send

HOUR = 60 * 60


@core_hooks.periodic_jobs.register
def dialogue_meetings_periodic_jobs():
    """Reminders the day before each meeting, checked every quarter of an hour."""
    return [("dialogue_meeting_reminders", HOUR // 4, reminders_send)]
