"""Writes for organisations."""

from django.db import transaction
from django.utils.translation import gettext as _

from .defaults import DEFAULT_CHECKLIST, DEFAULT_TARGET_GROUPS
from .models import Body, ChecklistQuestion, Municipality, TargetGroup


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
        TargetGroup(municipality=muni, name=_(name), rarely_participates=rare) for name, rare in DEFAULT_TARGET_GROUPS
    )
    return muni


def checklist_reset(*, municipality):
    municipality.checklist_questions.all().delete()
    ChecklistQuestion.objects.bulk_create(
        ChecklistQuestion(municipality=municipality, text=_(text), help_text=_(hint) if hint else "", order=i)
        for i, (text, hint) in enumerate(DEFAULT_CHECKLIST, start=1)
    )
