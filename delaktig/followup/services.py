"""Writes of follow-up: settings, deadline alerts, the feedback mailing and measures.

Every write that people can see leaves an audit event in the same transaction; e-mail leaves after the row
that promises it exists, and the row is stamped right after, so a rerun sends nobody anything twice.
"""

import datetime

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, connection, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from delaktig.core.audit import audit_record
from delaktig.dialogues.models import Dialogue
from delaktig.mailings.services import mailing_create

from . import selectors
from .models import DeadlineAlert, Evaluation, FollowupSettings, Measure, MeasureUpdate, Outcome, TargetGroupReach


def _absolute(url):
    return settings.SITE_URL.rstrip("/") + url


# --- Outcome ---


def outcome_save(*, outcome: Outcome, values):
    """Store what staff wrote about how the input mattered, the feedback or the evaluation; the dialogue's step
    page records the change (dialogues.services.dialogue_update). No row is made while nothing is written."""
    if outcome.pk is None and not any(values.values()):
        for name, value in values.items():
            setattr(outcome, name, value)
        return outcome
    # Two people saving the first text at once: the second updates the row the first made (no error), and only
    # the fields of the page each saved.
    dialogue = outcome.dialogue
    stored, _created = Outcome.objects.update_or_create(dialogue=dialogue, defaults=values)
    dialogue.outcome = stored  # the step's guards read it next
    return stored


def evaluation_save(*, evaluation: Evaluation, answers, reaches):
    """Store the staff evaluation: `answers` are its own fields (purpose, methods, lessons …), `reaches`
    {target group id: (reached, comment)} for each target group of the plan; answers about groups no longer in the
    plan go. The dialogue's step page records the change (dialogues.services.dialogue_update) in its transaction.
    No row is made while nothing is written."""
    written = any(answers.values()) or any(value or comment for value, comment in reaches.values())
    if evaluation.pk is None and not written:
        for name, value in answers.items():
            setattr(evaluation, name, value)
        return evaluation
    dialogue = evaluation.dialogue
    stored, _created = Evaluation.objects.update_or_create(dialogue=dialogue, defaults=answers)
    stored.reaches.exclude(target_group_id__in=list(reaches)).delete()
    for group_id, (reached, comment) in reaches.items():
        TargetGroupReach.objects.update_or_create(
            evaluation=stored, target_group_id=group_id, defaults={"reached": reached, "comment": comment}
        )
    dialogue.staff_evaluation = stored  # the step's guard reads it next
    return stored


# --- Settings -----------------------------------------------------------------------------------------------


@transaction.atomic
def followup_settings_update(*, followup_settings, actor, values):
    before = type(followup_settings).objects.select_for_update().get(pk=followup_settings.pk)  # the form set them
    changed = {name: value for name, value in values.items() if getattr(before, name) != value}
    for name, value in changed.items():
        setattr(followup_settings, name, value)
    followup_settings.save()
    audit_record(
        municipality=followup_settings.municipality,
        actor=actor,
        action="followup.settings_update",
        target=followup_settings,
        data=changed,
    )
    return followup_settings


# --- A new date when the feedback is late -------------------------------------------------------------------


@transaction.atomic
def feedback_new_date_set(*, dialogue, new_date, actor):
    """Promise the feedback anew; the first deadline stays, so the public page can say the feedback is late."""
    before = dialogue.feedback_new_due_on
    dialogue.feedback_new_due_on = new_date
    dialogue.save(update_fields=["feedback_new_due_on", "updated_at"])
    audit_record(
        municipality=dialogue.municipality,
        actor=actor,
        action="followup.feedback_new_date",
        target=dialogue,
        data={"from": before.isoformat() if before else None, "to": new_date.isoformat()},
    )
    return dialogue


# --- Deadline reminders and escalation ----------------------------------------------------------------------


def feedback_deadlines_check(*, today=None):
    """Remind responsible officers before the deadline and tell democracy officers after it; each mail once.

    Returns {"reminders": n, "escalations": m}: how many e-mails left in this run.
    """
    today = today or timezone.localdate()
    sent = {"reminders": 0, "escalations": 0}
    rules: dict[int, FollowupSettings] = {}
    for dialogue in selectors.dialogues_awaiting_feedback():
        rule = rules.get(dialogue.municipality_id) or selectors.settings_for(dialogue.municipality)
        rules[dialogue.municipality_id] = rule
        kind = alert_kind_due(dialogue, rule, today)
        if kind == DeadlineAlert.Kind.REMINDER:
            recipients = _reminder_to(dialogue)
            sent["reminders"] += deadline_alert_send(dialogue=dialogue, kind=kind, recipients=recipients, today=today)
        elif kind == DeadlineAlert.Kind.ESCALATION:
            recipients = selectors.democracy_officers(dialogue.municipality)
            sent["escalations"] += deadline_alert_send(dialogue=dialogue, kind=kind, recipients=recipients, today=today)
    return sent


