# Copies each proposal's decision fields into a Decision row, and back when the migration is reversed.

from django.db import migrations

# {old proposal field: Decision field}
FIELDS = {
    "decision_body_id": "body_id",
    "decision_date": "date",
    "decision_minute_item": "minute_item",
    "decision_text": "text",
}


def forwards(apps, schema_editor):
    Proposal = apps.get_model("proposals", "Proposal")
    Decision = apps.get_model("organisations", "Decision")
    for proposal in Proposal.objects.order_by("pk").iterator():
        values = {new: getattr(proposal, old) for old, new in FIELDS.items()}
        if any(values.values()):
            decision = Decision.objects.create(municipality_id=proposal.municipality_id, **values)
            proposal.decision_id = decision.pk
            proposal.save(update_fields=["decision"])


def backwards(apps, schema_editor):
    Proposal = apps.get_model("proposals", "Proposal")
    Decision = apps.get_model("organisations", "Decision")
    for proposal in Proposal.objects.filter(decision__isnull=False).select_related("decision").iterator():
        decision = proposal.decision
        for old, new in FIELDS.items():
            setattr(proposal, old, getattr(decision, new))
        proposal.decision_id = None
        proposal.save(update_fields=["decision", *(old.removesuffix("_id") for old in FIELDS)])
        # Only this proposal points at the row. A plain delete() would also clear links of other apps whose columns
        # may already be gone in this reversal (the historical state does not know), so the row goes on its own.
        Decision.objects.filter(pk=decision.pk)._raw_delete(schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [
        ("proposals", "0003_decision_record"),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
    ]
