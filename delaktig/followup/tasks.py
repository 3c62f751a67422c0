"""Background work of follow-up: the periodic deadline check."""

from django_tasks import task

from . import services


@task()
def feedback_deadlines(*, today=None):
    """Remind and escalate feedback deadlines; safe to run as often as you like."""
    import datetime

    day = datetime.date.fromisoformat(today) if today else None
    return services.feedback_deadlines_check(today=day)
