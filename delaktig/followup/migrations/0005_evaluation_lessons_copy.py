# Moves each free-text evaluation (Outcome.evaluation) into the lessons of a structured Evaluation, and back when
# the migration is reversed (0006, which drops the old field, is reversed first and brings it back empty). Going
# back keeps the lessons only: the old field has no place for the answers on purpose, methods and target groups.

from django.db import migrations


def forwards(apps, schema_editor):
    Outcome = apps.get_model("followup", "Outcome")
    Evaluation = apps.get_model("followup", "Evaluation")
    rows = [
        Evaluation(dialogue_id=outcome.dialogue_id, lessons=outcome.evaluation)
        for outcome in Outcome.objects.exclude(evaluation="").order_by("pk").iterator()
    ]
    Evaluation.objects.bulk_create(rows, batch_size=500)


def backwards(apps, schema_editor):
    Outcome = apps.get_model("followup", "Outcome")
    Evaluation = apps.get_model("followup", "Evaluation")
    for evaluation in Evaluation.objects.exclude(lessons="").order_by("pk").iterator():
        updated = Outcome.objects.filter(dialogue_id=evaluation.dialogue_id).update(evaluation=evaluation.lessons)
        if not updated:
            Outcome.objects.create(dialogue_id=evaluation.dialogue_id, evaluation=evaluation.lessons)
    Evaluation.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("followup", "0004_evaluation"),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
    ]
