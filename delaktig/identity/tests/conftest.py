import http.client
import urllib.parse

import pytest
from django.core.cache import cache

from delaktig.identity.local_provider import LOA2, LOA3, LocalProvider, serve
from delaktig.identity.models import OidcConfiguration, ProviderKind
from delaktig.organisations.tests.factories import MunicipalityFactory


@pytest.fixture
def provider():
    """The local OpenID Connect provider on a free port of 127.0.0.1, for real HTTP."""
    found, server = serve(LocalProvider())
    yield found
    server.shutdown()
    server.server_close()
    cache.clear()


@pytest.fixture
def hagby(db):
    return MunicipalityFactory(name="Hagby kommun", slug="hagby", municipality_code="1783")


@pytest.fixture
def eid(hagby, provider):
    return OidcConfiguration.objects.create(
        municipality=hagby,
        kind=ProviderKind.RESIDENT_EID,
        issuer=provider.issuer,
        client_id="delaktig-test",
        client_secret="test-secret",
        residence_claim="https://id.oidc.se/claim/municipalityCode",
        level_map={LOA3: 3, LOA2: 1},
    )


@pytest.fixture
def sso(hagby, provider):
    return OidcConfiguration.objects.create(
        municipality=hagby,
        kind=ProviderKind.STAFF_SSO,
        issuer=provider.issuer,
        client_id="delaktig-personal",
        client_secret="test-secret",
        level_map={},
        group_roles={"delaktig-demokratiutvecklare": "democracy_officer", "delaktig-moderatorer": "moderator"},
    )


def provider_answer(authorize_url, person):
    """What a browser does at the provider: choose the person; gives the provider's redirect back (path?query)."""
    parts = urllib.parse.urlsplit(authorize_url)
    params = dict(urllib.parse.parse_qsl(parts.query))
    params["person"] = person
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    connection.request(
        "POST", parts.path, urllib.parse.urlencode(params), {"Content-Type": "application/x-www-form-urlencoded"}
    )
    response = connection.getresponse()
    assert response.status == 302, response.read()
    back = urllib.parse.urlsplit(response.getheader("Location"))
    connection.close()
    return f"{back.path}?{back.query}"


def eid_start(client, slug="hagby", next_url="/hagby/", start="identity:eid_start"):
    from django.urls import reverse

    response = client.get(reverse(start, args=[slug]), {"next": next_url})
    assert response.status_code == 302, response.content
    return response["Location"]


def eid_round(client, person="tolvan", **kwargs):
    """Start at Delaktig, choose `person` at the provider, come back: the callback's response."""
    return client.get(provider_answer(eid_start(client, **kwargs), person))
