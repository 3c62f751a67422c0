"""TOTP secrets are kept encrypted (accounts/sealing.py): the column is renamed, widened and every secret sealed."""

from django.db import migrations, models


def seal_every_secret(apps, schema_editor):
    from delaktig.accounts.sealing import sealed

    TwoFactor = apps.get_model("accounts", "TwoFactor")
    for device in TwoFactor.objects.all():
        device.secret_sealed = sealed(device.secret_sealed)
        device.save(update_fields=["secret_sealed"])


def open_every_secret(apps, schema_editor):
    from delaktig.accounts.sealing import opened

    TwoFactor = apps.get_model("accounts", "TwoFactor")
    for device in TwoFactor.objects.all():
        device.secret_sealed = opened(device.secret_sealed)
        device.save(update_fields=["secret_sealed"])


class Migration(migrations.Migration):
    dependencies = [("accounts", "0004_login_sessions")]

    operations = [
        migrations.RenameField(model_name="twofactor", old_name="secret", new_name="secret_sealed"),
        migrations.AlterField(model_name="twofactor", name="secret_sealed", field=models.CharField(max_length=255)),
        migrations.RunPython(seal_every_secret, open_every_secret),
    ]
