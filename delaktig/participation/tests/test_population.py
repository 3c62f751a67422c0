"""Population figures: SCB's ages onto the platform's bands, reading SCB-shaped CSV files in the encodings and
separators Excel and SCB use, importing whole or not at all, and the residents per area they give."""

import pytest
from django.urls import reverse

from delaktig.core.csv_import import CsvError, csv_decode
from delaktig.core.models import AuditEvent
from delaktig.organisations.models import Area
from delaktig.participation import selectors_population, services_population
from delaktig.participation.models import PopulationCell
from delaktig.participation.population import band_of, parse_age, parse_sex
from delaktig.participation.views_population import SAMPLE

from .population_support import areas_for, population_set, scb_file

pytestmark = pytest.mark.django_db


def check(municipality, raw):
    text, _encoding = csv_decode(raw)
    return services_population.population_check(municipality=municipality, text=text)


def do_import(municipality, raw, actor):
    text, _encoding = csv_decode(raw)
    return services_population.population_import(municipality=municipality, text=text, actor=actor)


@pytest.mark.parametrize(
    ("first", "last", "band"),
    [
        (0, 0, "0_12"), (12, 12, "0_12"), (0, 4, "0_12"), (5, 9, "0_12"), (13, 13, "under_18"), (17, 17, "under_18"),
        (18, 18, "18_29"), (20, 24, "18_29"), (25, 29, "18_29"), (30, 34, "30_44"), (40, 44, "30_44"),
        (45, 49, "45_64"), (60, 64, "45_64"), (65, 69, "65_79"), (75, 79, "65_79"), (80, 84, "80_plus"),
        (100, 150, "80_plus"), (10, 14, None), (15, 19, None), (60, 69, None),
    ],
)  # fmt: skip
def test_scb_ages_map_onto_the_platforms_bands(first, last, band):
    assert band_of(first, last) == band


def test_ages_and_sexes_as_scb_writes_them():
    assert parse_age("17 år") == (17, 17)
    assert parse_age("15-19 år") == (15, 19)
    assert parse_age("20–24") == (20, 24)
    assert parse_age("100+ år") == (100, 150)
    assert parse_age("80 år och äldre") == (80, 150)
    assert parse_age("totalt ålder") == "total"
    assert parse_age("gammal") is None and parse_age("19-15") is None
    assert parse_sex("kvinnor") == "woman" and parse_sex("Män") == "man" and parse_sex("2") == "woman"
    assert parse_sex("totalt") == "total" and parse_sex("x") is None


def test_the_illustrative_sample_file_imports_and_replaces_the_typed_residents(municipality, staff):
    areas = areas_for(municipality)
    Area.objects.filter(pk=areas[0].pk).update(population=9999)
    parsed = do_import(municipality, SAMPLE.read_bytes(), staff["democracy_officer"])
    assert parsed.years == [2024] and parsed.rows == 290 and not parsed.errors
    residents = selectors_population.area_residents(municipality)
    assert residents[areas[0].pk] == 5426  # the imported sum, not the 9999 typed on the area
    assert sum(residents.values()) == 11693
    whole = selectors_population.population_counts(municipality, by_area=False)
    assert whole.year == 2024 and whole.total == 11693 - 1453  # children under 13 are not compared
    by_area = selectors_population.population_counts(municipality, by_area=True)
    assert [area.name for area in by_area.areas] == [area.name for area in areas]
    assert len(by_area.counts) == 6 * 2 * 5
    event = AuditEvent.objects.get(action="population.import")
    assert event.data == {"years": [2024], "cells": 70, "rows": 290}


def test_an_area_without_figures_keeps_the_number_typed_on_it(municipality, staff):
    centre, village = areas_for(municipality, ("Centrum", "Byn"))
    Area.objects.filter(pk=village.pk).update(population=700)
    population_set(municipality, {("18_29", "woman", centre): 40, ("0_12", "man", centre): 10})
    assert selectors_population.area_residents(municipality) == {centre.pk: 50, village.pk: 700}


