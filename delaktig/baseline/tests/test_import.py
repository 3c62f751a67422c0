"""Importing activities from XLSX or CSV: a preview with each row's errors, then all rows or none. Every bad input
gets a clear Swedish message and no 500: wrong columns, merged cells, Windows-1252, duplicates, no department."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from delaktig.baseline import services
from delaktig.baseline.importing import activities_read, file_text
from delaktig.baseline.models import Activity
from delaktig.core.audit import AuditEvent
from delaktig.core.csv_import import CsvError
from delaktig.organisations.models import Role

from .factories import ActivityFactory, csv_file, xlsx_file

pytestmark = pytest.mark.django_db

CULTURE = "Kultur- och fritidsförvaltningen"
GOOD = [
    ("Ungdomsrådet", CULTURE, "KS", "Dialog", "Unga 13–19 år", "Möten", "Varje månad", "Lisa Lund", 2025),
    ("Biblioteksenkäten", CULTURE, "", "konsultation", "Alla", "Webb", "Varje år", "", 2025),
    ("Öppet hus i parken", CULTURE, "", "1", "", "", "", "", ""),
]


def zip_of_text():
    """A zip file that is not a workbook (a Word file would be one)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hej.txt", "hej")
    return buffer.getvalue()


def url(municipality):
    return reverse("baseline:staff_import", args=[municipality.slug])


def read(municipality, raw, year=2025):
    return activities_read(
        file_text(raw),
        municipality,
        year=year,
        departments=list(municipality.departments.all()),
        bodies=list(municipality.bodies.all()),
    )


def upload(client, municipality, raw, name="aktiviteter.xlsx", year=2025):
    return client.post(url(municipality), {"file": SimpleUploadedFile(name, raw), "year": year})


@pytest.fixture
def officer_client(client, staff):
    client.force_login(staff[Role.DEMOCRACY_OFFICER])
    return client


def test_an_xlsx_file_is_read_with_every_column(municipality):
    parsed = read(municipality, xlsx_file(GOOD))
    assert parsed.importable and parsed.rows == 3 and not parsed.errors
    first, second, third = parsed.new
    assert (first["name"], first["ladder_level"], first["frequency"], first["body"].short_name) == (
        "Ungdomsrådet",
        "dialogue",
        "monthly",
        "KS",
    )
    assert second["ladder_level"] == "consultation" and second["body"] is None
    assert third["ladder_level"] == "information" and third["year"] == 2025  # the form's year when none


def test_a_windows_1252_csv_file_is_read(municipality):
    parsed = read(municipality, csv_file(GOOD[:2], encoding="cp1252"))
    assert parsed.importable and parsed.new[0]["target_groups"] == "Unga 13–19 år"


def test_wrong_columns_are_refused_in_words(municipality):
    with pytest.raises(CsvError) as refused:
        read(municipality, xlsx_file([("a", "b")], header=("Rubrik", "Text")))
    assert "Vi hittade inga kolumner" in refused.value.message
    with pytest.raises(CsvError) as refused:
        read(municipality, xlsx_file([("Rådet", CULTURE)], header=("Namn", "Förvaltning")))
    assert "kolumnen ”trappsteg”" in refused.value.message


def test_merged_cells_are_refused_in_words(municipality):
    raw = xlsx_file([GOOD[0], ("Rådet 2", None, "", "dialog")], merge="B2:B3")
    with pytest.raises(CsvError) as refused:
        read(municipality, raw)
    assert "sammanfogade celler (B2:B3)" in refused.value.message


def test_a_row_without_a_department_is_an_error(municipality):
    parsed = read(municipality, xlsx_file([("Rådet", "", "", "dialog")]))
    assert not parsed.importable
    assert parsed.errors[0].line == 2 and "saknar förvaltning" in parsed.errors[0].message


def test_unknown_department_body_level_frequency_and_year_are_errors(municipality):
    raw = xlsx_file([("Rådet", "Okänd förvaltning", "Okänt organ", "stege", "", "", "ibland", "", "förra året")])
    messages = " ".join(error.message for error in read(municipality, raw).errors)
    for words in ("Okänd förvaltning", "Okänt organ", "stege", "ibland", "förra året"):
        assert words in messages


def test_duplicates_in_the_file_and_in_the_register_are_errors(municipality):
    ActivityFactory(
        municipality=municipality,
        year=2025,
        name="Biblioteksenkäten",
        department=municipality.departments.get(name=CULTURE),
    )
    parsed = read(municipality, xlsx_file([GOOD[0], GOOD[0], GOOD[1]]))
    messages = [error.message for error in parsed.errors]
    assert len(messages) == 2 and "rad 2 redan" in messages[0] and "registrerad redan" in messages[1]


