"""Reads of the decision basis: its versions, and what one version says (gathered in content order)."""

from django.db.models import Max
from django.shortcuts import get_object_or_404

from delaktig.dialogues.models import PUBLIC_STATES
from delaktig.organisations.models import Membership, Role

from .models import DecisionBasis, Letterhead, Status

# Who may sign a decision basis: the staff who write reports for the deciding bodies.
SIGNER_ROLES = (Role.OFFICER, Role.DEMOCRACY_OFFICER, Role.ADMINISTRATOR)


def versions_for(dialogue):
    """Every version of the dialogue's decision basis, newest first."""
    return (
        DecisionBasis.objects.filter(dialogue=dialogue)
        .select_related("created_by")
        .prefetch_related("attachments")
        .order_by("-version")
    )


def latest_for(dialogue):
    return versions_for(dialogue).first()


def next_version(dialogue):
    return (DecisionBasis.objects.filter(dialogue=dialogue).aggregate(v=Max("version"))["v"] or 0) + 1


def version_get(*, dialogue, version):
    """One version of this dialogue's decision basis, or 404 (the dialogue is already the municipality's)."""
    return get_object_or_404(DecisionBasis.objects.select_related("created_by"), dialogue=dialogue, version=version)


def attachment_get(*, basis, pk):
    """One of the version's other attachments, or 404."""
    return get_object_or_404(basis.attachments.all(), pk=pk)


def registration_number_for(dialogue):
    """The matter's case number (dialogue.case_number): the decision basis belongs to the case it informs."""
    return (dialogue.case_number or "").strip()


def signers_for(municipality):
    """The memberships someone may sign as (a person with two roles is offered with each title)."""
    return (
        Membership.objects.filter(municipality=municipality, role__in=SIGNER_ROLES, user__is_active=True)
        .select_related("user", "department")
        .order_by("user__name", "user__email", "role", "id")
    )


def signer_title(membership):
    return membership.title or str(membership.get_role_display())


def signer_label(membership):
    """ "Name, title" as the form offers it; the department follows when the membership has one."""
    label = f"{membership.user.name or membership.user.email}, {signer_title(membership)}"
    return f"{label} ({membership.department.name})" if membership.department_id else label


def children_among_target_groups(dialogue):
    """Children or young people are among the dialogue's target groups (TargetGroup.includes_children)."""
    return dialogue.target_groups.filter(includes_children=True).exists()


def default_addressee(dialogue):
    """The body the matter goes to: the one that decided it, else the one that proposed the dialogue, else the
    municipality's deciding body."""
    decided = dialogue.decision_in_matter
    if decided is not None and decided.body_id:
        return decided.body
    return dialogue.proposed_by or dialogue.municipality.get_deciding_body()


def sent_versions_for(dialogue):
    """The versions sent to the board (public documents), newest first."""
    return versions_for(dialogue).filter(sent_at__isnull=False, status=Status.DONE)


def public_version_get(*, dialogue, version):
    """A version sent to the board, or 404: nothing else of the decision basis is public."""
    return get_object_or_404(sent_versions_for(dialogue), version=version)


def sent_in(municipality):
    """Every version sent to the board in the municipality's public dialogues, oldest sent first (open data)."""
    return (
        DecisionBasis.objects.filter(
            dialogue__municipality=municipality,
            dialogue__state__in=PUBLIC_STATES,
            sent_at__isnull=False,
            status=Status.DONE,
        )
        .select_related("dialogue__municipality")
        .order_by("sent_at", "id")
    )


def letterhead_for(municipality):
    return Letterhead.objects.filter(municipality=municipality).first()
