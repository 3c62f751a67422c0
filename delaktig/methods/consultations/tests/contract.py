"""Data for the participation contract test (see docs/adding-a-method.md)."""

from django.utils import timezone

from delaktig.accounts.tests.factories import UserFactory

from .. import services
from ..desk import desk_save
from ..models import Represents
from .factories import paragraph_of, published_plan

# What the ids in the method's URLs name, and how each reaches its municipality (organisations/tests/test_foreign_ids)
URL_OBJECTS = {
    "comment_id": ("participation.Comment", "municipality"),
    "attachment_id": ("consultations.Attachment", "document__municipality"),  # public: bilagor/<id>/
    "image_id": ("consultations.Image", "document__municipality"),
}


def contract_fixture(module):
    """A published plan: the resident comments on a paragraph as an organisation and follows the document, staff
    enter a letter from an authority; return the resident."""
    resident = UserFactory(name="Kim Kontrakt")
    staff = UserFactory()
    version = published_plan(module, actor=staff)
    document = version.document
    services.remark_create(
        module=module,
        version=version,
        target=paragraph_of(version, "200 nya bostäder"),
        text="Bygg fler hyresrätter.",
        represents=Represents.ORGANISATION,
        organisation="Hyresgästföreningen",
        user=resident,
    )
    services.follow_set(document=document, user=resident, follow=True)
    desk_save(
        module,
        {
            "place": "hela",
            "text": "Länsstyrelsen har synpunkter.",
            "represents": "authority",
            "organisation": "Länsstyrelsen Värmland",
            "sender_name": "Handläggare",
            "sender_address": "Karlstad",
        },
        actor=staff,
        channel="paper",
        received_on=timezone.localdate(),
        occasion=None,
        group="",
    )
    return resident
