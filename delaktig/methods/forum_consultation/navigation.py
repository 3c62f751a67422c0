"""The module's staff pages as the dialogue's staff page lists them (manifest.staff_pages)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from delaktig.participation.rules import allowed

from .models import KEY

PAGES = (
    ("index", None, _("The forum and its statements")),
    ("choose", "record", _("Choose the forum")),
    ("record", "record", _("Record the forum's statement")),
    ("pick", "record", _("Pick statements recorded in the forum")),
)


def staff_pages(module, user):
    args = [module.dialogue.municipality.slug, module.dialogue_id, module.pk]
    return [
        (reverse(f"{KEY}_staff:{name}", args=args), title)
        for name, action, title in PAGES
        if action is None or allowed(user, action, module)
    ]
