"""Open input honours how the dialogue shows participants: with a name, a pseudonym, anonymously, or anonymous by
design (no account kept at all). The check page, the confirmation and the receipt say exactly what is public."""

from unittest import mock

import pytest
from django.core import mail
from django.urls import reverse

from delaktig.accounts.tests.factories import UserFactory
from delaktig.core.models import AuditEvent
from delaktig.dialogues.models import PublicIdentity
from delaktig.organisations.models import Role
from delaktig.participation.models import Channel, Comment
from delaktig.participation.services import comment_create

from .. import services
from ..manifest import manifest
from ..models import Input
from ..public_names import public_names_hide
from .conftest import url
from .factories import open_input_module

pytestmark = pytest.mark.django_db
NAME, PSEUDONYM, ANONYMOUS, BY_DESIGN = PublicIdentity.values
DRAFT = {"title": "Fler bänkar vid lekplatsen", "text": "Äldre behöver kunna vila."}
REAL = "Rut Resident"  # the resident fixture's name


def _module(municipality, setting, **kwargs):
    module = open_input_module(municipality=municipality, **kwargs)
    module.dialogue.public_identity = setting
    module.dialogue.save(update_fields=["public_identity"])
    return module


@pytest.fixture
def rut(client, resident):
    client.force_login(resident)
    return client


def _send(client, module, on_commit, **extra):
    client.post(url("create", module), {**DRAFT, **extra})
    check = client.get(url("create_check", module)).content.decode()
    with on_commit(execute=True):
        response = client.post(url("create_check", module))
    return check, response


# --- The check page says exactly what is public, per setting -------------------------------------


@pytest.mark.parametrize(
    ("setting", "sentences"),
    [
        (
            NAME,
            [
                "Detta visas offentligt: din titel och din text, ditt namn ”Rut Resident” och datum.",
                "Din e-postadress visas inte.",
                "Kommunens medarbetare kan se vilket konto som skickade det.",
            ],
        ),
        (
            PSEUDONYM,
            [
                "Detta visas offentligt: din titel och din text, pseudonymen ”Skogsmus” och datum.",
                "Ditt namn och din e-postadress visas inte.",
                "Kommunens medarbetare kan se vilket konto som skickade det.",
            ],
        ),
        (
            ANONYMOUS,
            [
                "Detta visas offentligt: din titel och din text, datum och ”Anonym deltagare” i stället för namn.",
                "Ditt namn och din e-postadress visas inte.",
                "Kommunens medarbetare kan se vilket konto som skickade det.",
            ],
        ),
        (
            BY_DESIGN,
            [
                "Detta visas offentligt: din titel och din text, datum och ”Anonym deltagare” i stället för namn.",
                "Ditt namn och din e-postadress visas inte.",
                "Vi sparar inte vem som skickade det, så inte ens kommunens medarbetare kan se vem som skrev det.",
                "Du hittar inte inlägget på Mina sidor, så spara referensnumret.",
            ],
        ),
    ],
)
def test_the_check_page_says_exactly_what_is_public(
    rut, municipality, setting, sentences, django_capture_on_commit_callbacks
):
    module = _module(municipality, setting)
    check, response = _send(rut, module, django_capture_on_commit_callbacks, pseudonym="Skogsmus")
    for sentence in sentences:
        assert sentence in check, sentence
    assert (REAL in check) is (setting == NAME)
    done = rut.get(response["Location"]).content.decode()
    receipt = mail.outbox[-1].body
    for sentence in sentences[:3]:
        assert sentence in done and sentence in receipt, sentence


# --- Pseudonyms ---------------------------------------------------------------------------------


def test_the_form_suggests_a_pseudonym_and_keeps_the_one_used_before(rut, municipality, resident):
    module = _module(municipality, PSEUDONYM)
    page = rut.get(url("create", module)).content.decode()
    assert 'name="pseudonym"' in page and "Din pseudonym" in page
    services.input_create(module=module, author=resident, title="Först", text="Ja.", pseudonym="Myrtrast 12")
    assert 'value="Myrtrast 12"' in rut.get(url("create", module)).content.decode()


