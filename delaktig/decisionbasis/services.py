"""Writes of the decision basis: ask for a new version (queued, audited); `generation` makes it in the worker."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from delaktig.core.audit import audit_record
from delaktig.dialogues.models import Dialogue
from delaktig.organisations import case_numbers

from . import selectors
from .forms import MISSING_CHILD_RIGHTS, MISSING_PROPOSAL
from .generation import decision_basis_generate  # noqa: F401  (the work a version's task does)
from .models import Attachment, DecisionBasis, Letterhead, proposed_points
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
    proposed_decision,
    signer,
    addressee,
    background="",
    children_affected=False,
    child_rights_text="",
    registration_number="",
    consultation_text="",
    consultation_file=None,
    representativeness_text="",
    attachments=(),
):
    """A new version, queued for the worker once the transaction commits; earlier versions are left as they were.

    The registration number is the dialogue's case number; `registration_number` is used only when the dialogue
    has none. `signer` is the Membership the officer signs as, `addressee` the Body that decides; both must be the
    dialogue's municipality's. The child-rights assessment is required when children are among the dialogue's
    target groups or `children_affected`. Raises ValidationError on what is missing or wrong.
    """
    number = selectors.registration_number_for(dialogue) or _typed_number(dialogue, registration_number)
    children = bool(children_affected) or selectors.children_among_target_groups(dialogue)
    _check(dialogue, number, assessment, proposed_decision, signer, addressee, children, child_rights_text)
    with transaction.atomic():
        Dialogue.objects.select_for_update().filter(pk=dialogue.pk).first()  # one version number at a time
        if not selectors.registration_number_for(dialogue):
            _number_carry(dialogue, actor, number)
        basis = DecisionBasis.objects.create(
            dialogue=dialogue,
            version=selectors.next_version(dialogue),
            registration_number=number,
            assessment=assessment.strip(),
            proposed_decision="\n".join(proposed_points(proposed_decision)),
            background=(background or "").strip(),
            addressee=addressee.name,
            department=_department(dialogue, signer),
            signer=signer.user,
            signer_name=signer.user.name or signer.user.email,
            signer_title=selectors.signer_title(signer),
            children_affected=children,
            child_rights_text=(child_rights_text or "").strip() if children else "",
            consultation_text=(consultation_text or "").strip(),
            representativeness_text=(representativeness_text or "").strip(),
            created_by=actor if getattr(actor, "is_authenticated", False) else None,
            step=str(_("Waiting to start")),
        )
        if consultation_file:
            basis.consultation_file.save(basis.consultation_file_name(), consultation_file, save=True)
        _attach(basis, attachments)
        audit_record(
            municipality=dialogue.municipality,
            actor=actor,
            action="decision_basis.requested",
            target=dialogue,
            data={"version": basis.version, "registration_number": number, "decision_basis_id": basis.pk},
        )
        transaction.on_commit(lambda: _enqueue(basis.pk))
    return basis


def _attach(basis, attachments):
    """The officer's other attachments, checked by the form: [(upload, AttachmentKind)], in the order chosen."""
    for order, (upload, kind) in enumerate(attachments, start=1):
        name = (upload.name or "bilaga").rsplit("/", 1)[-1][:200]
        attachment = Attachment(basis=basis, order=order, name=name, kind=kind, size=upload.size)
        attachment.file.save(name, upload, save=False)
        attachment.save()


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


def _check(dialogue, number, assessment, proposed_decision, signer, addressee, children, child_rights_text):
    errors: dict[str, object] = {}
    if not number:
        errors["registration_number"] = MISSING_NUMBER
    if not (assessment or "").strip():
        errors["assessment"] = _("Write the officer's assessment.")
    if not proposed_points(proposed_decision):
        errors["proposed_decision"] = MISSING_PROPOSAL
    if signer is None or signer.municipality_id != dialogue.municipality_id:
        errors["signer"] = _("Choose who signs the decision basis.")
    if addressee is None or addressee.municipality_id != dialogue.municipality_id:
        errors["addressee"] = _("Choose the body that decides the matter.")
    if children and not (child_rights_text or "").strip():
        errors["child_rights_text"] = MISSING_CHILD_RIGHTS
    if errors:
        raise ValidationError(errors)


def _department(dialogue, signer):
    """The department the report comes from: the dialogue's responsible one, else the signer's."""
    department = dialogue.department or signer.department
    return department.name if department else ""


@transaction.atomic
def decision_basis_send(*, basis, actor):
    """Mark a finished version as sent to the deciding body: from now on it is a public document. Once only."""
    locked = DecisionBasis.objects.select_for_update().get(pk=basis.pk)
    if not locked.is_done:
        raise ValidationError(_("Only a finished version can be sent to the board."))
    if locked.is_sent:
        raise ValidationError(_("This version has already been sent to the board."))
    locked.sent_at = timezone.now()
    locked.sent_by = actor if getattr(actor, "is_authenticated", False) else None
    locked.save(update_fields=["sent_at", "sent_by", "updated_at"])
    audit_record(
        municipality=locked.dialogue.municipality,
        actor=actor,
        action="decision_basis.sent",
        target=locked.dialogue,
        data={"version": locked.version, "registration_number": locked.registration_number, "to": locked.addressee},
    )
    return locked


@transaction.atomic
def letterhead_logo_save(*, municipality, actor, logo):
    letterhead, _created = Letterhead.objects.get_or_create(municipality=municipality)
    if letterhead.logo:
        letterhead.logo.delete(save=False)
    letterhead.logo.save(f"logo{_extension(logo.name)}", logo, save=True)
    audit_record(municipality=municipality, actor=actor, action="decision_basis.logo_changed", target=letterhead)
    return letterhead


@transaction.atomic
def letterhead_logo_remove(*, municipality, actor):
    letterhead = Letterhead.objects.filter(municipality=municipality).first()
    if letterhead is None or not letterhead.logo:
        return
    letterhead.logo.delete(save=True)
    audit_record(municipality=municipality, actor=actor, action="decision_basis.logo_removed", target=letterhead)


def _extension(name):
    return ".png" if name.lower().endswith(".png") else ".jpg"


def _enqueue(basis_id):
    decision_basis_generate_task.enqueue(basis_id=basis_id)
