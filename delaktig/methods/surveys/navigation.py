"""The module's staff pages as the dialogue's staff page lists them (manifest.staff_pages)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from delaktig.participation.rules import allowed

# (url name, the staff action the page needs, title)
PAGES = (
    ("index", "build", _("Build the survey")),
    ("preview", "build", _("Preview the survey")),
    ("invitations", "invite", _("Invitations")),
    ("paper", "enter", _("Enter paper responses")),
    ("results", "results", _("Results of the survey")),
)


def staff_pages(module, user):
    """[(url, title)] of the pages of `module` that `user` may use."""
    args = [module.dialogue.municipality.slug, module.dialogue_id, module.pk]
    return [
        (reverse(f"surveys_staff:{name}", args=args), title)
        for name, action, title in PAGES
        if allowed(user, action, module)
    ]
