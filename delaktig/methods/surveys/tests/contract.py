"""Data for the participation contract test (see docs/adding-a-method.md)."""

from django.utils import timezone

from delaktig.accounts.tests.factories import UserFactory

from ..services import response_enter, response_submit
from .factories import full_answers, survey_for

# What the ids in the method's URLs name, and how each reaches its municipality (organisations/tests/test_foreign_ids)
URL_OBJECTS = {
    "section_id": ("surveys.Section", "survey__municipality"),
    "question_id": ("surveys.Question", "survey__municipality"),
}


def contract_fixture(module):
    """A survey for logged-in residents: the resident answers online, staff enter one from paper; return the
    resident (whose account is recorded as having answered, never tied to the answers)."""
    resident = UserFactory(name="Kim Kontrakt")
    staff = UserFactory()
    survey = survey_for(module, actor=staff, access="logged_in")
    response_submit(survey=survey, answers=full_answers(survey), about={"age_band": "30_44"}, user=resident)
    response_enter(
        survey=survey,
        answers=full_answers(survey),
        about={},
        actor=staff,
        received_on=timezone.localdate(),
    )
    return resident
