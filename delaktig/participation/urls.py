"""Mount every registered method's URLs: public ones under a module of a dialogue, staff ones in the workspace."""

from django.urls import include, path, reverse

from .registry import registry


def public_patterns():
    return [
        path(
            f"<slug:municipality_slug>/dialoger/<int:dialogue_id>/delta/<int:module_id>/{m.key}/",
            include((m.public_urls, m.key)),
        )
        for m in registry
    ]


def staff_patterns():
    return [
        path(
            f"<slug:municipality_slug>/personal/dialoger/<int:dialogue_id>/moduler/<int:module_id>/{m.key}/",
            include((m.staff_urls, f"{m.key}_staff")),
        )
        for m in registry
    ]


def module_url(module, name, *args, staff=False):
    """The URL of the page `name` of the module's method (a staff page with `staff`), mounted as above."""
    namespace = f"{module.method}_staff" if staff else module.method
    dialogue = module.dialogue
    return reverse(f"{namespace}:{name}", args=[dialogue.municipality.slug, dialogue.pk, module.pk, *args])
