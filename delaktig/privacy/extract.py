"""The register extract (registerutdrag, GDPR art. 15) staff hand out: everything we hold about a person, and why,
on what legal basis, for how long and to whom it goes."""

from __future__ import annotations

import datetime
import json
import re
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from delaktig.accounts.services import personal_data_collect
from delaktig.core import hookspecs as core_hooks

from .services import rules_for

PURPOSES = (
    (
        _("To let you take part in dialogues, proposals, surveys and meetings, and to tell you what happened"),
        _("A task in the public interest (GDPR article 6.1 e; kommunallagen)"),
    ),
    (
        _("To count one signature, vote or answer per person"),
        _("A task in the public interest (GDPR article 6.1 e)"),
    ),
    (
        _("To keep the municipality's records (public documents, archive)"),
        _("A legal obligation (GDPR article 6.1 c; offentlighets- och sekretesslagen, arkivlagen)"),
    ),
    (
        _("The citizen panel"),
        _("Your consent (GDPR article 6.1 a), which you can withdraw at any time"),
    ),
)
RECIPIENTS = (
    _("Staff of the municipality who handle the matter."),
    _("The company that runs the service for us, as our data processor (personuppgiftsbiträde)."),
    _(
        "Anyone who asks for a public document, after the municipality has checked it for secrecy. Names you chose "
        "to show publicly are shown on the website."
    ),
)


def register_extract(*, municipality, person) -> dict[str, Any]:
    """The extract's content: the person's data from every app (hook `personal_data`), with purposes, legal
    bases, retention periods and recipients."""
    rules = rules_for(municipality)
    return {
        "municipality": municipality.name,
        "made_at": timezone.now(),
        "data": personal_data_collect(user=person),
        "purposes": [{"purpose": str(p), "legal_basis": str(b)} for p, b in PURPOSES],
        "retention": [
            {
                "key": rule.kind.key,
                "data": str(rule.kind.description),
                "period": rule.amount,
                "unit": rule.kind.unit,
                "counts_from": str(rule.kind.counts_from),
                "removal": str(rule.kind.removal_note),
            }
            for rule in rules
        ],
        "recipients": [str(r) for r in RECIPIENTS],
    }


def extract_json(extract: dict[str, Any]) -> str:
    return json.dumps(extract, cls=_Encoder, ensure_ascii=False, indent=2)


class _Encoder(DjangoJSONEncoder):
    def default(self, o):
        if isinstance(o, datetime.datetime):
            return o.isoformat()
        try:
            return super().default(o)
        except TypeError:
            return str(o)


def extract_pdf(html: str) -> bytes:
    """The extract as PDF/UA with WeasyPrint, as the decision basis; nothing is fetched."""
    from weasyprint import HTML  # imported here: loading Pango is slow and only this download needs it
    from weasyprint.urls import URLFetcher

    return HTML(string=html, url_fetcher=URLFetcher(allowed_protocols=())).write_pdf(pdf_variant="pdf/ua-1")


