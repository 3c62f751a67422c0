"""The module's staff pages as the dialogue's staff page lists them (manifest.staff_pages)."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from delaktig.participation.rules import allowed

# (url name, the staff action the page needs or None, title)
PAGES = (
    ("index", None, _("Overview of the vote")),
    ("settings", "manage", _("Ballot and who may vote")),
    ("results", "results", _("Results of the vote")),
)


def staff_pages(module, user):
    """[(url, title)] of the pages of `module` that `user` may use; paper ballots are entered at the dialogue's desk."""
    args = [module.dialogue.municipality.slug, module.dialogue_id, module.pk]
    pages = [
        (reverse(f"votes_staff:{name}", args=args), title)
        for name, action, title in PAGES
        if action is None or allowed(user, action, module)
    ]
    if allowed(user, "enter", module):
        pages.append((desk_url(module), _("Enter paper ballots")))
    return pages


def desk_url(module):
    url = reverse("participation:desk", args=[module.dialogue.municipality.slug, module.dialogue_id])
    return f"{url}?{urlencode({'module': module.pk})}"