def alert_kind_due(dialogue, rule, today):
    """Which alert the dialogue's deadline calls for today: a reminder, an escalation or None."""
    dates = selectors.deadline_dates(dialogue, rule)
    if dates["reminder"] <= today <= dialogue.feedback_due_on:
        return DeadlineAlert.Kind.REMINDER
    if today >= dates["escalation"]:
        return DeadlineAlert.Kind.ESCALATION
    return None


def _reminder_to(dialogue):
    """The responsible officer; without one (or without an address), the democracy officers."""
    officer = dialogue.responsible_officer
    if officer and officer.is_active and officer.email:
        return [officer]
    return selectors.democracy_officers(dialogue.municipality)


def deadline_alert_send(*, dialogue, kind, recipients, today=None):
    """Send the alert for the dialogue's current deadline unless it has been sent; returns 1 if sent now."""
    if not recipients:
        return 0  # nobody to tell yet: a later run sends it once someone holds the role
    alert = _alert_row(dialogue, kind)
    if alert.sent_at is not None:
        return 0
    with transaction.atomic():
        rows = DeadlineAlert.objects.filter(pk=alert.pk, sent_at__isnull=True)
        if connection.features.has_select_for_update_skip_locked:
            rows = rows.select_for_update(skip_locked=True)
        alert = rows.first()
        if alert is None:
            return 0
        emails = [person.email for person in recipients]
        _alert_mail(dialogue, kind, emails, today or timezone.localdate())
        alert.recipients = ", ".join(emails)
        alert.sent_at = timezone.now()
        alert.save(update_fields=["recipients", "sent_at", "updated_at"])
    return 1


def _alert_row(dialogue, kind):
    """The row that promises the e-mail, created before it is sent (unique per dialogue, kind and deadline)."""
    key = {"dialogue": dialogue, "kind": kind, "due_on": dialogue.feedback_due_on}
    try:
        with transaction.atomic():
            return DeadlineAlert.objects.get_or_create(**key)[0]
    except IntegrityError:  # another worker created it first
        return DeadlineAlert.objects.get(**key)


def _alert_mail(dialogue, kind, emails, today):
    context = {
        "dialogue": dialogue,
        "municipality": dialogue.municipality,
        "url": _absolute(dialogue.get_staff_url()),
        "days_left": (dialogue.feedback_due_on - today).days,
    }
    with translation.override(settings.LANGUAGE_CODE):
        if kind == DeadlineAlert.Kind.REMINDER:
            subject = _("Reminder: feedback on “%(title)s” is due %(date)s")
        else:
            subject = _("Feedback overdue: “%(title)s” (was due %(date)s)")
        subject = subject % {"title": dialogue.title, "date": dialogue.feedback_due_on.isoformat()}
        body = render_to_string(f"followup/emails/{kind}.txt", context)
    EmailMessage(" ".join(subject.split()), body, None, emails).send()


# --- The feedback mailing to followers and participants -----------------------------------------------------


def feedback_mailing_create_later(*, dialogue_id, actor_id):
    """After the feedback is committed: create the mailing (its sending is queued by mailings)."""
    from django.contrib.auth import get_user_model

    dialogue = (
        Dialogue.objects.select_related("municipality", "decision_in_matter__body").filter(pk=dialogue_id).first()
    )
    if dialogue is None:
        return None
    actor = get_user_model().objects.filter(pk=actor_id).first() if actor_id else None
    return feedback_mailing_create(dialogue=dialogue, actor=actor)


@transaction.atomic
def feedback_mailing_create(*, dialogue, actor):
    """One mailing per dialogue with the feedback, the decision and a link; a second call returns the first."""
    Dialogue.objects.select_for_update().filter(pk=dialogue.pk).first()  # one creator at a time
    existing = selectors.feedback_mailing_for(dialogue)
    if existing is not None:
        return existing
    subject, body = feedback_message(dialogue)
    mailing = mailing_create(
        municipality=dialogue.municipality,
        purpose=selectors.FEEDBACK_PURPOSE,
        subject=subject,
        body=body,
        recipients=selectors.feedback_recipients(dialogue),
        target=dialogue,
        actor=actor,
    )
    audit_record(
        municipality=dialogue.municipality,
        actor=actor,
        action="followup.feedback_mailing",
        target=mailing,
        data={"dialogue": dialogue.pk, "recipients": mailing.total},
    )
    return mailing


