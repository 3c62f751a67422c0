"""Writes for dialogues other than state changes (those are in workflow.py)."""


def followers_notify_later(*, dialogue_id, event):
    pass
