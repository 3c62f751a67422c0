# Copies each dialogue's summary of results and offline count into CompiledResults, and back when the migration is
# reversed (dialogues 0007, which drops the old fields, is reversed first and brings them back empty).

from django.db import migrations

FIELDS = {"results_summary": "summary", "offline_participant_count": "offline_participant_count"}  # old: new


def forwards(apps, schema_editor):
    Dialogue = apps.get_model("dialogues", "Dialogue")
    CompiledResults = apps.get_model("results", "CompiledResults")
    rows = []
    for dialogue in Dialogue.objects.order_by("pk").iterator():
        values = {new: getattr(dialogue, old) for old, new in FIELDS.items()}
        if values["summary"] or values["offline_participant_count"] is not None:
            rows.append(CompiledResults(dialogue_id=dialogue.pk, **values))
    CompiledResults.objects.bulk_create(rows, batch_size=500)


def backwards(apps, schema_editor):
    Dialogue = apps.get_model("dialogues", "Dialogue")
    CompiledResults = apps.get_model("results", "CompiledResults")
    for compiled in CompiledResults.objects.order_by("pk").iterator():
        values = {old: getattr(compiled, new) for old, new in FIELDS.items()}
        Dialogue.objects.filter(pk=compiled.dialogue_id).update(**values)  # updated_at stays as it was
    CompiledResults.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("results", "0002_compiled_results"),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
    ]
