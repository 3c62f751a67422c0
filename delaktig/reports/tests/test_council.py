"""The yearly report as the council's document: its texts, its generation in the background, its presentation to
the council and its publication on the public site."""

import datetime
import io

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse
from docx import Document

from delaktig.core.models import AuditEvent
from delaktig.organisations.models import Role
from delaktig.organisations.tests.factories import staff_for
from delaktig.reports import generation as generation_module
from delaktig.reports import selectors, services
from delaktig.reports.models import CouncilReport, ReportGeneration, Status

from .support import NOW, YEAR, constructed_year, method_registered, section, stand_in_files

pytestmark = pytest.mark.django_db
MEETING = datetime.date(YEAR, 3, 20)
REPORT_YEAR = YEAR - 1


@pytest.fixture(autouse=True)
def midsummer():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def generate(django_capture_on_commit_callbacks, staff):
    def run(municipality, year=REPORT_YEAR):
        with django_capture_on_commit_callbacks(execute=True):
            made = services.report_generation_request(
                municipality=municipality, year=year, actor=staff[Role.DEMOCRACY_OFFICER]
            )
        made.refresh_from_db()
        return made

    return run


def url(name, municipality, *args):
    return reverse(f"reports:{name}", args=[municipality.slug, *args])


# --- The texts ------------------------------------------------------------------------------------------------


def test_the_resolution_and_action_points_are_sections_of_the_report(municipality, staff):
    report = selectors.yearly_report(municipality, REPORT_YEAR)
    assert section(report, "resolution").paragraphs == ("Kommunfullmäktige lägger rapporten till handlingarna.",)
    services.report_texts_save(
        municipality=municipality,
        year=REPORT_YEAR,
        actor=staff[Role.DEMOCRACY_OFFICER],
        action_points="Fler dialoger med unga.\n\n  Återkoppla inom 60 dagar. ",
        proposed_resolution="Kommunfullmäktige godkänner rapporten.",
    )
    report = selectors.yearly_report(municipality, REPORT_YEAR)
    assert section(report, "resolution").paragraphs == ("Kommunfullmäktige godkänner rapporten.",)
    points = section(report, "action-points").tables[0].rows
    assert points == (("1", "Fler dialoger med unga."), ("2", "Återkoppla inom 60 dagar."))
    assert AuditEvent.objects.filter(action="reports.texts_saved").count() == 1


