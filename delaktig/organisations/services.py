"""Writes for organisations."""

from django.db import transaction
from django.utils.translation import gettext as _

from delaktig.core.audit import audit_record

from .defaults import CHILDREN_TARGET_GROUPS, DEFAULT_CHECKLIST, DEFAULT_TARGET_GROUPS
from .models import Body, ChecklistQuestion, Decision, Membership, Municipality, Role, TargetGroup


@transaction.atomic
def municipality_create(*, name, municipality_code, slug, council_name=None):
    """Create a municipality with a council (the default deciding body), checklist and target groups."""
    muni = Municipality.objects.create(name=name, municipality_code=municipality_code, slug=slug)
    council = Body.objects.create(
        municipality=muni, name=council_name or _("Municipal council"), short_name="KF", kind=Body.Kind.COUNCIL
    )
    muni.deciding_body = council
    muni.save(update_fields=["deciding_body"])
    checklist_reset(municipality=muni)
    TargetGroup.objects.bulk_create(
        TargetGroup(
            municipality=muni, name=_(name), rarely_participates=rare, includes_children=name in CHILDREN_TARGET_GROUPS
        )
        for name, rare in DEFAULT_TARGET_GROUPS
    )
    return muni


def checklist_reset(*, municipality):
    municipality.checklist_questions.all().delete()
    ChecklistQuestion.objects.bulk_create(
        ChecklistQuestion(municipality=municipality, text=_(text), help_text=_(hint) if hint else "", order=i)
        for i, (text, hint) in enumerate(DEFAULT_CHECKLIST, start=1)
    )


def decision_record(*, municipality, body=None, date=None, minute_item="", number="", text="", existing=None):
    """Create or correct the record of what a body decided; None while there is nothing to record.

    The caller's own step or change leaves the audit event: the decision is always part of something else.
    """
    if body is not None and body.municipality_id != municipality.pk:
        raise ValueError("The body belongs to another municipality.")
    values = {"body": body, "date": date, "minute_item": minute_item, "number": number, "text": text}
    if existing is None:
        if not any(values.values()):
            return None
        return Decision.objects.create(municipality=municipality, **values)
    for name, value in values.items():
        setattr(existing, name, value)
    existing.save()
    return existing


# Settings pages: each change leaves an audit event in the same transaction.

SETTINGS_FIELDS = ("ladder_profile", "deciding_body", "feedback_deadline_days", "contact_email", "case_number_pattern")


class MembershipError(Exception):
    pass


def _plain(value):
    return value.pk if hasattr(value, "pk") else value


@transaction.atomic
def municipality_settings_update(*, municipality, actor, **fields):
    """Save the settings the administrator edits; the audit event lists what changed, old and new."""
    changed = {}
    for name in SETTINGS_FIELDS:
        if name in fields and _plain(getattr(municipality, name)) != _plain(fields[name]):
            changed[name] = {"from": _plain(getattr(municipality, name)), "to": _plain(fields[name])}
            setattr(municipality, name, fields[name])
    if changed:
        municipality.save(update_fields=[*changed, "updated_at"])
        audit_record(
            municipality=municipality, actor=actor, action="settings.update", target=municipality, data=changed
        )
    return municipality


@transaction.atomic
def checklist_question_save(*, question, actor):
    created = question.pk is None
    question.save()
    action = "checklist_question.create" if created else "checklist_question.update"
    audit_record(
        municipality=question.municipality, actor=actor, action=action, target=question, data={"text": question.text}
    )
    return question


@transaction.atomic
def checklist_arrange(*, municipality, actor, arrangement):
    """Set order and use of the questions: arrangement maps question id to (order, is_active)."""
    changed = []
    for question in municipality.checklist_questions.filter(pk__in=arrangement):
        order, active = arrangement[question.pk]
        if (question.order, question.is_active) != (order, active):
            question.order, question.is_active = order, active
            question.save(update_fields=["order", "is_active", "updated_at"])
            changed.append({"id": question.pk, "order": order, "is_active": active})
    if changed:
        audit_record(
            municipality=municipality,
            actor=actor,
            action="checklist.arrange",
            target=municipality,
            data={"questions": changed},
        )
    return len(changed)


@transaction.atomic
def membership_add(*, municipality, actor, user, role, body=None, department=None, title=""):
    membership = Membership.objects.create(
        user=user, municipality=municipality, role=role, body=body, department=department, title=title
    )
    audit_record(
        municipality=municipality,
        actor=actor,
        action="membership.add",
        target=membership,
        data={"user": user.pk, "role": role, "body": _plain(body), "department": _plain(department)},
    )
    return membership


@transaction.atomic
def membership_remove(*, membership, actor):
    """Remove a role; the municipality always keeps at least one administrator."""
    municipality = membership.municipality
    if membership.role == Role.ADMINISTRATOR:
        admins = municipality.memberships.filter(role=Role.ADMINISTRATOR).select_for_update()
        if admins.exclude(pk=membership.pk).count() == 0:
            raise MembershipError(_("The municipality must have at least one administrator."))
    audit_record(
        municipality=municipality,
        actor=actor,
        action="membership.remove",
        target=membership,
        data={"user": membership.user_id, "role": membership.role},
    )
    membership.delete()
