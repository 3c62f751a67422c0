"""Writes of the decision basis: ask for a new version (queued, audited); `generation` makes it in the worker."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from delaktig.core.audit import audit_record
from delaktig.dialogues.models import Dialogue
from delaktig.organisations import case_numbers

from . import selectors
from .generation import decision_basis_generate  # noqa: F401  (the work a version's task does)
from .models import DecisionBasis
from .tasks import decision_basis_generate_task

MISSING_NUMBER = gettext_lazy(
    "The dialogue has no case number. Enter the registration number of the case the decision basis belongs to, "
    "for example KS 2026/123."
)


def decision_basis_request(
    *,
    dialogue,
    actor,
    assessment,
    registration_number="",
    consultation_text="",
    consultation_file=None,
    representativeness_text="",
):
    """A new version, queued for the worker once the transaction commits; earlier versions are left as they were.

    The registration number is the dialogue's case number; `registration_number` is used only when the dialogue
    has none. Raises ValidationError when there is neither, or no assessment.
    """
    number = selectors.registration_number_for(dialogue) or _typed_number(dialogue, registration_number)
    if not number:
        raise ValidationError({"registration_number": MISSING_NUMBER})
    if not (assessment or "").strip():
        raise ValidationError({"assessment": _("Write the officer's assessment.")})
    with transaction.atomic():
        Dialogue.objects.select_for_update().filter(pk=dialogue.pk).first()  # one version number at a time
        if not selectors.registration_number_for(dialogue):
            _number_carry(dialogue, actor, number)
        basis = DecisionBasis.objects.create(
            dialogue=dialogue,
            version=selectors.next_version(dialogue),
            registration_number=number,
            assessment=assessment.strip(),
            consultation_text=(consultation_text or "").strip(),
            representativeness_text=(representativeness_text or "").strip(),
            created_by=actor if getattr(actor, "is_authenticated", False) else None,
            step=str(_("Waiting to start")),
        )
        if consultation_file:
            basis.consultation_file.save(basis.consultation_file_name(), consultation_file, save=True)
        audit_record(
            municipality=dialogue.municipality,
            actor=actor,
            action="decision_basis.requested",
            target=dialogue,
            data={"version": basis.version, "registration_number": number, "decision_basis_id": basis.pk},
        )
        transaction.on_commit(lambda: _enqueue(basis.pk))
    return basis


def _typed_number(dialogue, typed):
    """The number typed when the dialogue has none, checked against the municipality's pattern."""
    try:
        return case_numbers.case_number_clean(municipality=dialogue.municipality, value=typed or "")
    except ValidationError as error:
        raise ValidationError({"registration_number": error.messages}) from None


def _number_carry(dialogue, actor, number):
    """The number typed here becomes the dialogue's: one number from the initiative to the decision."""
    Dialogue.objects.filter(pk=dialogue.pk).update(case_number=number)
    dialogue.case_number = number
    audit_record(
        municipality=dialogue.municipality,
        actor=actor,
        action="dialogue.update",
        target=dialogue,
        data={"fields": ["case_number"], "to": number},
    )


def _enqueue(basis_id):
    decision_basis_generate_task.enqueue(basis_id=basis_id)
