"""The module's staff pages as the dialogue's staff page lists them (manifest.staff_pages)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from delaktig.participation.rules import allowed

# (url name, the staff action the page needs or None, title)
PAGES = (
    ("index", None, _("Overview and opinion groups")),
    ("statements", "manage", _("Statements and votes")),
    ("moderation", "moderate", _("Moderate")),
)


def staff_pages(module, user):
    """[(url, title)] of the pages of `module` that `user` may use."""
    args = [module.dialogue.municipality.slug, module.dialogue_id, module.pk]
    return [
        (reverse(f"statements_staff:{name}", args=args), title)
        for name, action, title in PAGES
        if action is None or allowed(user, action, module)
    ]
