"""Data for the participation contract test (see docs/adding-a-method.md)."""

from django.utils import timezone

from delaktig.accounts.models import IdentityLevel
from delaktig.accounts.tests.factories import UserFactory

from ..by_email import pending_cast, pending_confirm
from ..eligibility import Declared
from ..services import alternative_save, ballot_cast, ballot_enter, vote_save

# What the ids in the method's URLs name, and how each reaches its municipality (organisations/tests/test_foreign_ids)
URL_OBJECTS = {
    "alternative_id": ("votes.Alternative", "vote__municipality"),
    "image_id": ("votes.AlternativeImage", "alternative__vote__municipality"),
}


def contract_fixture(module):
    """A one-choice vote with two alternatives: the resident votes online, staff enter one ballot from paper, one
    ballot cast with an e-mail address is confirmed by its link and another waits for it; return the resident."""
    resident = UserFactory(name="Kim Kontrakt", identity_level=IdentityLevel.EMAIL)
    staff = UserFactory()
    vote = vote_save(module=module, actor=staff, question="Vilken skulptur ska stå på torget?", ballot_type="single")
    first = alternative_save(vote=vote, actor=staff, title="Ljusets bro")
    alternative_save(vote=vote, actor=staff, title="Älvens röst")
    ballot_cast(
        municipality=module.dialogue.municipality,
        vote_id=vote.pk,
        user=resident,
        choices=[first.pk],
        declared=Declared(age_band="30_44", area_id=None),
    )
    ballot_enter(
        vote=vote, actor=staff, choices=[first.pk], declared=Declared("", None), received_on=timezone.localdate()
    )
    municipality = module.dialogue.municipality
    mailed = pending_cast(
        municipality=municipality,
        vote_id=vote.pk,
        email="post@exempel.se",
        choices=[first.pk],
        declared=Declared("", None),
    )
    pending_confirm(token=mailed.token, municipality=municipality)
    pending_cast(
        municipality=municipality,
        vote_id=vote.pk,
        email="vantar@exempel.se",
        choices=[first.pk],
        declared=Declared("", None),
    )
    return resident
