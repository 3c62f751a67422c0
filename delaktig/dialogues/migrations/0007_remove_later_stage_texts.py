# The texts of the later stages now live with the apps that own them (results.CompiledResults, followup.Outcome):
# the rows are made and filled there first (results 0002-0003, followup 0002-0003), then the old fields go.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('dialogues', '0006_remove_old_decision_fields'),
        ('results', '0003_compiled_results_copy'),
        ('followup', '0003_outcome_copy'),
    ]

    operations = [
        migrations.RemoveField(
            model_name='dialogue',
            name='evaluation',
        ),
        migrations.RemoveField(
            model_name='dialogue',
            name='feedback',
        ),
        migrations.RemoveField(
            model_name='dialogue',
            name='input_influence',
        ),
        migrations.RemoveField(
            model_name='dialogue',
            name='offline_participant_count',
        ),
        migrations.RemoveField(
            model_name='dialogue',
            name='results_summary',
        ),
    ]
