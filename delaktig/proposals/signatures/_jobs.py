"""The periodic run (every ten minutes: `manage.py periodic`, `manage.py proposals_expire`, or the task):
thresholds reached, signing periods that ended, the steps a signing request could not finish after its
signature was stored, and any confirmation link still waiting in the outbox."""

from django_tasks import task

from ._sending import confirmation_mails_send
from ._thresholds import proposals_expire, thresholds_recheck


def expiry_run():
    """Returns {"threshold", "closed", "officer", "threshold_mailings", "mailed"}: how many of each."""
    rechecked = thresholds_recheck()
    result = proposals_expire()
    result["threshold"] += rechecked["threshold"]
    result["threshold_mailings"] = rechecked["mailings"]
    result["mailed"] = confirmation_mails_send()
    return result


@task()
def proposals_expire_task():
    """expiry_run as a task, for a scheduler that enqueues tasks."""
    return expiry_run()
