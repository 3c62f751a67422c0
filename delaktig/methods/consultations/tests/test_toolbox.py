"""The toolbox's "Samråd om dokument" is carried out by this method: its page lists the open dialogues with a
consultation on a document."""

import pytest
from django.urls import reverse

from delaktig.dialogues.models import State
from delaktig.foundation.models import ToolboxMethod
from delaktig.foundation.seed import toolbox_seed

from ..about import METHOD_KEY
from .factories import consultation_module

pytestmark = pytest.mark.django_db


def test_the_toolbox_consultation_page_lists_where_one_can_comment_on_a_document_now(client, municipality):
    toolbox_seed(municipality)
    entry = ToolboxMethod.objects.get(municipality=municipality, slug="samrad-om-dokument")
    assert entry.participation_method == METHOD_KEY
    page_url = reverse("foundation:toolbox_method", args=[municipality.slug, entry.slug])
    assert "Ingen öppen dialog använder det här sättet" in client.get(page_url).content.decode()
    open_one = consultation_module(municipality=municipality, title="Ny översiktsplan").dialogue
    consultation_module(municipality=municipality, state=State.CLOSED, title="Gammal kostpolicy")
    page = client.get(page_url).content.decode()
    assert "Delta på det här sättet nu" in page and open_one.get_absolute_url() in page
    assert "Gammal kostpolicy" not in page