def test_windows_1252_from_excel_with_semicolons(municipality, staff):
    areas_for(municipality)
    rows = [("Ekshärad", "20 år", "män", "12"), ("Ekshärad", "20 år", "kvinnor", "1 104"), ("Råda", "85 år", "K", "3")]
    raw = scb_file(rows, header=("Område", "Ålder", "Kön", "Folkmängd 2023"), delimiter=";", encoding="cp1252")
    parsed = check(municipality, raw)
    assert not parsed.errors and parsed.years == [2023]
    ekshard = Area.objects.get(name="Ekshärad").pk
    assert parsed.cells[(2023, ekshard, "18_29", "woman")] == 1104


def test_a_long_file_with_a_year_column_and_the_whole_municipality(municipality, staff):
    rows = [(f"{municipality.municipality_code} {municipality.name}", "2024", "45 år", "män", "30")]
    raw = scb_file(rows, header=("region", "år", "ålder", "kön", "antal"))
    parsed = check(municipality, raw)
    assert parsed.cells == {(2024, None, "45_64", "man"): 30}


def test_title_lines_above_the_table_and_total_rows_are_passed_over(municipality, staff):
    rows = [("", "totalt ålder", "män", "5000"), ("", "30 år", "totalt", "50"), ("", "30 år", "män", "20")]
    raw = scb_file(rows, title="Folkmängd efter region, ålder och kön")
    parsed = check(municipality, raw)
    assert parsed.skipped == 2 and parsed.cells == {(2024, None, "30_44", "man"): 20}


def test_a_wrong_separator_is_refused_in_words(municipality):
    raw = scb_file([("", "30 år", "män", "20")], delimiter="|")
    with pytest.raises(CsvError) as refused:
        check(municipality, raw)
    assert "semikolon eller komma" in refused.value.message


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        (b"PK\x03\x04rest-of-a-zip", "kalkylblad"),
        (b"region\x00alder", "inte en textfil"),
        (b"", "inga kolumner"),
        (b"\x81\x8d\x8f\x90\x9d", "kunde inte läsas"),
    ],
)
def test_files_that_are_not_csv_are_refused_in_words(municipality, raw, words):
    with pytest.raises(CsvError) as refused:
        check(municipality, raw)
    assert words in refused.value.message.lower() or words in refused.value.message


def test_each_bad_row_is_reported_with_its_line_and_nothing_is_imported(municipality, staff):
    areas_for(municipality)
    rows = [
        ("Ekshärad", "30 år", "män", "20"),  # line 2: fine
        ("Ekshärad", "30 år", "män", "21"),  # 3: the same row again
        ("Ekshärad", "gammal", "män", "5"),  # 4: age
        ("Ekshärad", "31 år", "hen", "5"),  # 5: sex
        ("Ekshärad", "32 år", "män", "-3"),  # 6: number
        ("Ekshärad", "33 år", "män", ".."),  # 7: SCB's missing value
        ("Atlantis", "34 år", "män", "5"),  # 8: area
        ("Ekshärad", "15-19 år", "män", "5"),  # 9: across the limit at 18
        ("Ekshärad", "30-34 år", "män", "5"),  # 10: overlaps line 2
    ]
    raw = scb_file(rows)
    parsed = check(municipality, raw)
    assert [error.line for error in parsed.errors] == [3, 4, 5, 6, 7, 8, 9, 10]
    messages = [error.message for error in parsed.errors]
    assert "rad 2" in messages[0] and "gammal" in messages[1] and "hen" in messages[2]
    assert "Atlantis" in messages[5] and "ettårsklasser" in messages[6]
    with pytest.raises(services_population.PopulationImportRefused):
        do_import(municipality, raw, staff["administrator"])
    assert not PopulationCell.objects.exists() and not AuditEvent.objects.filter(action="population.import").exists()


def test_a_year_already_imported_is_refused_with_a_clear_message(municipality, staff):
    raw = scb_file([("", "30 år", "män", "20")])
    do_import(municipality, raw, staff["administrator"])
    with pytest.raises(services_population.PopulationImportRefused) as refused:
        do_import(municipality, raw, staff["administrator"])
    assert refused.value.parsed.conflicts == (2024,)
    assert "finns redan befolkningssiffror för 2024" in services_population.conflict_message([2024])
    assert PopulationCell.objects.count() == 1


