"""Reads for principles, toolbox and handbook."""

from django.utils import timezone


def principles_in_force(*, municipality, on=None):
    on = on or timezone.localdate()
    return municipality.principles_versions.filter(adopted_on__lte=on).select_related("adopted_by").first()


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
