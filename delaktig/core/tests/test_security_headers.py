"""Every response of a crawl of the demo, as a visitor and as staff, carries the security headers: a
Content-Security-Policy without inline script, frame-ancestors 'none', object-src 'none', base-uri and
form-action 'self'; Referrer-Policy, Permissions-Policy, Cross-Origin-Opener-Policy, nosniff and
X-Frame-Options. HSTS is sent over HTTPS when configured."""

import pytest
from django.test import Client

from delaktig.core.middleware import policy_with
from delaktig.demo.tests.site import crawl, demo_site, url_name  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db

DIRECTIVES = ("default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'self'")
DIRECTIVES += ("form-action 'self'", "frame-ancestors 'none'")


class RecordingClient(Client):
    """A test client that keeps every response it was given."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.seen = []

    def get(self, path, *args, **kwargs):
        response = super().get(path, *args, **kwargs)
        self.seen.append((path, response))
        return response


def missing_headers(response):
    policy = response.get("Content-Security-Policy", "")
    missing = [directive for directive in DIRECTIVES if directive not in policy]
    if "unsafe-inline" in policy or "unsafe-eval" in policy:
        missing.append("no unsafe-inline/unsafe-eval")
    expected = {
        "Referrer-Policy": "same-origin",
        "Cross-Origin-Opener-Policy": "same-origin",
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
    }
    missing += [name for name, value in expected.items() if response.get(name) != value]
    if "camera=()" not in response.get("Permissions-Policy", ""):
        missing.append("Permissions-Policy")
    return missing


@pytest.fixture(scope="module")
def walked(demo_site, django_db_blocker):  # noqa: F811
    """(every response, every POST form's action) of a crawl as a visitor and as staff with every role."""
    slug = demo_site.home.slug
    with django_db_blocker.unblock():
        visitor = RecordingClient()
        public = crawl(visitor, ["/", f"/{slug}/", "/konto/logga-in/", "/konto/skapa-konto/"], inside="/", per_name=1)
        visitor.get(f"/{slug}/finns-inte/")
        staff = RecordingClient()
        staff.force_login(demo_site.all_roles)
        starts = [f"/{slug}/personal/", f"/{slug}/personal/dialoger/", "/konto/mina-sidor/"]
        pages = crawl(staff, starts, inside="/", per_name=1)
    posts = {action for page in [*public, *pages] for action, method in page.forms if method == "post"}
    return visitor.seen + staff.seen, sorted(action for action in posts if action.startswith("/"))


@pytest.fixture(scope="module")
def responses(walked):
    return walked[0]


def test_the_crawl_is_broad(responses):
    assert len(responses) >= 150
    assert any("/personal/" in path for path, _ in responses)


def test_every_response_of_the_crawl_carries_the_headers(responses):
    found = {path: missing for path, response in responses if (missing := missing_headers(response))}
    assert not found


def test_hsts_over_https_when_configured(client, settings, municipality):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    response = client.get(f"/{municipality.slug}/", secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert "Strict-Transport-Security" not in client.get(f"/{municipality.slug}/")  # never over plain HTTP


def test_a_view_adds_sources_to_a_directive():
    policy = "default-src 'self'; form-action 'self'"
    extended = policy_with(policy, {"form-action": ["https://idp.example"], "img-src": ["https://tiles.example"]})
    assert extended == "default-src 'self'; form-action 'self' https://idp.example; img-src https://tiles.example"


def test_every_form_that_posts_is_refused_without_its_csrf_token(walked, demo_site, django_db_blocker):  # noqa: F811
    """The crawl's POST forms, one of each kind, sent by staff with every role without the token: all 403."""
    _responses, actions = walked
    assert len(actions) >= 30
    with django_db_blocker.unblock():
        client = Client(enforce_csrf_checks=True)
        client.force_login(demo_site.all_roles)
        done, accepted = set(), {}
        for action in actions:
            name = url_name(action)
            if name in done:
                continue
            done.add(name)
            status = client.post(action, {}).status_code
            if status != 403:
                accepted[action] = status
    assert not accepted
