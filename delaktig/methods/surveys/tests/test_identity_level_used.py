"""The identity level a logged-in person answered a survey with: kept on the participation (never on the response)
and shown on My pages."""

import pytest

from delaktig.accounts.models import IdentityLevel
from delaktig.accounts.services import identity_level_raise
from delaktig.accounts.tests.factories import UserFactory
from delaktig.accounts.tests.helpers import my_pages, row_of

from ..models import Participation
from ..services import response_submit
from .factories import full_answers, survey_for

pytestmark = pytest.mark.django_db


def test_the_participation_keeps_the_level_the_account_had(client, municipality, module, staff):
    survey = survey_for(module, actor=staff["officer"], access="logged_in")
    rut = UserFactory(identity_level=IdentityLevel.EMAIL)
    response_submit(survey=survey, answers=full_answers(survey), user=rut)
    identity_level_raise(user=rut, level=IdentityLevel.SUBSTANTIAL)
    assert Participation.objects.get(survey=survey, user=rut).identity_level == IdentityLevel.EMAIL
    row = row_of(my_pages(client, rut, municipality), survey.title)
    assert "Besvarad" in row and "Bekräftad e-postadress" in row
