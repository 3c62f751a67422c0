"""Writes of the dummy method, each with its audit event, following the dialogue's public identity setting."""

from django.db import transaction

from delaktig.core.audit import audit_record
from delaktig.participation.models import Channel
from delaktig.participation.services import initial_status

from .models import DummyInput


def _about_you(module, age_band, gender, area):
    if area is not None and area.municipality_id != module.dialogue.municipality_id:
        area = None
    return {"age_band": age_band or "", "gender": gender or "", "area": area}


@transaction.atomic
def dummy_input_create(
    *, module, author, title, text, pseudonym="", wants_updates=False, age_band="", gender="", area=None
):
    """A resident's input online: the name shown and the account kept follow the dialogue's setting."""
    dialogue = module.dialogue
    account = dialogue.account_for(author)
    item = DummyInput.objects.create(
        module=module,
        municipality=module.municipality,
        author=account,
        author_name=dialogue.public_name_for(author, pseudonym),
        title=title,
        text=text,
        status=initial_status(dialogue),
        wants_updates=wants_updates and dialogue.stores_account,
        **_about_you(module, age_band, gender, area),
    )
    audit_record(municipality=item.municipality, actor=account, action="dummy_method.create", target=item)
    return item


@transaction.atomic
def dummy_input_enter(
    *, module, entered_by, title, text, channel=Channel.PAPER, author_name="", age_band="", gender="", area=None
):
    """An input that came in another way, entered by staff and published at once."""
    if channel == Channel.ONLINE:
        raise ValueError("An entered input needs an offline channel")
    item = DummyInput.objects.create(
        module=module,
        municipality=module.municipality,
        author_name=author_name if module.dialogue.shows_names else "",
        title=title,
        text=text,
        channel=channel,
        entered_by=entered_by,
        status=initial_status(module.dialogue, entered_by_staff=True),
        **_about_you(module, age_band, gender, area),
    )
    audit_record(
        municipality=item.municipality,
        actor=entered_by,
        action="dummy_method.enter",
        target=item,
        data={"channel": channel},
    )
    return item
