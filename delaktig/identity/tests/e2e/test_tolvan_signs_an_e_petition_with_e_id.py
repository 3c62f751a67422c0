"""Tolvan signs an e-petition in a municipality that asks for e-ID to sign. The sign page tells her so in plain
words and offers one button; she picks herself at the TEST e-ID provider (mounted as `make run` mounts it, so the
server calls its own token endpoint), gives her e-mail address for her new account, comes back to the same sign
page and signs. Her signature counts at once, under her e-ID, not her address. Axe on every page."""

import pytest
from django.core.cache import cache

from delaktig.accounts.models import IdentityLevel, User
from delaktig.identity.local_provider import LOA3, PIN_CLAIM, RESIDENCE_CLAIM
from delaktig.identity.models import OidcConfiguration, ProviderKind
from delaktig.organisations.tests.factories import MunicipalityFactory
from delaktig.proposals.models import Signature, SignatureStatus
from delaktig.proposals.selectors import settings_for
from delaktig.proposals.tests.factories import CategoryFactory, ProposalFactory, collecting
from tests.e2e.support import arrive, click_through, sv

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def hagby(live_server, settings):
    cache.clear()
    settings.TEST_EID_PROVIDER = True
    hagby = MunicipalityFactory(name="Hagby kommun", slug="hagby", municipality_code="1783")
    OidcConfiguration.objects.create(
        municipality=hagby,
        kind=ProviderKind.RESIDENT_EID,
        issuer=f"{live_server.url}/test-e-legitimation",
        client_id="delaktig-test",
        client_secret="test-secret",
        pin_claim=PIN_CLAIM,
        residence_claim=RESIDENCE_CLAIM,
        level_map={LOA3: IdentityLevel.SUBSTANTIAL},
    )
    rules = settings_for(hagby)
    rules.sign_identity_level = IdentityLevel.SUBSTANTIAL
    rules.save()
    return hagby


def test_tolvan_signs_an_e_petition_with_the_test_e_id(page, hagby):
    proposal = collecting(ProposalFactory(municipality=hagby, category=CategoryFactory(municipality=hagby)))
    page.goto(proposal.get_absolute_url())
    arrive(page)
    click_through(page, page.locator("main .at-a-glance a.button", has_text=sv("Sign the proposal")))
    sign_url = page.url
    text = (
        "To take part here you log in with e-identification, for example BankID. It takes a minute, and you come "
        "back to this page."
    )
    assert sv(text) in page.inner_text("main")
    assert page.locator("main form").count() == 0  # no way round e-ID

    click_through(page, page.locator("main a.button", has_text=sv("Log in with e-identification")))
    assert "TEST-e-legitimation" in page.inner_text("h1")
    click_through(page, page.get_by_role("button", name="Tolvan Tolvansson"))

    assert page.locator("main h1").inner_text() == sv("One step left: your account")
    assert page.input_value("#id_name") == "Tolvan Tolvansson"
    page.fill("#id_email", "tolvan@example.se")
    click_through(page, page.locator("main form button.button", has_text=sv("Create my account")))

    assert page.url == sign_url
    click_through(page, page.locator("main form button.button", has_text=sv("Sign the proposal")))
    assert page.locator("main .panel-confirmation h1").inner_text() == sv("Thank you for signing")

    tolvan = User.objects.get(email="tolvan@example.se")
    signature = Signature.objects.get(proposal=proposal)
    assert signature.user == tolvan and signature.status == SignatureStatus.VALID
    assert signature.signer_key == f"eid:{tolvan.personal_identity.pin_hash}"
