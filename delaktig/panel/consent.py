"""The consent text residents agree to when they sign up, in plain Swedish (through translations), versioned.

A member's `consent_version` names the version they agreed to. Change a sentence below and the version must change
with it; members keep the version they agreed to. Imported members carry "import: " and what staff wrote about the
consent they collected outside the platform.
"""

from django.utils.translation import gettext as _

CONSENT_VERSION = "2026-1"


def consent_paragraphs(municipality, inactivity_months):
    """The text, paragraph by paragraph: what the panel is, what we keep and why, the rights, who is responsible."""
    return [
        _(
            "The citizen panel is a group of residents that %(municipality)s sends surveys to, a few times a year. "
            "Together the members should resemble everyone who lives here."
        )
        % {"municipality": municipality.name},
        _(
            "We keep your name, your e-mail address, your phone number if you give it, your age group, your gender "
            "and the area you live in. We use age group, gender and area so that the panel resembles the "
            "population and to choose who gets a survey."
        ),
        _("Your answers to the surveys are anonymous. Nobody at the municipality can see what you answered."),
        _(
            "%(municipality)s is responsible for your data. We process it because you agree to it, and you can take "
            "back your consent at any time."
        )
        % {"municipality": municipality.name},
        _(
            "You can see your data, pause or leave the panel whenever you want. Every e-mail from the panel has a "
            "link for leaving it. When you leave, we delete your name and contact details."
        ),
        _(
            "If you have not been active for %(months)s months, we remove you from the panel and delete your name "
            "and contact details."
        )
        % {"months": inactivity_months},
        _("You must be 18 or older to be in the panel."),
    ]
