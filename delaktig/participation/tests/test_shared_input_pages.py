"""The pages participation shares with methods (views_module, views_inputs and their templates), tried on the dummy
method's ideas: one input with support and comments, supporting, commenting and moderating."""

import pytest
from django.contrib.messages import get_messages
from django.test import RequestFactory

from delaktig.accounts.tests.factories import UserFactory
from delaktig.participation.models import Comment, ModerationStatus
from delaktig.participation.services import comment_create
from delaktig.participation.urls import module_url
from delaktig.participation.views_inputs import export_table, input_figures
from delaktig.participation.views_module import overview_context
from tests.dummy_method.factories import dummy_module
from tests.dummy_method.models import DummyIdea, DummySupport

pytestmark = pytest.mark.django_db


@pytest.fixture
def module(municipality):
    return dummy_module(municipality=municipality)


@pytest.fixture
def item(module):
    return DummyIdea.objects.create(module=module, municipality=module.dialogue.municipality, text="Fler bänkar")


@pytest.fixture
def rut(client, resident):
    client.force_login(resident)
    return client


def said(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_module_url_reverses_the_methods_public_and_staff_pages(module, item):
    base = f"/{module.dialogue.municipality.slug}"
    assert (
        module_url(module, "idea", item.pk)
        == f"{base}/dialoger/{module.dialogue_id}/delta/{module.pk}/dummy_method/ideer/{item.pk}/"
    )
    assert module_url(module, "moderation", staff=True).startswith(f"{base}/personal/dialoger/{module.dialogue_id}/")


def test_a_published_input_shows_its_support_and_comments(client, module, item, resident):
    comment_create(target=item, dialogue=module.dialogue, author=resident, text="Håller med")
    page = client.get(module_url(module, "idea", item.pk)).content.decode()
    assert "Håller med" in page and "Rut Resident" in page
    assert module_url(module, "support", item.pk) in page
    assert "Logga in för att kommentera" in page


def test_a_pending_input_is_shown_only_to_its_writer_with_a_notice(client, rut, module, resident):
    pending = DummyIdea.objects.create(
        module=module, municipality=module.dialogue.municipality, author=resident, text="Vänta", status="pending"
    )
    page = rut.get(module_url(module, "idea", pending.pk)).content.decode()
    assert "väntar på att en moderator ska läsa den" in page and "support-title" not in page
    client.logout()
    assert client.get(module_url(module, "idea", pending.pk)).status_code == 404


def test_supporting_needs_a_login_and_then_counts_once(client, rut, module, item, resident):
    url = module_url(module, "support", item.pk)
    response = rut.post(url, {"support": "add"})
    assert response["Location"] == item.get_absolute_url() and said(response) == ["Tack för ditt stöd."]
    rut.post(url, {"support": "add"})
    assert DummySupport.objects.filter(input=item, user=resident).count() == 1
    rut.post(url, {"support": "remove"})
    assert not DummySupport.objects.exists()
    client.logout()
    assert client.post(url)["Location"].startswith("/konto/logga-in/")


def test_a_comment_is_published_or_shown_again_with_its_errors(rut, module, item):
    url = module_url(module, "comment", item.pk)
    again = rut.post(url, {"text": ""})
    assert again.status_code == 200 and "error-summary" in again.content.decode()
    response = rut.post(url, {"text": "Bra idé"})
    assert response["Location"] == item.get_absolute_url()
    assert Comment.objects.get().text == "Bra idé"
    assert said(response)[0].startswith("Din kommentar är publicerad.")


def test_a_phase_that_allows_no_support_refuses_in_words(rut, municipality):
    module = dummy_module(municipality=municipality, phase="view")
    item = DummyIdea.objects.create(module=module, municipality=municipality, text="Läs bara")
    response = rut.post(module_url(module, "support", item.pk))
    assert response.status_code == 403 and "Du kan inte göra det här" in response.content.decode()


@pytest.fixture
def moderator(client, staff):
    client.force_login(staff["moderator"])
    return client


def test_a_moderator_removes_an_input_with_a_reason(moderator, module, item):
    url = module_url(module, "moderate", "input", item.pk, staff=True)
    assert moderator.get(url).status_code == 200
    assert "reason" in moderator.post(url, {"decision": "remove"}).context["form"].errors
    response = moderator.post(url, {"decision": "remove", "reason": "off_topic", "note": "Fel dialog"})
    assert response["Location"] == module_url(module, "moderation", staff=True)
    item.refresh_from_db()
    assert item.status == ModerationStatus.REJECTED and item.moderation_note == "Fel dialog"


def test_a_moderator_publishes_a_comment_and_other_kinds_are_not_found(moderator, municipality, item):
    module = item.module
    comment = comment_create(target=item, dialogue=module.dialogue, author=UserFactory(), text="Ja", premoderated=True)
    moderator.post(module_url(module, "moderate", "comment", comment.pk, staff=True), {"decision": "publish"})
    comment.refresh_from_db()
    assert comment.status == ModerationStatus.PUBLISHED
    assert moderator.get(module_url(module, "moderate", "other", item.pk, staff=True)).status_code == 404


def test_staff_whose_role_does_not_allow_moderating_are_told_why(client, staff, module, item):
    client.force_login(staff["registrar"])
    response = client.get(module_url(module, "moderate", "input", item.pk, staff=True))
    assert response.status_code == 403 and module_url(module, "index", staff=True) in response.content.decode()


def test_another_municipalitys_module_is_not_found(client, other_municipality, staff, item):
    client.force_login(staff["moderator"])
    foreign = dummy_module(municipality=other_municipality)
    assert client.get(module_url(foreign, "moderate", "input", item.pk, staff=True)).status_code == 404


def test_the_moderation_page_lists_what_waits_and_what_was_published(moderator, municipality, module, item):
    waiting = DummyIdea.objects.create(module=module, municipality=municipality, text="Vänta", status="pending")
    comment = comment_create(target=item, dialogue=module.dialogue, author=UserFactory(), text="Ja")
    response = moderator.get(module_url(module, "idea_moderation", staff=True))
    assert (response.context["pending_inputs"], response.context["published_inputs"]) == ([waiting], [item])
    assert response.context["published_comments"] == [comment]
    assert f'action="{module_url(module, "moderate", "input", waiting.pk, staff=True)}"' in response.content.decode()


def staff_request(user, municipality):
    request = RequestFactory().get("/")
    request.user, request.municipality = user, municipality
    return request


def test_the_overview_says_what_the_person_may_do(staff, municipality, module):
    request = staff_request(staff["registrar"], municipality)
    labels = [("inputs", "Inlägg")]
    context = overview_context(request, module, {"inputs": 3}, actions=("moderate",), labels=labels, extra=1)
    assert context["figures"] == [("Inlägg", 3)] and context["can"] == {"moderate": False}
    assert context["phase"].name == "Insamling" and context["extra"] == 1
    assert [key for key, _label in input_figures(("inputs", "Inlägg"))] == [
        "inputs",
        "comments",
        "supports",
        "participants",
    ]


def test_a_download_reads_references_and_choices_in_words():
    rows = [{"id": 7, "status": "rejected", "text": "Bort"}]
    table = export_table(
        rows,
        ["id", "status", "text"],
        headers={"id": "Ref"},
        reference_prefix="DI",
        choices={"status": ModerationStatus},
    )
    assert table == [["Ref", "status", "text"], ["DI-7", "Borttagen", "Bort"]]
