"""The Atom feed of a municipality's new public proposals."""

from xml.etree import ElementTree

import pytest
from django.urls import reverse

from delaktig.proposals.models import Status
from delaktig.proposals.tests.factories import ProposalFactory, collecting

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def feed(client, municipality):
    response = client.get(reverse("proposals:feed", args=[municipality.slug]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ElementTree.fromstring(response.content)


def test_feed_is_valid_atom_with_public_proposals_only(client, municipality, other_municipality):
    shown = collecting(ProposalFactory(municipality=municipality, title="Fler bänkar", text="<b>Sitt</b> & vila"))
    ProposalFactory(municipality=municipality, status=Status.DECIDED, title="Beslutat förslag")
    ProposalFactory(municipality=municipality, status=Status.SUBMITTED, title="Inte granskat")
    collecting(ProposalFactory(municipality=other_municipality, title="Annan kommun"))
    root = feed(client, municipality)
    assert root.tag == f"{ATOM}feed"
    assert municipality.name in root.find(f"{ATOM}title").text
    entries = root.findall(f"{ATOM}entry")
    titles = {entry.find(f"{ATOM}title").text for entry in entries}
    assert titles == {"Fler bänkar", "Beslutat förslag"}
    entry = next(e for e in entries if e.find(f"{ATOM}title").text == "Fler bänkar")
    assert entry.find(f"{ATOM}link").get("href").endswith(shown.get_absolute_url())
    assert entry.find(f"{ATOM}updated").text
    assert "&lt;b&gt;Sitt&lt;/b&gt;" in entry.find(f"{ATOM}summary").text


def test_empty_feed_is_still_valid(client, municipality):
    root = feed(client, municipality)
    assert root.findall(f"{ATOM}entry") == []


def test_unknown_municipality_is_a_404(client):
    assert client.get("/finns-inte/forslag/flode.atom").status_code == 404
