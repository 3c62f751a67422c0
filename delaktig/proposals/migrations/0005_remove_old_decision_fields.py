from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("proposals", "0004_decision_record_copy"),
    ]

    operations = [
        migrations.RemoveField(model_name="proposal", name="decision_body"),
        migrations.RemoveField(model_name="proposal", name="decision_date"),
        migrations.RemoveField(model_name="proposal", name="decision_minute_item"),
        migrations.RemoveField(model_name="proposal", name="decision_text"),
    ]
