"""Reads of follow-up: settings, deadlines, the feedback mailing and its recipients, measures, the feed."""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch

from delaktig.dialogues.models import AWAITING_FEEDBACK, PUBLIC_STATES, Dialogue, Follower, Kind, State
from delaktig.mailings.models import Mailing
from delaktig.organisations.models import Role
from delaktig.participation.models import Module
from delaktig.participation.registry import registry

from .models import DeadlineAlert, FollowupSettings, Measure, MeasureStatus, MeasureUpdate

FEEDBACK_PURPOSE = "dialogue_feedback"
FEED_SIZE = 50
# Measures exist and are shown once the matter is decided (user dialogues go straight to feedback).
DECIDED_STATES = frozenset({State.MATTER_DECIDED, State.FEEDBACK_PUBLISHED, State.EVALUATED})
FEEDBACK_STATES = frozenset({State.FEEDBACK_PUBLISHED, State.EVALUATED})


def settings_for(municipality):
    """The municipality's follow-up settings, created with the defaults the first time they are asked for."""
    found, _created = FollowupSettings.objects.get_or_create(municipality=municipality)
    return found


# --- Deadlines ----------------------------------------------------------------------------------------------


def dialogues_awaiting_feedback():
    """Dialogues (never information activities) that owe participants feedback and have a deadline."""
    return (
        Dialogue.objects.filter(state__in=AWAITING_FEEDBACK, feedback_due_on__isnull=False)
        .exclude(kind=Kind.INFORMATION)
        .filter(feedback_published_at__isnull=True)
        .select_related("municipality", "responsible_officer")
        .order_by("municipality_id", "feedback_due_on", "id")
    )


def democracy_officers(municipality):
    """Active democracy officers of the municipality with an e-mail address, by name."""
    from django.contrib.auth import get_user_model

    return list(
        get_user_model()
        .objects.filter(
            memberships__municipality=municipality, memberships__role=Role.DEMOCRACY_OFFICER, is_active=True
        )
        .exclude(email="")
        .distinct()
        .order_by("name", "id")
    )


def deadline_dates(dialogue, rule):
    """{"reminder": date, "escalation": date} for the dialogue's current deadline, or {} without one."""
    due = dialogue.feedback_due_on
    if due is None:
        return {}
    return {
        "reminder": due - datetime.timedelta(days=rule.reminder_days_before),
        "escalation": due + datetime.timedelta(days=rule.escalate_days_after + 1),
    }


def alerts_for(dialogue):
    return list(DeadlineAlert.objects.filter(dialogue=dialogue).order_by("-due_on", "kind"))


# --- The feedback mailing -----------------------------------------------------------------------------------


def feedback_mailing_for(dialogue):
    """The mailing that sent the dialogue's feedback to followers and participants, or None."""
    dialogue_type = ContentType.objects.get_for_model(Dialogue)
    return (
        Mailing.objects.filter(
            municipality_id=dialogue.municipality_id,
            purpose=FEEDBACK_PURPOSE,
            target_type=dialogue_type,
            target_id=dialogue.pk,
        )
        .order_by("created_at", "id")
        .first()
    )


def feedback_recipients(dialogue):
    """[(email, name)]: every follower and every participant who asked for updates, once per e-mail address.

    Participants come from each module's method (manifest.update_recipients); a method without it adds none.
    """
    unique: dict[str, str] = {}
    followers = Follower.objects.filter(dialogue=dialogue, user__is_active=True).select_related("user")
    for follower in followers.order_by("id"):
        _add(unique, follower.user.email, follower.user.name)
    for module in Module.objects.filter(dialogue=dialogue).order_by("order", "id"):
        manifest = registry.get(module.method)
        if manifest is None or manifest.update_recipients is None:
            continue
        for email, name in manifest.update_recipients(module) or []:
            _add(unique, email, name)
    return list(unique.items())


def _add(unique, email, name):
    key = (email or "").strip().lower()
    if key:
        unique.setdefault(key, name or "")


# --- Measures -----------------------------------------------------------------------------------------------


def measures_for(dialogue):
    """The dialogue's measures with their themes and history, due date first."""
    return list(
        Measure.objects.filter(dialogue=dialogue)
        .select_related("responsible_body", "responsible_department")
        .prefetch_related("themes", Prefetch("updates", queryset=MeasureUpdate.objects.order_by("-date", "-id")))
        .order_by("due_on", "id")
    )


def measure_get(*, dialogue, pk):
    from django.shortcuts import get_object_or_404

    return get_object_or_404(
        Measure.objects.select_related("dialogue__municipality", "responsible_body", "responsible_department"),
        dialogue=dialogue,
        pk=pk,
    )


def measures_are_public(dialogue):
    return dialogue.state in DECIDED_STATES


def public_measures(*, municipality, status=""):
    """Every measure of the municipality's decided dialogues, newest dialogue first, for the public list."""
    qs = (
        Measure.objects.filter(
            dialogue__municipality=municipality,
            dialogue__state__in=DECIDED_STATES & PUBLIC_STATES,
        )
        .select_related("dialogue__municipality", "responsible_body", "responsible_department")
        .prefetch_related("themes")
    )
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("-dialogue__decision_in_matter__date", "dialogue_id", "due_on", "id")


def status_counts(*, municipality):
    rows = public_measures(municipality=municipality).order_by().values_list("status", flat=True)
    counts = dict.fromkeys(MeasureStatus.values, 0)
    for status in rows:
        counts[status] += 1
    return counts


def input_options(dialogue):
    """[(ref, label, searchable text)] of the dialogue's inputs, for linking a measure to what it came from."""
    from delaktig.results.selectors import dialogue_inputs

    options = []
    for record in dialogue_inputs(dialogue):
        label = record.title or record.text
        label = label if len(label) <= 80 else label[:79] + "…"
        searchable = f"{record.title} {record.text} {record.reference}".casefold()
        options.append((record.ref, f"{label} ({record.reference})", searchable))
    return options


def theme_queryset(dialogue):
    from delaktig.results.selectors import themes_for

    return themes_for(dialogue)


# --- The public feed ----------------------------------------------------------------------------------------


def feed_dialogues(*, municipality):
    """The newest published feedback of the municipality (never information activities or hidden states)."""
    return list(
        Dialogue.objects.filter(
            municipality=municipality, state__in=FEEDBACK_STATES, feedback_published_at__isnull=False
        )
        .exclude(kind=Kind.INFORMATION)
        .select_related("municipality", "outcome")
        .order_by("-feedback_published_at", "-id")[:FEED_SIZE]
    )