def test_an_empty_resolution_is_a_clear_error_and_what_was_typed_is_kept(client, municipality, staff):
    client.force_login(staff[Role.DEMOCRACY_OFFICER])
    response = client.post(
        url("texts", municipality, REPORT_YEAR), {"proposed_resolution": "  ", "action_points": "Fler dialoger."}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Skriv förslaget till beslut" in html and "error-summary" in html
    assert "Fler dialoger.</textarea>" in html
    assert not CouncilReport.objects.exists()


def test_action_points_too_long_are_refused_with_the_number_of_the_point(client, municipality, staff):
    client.force_login(staff[Role.DEMOCRACY_OFFICER])
    long_point = "x" * 401
    response = client.post(
        url("texts", municipality, REPORT_YEAR),
        {"proposed_resolution": "Godkänns.", "action_points": f"Kort.\n{long_point}"},
    )
    assert response.status_code == 400 and "Åtgärdspunkt 2 är längre än 400 tecken" in response.content.decode()
    assert long_point in response.content.decode()
    response = client.post(
        url("texts", municipality, REPORT_YEAR),
        {"proposed_resolution": "Godkänns.", "action_points": "\n".join(["y" * 300] * 14)},
    )
    assert response.status_code == 400 and "Skriv högst 4000 tecken" in response.content.decode()


def test_the_texts_are_saved_from_the_form(client, municipality, staff):
    client.force_login(staff[Role.DEMOCRACY_OFFICER])
    form = client.get(url("texts", municipality, REPORT_YEAR)).content.decode()
    assert "Kommunfullmäktige lägger rapporten till handlingarna.</textarea>" in form  # the default to start from
    response = client.post(
        url("texts", municipality, REPORT_YEAR),
        {"proposed_resolution": "Godkänns.", "action_points": "Fler dialoger."},
    )
    assert response.status_code == 302
    saved = CouncilReport.objects.get(municipality=municipality, year=REPORT_YEAR)
    assert (saved.proposed_resolution, saved.action_points) == ("Godkänns.", "Fler dialoger.")


# --- Generation -----------------------------------------------------------------------------------------------


def test_a_generation_runs_in_the_background_and_stores_every_file(municipality, other_municipality, generate):
    with method_registered():
        constructed_year(municipality, other_municipality)
        made = generate(municipality, YEAR)
    assert made.status == Status.DONE and made.progress == 100 and made.finished_at
    assert made.pdf.open("rb").read(4) == b"%PDF"
    assert made.docx.name.endswith(f"arsrapport-{municipality.slug}-{YEAR}.docx")
    assert made.xlsx and "Parken" in made.html and "Någon annanstans" not in made.html
    assert made.data_version == selectors.figures_version(municipality)
    headings = [p.text for p in Document(io.BytesIO(made.docx.open("rb").read())).paragraphs]
    assert "Förslag till beslut" in headings and "Åtgärdspunkter" in headings
    assert AuditEvent.objects.filter(action="reports.generation_requested").count() == 1


def test_asking_queues_the_generation_until_the_transaction_commits(municipality, staff):
    made = services.report_generation_request(
        municipality=municipality, year=REPORT_YEAR, actor=staff[Role.DEMOCRACY_OFFICER]
    )
    made.refresh_from_db()
    assert made.status == Status.QUEUED and not made.pdf


def test_a_failed_generation_is_shown_and_the_earlier_one_is_kept(client, municipality, staff, generate, monkeypatch):
    first = generate(municipality)

    def broken(report):
        raise RuntimeError("no fonts")

    monkeypatch.setattr(generation_module, "_renderers", lambda: {"html": broken})
    failed = generate(municipality)
    assert failed.status == Status.FAILED and "no fonts" in failed.error
    client.force_login(staff[Role.DEMOCRACY_OFFICER])
    page = client.get(url("generation", municipality, REPORT_YEAR, failed.pk)).content.decode()
    assert "Vi kunde inte ta fram rapporten" in page
    assert selectors.latest_done_generation(first.report) == first


def test_the_progress_page_refreshes_without_javascript_and_says_when_it_has_stopped(client, municipality, staff):
    made = services.report_generation_request(
        municipality=municipality, year=REPORT_YEAR, actor=staff[Role.DEMOCRACY_OFFICER]
    )
    client.force_login(staff[Role.OFFICER])
    page = client.get(url("generation", municipality, REPORT_YEAR, made.pk)).content.decode()
    assert 'data-auto-refresh="3"' in page and "<progress" in page
    ReportGeneration.objects.filter(pk=made.pk).update(created_at=NOW - datetime.timedelta(hours=1))
    page = client.get(url("generation", municipality, REPORT_YEAR, made.pk)).content.decode()
    assert "troligen stannat" in page and "data-auto-refresh" not in page


def test_the_page_says_when_the_figures_changed_after_the_generation(client, municipality, staff, generate):
    from delaktig.core.audit import audit_record

    generate(municipality)
    client.force_login(staff[Role.OFFICER])
    report_page = url("yearly", municipality) + f"?ar={REPORT_YEAR}"
    assert "har ändrats sedan" not in client.get(report_page).content.decode()
    audit_record(municipality=municipality, actor=None, action="dialogue.edit", target=municipality)
    assert "har ändrats sedan" in client.get(report_page).content.decode()


def test_a_finished_generation_offers_its_files_on_its_own_page(client, municipality, staff, generate):
    made = generate(municipality)
    client.force_login(staff[Role.DEMOCRACY_OFFICER])
    page = client.get(url("generation", municipality, REPORT_YEAR, made.pk)).content.decode()
    for fmt in ("pdf", "docx", "xlsx"):
        assert url("download", municipality, REPORT_YEAR, fmt) in page
    assert "Rapporten är klar." in page


def test_a_generation_of_another_municipality_or_year_is_404(
    client, municipality, other_municipality, staff, generate, monkeypatch
):
    stand_in_files(monkeypatch)
    theirs = generate(other_municipality)
    ours = generate(municipality)
    client.force_login(staff[Role.DEMOCRACY_OFFICER])
    assert client.get(url("generation", municipality, REPORT_YEAR, theirs.pk)).status_code == 404
    assert client.get(url("generation", municipality, YEAR, ours.pk)).status_code == 404
    assert client.get(url("generation", municipality, REPORT_YEAR, ours.pk)).status_code == 200


@pytest.mark.parametrize(
    ("role", "texts", "generate_", "present"),
    [
        (Role.DEMOCRACY_OFFICER, 200, 302, 200),
        (Role.REGISTRAR, 403, 302, 200),
        (Role.ADMINISTRATOR, 200, 302, 403),
        (Role.OFFICER, 403, 403, 403),
        (Role.ELECTED_OFFICIAL, 403, 403, 403),
        (Role.MODERATOR, 403, 403, 403),
    ],
)
def test_who_may_write_generate_and_present(client, municipality, staff, role, texts, generate_, present):
    client.force_login(staff[role])
    assert client.get(url("texts", municipality, REPORT_YEAR)).status_code == texts
    assert client.get(url("present", municipality, REPORT_YEAR)).status_code == present
    assert client.post(url("generate", municipality, REPORT_YEAR)).status_code == generate_  # queued, not run


# --- Presentation and publication -----------------------------------------------------------------------------


def present(client, municipality, **data):
    data = {"meeting_date": MEETING.isoformat(), "confirm": "on", **data}
    return client.post(url("present", municipality, REPORT_YEAR), data)


def test_the_report_is_published_only_once_presented(client, municipality, staff, generate):
    made = generate(municipality)
    public_list = url("public_list", municipality)
    pdf = url("public_pdf", municipality, REPORT_YEAR)
    assert client.get(pdf).status_code == 404
    assert str(REPORT_YEAR) not in client.get(public_list).content.decode()
    client.force_login(staff[Role.REGISTRAR])
    assert present(client, municipality).status_code == 302
    client.logout()
    html = client.get(public_list).content.decode()
    assert f"Årsrapport {REPORT_YEAR} (pdf, " in html and f"Årsrapport {REPORT_YEAR} (Word, " in html
    assert "20 mars 2026" in html
    response = client.get(pdf)
    assert response.status_code == 200 and b"".join(response.streaming_content) == made.pdf.open("rb").read()
    assert client.get(url("public_docx", municipality, REPORT_YEAR)).status_code == 200
    event = AuditEvent.objects.get(action="reports.presented")
    assert event.public and event.data["meeting_date"] == MEETING.isoformat()
    home = client.get(reverse("core:home", args=[municipality.slug])).content.decode()
    assert f'href="{public_list}"' in home  # reachable from the public site


def test_presenting_needs_a_generated_report_a_past_date_and_a_confirmation(client, municipality, staff, generate):
    client.force_login(staff[Role.DEMOCRACY_OFFICER])
    page = client.get(url("present", municipality, REPORT_YEAR)).content.decode()
    assert "Ta fram rapporten först" in page and 'name="meeting_date"' not in page
    generate(municipality)
    response = present(client, municipality, confirm="")
    assert response.status_code == 400 and "Kryssa i rutan" in response.content.decode()
    response = present(client, municipality, meeting_date=(NOW.date() + datetime.timedelta(days=3)).isoformat())
    assert response.status_code == 400 and "kan inte ligga i framtiden" in response.content.decode()
    response = present(client, municipality, meeting_date="15/3")
    assert response.status_code == 400 and 'value="15/3"' in response.content.decode()
    assert not CouncilReport.objects.get(municipality=municipality, year=REPORT_YEAR).is_presented


def test_a_presented_report_can_no_longer_be_changed(municipality, staff, generate):
    generate(municipality)
    officer = staff[Role.DEMOCRACY_OFFICER]
    services.report_present(municipality=municipality, year=REPORT_YEAR, actor=officer, meeting_date=MEETING)
    with pytest.raises(ValidationError):
        services.report_generation_request(municipality=municipality, year=REPORT_YEAR, actor=officer)
    with pytest.raises(ValidationError):
        services.report_texts_save(
            municipality=municipality, year=REPORT_YEAR, actor=officer, action_points="", proposed_resolution="Ja."
        )
    with pytest.raises(ValidationError):
        services.report_present(municipality=municipality, year=REPORT_YEAR, actor=officer, meeting_date=MEETING)


def test_another_municipalitys_presented_report_is_not_ours(client, municipality, other_municipality, generate):
    generate(other_municipality)
    services.report_present(
        municipality=other_municipality,
        year=REPORT_YEAR,
        actor=staff_for(other_municipality)[Role.DEMOCRACY_OFFICER],
        meeting_date=MEETING,
    )
    assert client.get(url("public_pdf", municipality, REPORT_YEAR)).status_code == 404
    assert client.get(url("public_pdf", other_municipality, REPORT_YEAR)).status_code == 200


def test_the_presented_reports_are_an_open_dataset(client, municipality, staff, generate):
    from delaktig.reports.opendata import YEARLY_REPORTS

    generate(municipality)
    assert YEARLY_REPORTS.rows(municipality, {}).count() == 0
    report = services.report_present(
        municipality=municipality, year=REPORT_YEAR, actor=staff[Role.REGISTRAR], meeting_date=MEETING
    )
    assert YEARLY_REPORTS.rows(municipality, {}).count() == 1 and YEARLY_REPORTS.detail
    row = YEARLY_REPORTS.detail(municipality, report.pk)
    assert row is not None and row["year"] == REPORT_YEAR and row["presented_on"] == MEETING.isoformat()
    assert row["pdf_url"].endswith(url("public_pdf", municipality, REPORT_YEAR))


def test_after_the_presentation_the_page_shows_what_the_council_received(client, municipality, staff, generate):
    made = generate(municipality)
    services.report_present(
        municipality=municipality, year=REPORT_YEAR, actor=staff[Role.REGISTRAR], meeting_date=MEETING
    )
    client.force_login(staff[Role.DEMOCRACY_OFFICER])
    page = client.get(url("yearly", municipality) + f"?ar={REPORT_YEAR}").content.decode()
    assert "Lämnad till fullmäktige" in page and "Ta fram rapporten igen" not in page
    assert f'href="{url("generation", municipality, REPORT_YEAR, made.pk)}"' in page
    texts = client.get(url("texts", municipality, REPORT_YEAR)).content.decode()
    assert "kan inte ändras längre" in texts and "<textarea" not in texts
    response = client.post(url("texts", municipality, REPORT_YEAR), {"proposed_resolution": "Nytt."})
    assert response.status_code == 400
    assert client.get(url("present", municipality, REPORT_YEAR)).status_code == 200


def test_a_presented_generation_goes_only_with_its_report(municipality, staff, generate):
    from django.db.models import RestrictedError

    made = generate(municipality)
    report = services.report_present(
        municipality=municipality, year=REPORT_YEAR, actor=staff[Role.REGISTRAR], meeting_date=MEETING
    )
    with pytest.raises(RestrictedError):
        made.delete()
    report.delete()
    assert not ReportGeneration.objects.exists()
