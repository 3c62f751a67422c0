"""What followup offers to other apps through delaktig.core.hooks."""

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from delaktig.core import hookspecs as core_hooks
from delaktig.dialogues import hookspecs as dialogue_hooks
from delaktig.dialogues.models import AWAITING_FEEDBACK, Kind
from delaktig.organisations.models import Role

from . import selectors

SETTINGS_ROLES = frozenset({Role.ADMINISTRATOR, Role.DEMOCRACY_OFFICER})


@dialogue_hooks.feedback_published.register
def mail_the_feedback(dialogue, actor):
    """Once the feedback is committed, mail it to every follower and participant who asked for updates."""
    from .services import feedback_mailing_create_later

    dialogue_id, actor_id = dialogue.pk, getattr(actor, "pk", None)
    transaction.on_commit(lambda: feedback_mailing_create_later(dialogue_id=dialogue_id, actor_id=actor_id))


def has_feedback_page(dialogue):
    """Deadlines and the feedback mailing concern dialogues that have closed (never information activities)."""
    return dialogue.kind != Kind.INFORMATION and (
        dialogue.state in AWAITING_FEEDBACK or dialogue.state in selectors.FEEDBACK_STATES
    )


@dialogue_hooks.dialogue_staff_pages.register
def followup_pages(dialogue, user):
    slug = dialogue.municipality.slug
    pages = []
    if has_feedback_page(dialogue):
        pages.append((reverse("followup:feedback", args=[slug, dialogue.pk]), _("Feedback: deadline and e-mail")))
    if selectors.measures_are_public(dialogue):
        pages.append((reverse("followup:measures", args=[slug, dialogue.pk]), _("Measures after the decision")))
    return pages


@dialogue_hooks.dialogue_public_sections.register
def measures_section(request, dialogue):
    if not selectors.measures_are_public(dialogue):
        return []
    measures = selectors.measures_for(dialogue)
    if not measures:
        return []
    return [{"template": "followup/public/_measures_section.html", "context": {"measures": measures}}]


@core_hooks.staff_nav_items.register
def settings_menu_item(request):
    if not request.user.has_role(request.municipality, *SETTINGS_ROLES):
        return []
    return [(_("Feedback deadlines"), reverse("followup:settings", args=[request.municipality.slug]))]


@core_hooks.main_nav_items.register
def implementation_menu_item(request):
    return [(_("What happens now"), reverse("followup:implementation", args=[request.municipality.slug]))]


@core_hooks.periodic_jobs.register
def followup_periodic_jobs():
    """Reminders before feedback deadlines and escalation after them (`manage.py periodic`)."""
    from .services import feedback_deadlines_check

    return [("feedback_deadlines", 60 * 60, feedback_deadlines_check)]
