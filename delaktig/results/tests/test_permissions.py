import pytest

from delaktig.dialogues.models import State
from delaktig.organisations.models import Role
from delaktig.organisations.tests.factories import staff_for
from delaktig.results import services
from delaktig.results.models import Theme
from tests.dummy_method.factories import dummy_module
from tests.dummy_method.factories import ref as ref_of

from .helpers import rurl

pytestmark = pytest.mark.django_db
READERS = {Role.OFFICER, Role.DEMOCRACY_OFFICER, Role.ADMINISTRATOR, Role.REGISTRAR}
EDITORS = {Role.OFFICER, Role.DEMOCRACY_OFFICER, Role.ADMINISTRATOR}


@pytest.fixture
def theme(dialogue, staff):
    return services.theme_create(dialogue=dialogue, actor=staff["officer"], name="Lek")


def page_urls(dialogue, theme):
    return [
        rurl("overview", dialogue),
        rurl("inputs", dialogue),
        rurl("codebook", dialogue),
        rurl("theme_edit", dialogue, theme.pk),
        rurl("theme_merge", dialogue, theme.pk),
        rurl("theme_delete", dialogue, theme.pk),
        rurl("suggestions", dialogue),
    ]


@pytest.mark.parametrize("role", list(Role.values))
def test_who_reads_the_workspace(client, dialogue, staff, theme, corpus, role):
    client.force_login(staff[role])
    form_pages = {rurl(name, dialogue, theme.pk) for name in ("theme_edit", "theme_merge", "theme_delete")}
    form_pages.add(rurl("quote_create", dialogue) + f"?ref={ref_of(corpus[0])}")
    for url in page_urls(dialogue, theme) + sorted(form_pages):
        allowed = EDITORS if url in form_pages else READERS
        assert client.get(url).status_code == (200 if role in allowed else 403), (role, url)


@pytest.mark.parametrize("role", list(Role.values))
def test_who_changes_the_workspace(client, dialogue, staff, role):
    client.force_login(staff[role])
    response = client.post(rurl("codebook", dialogue), {"name": f"Tema {role}"})
    assert response.status_code == (302 if role in EDITORS else 403)
    assert Theme.objects.filter(name=f"Tema {role}").exists() == (role in EDITORS)


def test_residents_and_other_municipalities_get_404(client, dialogue, theme, resident, other_municipality):
    for user in (resident, staff_for(other_municipality)[Role.ADMINISTRATOR]):
        client.force_login(user)
        for url in page_urls(dialogue, theme):
            assert client.get(url).status_code == 404, url


def test_anonymous_is_sent_to_login(client, dialogue, theme):
    response = client.get(rurl("overview", dialogue))
    assert response.status_code == 302 and "login" in response["Location"] or "logga-in" in response["Location"]


def test_another_dialogues_theme_is_404(client, municipality, dialogue, staff):
    other = dummy_module(municipality=municipality, state=State.CLOSED, phase=None).dialogue
    foreign = Theme.objects.create(dialogue=other, name="Annat")
    client.force_login(staff["officer"])
    for name in ("theme_edit", "theme_merge", "theme_delete"):
        assert client.get(rurl(name, dialogue, foreign.pk)).status_code == 404
        assert client.post(rurl(name, dialogue, foreign.pk), {"name": "x"}).status_code == 404
    assert Theme.objects.filter(pk=foreign.pk, name="Annat").exists()


def test_a_planned_dialogue_has_no_workspace_yet(client, municipality, staff):
    planned = dummy_module(municipality=municipality, state=State.PLANNED, phase=None).dialogue
    client.force_login(staff["officer"])
    assert client.get(rurl("overview", planned)).status_code == 409


def test_dialogue_staff_page_links_to_the_workspace(client, dialogue, staff):
    from django.urls import reverse

    client.force_login(staff["officer"])
    page = client.get(reverse("dialogues:staff_detail", args=[dialogue.municipality.slug, dialogue.pk]))
    assert rurl("overview", dialogue) in page.content.decode()
    client.force_login(staff["moderator"])
    page = client.get(reverse("dialogues:staff_detail", args=[dialogue.municipality.slug, dialogue.pk]))
    assert rurl("overview", dialogue) not in page.content.decode()
