"""Reads for open input. Lists annotate their counts, so pages never run a query per row."""

from django.db.models import Q

from delaktig.core.search import search as text_search
from delaktig.dialogues.models import Follower
from delaktig.participation.demographics import AgeBand, Gender
from delaktig.participation.models import Channel
from delaktig.participation.selectors_inputs import InputReads

from .about import METHOD_NAME
from .models import Input

SORTS = {"new": ("-created_at", "-id"), "supports": ("-support_count", "-created_at", "-id")}
EXPORT_COLUMNS = ["id", "title", "text", "category", "channel", "received_on", "status", "created", "supports"]


def _record_details(item):
    """What the results read besides the text: the voluntary answers and the day input entered by staff came in."""
    return {"demographics": item.demographics, "received_on": item.received_on}


# The reads every method with supported and commented inputs shares
INPUTS = InputReads(Input, method_name=METHOD_NAME, record_details=_record_details)

input_type = INPUTS.input_type
with_counts = INPUTS.with_counts
participant_addresses = INPUTS.participant_addresses
inputs = INPUTS.inputs


def inputs_published(module, *, sort="new", category="", search=""):
    qs = with_counts(Input.objects.published().filter(module=module))
    if category:
        qs = qs.filter(category=category)
    qs = text_search(qs, search, fields=("title", "text"))
    return qs.order_by(*SORTS.get(sort, SORTS["new"]))


def stats(module):
    """Counts for reports, with the number of inputs that came in another way than online."""
    received = Input.objects.received().filter(module=module)
    return {**INPUTS.stats(module), "offline_inputs": received.exclude(channel=Channel.ONLINE).count()}


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
    written = Input.objects.filter(author=user).select_related("module__dialogue__municipality", "area")
    return (
        [_input_data(item) for item in written]
        + INPUTS.comments_data(user)
        + INPUTS.supports_data(user, with_title=True)
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
        "moderation_reason": item.moderation_reason,
        "url": item.get_absolute_url(),
        "created": item.created_at.isoformat(),
        "identity_level": item.identity_level,
    }


def erase(user):
    """Anonymise the user's inputs and comments (they stay as records) and delete their supports.

    The voluntary "about you" answers go with the person: they could point back to them.
    """
    return INPUTS.erase(user, age_band="", gender="", area=None, wants_updates=False)


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