def feedback_message(dialogue):
    """(subject, body) of the feedback e-mail, in the site's language; {name} is filled in per recipient."""
    matter = dialogue.decision_in_matter
    context = {
        "dialogue": dialogue,
        "municipality": dialogue.municipality,
        "decision": matter,
        "outcome": Outcome.of(dialogue),
        "show_decision": bool(matter and matter.text and matter.body_id),
        "url": _absolute(dialogue.get_absolute_url()),
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("What happened with your input: %(title)s") % {"title": dialogue.title}
        body = render_to_string("followup/emails/feedback.txt", context)
    return " ".join(subject.split())[:200], body


# --- Measures -----------------------------------------------------------------------------------------------


def _json(value):
    if isinstance(value, datetime.date):
        return value.isoformat()
    if hasattr(value, "pk"):
        return value.pk
    if value is None or isinstance(value, bool | int | str | list):
        return value
    return str(value)


@transaction.atomic
def measure_create(*, dialogue, actor, fields, themes=()):
    measure = Measure.objects.create(dialogue=dialogue, **fields)
    measure.themes.set(themes)
    audit_record(
        municipality=dialogue.municipality,
        actor=actor,
        action="measure.create",
        target=measure,
        data={"title": measure.title, "dialogue": dialogue.pk},
        public=True,
    )
    return measure


@transaction.atomic
def measure_edit(*, measure, actor, fields, themes=None):
    before = Measure.objects.select_for_update().get(pk=measure.pk)  # a bound form has already set the fields
    changed = {name: value for name, value in fields.items() if getattr(before, name) != value}
    for name, value in changed.items():
        setattr(measure, name, value)
    measure.save()
    if themes is not None:
        themes_before = set(measure.themes.values_list("pk", flat=True))
        measure.themes.set(themes)
        if themes_before != {theme.pk for theme in themes}:
            changed["themes"] = sorted(theme.pk for theme in themes)
    audit_record(
        municipality=measure.dialogue.municipality,
        actor=actor,
        action="measure.edit",
        target=measure,
        data={name: _json(value) for name, value in changed.items()},
    )
    return measure


@transaction.atomic
def measure_update_create(*, measure, actor, date, text, progress=None):
    """A line in the public history; a progress given there becomes the measure's progress."""
    update = MeasureUpdate.objects.create(measure=measure, date=date, text=text, progress=progress)
    if progress is not None and progress != measure.progress:
        measure.progress = progress
        measure.save(update_fields=["progress", "updated_at"])
    audit_record(
        municipality=measure.dialogue.municipality,
        actor=actor,
        action="measure.update",
        target=measure,
        data={"date": date.isoformat(), "progress": progress},
        public=True,
    )
    return update


def _suggested_description(suggestion):
    if suggestion.cost is None:
        return suggestion.description
    cost = _("Cost: %(cost)s kronor") % {"cost": f"{suggestion.cost:,}".replace(",", "\u00a0")}
    return "\n\n".join(part for part in (suggestion.description, cost) if part)


@transaction.atomic
def measures_from_results_create(*, dialogue, actor):
    """A measure for each measure the results of the dialogue's modules suggest (selectors.measures_offered), once:
    a suggestion whose ref a measure of the dialogue already keeps is left out, also when two people ask at the same
    moment (the dialogue's row is locked while the measures are made). Each measure keeps the ref among the inputs it
    came from, and leaves an audit event. Returns the measures made."""
    Dialogue.objects.select_for_update().filter(pk=dialogue.pk).first()
    made = []
    for suggestion in selectors.measures_offered(dialogue):
        measure = Measure.objects.create(
            dialogue=dialogue,
            title=suggestion.title[: Measure._meta.get_field("title").max_length],
            description=_suggested_description(suggestion),
            input_refs=[suggestion.ref],
        )
        audit_record(
            municipality=dialogue.municipality,
            actor=actor,
            action="measure.create",
            target=measure,
            data={"title": measure.title, "dialogue": dialogue.pk, "from_result": suggestion.ref},
            public=True,
        )
        made.append(measure)
    return made
