"""Signals a method can listen to for what happens to its items in central code."""

from django.dispatch import Signal

# A moderator published or removed an item (an input or a comment) through the central moderation queue.
# Sent with sender=the item's model, item=the item, published=True/False, actor=the moderator.
moderated = Signal()
