import pytest
from django.urls import reverse

from delaktig.core.models import AuditEvent
from delaktig.organisations.models import Body, ChecklistQuestion, Municipality, Role
from delaktig.organisations.tests.factories import BodyFactory, staff_for

pytestmark = pytest.mark.django_db


def urls(municipality):
    question = municipality.checklist_questions.first()
    return {
        "settings": reverse("organisations:settings", args=[municipality.slug]),
        "checklist": reverse("organisations:checklist", args=[municipality.slug]),
        "checklist_create": reverse("organisations:checklist_create", args=[municipality.slug]),
        "checklist_edit": reverse("organisations:checklist_edit", args=[municipality.slug, question.pk]),
        "organisation": reverse("organisations:organisation", args=[municipality.slug]),
    }


@pytest.mark.parametrize("role", list(Role.values))
def test_permission_matrix_by_role(client, municipality, staff, role):
    client.force_login(staff[role])
    for name, url in urls(municipality).items():
        expected = 200 if name == "organisation" or role == Role.ADMINISTRATOR else 403
        assert client.get(url).status_code == expected, (role, name)


def test_residents_and_other_municipalitys_staff_get_404(client, municipality, other_municipality, resident):
    for user in (resident, staff_for(other_municipality)[Role.ADMINISTRATOR]):
        client.force_login(user)
        for name, url in urls(municipality).items():
            assert client.get(url).status_code == 404, name


def test_anonymous_is_sent_to_login(client, municipality):
    for url in urls(municipality).values():
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))


def test_settings_save_with_audit(client, municipality, staff):
    board = municipality.bodies.get(kind=Body.Kind.EXECUTIVE_BOARD)
    client.force_login(staff[Role.ADMINISTRATOR])
    data = {
        "ladder_profile": "boverket",
        "deciding_body": board.pk,
        "feedback_deadline_days": 45,
        "contact_email": "dialog@exempelby.se",
    }
    response = client.post(urls(municipality)["settings"], data)
    assert response.status_code == 302
    municipality.refresh_from_db()
    assert (municipality.ladder_profile, municipality.deciding_body, municipality.feedback_deadline_days) == (
        "boverket",
        board,
        45,
    )
    event = AuditEvent.objects.get(action="settings.update")
    assert event.data["deciding_body"]["to"] == board.pk and event.actor == staff[Role.ADMINISTRATOR]


def test_invalid_settings_keep_typed_values_and_change_nothing(client, municipality, other_municipality, staff):
    municipality.contact_email = "dialog@exempelby.se"
    municipality.save()
    client.force_login(staff[Role.ADMINISTRATOR])
    data = {
        "ladder_profile": "skr",
        "deciding_body": other_municipality.get_deciding_body().pk,
        "feedback_deadline_days": 999,
        "contact_email": "inte-en-adress",
    }
    response = client.post(urls(municipality)["settings"], data)
    html = response.content.decode()
    assert response.status_code == 200 and "error-summary" in html
    assert set(response.context["form"].errors) == {"deciding_body", "feedback_deadline_days", "contact_email"}
    assert 'value="999"' in html and 'value="inte-en-adress"' in html
    assert "mailto:dialog@exempelby.se" in html  # the footer still shows the saved address
    saved = Municipality.objects.get(pk=municipality.pk)
    assert saved.feedback_deadline_days == 60 and saved.deciding_body == municipality.deciding_body
    assert not AuditEvent.objects.filter(action="settings.update").exists()


def test_deciding_body_choices_are_this_municipalitys(client, municipality, other_municipality, staff):
    BodyFactory(municipality=other_municipality, name="Främmande nämnd")
    client.force_login(staff[Role.ADMINISTRATOR])
    field = client.get(urls(municipality)["settings"]).context["form"].fields["deciding_body"]
    names = {body.name for body in field.queryset}
    assert "Främmande nämnd" not in names and "Kommunstyrelsen" in names


def test_checklist_arrange_orders_and_deactivates(client, municipality, staff):
    client.force_login(staff[Role.ADMINISTRATOR])
    questions = list(municipality.checklist_questions.all())
    data = {}
    for position, question in enumerate(reversed(questions)):
        data[f"order_{question.pk}"] = position
        if question.pk != questions[0].pk:
            data[f"active_{question.pk}"] = "on"
    response = client.post(urls(municipality)["checklist"], data)
    assert response.status_code == 302
    ordered = list(municipality.checklist_questions.all())
    assert ordered[0].pk == questions[-1].pk
    assert not ChecklistQuestion.objects.get(pk=questions[0].pk).is_active
    assert AuditEvent.objects.filter(action="checklist.arrange").count() == 1


def test_checklist_arrange_with_bad_input_keeps_it(client, municipality, staff):
    client.force_login(staff[Role.ADMINISTRATOR])
    question = municipality.checklist_questions.first()
    response = client.post(urls(municipality)["checklist"], {f"order_{question.pk}": "abc"})
    assert response.status_code == 200
    assert 'value="abc"' in response.content.decode()
    assert f"order_{question.pk}" in response.context["form"].errors


def test_checklist_question_create_and_edit(client, municipality, staff):
    client.force_login(staff[Role.ADMINISTRATOR])
    count = municipality.checklist_questions.count()
    data = {"text": "Berörs barn?", "help_text": "", "order": 99, "required": "on", "is_active": "on"}
    assert client.post(urls(municipality)["checklist_create"], data).status_code == 302
    question = municipality.checklist_questions.get(text="Berörs barn?")
    assert municipality.checklist_questions.count() == count + 1
    edit = reverse("organisations:checklist_edit", args=[municipality.slug, question.pk])
    client.post(edit, {**data, "text": "Berörs barn och unga?", "required": ""})
    question.refresh_from_db()
    assert question.text == "Berörs barn och unga?" and not question.required
    assert AuditEvent.objects.filter(action__startswith="checklist_question.").count() == 2


def test_checklist_question_of_another_municipality_is_404(client, municipality, other_municipality, staff):
    client.force_login(staff[Role.ADMINISTRATOR])
    foreign = other_municipality.checklist_questions.first()
    assert client.get(reverse("organisations:checklist_edit", args=[municipality.slug, foreign.pk])).status_code == 404
    url = reverse("organisations:checklist_edit", args=[municipality.slug, 10**15])
    assert client.get(url).status_code == 404


def test_checklist_question_form_errors_keep_input(client, municipality, staff):
    client.force_login(staff[Role.ADMINISTRATOR])
    response = client.post(urls(municipality)["checklist_create"], {"text": "", "help_text": "Ledtråd", "order": "-1"})
    assert response.status_code == 200 and 'value="Ledtråd"' in response.content.decode()
