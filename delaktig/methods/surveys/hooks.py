"""Periodic jobs, run by `manage.py periodic`: forget sent invitation links, remove expired drafts, write out the
answers of responses still pending (in case a send's task was lost)."""

from delaktig.core import hookspecs as core_hooks

from .pending import expand_all
from .services import drafts_expired_remove
from .services_invitations import sent_links_forget

QUARTER = 15 * 60


@core_hooks.periodic_jobs.register
def surveys_periodic_jobs():
    return [
        ("surveys_invitation_links_forget", QUARTER, sent_links_forget),
        ("surveys_drafts_expired_remove", 4 * QUARTER, drafts_expired_remove),
        ("surveys_pending_expand", 60, expand_all),
    ]
