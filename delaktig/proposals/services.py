"""Writes for proposals. Keyword-only functions named noun_verb; every visible change is audited."""

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .models import RegistrationSequence


@transaction.atomic
def registration_number_next(*, municipality, prefix="KS"):
    """'KS 2026/17': the next number of the municipality's registry for this year, taken under a row lock."""
    year = timezone.localdate().year
    sequence, _created = RegistrationSequence.objects.select_for_update().get_or_create(
        municipality=municipality, year=year
    )
    RegistrationSequence.objects.filter(pk=sequence.pk).update(last=F("last") + 1)
    sequence.refresh_from_db()
    return f"{prefix} {year}/{sequence.last}"
