"""Reads across the participation methods of a dialogue, through the registry."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from .models import Module
from .registry import registry

if TYPE_CHECKING:
    from delaktig.dialogues.models import Dialogue


def dialogue_participant_addresses(dialogue: Dialogue) -> list[tuple[str, str]]:
    """(email, name) of everyone who took part in any of the dialogue's ways of taking part and gave an address,
    online or offline (each method's `participant_addresses`; a method without it adds none). Each address once,
    compared in lower case, with the first name given for it; something that is not an e-mail address is left
    out. For the participants' evaluation of the dialogue."""
    unique: dict[str, tuple[str, str]] = {}
    for module in Module.objects.filter(dialogue=dialogue).order_by("order", "id"):
        manifest = registry.get(module.method)
        if manifest is None or manifest.participant_addresses is None:
            continue
        for email, name in manifest.participant_addresses(module) or []:
            address = (email or "").strip()
            if address.lower() not in unique and _is_address(address):
                unique[address.lower()] = (address, (name or "").strip())
    return list(unique.values())


def _is_address(text: str) -> bool:
    try:
        validate_email(text)
    except ValidationError:
        return False
    return True
