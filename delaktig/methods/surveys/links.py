"""Addresses of a survey module's pages, for views and services alike."""

from django.urls import reverse

from .about import METHOD_KEY


def url(name, module, *extra):
    """reverse() for this module: public names plain ("page"), staff names with "staff:" in front."""
    namespace = METHOD_KEY
    if name.startswith("staff:"):
        namespace, name = f"{METHOD_KEY}_staff", name.removeprefix("staff:")
    return reverse(
        f"{namespace}:{name}", args=[module.dialogue.municipality.slug, module.dialogue_id, module.pk, *extra]
    )
