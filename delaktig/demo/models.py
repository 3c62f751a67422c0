from django.db import models
from django.utils.translation import gettext_lazy as _


class DemoMail(models.Model):
    """An e-mail the demo "sent": kept here by DemoInboxBackend instead of leaving the machine."""

    to = models.TextField(_("to"), help_text=_("Every recipient (to, cc and bcc), separated by commas."))
    from_email = models.CharField(_("from"), max_length=320, blank=True)
    subject = models.CharField(_("subject"), max_length=998, blank=True)
    body = models.TextField(_("text"), blank=True)
    html = models.TextField(_("HTML version"), blank=True)
    attachments = models.JSONField(_("attachments"), default=list, blank=True)  # file names only
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-sent_at", "-pk"]
        verbose_name = _("demo e-mail")
        verbose_name_plural = _("demo e-mails")

    def __str__(self):
        return f"{self.subject} → {self.to}"

    def recipients(self):
        return [address for address in self.to.split(",") if address]
