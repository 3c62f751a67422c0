# The decisions a dialogue records move into organisations.Decision: first the new links (this migration), then the
# values (0005), then the old fields go (0006). Three steps so that PostgreSQL never changes a table's columns in
# the transaction that changed its rows.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("dialogues", "0003_public_identity"),
        ("organisations", "0004_decision"),
    ]

    operations = [
        migrations.AddField(
            model_name="dialogue",
            name="decision_to_hold",
            field=models.OneToOneField(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="held_dialogue",
                to="organisations.decision",
                verbose_name="decision to hold the dialogue",
            ),
        ),
        migrations.AddField(
            model_name="dialogue",
            name="decision_in_matter",
            field=models.OneToOneField(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="matter_dialogue",
                to="organisations.decision",
                verbose_name="decision in the matter",
            ),
        ),
    ]
