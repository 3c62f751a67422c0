"""What a background task is for, in words a member of staff understands, and whose it is.

An app says what its tasks are for beside the task:

    @purposes.describes(mailing_send_task)
    def _mailing(kwargs):
        mailing = Mailing.objects.filter(pk=kwargs["mailing_id"]).first()
        return mailing and Purpose(municipality_id=mailing.municipality_id, text=..., url=...)

A task nobody describes is shown to no municipality by name (it may hold another municipality's work).
"""

import logging
from dataclasses import dataclass
from importlib import import_module

logger = logging.getLogger(__name__)
_describers = {}


@dataclass(frozen=True)
class Purpose:
    municipality_id: int | None
    text: str
    url: str = ""


def describes(task):
    """Decorator: fn(kwargs) -> Purpose | None describes every run of `task`."""

    def register(fn):
        _describers[task.module_path] = fn
        return fn

    return register


def purpose_of(task_path, kwargs):
    """The describer lives beside the task, so importing the task's module registers it."""
    if task_path not in _describers:
        try:
            import_module(task_path.rpartition(".")[0])
        except ImportError:
            return None
    describe = _describers.get(task_path)
    if describe is None:
        return None
    try:
        return describe(kwargs or {})
    except Exception:  # a task of a deleted object, or of an older version of the code
        logger.warning("Could not describe task %s", task_path, exc_info=True)
        return None
