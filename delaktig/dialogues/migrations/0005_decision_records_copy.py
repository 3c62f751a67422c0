# Copies each dialogue's decision fields into Decision rows, and back when the migration is reversed.

from django.db import migrations

# The new link -> {old dialogue field: Decision field}
DECISIONS = {
    "decision_to_hold": {
        "deciding_body_id": "body_id",
        "decision_date": "date",
        "decision_minute_item": "minute_item",
        "decision_registration_number": "number",
    },
    "decision_in_matter": {
        "matter_body_id": "body_id",
        "matter_decision_date": "date",
        "matter_minute_item": "minute_item",
        "matter_decision": "text",
    },
}


def forwards(apps, schema_editor):
    Dialogue = apps.get_model("dialogues", "Dialogue")
    Decision = apps.get_model("organisations", "Decision")
    for dialogue in Dialogue.objects.order_by("pk").iterator():
        changed = []
        for link, fields in DECISIONS.items():
            values = {new: getattr(dialogue, old) for old, new in fields.items()}
            if any(values.values()):
                decision = Decision.objects.create(municipality_id=dialogue.municipality_id, **values)
                setattr(dialogue, f"{link}_id", decision.pk)
                changed.append(link)
        if changed:
            dialogue.save(update_fields=changed)  # updated_at stays as it was


def backwards(apps, schema_editor):
    Dialogue = apps.get_model("dialogues", "Dialogue")
    Decision = apps.get_model("organisations", "Decision")
    for dialogue in Dialogue.objects.order_by("pk").iterator():
        gone, changed = [], []
        for link, fields in DECISIONS.items():
            decision = Decision.objects.filter(pk=getattr(dialogue, f"{link}_id")).first()
            if decision is None:
                continue
            for old, new in fields.items():
                setattr(dialogue, old, getattr(decision, new))
            setattr(dialogue, f"{link}_id", None)
            gone.append(decision.pk)
            changed += [link, *(old.removesuffix("_id") for old in fields)]
        if gone:
            dialogue.save(update_fields=changed)  # updated_at stays as it was
            # Only this dialogue points at the rows. A plain delete() would also clear links of other apps whose
            # columns may already be gone in this reversal (the historical state does not know): the rows go alone.
            Decision.objects.filter(pk__in=gone)._raw_delete(schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [
        ("dialogues", "0004_decision_records"),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
    ]