def test_no_pseudonym_is_asked_for_when_names_or_nobody_are_shown(rut, municipality):
    for setting in (NAME, ANONYMOUS, BY_DESIGN):
        assert 'name="pseudonym"' not in rut.get(url("create", _module(municipality, setting))).content.decode()


@pytest.mark.parametrize(
    ("pseudonym", "message"),
    [
        ("rut@example.se", "En pseudonym kan inte vara en e-postadress"),
        ("Rut Resident", "Välj en pseudonym som inte är ditt namn"),
        ("070-123 45 67", "telefonnummer"),
        ("Ab", "Skriv en pseudonym med 3 till 40 tecken."),
        ("Anonym deltagare", "Välj en annan pseudonym"),
        ("<b>Skogsmus</b>", "Använd bara bokstäver"),
    ],
)
def test_a_pseudonym_that_would_reveal_or_mislead_is_refused(rut, municipality, pseudonym, message):
    module = _module(municipality, PSEUDONYM)
    response = rut.post(url("create", module), {**DRAFT, "pseudonym": pseudonym})
    page = response.content.decode()
    assert response.status_code == 200 and "error-summary" in page and message in page
    assert DRAFT["text"] in page  # what was typed is kept


def test_a_pseudonym_someone_else_uses_in_the_dialogue_is_refused(rut, municipality):
    module = _module(municipality, PSEUDONYM)
    services.input_create(module=module, author=UserFactory(), title="Deras", text="Ja.", pseudonym="Skogsmus")
    page = rut.post(url("create", module), {**DRAFT, "pseudonym": "skogsmus"}).content.decode()
    assert "Någon annan skriver redan som ”skogsmus” i den här dialogen." in page


# --- What the public sees, what staff see -------------------------------------------------------


def _pages(client, module, item):
    return client.get(url("index", module)).content.decode() + client.get(item.get_absolute_url()).content.decode()


def test_pseudonymous_input_and_comments_never_show_the_real_name(rut, client, municipality, resident, staff):
    module = _module(municipality, PSEUDONYM)
    item = services.input_create(module=module, author=resident, title="Bänkar", text="Ja.", pseudonym="Skogsmus")
    rut.post(url("comment", module, item.pk), {"text": "Och fler träd.", "pseudonym": "Skogsmus"})
    assert (item.author, item.author_name) == (resident, "Skogsmus")
    assert Comment.objects.get().author_name == "Skogsmus" and Comment.objects.get().author == resident
    client.logout()
    public = _pages(client, module, item)
    assert "Skogsmus" in public and REAL not in public and resident.email not in public
    client.force_login(staff[Role.MODERATOR])
    moderation = client.get(url("staff:moderation", module)).content.decode()
    assert f"konto: {REAL} ({resident.email})" in moderation  # staff see the account


def test_anonymous_input_shows_anonymous_participant_and_staff_still_see_the_account(client, municipality, resident):
    module = _module(municipality, ANONYMOUS)
    item = services.input_create(module=module, author=resident, title="Bänkar", text="Ja.")
    comment_create(target=item, dialogue=module.dialogue, author=resident, text="Och träd.")
    public = _pages(client, module, item)
    assert "Anonym deltagare" in public and REAL not in public
    assert item.author == resident and item.author_name == ""
    client.force_login(UserFactory())
    moderator = UserFactory()
    module.dialogue.municipality.memberships.create(user=moderator, role=Role.MODERATOR)
    client.force_login(moderator)
    assert REAL in client.get(url("staff:moderation", module)).content.decode()


def test_anonymous_by_design_keeps_no_account_and_sends_the_receipt_without_storing_the_address(
    rut, client, municipality, resident, staff, django_capture_on_commit_callbacks
):
    module = _module(municipality, BY_DESIGN)
    with mock.patch("delaktig.participation.services_inputs.input_receipt_send") as task:
        _check, response = _send(rut, module, django_capture_on_commit_callbacks)
    item = Input.objects.get()
    assert item.author is None and item.author_name == "" and not item.wants_updates
    assert not task.enqueue.called  # no task row holds the address
    assert mail.outbox[-1].to == [resident.email] and item.reference in mail.outbox[-1].body
    event = AuditEvent.objects.get(action="open_input.create", target_id=item.pk)
    assert event.actor is None
    assert not [key for key, _value in rut.session.items() if key.startswith("open_input:")]  # nor the session
    done = rut.get(response["Location"])
    assert done.status_code == 200 and item.reference in done.content.decode()
    assert rut.get(url("create_done", module, item.pk)).status_code == 404  # the link needs its signed token
    client.force_login(staff[Role.MODERATOR])
    moderation = client.get(url("staff:moderation", module)).content.decode()
    assert "helt anonymt: vi vet inte vem som skrev" in moderation and REAL not in moderation
    assert "eftersom vi inte vet vem det är" in moderation


