"""How participants appear publicly: a setting of the plan that may only become more private once people took part."""

import dataclasses

import pytest

from delaktig.accounts.tests.factories import UserFactory
from delaktig.core.audit import audit_events_for
from delaktig.dialogues import services
from delaktig.dialogues.models import PublicIdentity, State
from delaktig.dialogues.tests.factories import dialogue_in_state
from delaktig.dialogues.tests.staff_support import MANIFEST, add_module, plan_data, staff_url
from delaktig.organisations.models import Role
from delaktig.participation.registry import registry

pytestmark = pytest.mark.django_db
NAME, PSEUDONYM, ANONYMOUS, BY_DESIGN = PublicIdentity.values
HIDDEN = []  # modules whose names the stand-in method was asked to hide


def _method(*, contributions, honours=True):
    """The stand-in method, honouring the setting (or not) and with or without contributions."""
    return dataclasses.replace(
        MANIFEST,
        stats=lambda module: {"Contributions": contributions},
        honours_public_identity=honours,
        public_names_hide=(lambda module: HIDDEN.append(module.pk) or 3) if honours else None,
    )


@pytest.fixture
def officer(client, staff):
    client.force_login(staff[Role.DEMOCRACY_OFFICER])
    return staff[Role.DEMOCRACY_OFFICER]


@pytest.fixture
def planned(municipality):
    return dialogue_in_state(State.PLANNED, municipality=municipality)


def _post_plan(client, dialogue, value):
    return client.post(staff_url("staff_plan", dialogue), plan_data(dialogue.municipality, public_identity=value))


# --- The helper methods use -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("setting", "shown", "keeps_account"),
    [(NAME, "Rut Resident", True), (PSEUDONYM, "Skogsmus 17", True), (ANONYMOUS, "", True), (BY_DESIGN, "", False)],
)
def test_public_name_and_account_follow_the_setting(planned, resident, setting, shown, keeps_account):
    planned.public_identity = setting
    assert planned.public_name_for(resident, "  Skogsmus   17 ") == shown
    assert (planned.account_for(resident) == resident) is keeps_account
    assert planned.stores_account is keeps_account


def test_a_new_dialogue_shows_names_as_before(municipality):
    assert dialogue_in_state(State.INITIATIVE, municipality=municipality).public_identity == NAME


# --- The plan page ---------------------------------------------------------------------------


def test_the_plan_explains_each_choice_in_plain_swedish(client, planned, officer):
    page = client.get(staff_url("staff_plan", planned)).content.decode()
    assert "Hur deltagarna visas offentligt" in page
    for value in PublicIdentity.values:
        assert f'value="{value}"' in page
    assert "Med pseudonym: Var och en väljer ett påhittat namn" in page
    assert "Helt anonymt: Alla visas som ”Anonym deltagare”, och vi sparar inte vem som skrev vad." in page
    assert "Det som redan är publicerat visas då också på det nya sättet." in page


def test_changing_the_setting_is_saved_and_audited(client, planned, officer):
    assert _post_plan(client, planned, PSEUDONYM).status_code == 302
    planned.refresh_from_db()
    assert planned.public_identity == PSEUDONYM
    event = audit_events_for(planned).get(action="dialogue.public_identity")
    assert event.data == {"before": NAME, "after": PSEUDONYM, "names_hidden": 0} and event.actor == officer
    staff_page = client.get(planned.get_staff_url()).content.decode()
    assert "Hur deltagarna visas offentligt" in staff_page and "Med pseudonym" in staff_page


def test_saving_without_a_change_leaves_no_identity_event(client, planned, officer):
    _post_plan(client, planned, NAME)
    assert not audit_events_for(planned).filter(action="dialogue.public_identity").exists()


def test_before_anyone_took_part_any_setting_may_be_chosen(client, planned, officer):
    with registry.temporarily(_method(contributions=0)):
        add_module(planned)
        for value in (BY_DESIGN, NAME, ANONYMOUS, PSEUDONYM):
            assert _post_plan(client, planned, value).status_code == 302, value
            planned.refresh_from_db()
            assert planned.public_identity == value


@pytest.mark.parametrize(("before", "after"), [(PSEUDONYM, NAME), (ANONYMOUS, PSEUDONYM), (ANONYMOUS, NAME)])
def test_after_people_took_part_it_never_becomes_less_private(client, planned, officer, before, after):
    planned.public_identity = before
    planned.save()
    with registry.temporarily(_method(contributions=4)):
        add_module(planned)
        response = _post_plan(client, planned, after)
    assert response.status_code == 200
    assert "Du kan bara ändra så att de visas mer anonymt." in response.content.decode()
    planned.refresh_from_db()
    assert planned.public_identity == before


def test_after_people_took_part_anonymous_by_design_is_out_of_reach(client, planned, officer):
    with registry.temporarily(_method(contributions=4)):
        add_module(planned)
        response = _post_plan(client, planned, BY_DESIGN)
    assert "vi har sparat vilka de är" in response.content.decode()
    planned.refresh_from_db()
    assert planned.public_identity == NAME


def test_a_stricter_setting_hides_the_names_already_shown(client, planned, officer):
    HIDDEN.clear()
    with registry.temporarily(_method(contributions=4)):
        module = add_module(planned)
        assert _post_plan(client, planned, ANONYMOUS).status_code == 302
    assert [module.pk] == HIDDEN
    event = audit_events_for(planned).get(action="dialogue.public_identity")
    assert event.data == {"before": NAME, "after": ANONYMOUS, "names_hidden": 3}


def test_a_method_that_always_shows_names_keeps_the_dialogue_named(client, planned, officer):
    with registry.temporarily(_method(contributions=0, honours=False)):
        add_module(planned)
        response = _post_plan(client, planned, PSEUDONYM)
    assert "Tyck till visar alltid deltagarnas namn." in response.content.decode()


def test_the_service_keeps_the_rule_too(planned):
    with registry.temporarily(_method(contributions=1)):
        add_module(planned)
        planned.public_identity = ANONYMOUS
        services.dialogue_update(dialogue=planned, actor=UserFactory(), changes={"public_identity": ANONYMOUS})
        with pytest.raises(ValueError):
            services.dialogue_update(dialogue=planned, actor=UserFactory(), changes={"public_identity": NAME})


def test_a_method_that_always_shows_names_cannot_be_added_to_a_dialogue_that_hides_them(client, planned, officer):
    planned.public_identity = PSEUDONYM
    planned.save()
    with registry.temporarily(_method(contributions=0, honours=False)) as method:
        response = client.post(staff_url("staff_module_add", planned), {"method": method.key, "name": "Tyck till"})
    assert response.status_code == 200 and "visar alltid deltagarnas namn" in response.content.decode()
    assert not planned.modules.exists()


@pytest.mark.parametrize(
    "setting, says",
    [
        (PublicIdentity.NAME, "Med ditt namn"),
        (PublicIdentity.PSEUDONYM, "Med en pseudonym som du väljer"),
        (PublicIdentity.ANONYMOUS, "Kommunens medarbetare kan se vem som skrev"),
        (PublicIdentity.ANONYMOUS_BY_DESIGN, "Ingen, inte ens kommunen"),
    ],
)
def test_the_public_page_says_how_you_appear_before_you_take_part(client, municipality, setting, says):
    dialogue = dialogue_in_state(State.OPEN, municipality=municipality)
    dialogue.public_identity = setting
    dialogue.save(update_fields=["public_identity"])
    page = client.get(dialogue.get_absolute_url()).content.decode()
    assert "Så syns du" in page and says in page
