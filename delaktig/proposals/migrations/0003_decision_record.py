# A proposal's decision moves into organisations.Decision: first the new link (this migration), then the values
# (0004), then the old fields go (0005). The attachment stays with the proposal.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0004_decision"),
        ("proposals", "0002_signature_outbox_and_shown_names"),
    ]

    operations = [
        migrations.AddField(
            model_name="proposal",
            name="decision",
            field=models.OneToOneField(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="proposal",
                to="organisations.decision",
                verbose_name="decision",
            ),
        ),
    ]
