"""Writes for open input. Each leaves an audit event in the same transaction."""

from django.db import transaction

from delaktig.core.audit import audit_record
from delaktig.participation.models import Channel
from delaktig.participation.services import initial_status
from delaktig.participation.services_inputs import (
    about_you_kept,
    input_create_once,
    input_receipt_later,
    written_online,
)
from delaktig.participation.services_inputs import input_desk_undo as shared_desk_undo
from delaktig.participation.services_inputs import support_toggle as support_toggle

from .models import CATEGORY_MAX, Input

MAX_CATEGORIES = 30


def categories_of(module):
    return list(module.settings.get("categories") or [])


@transaction.atomic
def input_create(
    *,
    module,
    author,
    title,
    text,
    category="",
    submission_key=None,
    wants_updates=False,
    age_band="",
    gender="",
    area=None,
    pseudonym="",
):
    """A resident's input, online. Sending the same draft twice gives back the first input.

    age_band, gender and area are the voluntary "about you" answers: stored, never published. The name shown
    and the account kept follow the dialogue's setting (Dialogue.public_name_for / account_for): when it is
    anonymous by design neither the input nor its audit event keeps the account, and the receipt goes to the
    address once, right after saving, without the address being stored.
    """
    dialogue = module.dialogue
    written = written_online(module, author, pseudonym)
    account = written["author"]  # None when the dialogue is anonymous by design
    item, created = input_create_once(
        Input.objects.filter(author=account),
        submission_key=submission_key,
        **written,
        title=title,
        text=text,
        category=category,
        wants_updates=wants_updates and dialogue.stores_account,
        **about_you_kept(module, age_band, gender, area),
    )
    if created:
        audit_record(municipality=item.municipality, actor=account, action="open_input.create", target=item)
        input_receipt_later(item, account=account, author=author)
    return item


@transaction.atomic
def input_enter_offline(
    *,
    module,
    entered_by,
    channel,
    title,
    text,
    author_name="",
    category="",
    received_on=None,
    age_band="",
    gender="",
    area=None,
    occasion_key="",
    occasion_label="",
    group="",
):
    """Input that came on paper, at a meeting, by e-mail or phone, entered by staff (at the desk); published at
    once."""
    if channel == Channel.ONLINE:
        raise ValueError("Offline input needs an offline channel")
    item = Input.objects.create(
        module=module,
        municipality=module.municipality,
        author=None,
        author_name=" ".join(author_name.split()) if module.dialogue.shows_names else "",
        title=title,
        text=text,
        category=category,
        channel=channel,
        entered_by=entered_by,
        received_on=received_on,
        occasion_key=occasion_key,
        occasion_label=occasion_label,
        group=group,
        status=initial_status(module.dialogue, entered_by_staff=True),
        **about_you_kept(module, age_band, gender, area),
    )
    audit_record(
        municipality=item.municipality,
        actor=entered_by,
        action="open_input.enter_offline",
        target=item,
        data={"channel": channel},
    )
    return item


@transaction.atomic
def input_desk_undo(*, module, item_id, actor, now=None):
    """Remove an input `actor` entered at the desk a moment ago; False, nothing changed, otherwise."""
    return shared_desk_undo(
        Input,
        module=module,
        item_id=item_id,
        actor=actor,
        action="open_input.desk_undo",
        data=lambda item: {"reference": item.reference, "title": item.title},
        now=now,
    )


def clean_categories(lines):
    seen, result = set(), []
    for line in lines:
        name = " ".join(line.split())[:CATEGORY_MAX]
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            result.append(name)
    return result[:MAX_CATEGORIES]


@transaction.atomic
def categories_set(*, module, categories, actor):
    """The categories residents choose from. Inputs keep the category they were given."""
    before = categories_of(module)
    after = clean_categories(categories)
    module.settings = {**module.settings, "categories": after}
    module.save(update_fields=["settings", "updated_at"])
    audit_record(
        municipality=module.municipality,
        actor=actor,
        action="open_input.categories_set",
        target=module,
        data={"before": before, "after": after},
    )
    return after
