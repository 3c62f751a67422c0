"""The toolbox's "Medborgarpanel" is carried out by the panel: its page says how to join, or that sign-up is closed."""

import pytest
from django.urls import reverse

from delaktig.foundation.seed import toolbox_seed
from delaktig.panel.services import settings_save

pytestmark = pytest.mark.django_db


def test_the_toolbox_panel_page_invites_to_sign_up_while_sign_up_is_open(client, municipality):
    toolbox_seed(municipality)
    page_url = reverse("foundation:toolbox_method", args=[municipality.slug, "medborgarpanel"])
    assert "tar inte emot nya medlemmar" in client.get(page_url).content.decode()
    settings_save(municipality=municipality, actor=None, signup_open=True, inactivity_months=24)
    page = client.get(page_url).content.decode()
    assert reverse("panel:signup", args=[municipality.slug]) in page and "Anmäl dig till medborgarpanelen" in page