def test_a_department_the_person_may_not_register_for_is_an_error(municipality):
    parsed = activities_read(file_text(xlsx_file(GOOD[:1])), municipality, year=2025, departments=[], bodies=[])
    assert "inte en av de förvaltningar" in parsed.errors[0].message


def test_the_import_is_all_or_nothing(municipality, staff):
    text = file_text(xlsx_file(GOOD))
    scope = {"departments": list(municipality.departments.all()), "bodies": list(municipality.bodies.all())}
    ActivityFactory(
        municipality=municipality,
        year=2025,
        name="Öppet hus i parken",
        department=municipality.departments.get(name=CULTURE),
    )  # registered after the preview
    with pytest.raises(services.ImportRefused):
        services.activities_import(
            municipality=municipality, text=text, year=2025, actor=staff["democracy_officer"], **scope
        )
    assert Activity.objects.filter(municipality=municipality).count() == 1


def test_upload_preview_and_confirm(officer_client, municipality):
    page = upload(officer_client, municipality, xlsx_file(GOOD))
    assert page.status_code == 200 and "Läs in 3 aktiviteter" in page.content.decode()
    assert '<input type="hidden" name="year" value="2025">' in page.content.decode()  # not "2 025"
    assert Activity.objects.count() == 0
    content = page.context["content"]
    done = officer_client.post(url(municipality), {"content": content, "year": 2025})
    assert done.status_code == 302 and done.url.endswith("?year=2025")
    assert Activity.objects.filter(municipality=municipality).count() == 3
    event = AuditEvent.objects.get(action="baseline_activity.import")
    assert event.data["count"] == 3


def test_a_file_with_an_error_shows_every_row_and_imports_nothing(officer_client, municipality):
    page = upload(officer_client, municipality, xlsx_file([*GOOD, ("Utan förvaltning", "", "", "dialog")]))
    text = page.content.decode()
    assert "Inget har lästs in" in text and "saknar förvaltning" in text and "Läs in 3" not in text
    forced = officer_client.post(url(municipality), {"content": page.context["content"], "year": 2025})
    assert forced.status_code == 200 and Activity.objects.count() == 0


@pytest.mark.parametrize(
    "raw,name",
    [
        (b"PK\x03\x04 not really a zip", "trasig.xlsx"),
        (zip_of_text(), "inte-ett-kalkylblad.xlsx"),
        (b"\x00\x01\x02\x03", "binar.csv"),
        (b"", "tom.csv"),
        (b"Rubrik;Text\nA;B\n", "fel.csv"),
    ],
)
def test_files_that_cannot_be_read_say_so_and_keep_the_form(officer_client, municipality, raw, name):
    page = upload(officer_client, municipality, raw, name=name)
    assert page.status_code == 200 and "error-summary" in page.content.decode()
    assert page.context["form"].errors["file"]


def test_a_merged_sheet_is_refused_on_the_page(officer_client, municipality):
    page = upload(officer_client, municipality, xlsx_file(GOOD, merge="A2:A3"))
    assert "sammanfogade celler" in page.content.decode()


def test_a_tampered_confirmation_imports_nothing(officer_client, municipality):
    page = officer_client.post(url(municipality), {"content": "Rubrik;Text\nA;B", "year": 2025})
    assert page.status_code == 302 and Activity.objects.count() == 0
    page = officer_client.post(url(municipality), {"content": "x", "year": "ett år"})
    assert page.status_code == 302 and Activity.objects.count() == 0


def test_the_file_to_fill_in_imports_as_it_is(client, municipality, staff):
    from openpyxl import load_workbook

    client.force_login(staff["democracy_officer"])
    page = client.get(reverse("baseline:staff_import", args=[municipality.slug])).content.decode()
    assert "Ladda ner en fil att fylla i (Excel)" in page
    download = client.get(reverse("baseline:staff_import_template", args=[municipality.slug]))
    rows = list(load_workbook(io.BytesIO(download.content)).active.iter_rows(values_only=True))
    assert rows[0][:3] == ("namn", "förvaltning", "trappsteg")
    assert municipality.departments.filter(name=rows[1][1]).exists()
    checked = client.post(
        reverse("baseline:staff_import", args=[municipality.slug]),
        {"file": SimpleUploadedFile("mall.xlsx", download.content), "year": rows[1][-1]},
    )
    assert "Dialogcafé på biblioteket" in checked.content.decode() and "Fel:" not in checked.content.decode()
