from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("dialogues", "0005_decision_records_copy"),
    ]

    operations = [
        migrations.RemoveField(model_name="dialogue", name="deciding_body"),
        migrations.RemoveField(model_name="dialogue", name="decision_date"),
        migrations.RemoveField(model_name="dialogue", name="decision_minute_item"),
        migrations.RemoveField(model_name="dialogue", name="decision_registration_number"),
        migrations.RemoveField(model_name="dialogue", name="matter_body"),
        migrations.RemoveField(model_name="dialogue", name="matter_decision"),
        migrations.RemoveField(model_name="dialogue", name="matter_decision_date"),
        migrations.RemoveField(model_name="dialogue", name="matter_minute_item"),
    ]