FIELD_LABELS = {  # the keys apps use in personal_data, in words; a key not here is shown with spaces
    "account": _("Account"),
    "activity": _("Activity"),
    "age_band": _("Age band"),
    "area": _("Area"),
    "assistance": _("Assistance"),
    "ballot": _("Ballot"),
    "body": _("Body"),
    "budget": _("Budget"),
    "cast_at": _("Cast"),
    "category": _("Category"),
    "changed": _("Changed"),
    "changed_at": _("Changed"),
    "citizen_panel": _("Citizen panel"),
    "created": _("Created"),
    "created_at": _("Created"),
    "date_joined": _("Account made"),
    "department": _("Department"),
    "dialogue": _("Dialogue"),
    "dialogue_id": _("Dialogue number"),
    "dialogue_notifications": _("Notices about dialogues"),
    "diet": _("Diet"),
    "district": _("District"),
    "document": _("Document"),
    "email": _("E-mail address"),
    "email_given": _("E-mail address given"),
    "event": _("Event"),
    "exported_at": _("Extract made"),
    "followed_dialogues": _("Dialogues followed"),
    "gender": _("Gender"),
    "geometry": _("Place on the map"),
    "identity_level": _("Identity level"),
    "interpretation": _("Interpretation"),
    "kind": _("Kind"),
    "last_login": _("Last login"),
    "meeting": _("Meeting"),
    "memberships": _("Roles"),
    "moderation_reason": _("Reason for moderation"),
    "municipality": _("Municipality"),
    "name": _("Name"),
    "name_given": _("Name given"),
    "name_shown": _("Name shown"),
    "name_shown_publicly": _("Name shown publicly"),
    "number": pgettext_lazy("register extract", "Number"),
    "on": pgettext_lazy("register extract", "On"),
    "organisation": _("Organisation"),
    "phone": _("Phone"),
    "photo": _("Photo"),
    "place": _("Place"),
    "projects": _("Projects"),
    "proposal": _("Proposal"),
    "proposal_registration_number": _("Registration number of the proposal"),
    "proposal_signatures": _("Signatures of proposals"),
    "proposals": _("Proposals"),
    "question": _("Question"),
    "question_time": _("Question time"),
    "reference": _("Reference"),
    "registration_number": _("Registration number"),
    "represents": _("Represents"),
    "role": _("Role"),
    "sent_at": _("Sent"),
    "signed_at": _("Signed"),
    "since": _("Since"),
    "starts": _("Starts"),
    "status": _("Status"),
    "status_detail": _("What happened"),
    "submitted_at": _("Sent in"),
    "text": _("Text"),
    "title": _("Title"),
    "to": _("To"),
    "type": _("Type"),
    "url": _("Web address"),
    "vote": _("Vote"),
    "wants_updates": _("Wants news"),
}


def flat_rows(value: Any, prefix: str = "") -> list[tuple[str, str]]:
    """A nested value as (label, text) rows, for the readable page: keys in words ("identity level"), and a code
    left out where the value in words is beside it ("role" when there is "role_text")."""
    if isinstance(value, dict):
        shown = {key: item for key, item in value.items() if f"{key}_text" not in value}
        return [row for key, item in shown.items() for row in flat_rows(item, f"{prefix}{_words(key)} › ")]
    if isinstance(value, list):
        return [row for index, item in enumerate(value, 1) for row in flat_rows(item, f"{prefix}{index} › ")]
    if isinstance(value, datetime.datetime):
        text = formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")
    elif isinstance(value, datetime.date):
        text = formats.date_format(value, "DATE_FORMAT")
    else:
        text = _readable("" if value is None else str(value))
    return [(prefix.removesuffix(" › "), text)]


CODE = re.compile(r"(?<![@\w.])[a-z]+(?:[_.][a-z]+)+(?![\w@.])")
REFERENCE = re.compile(r"\b([a-z]+(?:_[a-z]+)*):(\d+)\b")


def _readable(text: str) -> str:
    """Codes an app put among the values ("open_input.support", "map_input", "open_input:12") in words: an audit
    action by its label, anything else with spaces; the JSON keeps the codes."""
    if not (CODE.search(text) or REFERENCE.search(text)):
        return text
    labels = {key: label for hook in core_hooks.audit_action_labels.implementations() for key, label in hook().items()}
    text = REFERENCE.sub(lambda found: f"{_words(found[1])} {found[2]}", text)
    return CODE.sub(lambda found: _code_in_words(found[0], labels), text)


def _code_in_words(code: str, labels: dict[str, Any]) -> str:
    if code in labels:
        return str(labels[code])
    return _words(code.replace(".", " ")) if "_" in code else code


def _words(key: Any) -> str:
    key = str(key).removesuffix("_text")
    if key in FIELD_LABELS:
        return str(FIELD_LABELS[key])
    text = key.replace("_", " ")
    return text[:1].upper() + text[1:]
