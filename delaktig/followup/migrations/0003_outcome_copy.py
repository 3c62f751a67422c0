# Copies each dialogue's "how the input mattered", feedback and evaluation into Outcome, and back when the migration
# is reversed (dialogues 0007, which drops the old fields, is reversed first and brings them back empty).

from django.db import migrations

FIELDS = ("input_influence", "feedback", "evaluation")  # the same names on both


def forwards(apps, schema_editor):
    Dialogue = apps.get_model("dialogues", "Dialogue")
    Outcome = apps.get_model("followup", "Outcome")
    rows = []
    for dialogue in Dialogue.objects.order_by("pk").iterator():
        values = {name: getattr(dialogue, name) for name in FIELDS}
        if any(values.values()):
            rows.append(Outcome(dialogue_id=dialogue.pk, **values))
    Outcome.objects.bulk_create(rows, batch_size=500)


def backwards(apps, schema_editor):
    Dialogue = apps.get_model("dialogues", "Dialogue")
    Outcome = apps.get_model("followup", "Outcome")
    for outcome in Outcome.objects.order_by("pk").iterator():
        values = {name: getattr(outcome, name) for name in FIELDS}
        Dialogue.objects.filter(pk=outcome.dialogue_id).update(**values)  # updated_at stays as it was
    Outcome.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("followup", "0002_outcome"),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
    ]
