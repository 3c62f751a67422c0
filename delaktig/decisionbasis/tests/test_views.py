"""The staff pages: roles × pages, another municipality, the form and its bad input, progress and downloads."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from delaktig.accounts.tests.factories import UserFactory
from delaktig.decisionbasis import services
from delaktig.decisionbasis.models import DecisionBasis, Status
from delaktig.dialogues import hookspecs as dialogue_hooks
from delaktig.dialogues.models import State
from delaktig.organisations.models import Role
from delaktig.organisations.tests.factories import staff_for

from .support import CASE, closed_dialogue, report, report_form

READ = frozenset(
    {Role.OFFICER, Role.DEMOCRACY_OFFICER, Role.REGISTRAR, Role.ADMINISTRATOR, Role.ELECTED_OFFICIAL, Role.PRESIDIUM}
)
WRITE = frozenset({Role.OFFICER, Role.DEMOCRACY_OFFICER, Role.ADMINISTRATOR})
PAGES = [("list", READ), ("generate", WRITE), ("detail", READ), ("pdf", READ), ("docx", READ), ("send", WRITE)]


def url(name, dialogue, version=None):
    args = [dialogue.municipality.slug, dialogue.pk, *([version] if version else [])]
    return reverse(f"decisionbasis:{name}", args=args)


def page_url(name, dialogue):
    return url(name, dialogue, 1 if name in ("detail", "pdf", "docx", "send") else None)


@pytest.fixture
def done(dialogue, staff, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        basis = services.decision_basis_request(
            dialogue=dialogue, actor=staff["officer"], assessment="Bra.", **report(dialogue, staff["officer"])
        )
    basis.refresh_from_db()
    return basis


def form_data(dialogue, staff, **extra):
    return report_form(dialogue, staff["officer"], **extra)


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "allowed"), PAGES, ids=[p[0] for p in PAGES])
def test_roles_times_pages(client, done, staff, name, allowed):
    for role, person in staff.items():
        client.force_login(person)
        response = client.get(page_url(name, done.dialogue))
        assert response.status_code == (200 if role in allowed else 403), (role, response.status_code)


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "allowed"), PAGES, ids=[p[0] for p in PAGES])
def test_other_municipality_residents_and_anonymous(client, done, other_municipality, name, allowed):
    address = page_url(name, done.dialogue)
    client.force_login(staff_for(other_municipality)[Role.OFFICER])
    assert client.get(address).status_code == 404
    client.force_login(UserFactory())
    assert client.get(address).status_code == 404
    client.logout()
    assert reverse("accounts:login") in client.get(address)["Location"]


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "allowed"), PAGES, ids=[p[0] for p in PAGES])
def test_another_municipalitys_dialogue_in_our_address_is_a_404(client, done, other_municipality, staff, name, allowed):
    foreign = closed_dialogue(other_municipality)
    client.force_login(staff[Role.DEMOCRACY_OFFICER])
    address = page_url(name, foreign).replace(other_municipality.slug, done.dialogue.municipality.slug, 1)
    assert client.get(address).status_code == 404


@pytest.mark.django_db
def test_a_version_that_does_not_exist_is_a_404(client, done, staff):
    client.force_login(staff[Role.OFFICER])
    assert client.get(url("detail", done.dialogue, 9)).status_code == 404
    assert client.get(url("pdf", done.dialogue, 9)).status_code == 404


@pytest.mark.django_db
def test_downloads_have_content_types_and_swedish_file_names(client, done, staff):
    client.force_login(staff[Role.REGISTRAR])
    pdf = client.get(url("pdf", done.dialogue, 1))
    assert pdf["Content-Type"] == "application/pdf"
    assert 'filename="beslutsunderlag-KS-2026-77-v1.pdf"' in pdf["Content-Disposition"]
    assert b"".join(pdf.streaming_content).startswith(b"%PDF")
    word = client.get(url("docx", done.dialogue, 1))
    assert word["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.wordprocessingml")
    assert "beslutsunderlag-KS-2026-77-v1.docx" in word["Content-Disposition"]


@pytest.mark.django_db
def test_the_list_shows_versions_newest_first_with_who_and_downloads(
    client, done, staff, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.decision_basis_request(
            dialogue=done.dialogue,
            actor=staff["democracy_officer"],
            assessment="Ny.",
            **report(done.dialogue, staff["democracy_officer"]),
        )
    client.force_login(staff[Role.REGISTRAR])
    html = client.get(url("list", done.dialogue)).content.decode()
    assert html.index("Version 2") < html.index("Version 1")
    assert staff["democracy_officer"].name in html and CASE in html
    assert url("pdf", done.dialogue, 2) in html and "(pdf, " in html
    assert url("generate", done.dialogue) not in html  # the registrar reads only


@pytest.mark.django_db
def test_generating_through_the_form_redirects_to_the_progress_page(
    client, dialogue, staff, django_capture_on_commit_callbacks
):
    client.force_login(staff[Role.OFFICER])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("generate", dialogue), form_data(dialogue, staff, representativeness_text="Få unga."), follow=True
        )
    assert response.redirect_chain[-1][0] == url("detail", dialogue, 1)
    basis = DecisionBasis.objects.get(dialogue=dialogue)
    assert basis.status == Status.DONE and basis.representativeness_text == "Få unga."
    assert "Version 1 skapas nu." in response.content.decode()


@pytest.mark.django_db
def test_the_progress_page_refreshes_itself_while_running_and_shows_step_and_percent(client, dialogue, staff):
    basis = services.decision_basis_request(
        dialogue=dialogue, actor=staff["officer"], assessment="Bra.", **report(dialogue, staff["officer"])
    )
    DecisionBasis.objects.filter(pk=basis.pk).update(status=Status.RUNNING, progress=35, step="Skriver pdf-filen")
    client.force_login(staff[Role.OFFICER])
    html = client.get(url("detail", dialogue, 1)).content.decode()
    assert 'data-auto-refresh="2"' in html and "http-equiv" not in html  # a script the reader can stop
    assert "Vi tar fram beslutsunderlaget. Just nu: Skriver pdf-filen. Sidan uppdateras av sig själv." in html
    assert "35 % klart" in html and 'value="35"' in html


@pytest.mark.django_db
def test_a_queued_version_says_what_is_happening_in_words(client, dialogue, staff):
    services.decision_basis_request(
        dialogue=dialogue, actor=staff["officer"], assessment="Bra.", **report(dialogue, staff["officer"])
    )
    client.force_login(staff[Role.OFFICER])
    html = client.get(url("detail", dialogue, 1)).content.decode()
    assert "Vi tar fram beslutsunderlaget. Det brukar ta under en minut. Sidan uppdateras av sig själv." in html
    assert "data-auto-refresh" in html


@pytest.mark.django_db
def test_a_version_running_far_too_long_stops_refreshing_and_says_so(client, dialogue, staff):
    basis = services.decision_basis_request(
        dialogue=dialogue, actor=staff["officer"], assessment="Bra.", **report(dialogue, staff["officer"])
    )
    long_ago = timezone.now() - datetime.timedelta(minutes=11)
    DecisionBasis.objects.filter(pk=basis.pk).update(status=Status.RUNNING, started_at=long_ago)
    client.force_login(staff[Role.OFFICER])
    html = client.get(url("detail", dialogue, 1)).content.decode()
    assert "data-auto-refresh" not in html and "har troligen stannat" in html
    assert url("generate", dialogue) in html


@pytest.mark.django_db
def test_a_finished_version_does_not_refresh_and_offers_downloads(client, done, staff):
    client.force_login(staff[Role.OFFICER])
    html = client.get(url("detail", done.dialogue, 1)).content.decode()
    assert "http-equiv" not in html and url("docx", done.dialogue, 1) in html and url("pdf", done.dialogue, 1) in html
    assert "Beslutsunderlaget är klart. Ladda ner det som PDF eller Word:" in html


@pytest.mark.django_db
def test_a_failed_version_says_what_to_do_and_keeps_the_error_for_the_administrator(client, dialogue, staff):
    basis = services.decision_basis_request(
        dialogue=dialogue, actor=staff["officer"], assessment="Bra.", **report(dialogue, staff["officer"])
    )
    DecisionBasis.objects.filter(pk=basis.pk).update(status=Status.FAILED, error="RuntimeError: Typsnittet saknas")
    client.force_login(staff[Role.OFFICER])
    html = client.get(url("detail", dialogue, 1)).content.decode()
    assert "Vi kunde inte ta fram beslutsunderlaget. Tidigare versioner är oförändrade." in html
    assert "Det här kan du göra:" in html and url("generate", dialogue) in html
    assert "kontakta administratören" in html
    assert "<summary>Teknisk information till administratören</summary>" in html and "Typsnittet saknas" in html
    assert client.get(url("pdf", dialogue, 1)).status_code == 404


@pytest.mark.django_db
def test_the_form_is_prefilled_from_the_previous_version(client, done, staff):
    client.force_login(staff[Role.OFFICER])
    html = client.get(url("generate", done.dialogue)).content.decode()
    assert "Bra.</textarea>" in html and "version 2" in html


@pytest.mark.django_db
def test_an_empty_assessment_keeps_what_was_written_and_says_what_to_do(client, dialogue, staff):
    client.force_login(staff[Role.OFFICER])
    response = client.post(url("generate", dialogue), {"assessment": "  ", "consultation_text": "Mitt samråd"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "error-summary" in html and "Skriv tjänstepersonens bedömning." in html
    assert "Mitt samråd" in html and not DecisionBasis.objects.exists()


@pytest.mark.django_db
def test_a_missing_case_number_asks_for_one(client, dialogue, staff):
    dialogue.case_number = ""
    dialogue.save()
    client.force_login(staff[Role.OFFICER])
    response = client.post(
        url("generate", dialogue),
        form_data(
            dialogue,
            staff,
        ),
    )
    assert response.status_code == 400
    assert "Skriv ärendets diarienummer" in response.content.decode()
    response = client.post(url("generate", dialogue), form_data(dialogue, staff, registration_number="KS 2026/5"))
    assert response.status_code == 302
    assert DecisionBasis.objects.get().registration_number == "KS 2026/5"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("samrad.docx", b"PK\x03\x04", content_type="application/msword"), "ingen pdf-fil"),
        (SimpleUploadedFile("samrad.pdf", b"not a pdf", content_type="application/pdf"), "ingen pdf-fil"),
    ],
)
def test_a_consultation_file_that_is_not_a_pdf_is_refused(client, dialogue, staff, upload, message):
    client.force_login(staff[Role.OFFICER])
    response = client.post(url("generate", dialogue), form_data(dialogue, staff, consultation_file=upload))
    assert response.status_code == 400 and message in response.content.decode()


@pytest.mark.django_db
def test_too_long_text_is_a_form_error_not_a_500(client, dialogue, staff):
    client.force_login(staff[Role.OFFICER])
    response = client.post(url("generate", dialogue), {"assessment": "x" * 50_001})
    assert response.status_code == 400


@pytest.mark.django_db
def test_a_consultation_pdf_is_uploaded_and_downloadable(client, dialogue, staff):
    client.force_login(staff[Role.OFFICER])
    upload = SimpleUploadedFile("samrad.pdf", b"%PDF-1.4 samrad", content_type="application/pdf")
    client.post(url("generate", dialogue), form_data(dialogue, staff, consultation_file=upload))
    response = client.get(url("consultation", dialogue, 1))
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == b"%PDF-1.4 samrad"


@pytest.mark.django_db
def test_before_the_dialogue_has_closed_nothing_can_be_generated(client, municipality, staff):
    dialogue = closed_dialogue(municipality, state=State.OPEN)
    client.force_login(staff[Role.OFFICER])
    assert client.get(url("generate", dialogue)).status_code == 409
    assert (
        client.post(
            url("generate", dialogue),
            form_data(
                dialogue,
                staff,
            ),
        ).status_code
        == 409
    )
    assert not DecisionBasis.objects.exists()
    assert "när dialogen har stängt" in client.get(url("list", dialogue)).content.decode()


@pytest.mark.django_db
def test_the_dialogue_staff_page_links_the_latest_version_from_closed_onwards(client, done, staff, municipality):
    client.force_login(staff[Role.OFFICER])
    html = client.get(reverse("dialogues:staff_detail", args=[municipality.slug, done.dialogue.pk])).content.decode()
    assert url("list", done.dialogue) in html
    assert "Beslutsunderlag (senast: version 1, Klart)" in html
    open_dialogue = closed_dialogue(municipality, state=State.OPEN)
    pages = [
        page
        for hook in dialogue_hooks.dialogue_staff_pages.implementations()
        for page in hook(open_dialogue, staff["officer"])
    ]
    assert url("list", open_dialogue) not in [address for address, _title in pages]
    pages = [
        page
        for hook in dialogue_hooks.dialogue_staff_pages.implementations()
        for page in hook(done.dialogue, staff["moderator"])
    ]
    assert url("list", done.dialogue) not in [address for address, _title in pages]


@pytest.mark.django_db
def test_a_registration_number_that_is_too_long_is_a_form_error(client, dialogue, staff):
    dialogue.case_number = ""
    dialogue.save()
    client.force_login(staff[Role.OFFICER])
    response = client.post(url("generate", dialogue), form_data(dialogue, staff, registration_number="K" * 41))
    assert response.status_code == 400 and "error-summary" in response.content.decode()
    assert 'value="' + "K" * 41 + '"' in response.content.decode()  # what was typed is kept


@pytest.mark.django_db
def test_a_dialogue_that_does_not_exist_is_a_404_and_other_methods_are_refused(client, done, staff):
    client.force_login(staff[Role.OFFICER])
    missing = reverse("decisionbasis:list", args=[done.dialogue.municipality.slug, 999_999])
    assert client.get(missing).status_code == 404
    assert client.post(url("detail", done.dialogue, 1)).status_code == 405
    assert client.post(url("pdf", done.dialogue, 1)).status_code == 405
