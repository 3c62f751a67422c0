"""No personal data on a consultation's public pages, its downloads or its open data: the central check
(tests/test_no_personal_data.py) with people commenting on a paragraph, following the document, and a letter entered
at the desk whose sender (a name and an e-mail address the check forbids) is kept for the case and never shown."""

import pytest
from django.utils import timezone

from delaktig.dialogues.models import State
from tests.test_no_personal_data import HIDDEN, Method, assert_no_personal_data

from .. import services
from ..desk import desk_save
from ..models import Represents
from .factories import consultation_module, paragraph_of, published_plan

pytestmark = pytest.mark.django_db

SENDER = "Xerxes Quibbleworth"  # a name the check forbids everywhere, with his e-mail address as the letter's sender


def module(*, municipality, state=State.OPEN, phase="commenting"):
    """A consultation with its plan published, so that there is something to comment on."""
    made = consultation_module(municipality=municipality, state=state, phase=phase)
    published_plan(made)
    return made


def _version(module):
    return services.document_for(module).versions.exclude(published_at=None).order_by("-number").first()


def write(*, module, author, title, text, pseudonym=""):
    """A resident's comment on a paragraph; the comment is what a moderator publishes or removes."""
    version = _version(module)
    remark = services.remark_create(
        module=module,
        version=version,
        target=paragraph_of(version, "200 nya bostäder"),
        text=f"{title}. {text}",
        represents=Represents.MYSELF,
        user=author,
        pseudonym=pseudonym,
    )
    comment = remark.comment
    comment.get_absolute_url = lambda: f"{module.get_absolute_url()}#kommentar-{comment.pk}"
    return comment


def enter(*, module, entered_by, channel, title, text):
    """A letter entered at the desk: its sender's name and address never show."""
    data = {
        "place": "hela",
        "text": f"{title}. {text}",
        "represents": Represents.MYSELF,
        "organisation": "",
        "sender_name": SENDER,
        "sender_address": HIDDEN[SENDER],
    }
    received = timezone.localdate()
    return desk_save(module, data, actor=entered_by, channel=channel, received_on=received, occasion=None, group="")


def follow(*, item, user):
    """Following the document: taking part without writing anything."""
    services.follow_set(document=item.consultation_remark.version.document, user=user, follow=True)


CONSULTATIONS = Method(module=module, write=write, enter=enter, support=follow)


def test_no_email_addresses_and_no_hidden_names_on_consultation_pages_or_in_the_api(client, municipality):
    assert_no_personal_data(client, municipality, CONSULTATIONS)
