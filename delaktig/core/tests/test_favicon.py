"""Every page names its icon, and /favicon.ico (asked for by tools that read no page) leads to it."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_icon_is_named_on_every_page_and_favicon_ico_leads_to_it(client, municipality):
    page = client.get(f"/{municipality.slug}/").content.decode()
    assert 'rel="icon" href="/static/img/favicon.svg"' in page
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"] == "/static/img/favicon.svg"
