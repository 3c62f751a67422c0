"""A mailing: one message to many people, sent in the background in batches, with progress to show.

Every recipient is a row with a unique (mailing, email) key. A worker claims a recipient (claimed_at,
attempts + 1, committed) before handing the message to the mail server and stamps sent_at right after.
A worker that dies between the two leaves that one recipient claimed but not stamped: the task is taken
up again (delaktig.background) and sends to it once more. So nobody is skipped, and a crash costs at most
one extra mail: the one in flight. A recipient with attempts > 1 may have had the message twice.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from delaktig.core.models import TimeStampedModel


class Mailing(TimeStampedModel):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to be sent")
        SENDING = "sending", _("Sending")
        DONE = "done", _("Sent")

    municipality = models.ForeignKey("organisations.Municipality", on_delete=models.CASCADE, related_name="mailings")
    purpose = models.CharField(max_length=60)
    subject = models.CharField(max_length=200)
    body = models.TextField(
        help_text="Plain text; {name} is replaced by the recipient's name, {key} by the recipient's value of key"
    )
    target_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    target_id = models.PositiveBigIntegerField(null=True, blank=True)
    target = GenericForeignKey("target_type", "target_id")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.QUEUED)
    total = models.PositiveIntegerField(default=0)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=300, blank=True, help_text="Why sending paused, until it goes on")
    last_error_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("mailing")
        verbose_name_plural = _("mailings")
        ordering = ["-created_at"]

    def __str__(self):
        return self.subject


class Recipient(models.Model):
    mailing = models.ForeignKey(Mailing, on_delete=models.CASCADE, related_name="recipients")
    email = models.EmailField()
    name = models.CharField(max_length=150, blank=True)
    values = models.JSONField(
        default=dict,
        blank=True,
        help_text="The recipient's own texts: {key} in the body becomes values[key]; "
        "values['unsubscribe'] is also sent as the List-Unsubscribe header",
    )
    claimed_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0, help_text="How many times a worker claimed it to send")
    sent_at = models.DateTimeField(null=True, blank=True)
    error = models.CharField(max_length=300, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["mailing", "email"], name="mailing_recipient_once")]
        indexes = [models.Index(fields=["mailing", "sent_at"])]

    def __str__(self):
        return self.email