def test_the_latest_year_is_compared(municipality):
    population_set(municipality, {("18_29", "man"): 10}, year=2022)
    population_set(municipality, {("18_29", "man"): 20}, year=2024)
    counts = selectors_population.population_counts(municipality, by_area=False)
    assert counts.year == 2024 and counts.counts[("18_29", "man")] == 20
    assert selectors_population.population_years(municipality) == [2024, 2022]


def test_by_area_needs_figures_per_area(municipality):
    population_set(municipality, {("18_29", "man"): 10})
    assert not selectors_population.population_counts(municipality, by_area=True)
    assert selectors_population.population_counts(municipality, by_area=False).total == 10


# The page


def url(municipality, name="participation:population", *args):
    return reverse(name, args=[municipality.slug, *args])


def upload(client, municipality, raw, name="befolkning.csv"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(url(municipality), {"file": SimpleUploadedFile(name, raw, content_type="text/csv")})


def test_upload_preview_and_import(client, municipality, staff):
    areas_for(municipality)
    client.force_login(staff["democracy_officer"])
    assert client.get(url(municipality)).status_code == 200
    preview = upload(client, municipality, SAMPLE.read_bytes())
    assert preview.status_code == 200 and not PopulationCell.objects.exists()
    page = preview.content.decode()
    assert "Läs in siffrorna" in page and "Centrala Hagfors" in page
    response = client.post(url(municipality), {"content": preview.context["content"]})
    assert response.status_code == 302 and PopulationCell.objects.filter(municipality=municipality).count() == 70
    assert "31 december 2024" in client.get(url(municipality)).content.decode()


def test_a_preview_with_errors_offers_no_import(client, municipality, staff):
    client.force_login(staff["administrator"])
    response = upload(client, municipality, scb_file([("", "30 år", "hen", "20")]))
    page = response.content.decode()
    assert response.status_code == 200 and "Inget har lästs in" in page and "Läs in siffrorna" not in page


def test_an_unreadable_file_shows_the_form_again_with_the_reason(client, municipality, staff):
    client.force_login(staff["administrator"])
    response = upload(client, municipality, b"PK\x03\x04", name="befolkning.xlsx")
    assert response.status_code == 200 and "CSV UTF-8" in response.content.decode()
    assert client.post(url(municipality), {}).status_code == 200  # no file: the error summary


@pytest.mark.parametrize("content", ["", "nonsense", "a;b\n1;2", "x" * 10])
def test_a_tampered_confirmation_is_no_500(client, municipality, staff, content):
    client.force_login(staff["administrator"])
    response = client.post(url(municipality), {"content": content})
    assert response.status_code in (200, 302) and not PopulationCell.objects.exists()


def test_removing_a_year(client, municipality, staff):
    population_set(municipality, {("18_29", "man"): 10})
    client.force_login(staff["administrator"])
    assert client.post(url(municipality, "participation:population_delete", 2023)).status_code == 404
    assert client.post(url(municipality, "participation:population_delete", 2024)).status_code == 302
    assert not PopulationCell.objects.exists()


def test_the_sample_file_downloads(client, municipality, staff):
    client.force_login(staff["democracy_officer"])
    response = client.get(url(municipality, "participation:population_sample"))
    assert response.status_code == 200 and b"Illustrativa siffror" in b"".join(response.streaming_content)


def test_only_administrators_and_democracy_officers_and_only_their_own_municipality(
    client, municipality, other_municipality, staff
):
    client.force_login(staff["officer"])
    assert client.get(url(municipality)).status_code == 403
    client.force_login(staff["democracy_officer"])
    assert client.get(url(other_municipality)).status_code == 404
    population_set(other_municipality, {("18_29", "man"): 10})
    assert client.post(url(other_municipality, "participation:population_delete", 2024)).status_code == 404
    assert PopulationCell.objects.count() == 1
