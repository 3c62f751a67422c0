"""The toolbox's "Enkät" is carried out by this method: its page lists the open dialogues with a survey."""

import pytest
from django.urls import reverse

from delaktig.dialogues.models import State
from delaktig.foundation.seed import toolbox_seed

from .factories import surveys_module

pytestmark = pytest.mark.django_db


def test_the_toolbox_survey_page_lists_where_one_can_answer_a_survey_now(client, municipality):
    toolbox_seed(municipality)
    page_url = reverse("foundation:toolbox_method", args=[municipality.slug, "enkat"])
    assert "Ingen öppen dialog använder det här sättet" in client.get(page_url).content.decode()
    open_one = surveys_module(municipality=municipality, title="Parken vid ån").dialogue
    surveys_module(municipality=municipality, state=State.CLOSED, title="Gamla skolan")
    page = client.get(page_url).content.decode()
    assert "Delta på det här sättet nu" in page and open_one.get_absolute_url() in page
    assert "Gamla skolan" not in page
