"""Feedback that is kept: deadlines, reminders, the feedback mailing and implementation tracking."""
