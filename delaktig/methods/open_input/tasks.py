"""Receipts queued under this module's name before the receipt became participation's (participation.tasks):
a worker that picks one up still sends it."""

from django_tasks import task

from delaktig.participation import tasks as participation_tasks


@task()
def input_receipt_send(*, input_id, language=None):
    participation_tasks.input_receipt_send.call(model="open_input.input", input_id=input_id, language=language)
