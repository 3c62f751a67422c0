"""The demo's e-ID: Hagfors lets residents log in with the TEST e-ID provider that `make run` serves at
/test-e-legitimation/ (fictitious people, no real e-ID), asks for e-ID to sign its e-petitions, and lets staff log
in with a test "municipality account" whose directory group makes them democracy officers."""

from django.conf import settings

from delaktig.accounts.models import IdentityLevel
from delaktig.identity.local_provider import LOA2, LOA3, PIN_CLAIM, RESIDENCE_CLAIM
from delaktig.identity.models import OidcConfiguration, ProviderKind
from delaktig.proposals.selectors import settings_for

TEST_PROVIDER_PATH = "/test-e-legitimation"


def load(muni):
    issuer = settings.SITE_URL.rstrip("/") + TEST_PROVIDER_PATH
    OidcConfiguration.objects.create(
        municipality=muni,
        kind=ProviderKind.RESIDENT_EID,
        issuer=issuer,
        client_id="delaktig-test",
        client_secret="test-secret",
        pin_claim=PIN_CLAIM,
        residence_claim=RESIDENCE_CLAIM,
        level_map={LOA3: IdentityLevel.SUBSTANTIAL, LOA2: IdentityLevel.EMAIL},
    )
    OidcConfiguration.objects.create(
        municipality=muni,
        kind=ProviderKind.STAFF_SSO,
        issuer=issuer,
        client_id="delaktig-personal",
        client_secret="test-secret",
        level_map={},
        group_roles={"delaktig-demokratiutvecklare": "democracy_officer"},
    )
    rules = settings_for(muni)
    rules.sign_identity_level = IdentityLevel.SUBSTANTIAL
    rules.save(update_fields=["sign_identity_level"])
