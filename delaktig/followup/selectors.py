"""Reads of follow-up: settings, deadlines, the feedback mailing and its recipients, measures, the feed."""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch
from django.utils.translation import gettext as _

from delaktig.dialogues.models import AWAITING_FEEDBACK, PUBLIC_STATES, Dialogue, Follower, Kind, State
from delaktig.mailings.models import Mailing
from delaktig.organisations.models import Role
from delaktig.participation.models import Module
from delaktig.participation.registry import registry

from .models import NEEDS_A_REASON, DeadlineAlert, Evaluation, FollowupSettings, Measure, MeasureStatus, MeasureUpdate
from .participant_evaluation import figures_of, question_rows

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


# --- The staff evaluation -----------------------------------------------------------------------------------


def plan_target_groups(dialogue):
    """The target groups of the dialogue's plan, by name."""
    return list(dialogue.target_groups.order_by("name", "id"))


def target_group_answers(dialogue, evaluation):
    """[(target group, TargetGroupReach or None)] for each target group of the plan."""
    stored = {reach.target_group_id: reach for reach in evaluation.reaches.all()} if evaluation.pk else {}
    return [(group, stored.get(group.pk)) for group in plan_target_groups(dialogue)]


def evaluation_missing(dialogue):
    """What the structured evaluation still misses before the dialogue can be evaluated, in words."""
    evaluation = Evaluation.of(dialogue)
    missing = []
    if not evaluation.purpose_achieved:
        missing.append(_("Say whether the purpose was achieved."))
    elif evaluation.purpose_achieved in NEEDS_A_REASON and not evaluation.purpose_comment.strip():
        missing.append(_("Say in the comment why the purpose was only partly achieved or not achieved."))
    if not evaluation.methods_right:
        missing.append(_("Say whether the methods were right."))
    elif evaluation.methods_right in NEEDS_A_REASON and not evaluation.methods_comment.strip():
        missing.append(_("Say in the comment why the methods were only partly right or not right."))
    for group, reach in target_group_answers(dialogue, evaluation):
        if reach is None or not reach.reached:
            missing.append(_("Say whether the target group “%(group)s” was reached.") % {"group": group.name})
        elif reach.reached in NEEDS_A_REASON and not reach.comment.strip():
            missing.append(
                _("Say in the comment why the target group “%(group)s” was only partly reached or not reached.")
                % {"group": group.name}
            )
    if not evaluation.lessons.strip():
        missing.append(_("Write the lessons learned."))
    return missing


def evaluation_is_public(dialogue):
    """The evaluation is published on the dialogue's page once the dialogue is evaluated."""
    return dialogue.state == State.EVALUATED


def public_evaluation(dialogue):
    """{"evaluation", "answered_groups": [(group, reach)]} for the dialogue's page, or None. An evaluation written
    before it was structured has only lessons; a target group without an answer is left out."""
    if not evaluation_is_public(dialogue):
        return None
    evaluation = Evaluation.of(dialogue)
    if evaluation.pk is None:
        return None
    answers = target_group_answers(dialogue, evaluation)
    answered = [(group, reach) for group, reach in answers if reach and reach.reached]
    return {"evaluation": evaluation, "answered_groups": answered, "participants": _participants_public(dialogue)}


PARTICIPANTS_SHOWN_FROM = 5  # answers to the participants' evaluation before its figures are public


def _participants_public(dialogue):
    """What the participants answered, counted, once enough have answered that no one stands out; else None."""
    figures = figures_of([dialogue]).get(dialogue.pk)
    if figures is None or figures.answered < PARTICIPANTS_SHOWN_FROM:
        return None
    return {"answered": figures.answered, "invited": figures.invited, "rows": question_rows(figures)}


def evaluation_text(dialogue):
    """The evaluation as plain lines for the dialogue's staff page ("" when nothing is written)."""
    evaluation = Evaluation.of(dialogue)
    if evaluation.pk is None:
        return ""
    lines = []
    for label, answer, comment in (
        (_("Purpose achieved"), evaluation.get_purpose_achieved_display(), evaluation.purpose_comment),
        (_("Right methods"), evaluation.get_methods_right_display(), evaluation.methods_comment),
    ):
        if answer:
            lines.append(_line(label, answer, comment))
    for group, reach in target_group_answers(dialogue, evaluation):
        if reach is not None and reach.reached:
            lines.append(_line(group.name, reach.get_reached_display(), reach.comment))
    if evaluation.lessons:
        lines.append(_("Lessons learned: %(text)s") % {"text": evaluation.lessons})
    if evaluation.participants_summary:
        lines.append(_("The participants' evaluation: %(text)s") % {"text": evaluation.participants_summary})
    return "\n".join(lines)


def _line(label, answer, comment):
    return f"{label}: {answer}" + (f" – {comment}" if comment else "")


def measures_offered(dialogue):
    """The measures the results of the dialogue's modules suggest (manifest `measures_offered`: the winners of a
    participatory budget) that no measure of the dialogue comes from yet, in the modules' order."""
    made = {
        ref for refs in Measure.objects.filter(dialogue=dialogue).values_list("input_refs", flat=True) for ref in refs
    }
    offered = []
    for module in dialogue.modules.order_by("order", "id"):
        manifest = registry.get(module.method)
        if manifest is None or manifest.measures_offered is None:
            continue
        offered += [item for item in manifest.measures_offered(module) if item.ref not in made]
    return offered
