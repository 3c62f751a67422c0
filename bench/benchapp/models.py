"""Only for the naive baseline: the read-modify-write counter the real code must never have."""

from django.db import models


class NaiveCounter(models.Model):
    proposal_id = models.BigIntegerField(unique=True)
    count = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.proposal_id}: {self.count}"
