"""The analysis of the votes, made in the background (Django's tasks; the database queue in production).

Every vote and every moderation asks for a fresh analysis after its commit (`analysis_refresh_later`). At most one
waits at a time: the row's `refresh_waiting` is set by the first request (one UPDATE, so a thousand votes a
second ask once), and where the queue can wait (the database queue) the task starts REFRESH_DELAY later, so a row
of votes makes one analysis. The task clears the flag before it reads the votes, so a vote that comes while it
runs asks again. Pages show the newest stored analysis and when it ran; no request waits for one.
"""

import time
from datetime import timedelta

from django.db import transaction
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from delaktig.background import purposes
from delaktig.participation.models import Module
from delaktig.participation.signals import moderated

from .analysis import opinion_groups
from .models import Analysis, Statement
from .selectors import vote_arrays

REFRESH_DELAY = timedelta(seconds=20)


def analysis_refresh_later(*, module_id: int) -> None:
    """After the commit of the change being made: a fresh analysis of the module, unless one already waits."""
    transaction.on_commit(lambda: analysis_refresh(module_id=module_id))


@receiver(moderated, sender=Statement)
def _statement_moderated(*, item, **kwargs) -> None:
    """A statement published or removed: its votes join or leave the analysis."""
    analysis_refresh_later(module_id=item.module_id)


def analysis_refresh(*, module_id: int, later: bool = True) -> bool:
    """Queue an analysis of the module unless one already waits; True when this call queued it."""
    Analysis.objects.get_or_create(module_id=module_id)
    if not Analysis.objects.filter(module_id=module_id, refresh_waiting=False).update(refresh_waiting=True):
        return False
    queued = analysis_task
    if later and queued.get_backend().supports_defer:
        queued = queued.using(run_after=timezone.now() + REFRESH_DELAY)
    queued.enqueue(module_id=module_id)
    return True


def analysis_make(*, module_id: int):
    """Analyse the module's votes now and store the result on its analysis row (also what `make run`'s demo and
    the staff's "analyse now" use). Returns the row, or None when the module is gone."""
    if not Module.objects.filter(pk=module_id).exists():
        return None
    Analysis.objects.get_or_create(module_id=module_id)
    Analysis.objects.filter(module_id=module_id).update(refresh_waiting=False)  # a vote from now on asks again
    started = time.perf_counter()
    people, statements, choices = vote_arrays(module_id)
    found = opinion_groups(people, statements, choices)
    Analysis.objects.filter(module_id=module_id).update(
        result=found.result, ran_at=timezone.now(), votes_seen=len(choices), seconds=time.perf_counter() - started
    )
    return Analysis.objects.get(module_id=module_id)


@task()
def analysis_task(*, module_id):
    analysis_make(module_id=module_id)


@purposes.describes(analysis_task)
def _analysis_purpose(kwargs):
    module = Module.objects.select_related("dialogue").filter(pk=kwargs.get("module_id")).first()
    if module is None:
        return None
    return purposes.Purpose(
        municipality_id=module.dialogue.municipality_id,
        text=_("The opinion groups of “%(title)s”") % {"title": module.name},
    )
