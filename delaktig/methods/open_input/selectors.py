"""Reads for open input. Lists annotate their counts, so pages never run a query per row."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse

from delaktig.accounts.models import User
from delaktig.core.search import search as text_search
from delaktig.dialogues.models import Follower
from delaktig.participation.demographics import AgeBand, Gender
from delaktig.participation.models import Channel, Comment, ModerationStatus
from delaktig.participation.registry import InputRecord, ModerationItem

from .about import METHOD_KEY, METHOD_NAME
from .models import Input, Support

SORTS = {"new": ("-created_at", "-id"), "supports": ("-support_count", "-created_at", "-id")}
RECENT_LIMIT = 20
EXPORT_COLUMNS = ["id", "title", "text", "category", "channel", "received_on", "status", "created", "supports"]


def input_type():
    return ContentType.objects.get_for_model(Input)


def _count_subquery(qs):
    counted = qs.order_by().values("target_id" if qs.model is Comment else "input_id")
    counted = counted.annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def with_counts(qs):
    """Annotate support_count and comment_count (published comments) in the same query."""
    supports = Support.objects.filter(input=OuterRef("pk"))
    comments = Comment.objects.filter(
        target_type=input_type(), target_id=OuterRef("pk"), status=ModerationStatus.PUBLISHED
    )
    return qs.annotate(support_count=_count_subquery(supports), comment_count=_count_subquery(comments))


def inputs_published(module, *, sort="new", category="", search=""):
    qs = with_counts(Input.objects.published().filter(module=module))
    if category:
        qs = qs.filter(category=category)
    qs = text_search(qs, search, fields=("title", "text"))
    return qs.order_by(*SORTS.get(sort, SORTS["new"]))


def input_visible(module, pk, user):
    """A published input, or the viewer's own input whatever its status; None otherwise."""
    qs = with_counts(Input.objects.filter(module=module, pk=pk))
    mine = Q(author=user) if user.is_authenticated else Q(pk__in=[])
    item = qs.filter(Q(status=ModerationStatus.PUBLISHED) | mine).first()
    if item is not None:
        item.module = module
    return item


def comments_published(item):
    return list(item.comments.filter(status=ModerationStatus.PUBLISHED).order_by("created_at", "id"))


def has_supported(item, user):
    return user.is_authenticated and Support.objects.filter(input=item, user=user).exists()


def inputs_pending(module):
    qs = Input.objects.filter(module=module, status=ModerationStatus.PENDING).select_related("author")
    return list(qs.order_by("created_at", "id"))


def inputs_recently_published(module, limit=RECENT_LIMIT):
    qs = Input.objects.published().filter(module=module).select_related("moderated_by", "entered_by", "author")
    return list(qs.order_by("-created_at", "-id")[:limit])


def _module_comments(module):
    return Comment.objects.filter(
        target_type=input_type(), target_id__in=Input.objects.filter(module=module).values("pk")
    )


def comments_pending(module):
    pending = _module_comments(module).filter(status=ModerationStatus.PENDING).select_related("author")
    comments = list(pending.order_by("created_at", "id"))
    _attach_inputs(comments)
    return comments


def comments_recently_published(module, limit=RECENT_LIMIT):
    qs = _module_comments(module).filter(status=ModerationStatus.PUBLISHED).select_related("author")
    qs = qs.order_by("-created_at", "-id")
    comments = list(qs[:limit])
    _attach_inputs(comments)
    return comments


def _attach_inputs(comments, select=()):
    """Give each comment its input in one query (a generic target cannot be select_related)."""
    inputs = Input.objects.select_related(*select).in_bulk({c.target_id for c in comments})
    for comment in comments:
        comment.input = inputs.get(comment.target_id)


def stats(module):
    """Counts for reports. Removed input and comments are left out; pending ones were still received."""
    inputs = Input.objects.received().filter(module=module)
    return {
        "inputs": inputs.count(),
        "comments": _module_comments(module).exclude(status=ModerationStatus.REJECTED).count(),
        "supports": Support.objects.filter(input__in=inputs).count(),
        "participants": len(participant_ids(module)),
        "offline_inputs": inputs.exclude(channel=Channel.ONLINE).count(),
    }