def test_anonymous_by_design_comments_keep_no_account(rut, municipality, resident):
    module = _module(municipality, BY_DESIGN)
    item = services.input_create(module=module, author=UserFactory(), title="Bänkar", text="Ja.")
    rut.post(url("comment", module, item.pk), {"text": "Håller med."})
    comment = Comment.objects.get()
    assert comment.author is None and comment.author_name == ""
    assert AuditEvent.objects.get(action="comment.create", target_id=comment.pk).actor is None


def test_anonymous_by_design_asks_for_no_updates_by_e_mail(rut, municipality):
    page = rut.get(url("create", _module(municipality, BY_DESIGN))).content.decode()
    assert 'name="wants_updates"' not in page


def test_offline_input_shows_no_name_when_the_dialogue_shows_none(municipality, staff):
    module = _module(municipality, ANONYMOUS)
    item = services.input_enter_offline(
        module=module, entered_by=staff[Role.OFFICER], channel=Channel.PAPER, title="Ljus", text="Ja.", author_name="Bo"
    )
    assert item.author_name == ""


# --- Open data, exports and the results workspace ----------------------------------------------


@pytest.mark.parametrize("setting", [PSEUDONYM, ANONYMOUS, BY_DESIGN])
def test_open_data_exports_and_results_never_carry_the_real_name(client, municipality, resident, setting):
    module = _module(municipality, setting)
    services.input_create(module=module, author=resident, title="Bänkar", text="Ja.", pseudonym="Skogsmus")
    slug = municipality.slug
    api = client.get(reverse("opendata:dataset_list", args=[slug, "open-input"])).content.decode()
    csv = b"".join(client.get(reverse("opendata:dataset_csv", args=[slug, "open-input"])).streaming_content)
    assert "Bänkar" in api
    for text in (api, csv.decode(), str(manifest.export_rows(module)), str(manifest.inputs(module))):
        assert REAL not in text and resident.email not in text
    shown = {record.author_shown for record in manifest.inputs(module)}
    assert shown == ({"Skogsmus"} if setting == PSEUDONYM else {""})


# --- A stricter setting applies to what is already published -----------------------------------


def test_hiding_names_removes_them_from_input_and_comments(municipality, resident):
    module = _module(municipality, NAME)
    item = services.input_create(module=module, author=resident, title="Bänkar", text="Ja.")
    comment_create(target=item, dialogue=module.dialogue, author=resident, text="Och träd.")
    assert public_names_hide(module) == 2
    item.refresh_from_db()
    assert item.author_name == "" and item.author == resident
    assert Comment.objects.get().author_name == ""


def test_sending_after_the_setting_changed_shows_the_check_page_again(rut, municipality):
    module = _module(municipality, NAME)
    rut.post(url("create", module), DRAFT)
    module.dialogue.public_identity = ANONYMOUS
    module.dialogue.save(update_fields=["public_identity"])
    response = rut.post(url("create_check", module))
    assert response["Location"] == url("create_check", module) and not Input.objects.exists()
    check = rut.get(url("create_check", module)).content.decode()
    assert "Sättet deltagarna visas på har just ändrats." in check and "”Anonym deltagare”" in check
    rut.post(url("create_check", module))
    assert Input.objects.get().author_name == ""


def test_my_data_tells_the_name_that_was_shown(municipality, resident):
    module = _module(municipality, PSEUDONYM)
    services.input_create(module=module, author=resident, title="Bänkar", text="Ja.", pseudonym="Skogsmus")
    assert [row["name_shown"] for row in manifest.personal_data(resident)] == ["Skogsmus"]
