"""Queued and past tasks keep working after signing and handling became the parts `signatures` and `handling`:
their stored task paths follow the functions to their new modules (and back, when migrating backwards)."""

from django.db import migrations

OLD_TO_NEW = {
    "delaktig.proposals.tasks_signing.signature_mail_send": "delaktig.proposals.signatures._tasks.signature_mail_send",
    "delaktig.proposals.tasks_signing.confirmation_mails_task": (
        "delaktig.proposals.signatures._tasks.confirmation_mails_task"
    ),
    "delaktig.proposals.tasks_signing.threshold_mailing_task": (
        "delaktig.proposals.signatures._tasks.threshold_mailing_task"
    ),
    "delaktig.proposals.tasks_signing.proposals_expire_task": "delaktig.proposals.signatures._jobs.proposals_expire_task",
    "delaktig.proposals.tasks_proposer.proposal_receipt_send": (
        "delaktig.proposals.handling._proposer_tasks.proposal_receipt_send"
    ),
    "delaktig.proposals.tasks_staff.rejection_notify": "delaktig.proposals.handling._staff_tasks.rejection_notify",
    "delaktig.proposals.tasks_staff.complaint_forward": "delaktig.proposals.handling._staff_tasks.complaint_forward",
}


def _rename(apps, mapping):
    tasks = apps.get_model("django_tasks_database", "DBTaskResult")
    for old, new in mapping.items():
        tasks.objects.filter(task_path=old).update(task_path=new)


def forwards(apps, schema_editor):
    _rename(apps, OLD_TO_NEW)


def backwards(apps, schema_editor):
    _rename(apps, {new: old for old, new in OLD_TO_NEW.items()})


class Migration(migrations.Migration):
    dependencies = [
        ("proposals", "0005_remove_old_decision_fields"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
