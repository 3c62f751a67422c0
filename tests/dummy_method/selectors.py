"""Reads of the dummy method: everything its manifest offers central code."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q
from django.urls import reverse

from delaktig.accounts.models import User
from delaktig.core.contributions import ReportSection, Table
from delaktig.dialogues.models import Follower
from delaktig.participation.models import Channel, Comment, ModerationStatus
from delaktig.participation.registry import InputRecord, MeasureSuggestion, ModerationItem
from delaktig.participation.rules import allowed

from .models import DummyInput

KEY = "dummy_method"
NAME = "Dummy method"


def input_type():
    return ContentType.objects.get_for_model(DummyInput)


def module_comments(module):
    inputs = DummyInput.objects.filter(module=module).values("pk")
    return Comment.objects.filter(target_type=input_type(), target_id__in=inputs)


def staff_url(module, name, *extra):
    return reverse(
        f"{KEY}_staff:{name}", args=[module.dialogue.municipality.slug, module.dialogue_id, module.pk, *extra]
    )


def stats(module):
    received = DummyInput.objects.received().filter(module=module)
    return {
        "inputs": received.count(),
        "comments": module_comments(module).exclude(status=ModerationStatus.REJECTED).count(),
        "participants": len(participant_ids(module)),
    }


def participant_ids(module):
    ids = set(DummyInput.objects.filter(module=module, author__isnull=False).values_list("author_id", flat=True))
    return ids | set(module_comments(module).filter(author__isnull=False).values_list("author_id", flat=True))


def export_rows(module):
    qs = DummyInput.objects.received().filter(module=module).order_by("created_at", "id")
    return [
        {"id": item.pk, "title": item.title, "text": item.text, "channel": item.channel, "status": item.status}
        for item in qs
    ]


def personal_data(user):
    inputs = DummyInput.objects.filter(author=user).select_related("module__dialogue")
    comments = Comment.objects.filter(author=user, target_type=input_type())
    return [
        {"type": "dummy_method.input", "reference": item.reference, "title": item.title, "text": item.text}
        for item in inputs
    ] + [{"type": "dummy_method.comment", "text": comment.text} for comment in comments]


def erase(user):
    inputs = DummyInput.objects.filter(author=user).update(
        author=None, author_name="", age_band="", gender="", area=None, wants_updates=False
    )
    return inputs + Comment.objects.filter(author=user, target_type=input_type()).update(author=None, author_name="")


def moderation_queue(municipality, limit=None):
    """Pending inputs, oldest first; with `limit`, only the oldest `limit`."""
    pending = DummyInput.objects.filter(municipality=municipality, status=ModerationStatus.PENDING)
    pending = pending.select_related("module__dialogue__municipality").order_by("created_at", "id")[:limit]
    return [
        ModerationItem(
            method_name=NAME,
            title=item.title,
            text=item.text,
            created_at=item.created_at,
            dialogue=item.module.dialogue,
            url=staff_url(item.module, "moderation"),
        )
        for item in pending
    ]


def moderation_count(municipality):
    return DummyInput.objects.filter(municipality=municipality, status=ModerationStatus.PENDING).count()


def input_rows(module):
    return DummyInput.objects.received().filter(module=module)


def inputs(module, ids=None):
    qs = input_rows(module).order_by("created_at", "id")
    if ids is not None:
        qs = qs.filter(pk__in=ids)
    return [
        InputRecord(
            ref=f"{KEY}:{item.pk}",
            module_id=module.pk,
            method=KEY,
            title=item.title,
            text=item.text,
            channel=item.channel,
            created_at=item.created_at,
            author_shown=item.author_name if item.is_published else "",
            demographics=item.demographics,
            staff_url=staff_url(module, "input", item.pk),
        )
        for item in qs
    ]


def input_channels(module):
    received = DummyInput.objects.received().filter(module=module).order_by()
    return dict(received.values_list("channel").annotate(n=Count("id")))


def update_recipients(module):
    followers = Follower.objects.filter(dialogue_id=module.dialogue_id).values("user_id")
    qs = DummyInput.objects.received().filter(module=module, author__isnull=False, author__is_active=True)
    qs = qs.filter(Q(wants_updates=True) | Q(author_id__in=followers)).select_related("author")
    seen, result = set(), []
    for item in qs.order_by("created_at", "id"):
        if item.author.email and item.author.email.lower() not in seen:
            seen.add(item.author.email.lower())
            result.append((item.author.email, item.author.name))
    return result


def public_names_hide(module):
    comments = module_comments(module).exclude(author_name="").update(author_name="")
    return DummyInput.objects.filter(module=module).exclude(author_name="").update(author_name="") + comments


def staff_pages(module, user):
    pages = [(staff_url(module, "index"), "Dummy overview")]
    if allowed(user, "moderate", module):
        pages.append((staff_url(module, "moderation"), "Dummy moderation"))
    return pages


def report_section(municipality, year):
    """The yearly report's section: inputs received in `year`, by channel."""
    received = DummyInput.objects.received().filter(municipality=municipality, created_at__year=year)
    counted = dict(received.order_by().values_list("channel").annotate(n=Count("id")))
    if not counted:
        return None
    rows = tuple((str(label), counted[value]) for value, label in Channel.choices if counted.get(value))
    table = Table("Dummy inputs by channel", ("Channel", "Inputs"), rows, "dummy-inputs")
    return ReportSection(key=KEY, title="Dummy inputs", order=150, paragraphs=("Inputs.",), tables=(table,))


def module_summary(module):
    return {"phase": module.active_phase(), "published": DummyInput.objects.published().filter(module=module).count()}


def participant_addresses(module):
    """(email, name) of the active accounts that wrote or commented, each address once (entered input has none)."""
    people = User.objects.filter(pk__in=participant_ids(module), is_active=True).exclude(email="").order_by("id")
    unique = {}
    for email, name in people.values_list("email", "name"):
        unique.setdefault(email.lower(), (email, name))
    return list(unique.values())


MEASURE_COST = 1000  # kronor: what each suggested measure costs


def measures_offered(module):
    """Each published input, as a measure its "result" suggests (one with a cost, to show it)."""
    published = DummyInput.objects.filter(module=module, status=ModerationStatus.PUBLISHED).order_by("id")
    return [MeasureSuggestion(item.title, item.text, MEASURE_COST, f"{KEY}:{item.pk}") for item in published]
