"""The module's staff pages as the dialogue's staff page lists them (manifest.staff_pages)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from delaktig.participation.rules import allowed

from .about import METHOD_KEY

# (url name, the staff actions of which the page needs one, title)
PAGES = (
    ("index", ("edit",), _("The document")),
    ("comments", ("answer", "moderate"), _("Comments and answers")),
    ("report", ("report",), _("Consultation report")),
)


def staff_pages(module, user):
    args = [module.dialogue.municipality.slug, module.dialogue_id, module.pk]
    return [
        (reverse(f"{METHOD_KEY}_staff:{name}", args=args), title)
        for name, actions, title in PAGES
        if any(allowed(user, action, module) for action in actions)
    ]
