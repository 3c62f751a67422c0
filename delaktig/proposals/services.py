"""Writes for proposals. Keyword-only functions named noun_verb; every visible change is audited."""

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from delaktig.organisations import case_numbers

from .models import RegistrationSequence


@transaction.atomic
def registration_number_next(*, municipality):
    """'KS 2026/17': the next number of the municipality's registry for this year, taken under a row lock, written
    in the municipality's first form of case numbers (organisations.case_numbers)."""
    year = timezone.localdate().year
    sequence, _created = RegistrationSequence.objects.select_for_update().get_or_create(
        municipality=municipality, year=year
    )
    RegistrationSequence.objects.filter(pk=sequence.pk).update(last=F("last") + 1)
    sequence.refresh_from_db()
    return case_numbers.case_number_format(municipality=municipality, year=year, running=sequence.last)