def participant_ids(module):
    ids = set(Input.objects.filter(module=module, author__isnull=False).values_list("author_id", flat=True))
    ids |= set(_module_comments(module).filter(author__isnull=False).values_list("author_id", flat=True))
    ids |= set(Support.objects.filter(input__module=module).values_list("user_id", flat=True))
    return ids


def export_rows(module):
    """One row per input that was not removed. No names, no user ids: the text is what counts."""
    qs = with_counts(Input.objects.received().filter(module=module)).order_by("created_at", "id")
    return [
        {
            "id": item.pk,
            "title": item.title,
            "text": item.text,
            "category": item.category,
            "channel": item.channel,
            "received_on": item.received_on.isoformat() if item.received_on else "",
            "status": item.status,
            "created": item.created_at.isoformat(),
            "supports": item.support_count,
        }
        for item in qs
    ]


def personal_data(user):
    """Everything open input holds about `user`, for their "my data" export."""
    inputs = Input.objects.filter(author=user).select_related("module__dialogue", "area")
    comments = list(Comment.objects.filter(author=user, target_type=input_type()))
    _attach_inputs(comments, select=("module__dialogue",))
    supports = Support.objects.filter(user=user).select_related("input__module__dialogue")
    return (
        [_input_data(item) for item in inputs]
        + [_comment_data(comment) for comment in comments]
        + [_support_data(support) for support in supports]
    )


def _about_you_data(item):
    """The voluntary answers in words, for "my data"."""
    return {
        "age_band": str(AgeBand(item.age_band).label) if item.age_band else "",
        "gender": str(Gender(item.gender).label) if item.gender else "",
        "area": item.area.name if item.area else "",
        "wants_updates": item.wants_updates,
    }


def _input_data(item):
    return {
        **_about_you_data(item),
        "type": "open_input.input",
        "reference": item.reference,
        "dialogue": item.module.dialogue.title,
        "title": item.title,
        "text": item.text,
        "category": item.category,
        "name_shown": item.author_name,
        "status": item.status,
        "created": item.created_at.isoformat(),
    }


def _comment_data(comment):
    return {
        "type": "open_input.comment",
        "on": comment.input.reference if comment.input else "",
        "dialogue": comment.input.module.dialogue.title if comment.input else "",
        "text": comment.text,
        "name_shown": comment.author_name,
        "status": comment.status,
        "created": comment.created_at.isoformat(),
    }


def _support_data(support):
    return {
        "type": "open_input.support",
        "on": support.input.reference,
        "dialogue": support.input.module.dialogue.title,
        "title": support.input.title,
        "created": support.created_at.isoformat(),
    }


def erase(user):
    """Anonymise the user's inputs and comments (they stay as records) and delete their supports.

    The voluntary "about you" answers go with the person: they could point back to them.
    """
    inputs = Input.objects.filter(author=user).update(
        author=None, author_name="", age_band="", gender="", area=None, wants_updates=False
    )
    comments = Comment.objects.filter(author=user, target_type=input_type()).update(author=None, author_name="")
    supports, _ = Support.objects.filter(user=user).delete()
    return inputs + comments + supports


def _pending_inputs(municipality):
    return Input.objects.filter(municipality=municipality, status=ModerationStatus.PENDING)


def _pending_comments(municipality):
    """Pending comments on inputs that exist (a comment whose input is gone is not listed, so not counted)."""
    return Comment.objects.filter(
        municipality=municipality,
        target_type=input_type(),
        target_id__in=Input.objects.filter(municipality=municipality).values("pk"),
        status=ModerationStatus.PENDING,
    )


