"""Each action's level reachable in one step: the page says what is needed and gives one e-ID button back to it;
"residents only" compares the e-ID's municipality code. Nothing is saved on a refused sign."""

from urllib.parse import quote

import pytest
from django.urls import reverse

from delaktig.accounts.models import IdentityLevel
from delaktig.accounts.tests.factories import UserFactory
from delaktig.council.models import QuestionTimeSettings
from delaktig.identity.models import Action, ActionRule, OidcConfiguration, PersonalIdentity
from delaktig.identity.pins import pin_hash
from delaktig.proposals.models import Signature
from delaktig.proposals.selectors import settings_for
from delaktig.proposals.tests.factories import CategoryFactory, ProposalFactory, collecting

pytestmark = pytest.mark.django_db
E_ID_BUTTON = "Logga in med e-legitimation"


@pytest.fixture
def eid_config(hagby):
    return OidcConfiguration.objects.create(
        municipality=hagby, kind="resident_eid", issuer="https://broker.example", client_id="x", level_map={"loa3": 3}
    )


@pytest.fixture
def proposal(hagby):
    return collecting(ProposalFactory(municipality=hagby, category=CategoryFactory(municipality=hagby)))


def at_e_id(hagby, level=IdentityLevel.SUBSTANTIAL):
    rules = settings_for(hagby)
    rules.sign_identity_level = rules.propose_identity_level = level
    rules.save()


def with_e_id(residence="1783"):
    user = UserFactory(identity_level=IdentityLevel.SUBSTANTIAL)
    PersonalIdentity.objects.create(user=user, pin_hash=pin_hash("191212121212"), residence_code=residence)
    return user


def test_signing_at_e_id_offers_one_step_back_to_the_same_page(client, hagby, eid_config, proposal):
    at_e_id(hagby)
    url = reverse("proposals:sign", args=["hagby", proposal.pk])
    page = client.get(url).content.decode()
    assert E_ID_BUTTON in page and f"next={quote(url, safe='')}" in page and 'name="email"' not in page
    response = client.post(url, {"name": "Ann", "email": "ann@example.se"})
    assert response.status_code == 403 and not Signature.objects.exists()


def test_a_person_with_e_id_signs_at_once_under_the_e_id(client, hagby, eid_config, proposal):
    at_e_id(hagby)
    user = with_e_id()
    client.force_login(user)
    url = reverse("proposals:sign", args=["hagby", proposal.pk])
    client.post(url, {"name": user.name, "show_name": "", "wants_updates": "on"})
    signature = Signature.objects.get()
    assert signature.status == "valid" and signature.signer_key == f"eid:{pin_hash('191212121212')}"


def test_residents_only_refuses_someone_whose_e_id_says_they_live_elsewhere(client, hagby, eid_config, proposal):
    ActionRule.objects.create(municipality=hagby, action=Action.SIGN, residents_only=True)
    client.force_login(with_e_id(residence="1784"))
    url = reverse("proposals:sign", args=["hagby", proposal.pk])
    page = client.get(url).content.decode()
    assert "Bara de som bor i kommunen kan delta här" in page
    assert client.post(url, {"name": "Karl"}).status_code == 403 and not Signature.objects.exists()


def test_writing_a_proposal_at_e_id_offers_e_id(client, hagby, eid_config):
    at_e_id(hagby)
    client.force_login(UserFactory())
    page = client.get(reverse("proposals:write", args=["hagby"])).content.decode()
    assert E_ID_BUTTON in page


def test_without_a_provider_the_page_says_what_is_needed(client, hagby, proposal):
    at_e_id(hagby)
    client.force_login(UserFactory())
    page = client.get(reverse("proposals:sign", args=["hagby", proposal.pk])).content.decode()
    assert E_ID_BUTTON not in page and "För att delta här behöver du: E-legitimation" in page


def test_asking_a_question_at_e_id_offers_e_id(client, hagby, eid_config):
    body = hagby.get_deciding_body()
    QuestionTimeSettings.objects.create(body=body, identity_level=IdentityLevel.SUBSTANTIAL)
    client.force_login(UserFactory())
    page = client.get(reverse("council:ask", args=["hagby", body.pk])).content.decode()
    assert E_ID_BUTTON in page


def test_e_id_cannot_be_chosen_before_a_provider_gives_it(client, hagby):
    from delaktig.identity.selectors import level_unreachable

    assert "Ingen kan logga in med e-legitimation" in level_unreachable(hagby, IdentityLevel.SUBSTANTIAL)
    assert level_unreachable(hagby, IdentityLevel.EMAIL) is None
    OidcConfiguration.objects.create(municipality=hagby, kind="resident_eid", issuer="https://b.example", client_id="x")
    assert level_unreachable(hagby, IdentityLevel.SUBSTANTIAL) is None
