"""Starting content for a municipality's foundation: toolbox, handbook and principles.

Plain functions, safe to run again: the demo data and new installations call them.
"""

import datetime

from django.db import transaction
from django.utils import translation

from delaktig.foundation.models import HandbookPage, ToolboxMethod
from delaktig.foundation.services import principles_create
from delaktig.organisations.defaults import CHILDREN_TARGET_GROUPS, DEFAULT_TARGET_GROUPS
from delaktig.organisations.models import TargetGroup

from . import handbook_content, principles_content, toolbox_content

FIRST_ADOPTED_ON = datetime.date(2024, 4, 22)


@transaction.atomic
def toolbox_seed(municipality):
    """Create or update the twelve standard methods (by slug); returns them."""
    groups = target_groups_ensure(municipality)
    methods = []
    for spec in toolbox_content.METHODS:
        fields = {key: value for key, value in spec.items() if key not in ("slug", "target_groups")}
        method, _created = ToolboxMethod.objects.update_or_create(
            municipality=municipality, slug=spec["slug"], defaults=fields
        )
        method.target_groups.set(groups[name] for name in spec["target_groups"])
        methods.append(method)
    return methods


def target_groups_ensure(municipality):
    """The default target groups, keyed by English msgid: found by their Swedish (or English) name, else created."""
    existing = {group.name.casefold(): group for group in municipality.target_groups.all()}
    groups = {}
    for msgid, rarely in DEFAULT_TARGET_GROUPS:
        with translation.override("sv"):
            swedish = translation.gettext(msgid)
        found = existing.get(swedish.casefold()) or existing.get(msgid.casefold())
        if found is None:
            found = TargetGroup.objects.create(
                municipality=municipality,
                name=swedish,
                rarely_participates=rarely,
                includes_children=msgid in CHILDREN_TARGET_GROUPS,
            )
        groups[msgid] = found
    return groups


@transaction.atomic
def handbook_seed(municipality):
    """Create the guides and templates that are missing; pages staff have edited are left alone."""
    pages = []
    for spec in handbook_content.GUIDES:
        pages.append(_handbook_page(municipality, HandbookPage.Kind.GUIDE, spec))
    checklist = {
        "slug": handbook_content.CHECKLIST_SLUG,
        "title": handbook_content.CHECKLIST_TITLE,
        "order": 1,
        "body_text": checklist_template_text(municipality),
    }
    for spec in [checklist, *handbook_content.TEMPLATES]:
        pages.append(_handbook_page(municipality, HandbookPage.Kind.TEMPLATE, spec))
    return pages


def _handbook_page(municipality, kind, spec):
    defaults = {"title": spec["title"], "kind": kind, "order": spec["order"], "body_text": spec["body_text"]}
    page, _created = HandbookPage.objects.get_or_create(municipality=municipality, slug=spec["slug"], defaults=defaults)
    return page


def checklist_template_text(municipality):
    """The municipality's own checklist questions, each with room for an answer."""
    parts = [handbook_content.CHECKLIST_INTRO]
    questions = municipality.checklist_questions.filter(is_active=True)
    for number, question in enumerate(questions, start=1):
        hint = f"\n({question.help_text})" if question.help_text else ""
        parts.append(f"{number}. {question.text}{hint}\nSvar:")
    parts.append("Ifylld av: [namn, förvaltning]\nDatum: [datum]\nDiarienummer: [nummer]")
    return "\n\n".join(parts)


def principles_seed(municipality, body, *, actor=None, adopted_on=FIRST_ADOPTED_ON):
    """A first version of the principles adopted by `body`, unless the municipality already has one."""
    existing = municipality.principles_versions.order_by("version").first()
    if existing is not None:
        return existing
    return principles_create(
        municipality=municipality,
        actor=actor,
        title=principles_content.TITLE,
        body_text=principles_content.BODY.format(name=municipality.name, body=body.name.lower()),
        easy_read=principles_content.EASY_READ,
        adopted_by=body,
        adopted_on=adopted_on,
        minute_item="§ 34",
        registration_number="KS 2024/87",
    )
