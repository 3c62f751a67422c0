"""Reads for principles, toolbox and handbook."""

from django.shortcuts import get_object_or_404
from django.utils import timezone

from delaktig.organisations import ladders

from .models import HandbookPage, PrinciplesDocument, ToolboxMethod


def principles_in_force(*, municipality, on=None):
    on = on or timezone.localdate()
    return municipality.principles_versions.filter(adopted_on__lte=on).select_related("adopted_by").first()


def principles_versions(*, municipality):
    """Every adopted version, newest first."""
    return list(municipality.principles_versions.select_related("adopted_by").order_by("-version"))


def principles_version_get(*, municipality, version):
    qs = PrinciplesDocument.objects.filter(municipality=municipality).select_related("adopted_by")
    return get_object_or_404(qs, version=version)


def principles_next_version(*, municipality):
    last = municipality.principles_versions.order_by("-version").values_list("version", flat=True).first()
    return (last or 0) + 1


def toolbox_suggestions(*, municipality, ladder_level, target_group_ids):
    """Toolbox methods that serve the ladder level, best first: those reaching most of the target groups."""
    methods = municipality.toolbox_methods.prefetch_related("target_groups")
    wanted = set(target_group_ids or [])
    scored = []
    for method in methods:
        if ladder_level and ladder_level not in method.ladder_levels:
            continue
        reached = wanted & {group.pk for group in method.target_groups.all()}
        scored.append((len(reached), method.name, method, reached))
    scored.sort(key=lambda row: (-row[0], row[1]))
    return [method for _score, _name, method, _reached in scored]


def toolbox_methods(*, municipality, ladder_level="", target_group=None):
    """The catalogue, optionally narrowed to one ladder level and one target group."""
    qs = ToolboxMethod.objects.filter(municipality=municipality).prefetch_related("target_groups")
    if target_group is not None:
        qs = qs.filter(target_groups=target_group)
    methods = [m for m in qs if not ladder_level or ladder_level in m.ladder_levels]
    for method in methods:
        method.levels = method_levels(method, municipality.ladder_profile)  # type: ignore[attr-defined]  # shown on the page
    return methods


def toolbox_method_get(*, municipality, slug):
    qs = ToolboxMethod.objects.filter(municipality=municipality).prefetch_related("target_groups")
    method = get_object_or_404(qs, slug=slug)
    method.levels = method_levels(method, municipality.ladder_profile)  # type: ignore[attr-defined]  # shown on the page
    return method


def method_levels(method, profile):
    """The ladder levels a method serves, as LadderLevel objects in ladder order."""
    found = [ladders.level(profile, key) for key in method.ladder_levels]
    return sorted((level for level in found if level), key=lambda level: level.rank)


def handbook_pages(*, municipality):
    """Handbook pages grouped by kind: [(kind label, [pages])], guides first."""
    pages = list(HandbookPage.objects.filter(municipality=municipality).only("title", "slug", "kind", "order"))
    return [
        (label, [page for page in pages if page.kind == kind])
        for kind, label in HandbookPage.Kind.choices
        if any(page.kind == kind for page in pages)
    ]


def handbook_page_get(*, municipality, slug):
    return get_object_or_404(HandbookPage.objects.filter(municipality=municipality), slug=slug)
