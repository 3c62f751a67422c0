"""Panel answers stay anonymous to staff: nothing stored ties a response to an invitation, an account or a member,
and no staff page, download or API shows a member's address or name beside anything they answered."""

import datetime
import io

import pytest
from django.apps import apps
from django.urls import reverse
from openpyxl import load_workbook

from delaktig.panel import services as panel_services
from delaktig.panel.models import PanelMember
from delaktig.panel.tests.factories import PanelMemberFactory
from delaktig.participation.tests.population_support import population_set

from ..models import AboutYou, Answer, Invitation, Response
from ..services import response_submit
from ..services_invitations import invitations_from_sample
from .conftest import url
from .factories import full_answers, questions_by_text, survey_for

pytestmark = pytest.mark.django_db

SECRET = "Min hemliga åsikt {n}"


def related_models(model, seen=None):
    """Every model reachable from `model` by its foreign keys and one-to-ones, following on."""
    seen = set() if seen is None else seen
    for field in model._meta.get_fields():
        if field.many_to_one or field.one_to_one and field.concrete:
            target = field.related_model
            if target not in seen:
                seen.add(target)
                related_models(target, seen)
    return seen


def test_nothing_stored_leads_from_a_response_to_an_invitation_or_a_member():
    for model in (Response, Answer, AboutYou):
        reachable = related_models(model)
        assert Invitation not in reachable and PanelMember not in reachable, model
        assert apps.get_model("panel", "SampleMember") not in reachable
    invitation_fields = {field.name for field in Invitation._meta.get_fields()}
    assert not invitation_fields & {"response", "responses", "answered_at", "submitted_at"}


@pytest.fixture
def answered_by_members(module, staff, municipality):
    survey = survey_for(module, actor=staff["officer"], access="invitation")
    population_set(municipality, {("30_44", "woman"): 500, ("30_44", "man"): 500})
    for n in range(6):
        PanelMemberFactory(
            municipality=municipality,
            name=f"Medlem Hemlig{n}",
            email=f"hemlig{n}@example.se",
            gender="woman" if n % 2 else "man",
            last_active_on=datetime.date(2026, 1, 1),
        )
    sample = panel_services.sample_draw(municipality=municipality, size=6, by_area=False, seed=1, actor=None)
    invitations_from_sample(survey=survey, sample=sample, actor=None)
    by_text, _structure = questions_by_text(survey)
    for n, invitation in enumerate(Invitation.objects.filter(survey=survey).order_by("id")):
        answers = full_answers(survey) | {str(by_text["Vad heter din favoritplats?"].pk): SECRET.format(n=n)}
        response_submit(survey=survey, answers=answers, invitation_id=invitation.pk)
    return survey, sample


def member_words():
    return [word for member in PanelMember.objects.all() for word in (member.email, member.name)]


def test_no_staff_page_download_or_api_shows_a_member_beside_an_answer(client, staff, answered_by_members, module):
    survey, sample = answered_by_members
    client.force_login(staff["democracy_officer"])
    slug = survey.municipality.slug
    pages = {
        name: client.get(url(f"staff:{name}", module))
        for name in ("index", "results", "texts", "groups", "invitations", "export_csv", "responses_csv")
    }
    pages["panel sample"] = client.get(reverse("panel:staff_sample", args=[slug, sample.pk]))
    pages["panel members"] = client.get(reverse("panel:staff_members", args=[slug]))
    pages["panel composition"] = client.get(reverse("panel:staff_composition_csv", args=[slug]))
    for member in PanelMember.objects.all():
        pages[f"member {member.pk}"] = client.get(reverse("panel:staff_member", args=[slug, member.pk]))
    client.post(url("staff:publish", module), {"published": "1"})
    for key in ("surveys", "survey-results"):
        pages[f"api {key}"] = client.get(reverse("opendata:dataset_list", args=[slug, key]))
    workbook = load_workbook(io.BytesIO(client.get(url("staff:export_xlsx", module)).content))
    xlsx = "\n".join(str(cell) for sheet in workbook for row in sheet.iter_rows(values_only=True) for cell in row)
    texts = {name: response.content.decode() for name, response in pages.items()} | {"xlsx": xlsx}
    assert all(response.status_code == 200 for response in pages.values()), {
        name: response.status_code for name, response in pages.items() if response.status_code != 200
    }
    assert SECRET.format(n=0) in texts["texts"]  # the answers are there to read …
    assert "Hur tar du dig till parken?" in texts["api survey-results"]  # … and counted in open data …
    assert any("Medlem Hemlig0" in text for text in texts.values())  # … and the members are, on their own pages
    for name, text in texts.items():
        shows_member = any(word in text for word in member_words())
        shows_answer = any(SECRET.format(n=n) in text for n in range(6))
        assert not (shows_member and shows_answer), name
