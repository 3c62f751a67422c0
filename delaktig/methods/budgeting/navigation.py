"""The module's staff pages as the dialogue's staff page lists them (manifest.staff_pages)."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from delaktig.participation.rules import allowed

# (url name, the staff action the page needs or None, title)
PAGES = (
    ("index", None, _("Overview and figures")),
    ("review", None, _("Review of the proposals")),
    ("result", None, _("Result per budget")),
    ("moderation", "moderate", _("Moderate")),
    ("budgets", "manage", _("Budgets and counting rule")),
)


def staff_pages(module, user):
    """[(url, title)] of the pages of `module` that `user` may use; proposals on paper are registered at the
    dialogue's desk ("Registrera inkommet"), with this module chosen."""
    args = [module.dialogue.municipality.slug, module.dialogue_id, module.pk]
    pages = [
        (reverse(f"budgeting_staff:{name}", args=args), title)
        for name, action, title in PAGES
        if action is None or allowed(user, action, module)
    ]
    if allowed(user, "enter_offline", module):
        pages.insert(1, (desk_url(module), _("Register incoming input")))
    return pages


def desk_url(module):
    url = reverse("participation:desk", args=[module.dialogue.municipality.slug, module.dialogue_id])
    return f"{url}?{urlencode({'module': module.pk})}"