def moderation_queue(municipality, limit=None):
    """Pending inputs and pending comments on inputs, oldest first, for the municipality's moderation page: with
    `limit`, only the oldest `limit` (the central page asks for no more than it shows)."""
    inputs = _pending_inputs(municipality).select_related("module__dialogue__municipality")
    inputs = list(inputs.order_by("created_at", "id")[:limit])
    comments = list(_pending_comments(municipality).order_by("created_at", "id")[:limit])
    _attach_inputs(comments, select=("module__dialogue__municipality",))
    items = [_queue_item(METHOD_NAME, item.module, item.title, item.text, item.created_at) for item in inputs]
    for comment in comments:
        parent = comment.input  # attached above
        if parent:
            items.append(_queue_item(METHOD_NAME, parent.module, parent.title, comment.text, comment.created_at))
    return sorted(items, key=lambda item: item.created_at)[:limit]


def moderation_count(municipality):
    """How many items moderation_queue(municipality) holds, counted in the database."""
    return _pending_inputs(municipality).count() + _pending_comments(municipality).count()


def _queue_item(method_name, module, title, text, created_at):
    dialogue = module.dialogue
    url = reverse("open_input_staff:moderation", args=[dialogue.municipality.slug, dialogue.pk, module.pk])
    return ModerationItem(
        method_name=str(method_name), title=title, text=text, created_at=created_at, dialogue=dialogue, url=url
    )


def module_summary(module):
    """The active phase and published input count for the dialogue page (at most two queries)."""
    return {
        "phase": module.active_phase(),
        "published": Input.objects.published().filter(module=module).count(),
    }


def input_rows(module):
    """The same inputs as `inputs`, as a QuerySet the results workspace filters, counts and pages in the database."""
    return Input.objects.received().filter(module=module)


def inputs(module, ids=None):
    """Every input of the module that was not removed (pending ones included), for the results workspace; with
    `ids`, only those of them (a page of the workspace)."""
    qs = input_rows(module).order_by("created_at", "id")
    if ids is not None:
        qs = qs.filter(pk__in=ids)
    slug = module.dialogue.municipality.slug
    return [_record(METHOD_KEY, slug, module, item) for item in qs]


def input_channels(module):
    """{channel: number} of the same inputs as `inputs`, counted in the database (the yearly report)."""
    received = Input.objects.received().filter(module=module).order_by()
    return dict(received.values_list("channel").annotate(n=Count("id")))


def _record(method_key, slug, module, item):
    staff_url = reverse("open_input_staff:moderate", args=[slug, module.dialogue_id, module.pk, "input", item.pk])
    return InputRecord(
        ref=f"{method_key}:{item.pk}",
        module_id=module.pk,
        method=method_key,
        title=item.title,
        text=item.text,
        channel=item.channel,
        created_at=item.created_at,
        author_shown=item.author_name if item.is_published else "",
        demographics=item.demographics,
        staff_url=staff_url,
        received_on=item.received_on,
    )


def participant_addresses(module):
    """(email, name) of everyone who took part online: wrote an input, commented or supported, with an account
    that is still active. Each address once. Offline input keeps no contact details, so it gives none; erasure
    unlinks a person from what they wrote, so their address goes with it."""
    people = User.objects.filter(pk__in=participant_ids(module), is_active=True).exclude(email="").order_by("id")
    seen, result = set(), []
    for email, name in people.values_list("email", "name"):
        if email.lower() not in seen:
            seen.add(email.lower())
            result.append((email, name))
    return result


def update_recipients(module):
    """(email, name) of everyone who gave input online (not removed) and asked for updates or follows the dialogue.

    Offline input has no account and staff do not record contact details, so it has no recipient. Each address
    once; inactive accounts are left out.
    """
    followers = Follower.objects.filter(dialogue_id=module.dialogue_id).values("user_id")
    qs = Input.objects.received().filter(module=module, author__isnull=False, author__is_active=True)
    qs = qs.filter(Q(wants_updates=True) | Q(author_id__in=followers)).select_related("author")
    seen, result = set(), []
    for item in qs.order_by("created_at", "id"):
        email = (item.author.email or "").strip()
        if email and email.lower() not in seen:
            seen.add(email.lower())
            result.append((email, item.author.name))
    return result
