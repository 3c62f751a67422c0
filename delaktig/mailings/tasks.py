from django_tasks import task

from .services import mailing_send


@task()
def mailing_send_task(*, mailing_id):
    return mailing_send(mailing_id=mailing_id)
