"""Dan, the democracy officer, imports last year's participation activities from an XLSX file: the first file has
a row without a department, so the preview says so and nothing is imported; the corrected file is imported whole,
and he reads the baseline chart and its table, then the public summary. Every page is checked with axe."""

import pytest
from django.utils import timezone

from delaktig.baseline.models import Activity
from delaktig.baseline.tests.factories import xlsx_file
from delaktig.organisations.models import Role
from delaktig.organisations.tests.factories import MunicipalityFactory
from tests.e2e.support import arrive, click_through, logged_in, person, sv

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CULTURE = "Kultur- och fritidsförvaltningen"


def rows(year):
    return [
        ("Ungdomsrådet", CULTURE, "", "Inflytande", "Unga", "Möten", "Varje månad", "Lisa Lund", year),
        ("Biblioteksenkäten", CULTURE, "", "Konsultation", "Alla", "Webb", "Varje år", "", year),
        ("Öppet hus i parken", CULTURE, "", "Dialog", "", "", "", "", year),
        ("Nyhetsbrev", CULTURE, "", "Information", "", "E-post", "Löpande", "", year),
    ]


def test_dan_imports_last_years_activities_and_reads_the_baseline(page, tmp_path):
    hagby = MunicipalityFactory(name="Hagby kommun", slug="hagby")
    dan = person(hagby, Role.DEMOCRACY_OFFICER, name="Dan Demokratisson", email="dan@hagby.example")
    last_year = timezone.localdate().year - 1
    broken = tmp_path / "aktiviteter-med-fel.xlsx"
    broken.write_bytes(xlsx_file([*rows(last_year), ("Utan förvaltning", "", "", "Dialog")]))
    good = tmp_path / "aktiviteter.xlsx"
    good.write_bytes(xlsx_file(rows(last_year)))

    logged_in(page, dan)
    page.goto("/hagby/personal/")
    arrive(page)
    click_through(page, page.locator("nav.staff-nav").get_by_role("link", name=sv("Baseline"), exact=True))
    click_through(page, page.locator("main").get_by_role("link", name=sv("Import activities")).first)
    page.set_input_files("#id_file", str(broken))
    page.fill("#id_year", str(last_year))
    click_through(page, page.get_by_role("button", name=sv("Check the file")))
    main = page.locator("main").inner_text()
    assert sv("Nothing has been imported") in main and "saknar förvaltning" in main
    assert not Activity.objects.exists()

    click_through(page, page.locator("main").get_by_role("link", name=sv("Choose another file")))
    page.set_input_files("#id_file", str(good))
    click_through(page, page.get_by_role("button", name=sv("Check the file")))
    assert "Ungdomsrådet" in page.locator("main").inner_text()
    click_through(page, page.get_by_role("button", name="Läs in 4 aktiviteter"))
    assert Activity.objects.filter(municipality=hagby, year=last_year).count() == 4

    assert page.locator("main svg.baseline-chart").is_visible()
    table = page.locator("#ladder-table").inner_text()
    assert "Inflytande\t0\t0,0 %\t1\t25,0 %" in table
    assert f"{last_year}: 25" in page.locator("main svg.baseline-chart").inner_html()

    click_through(page, page.get_by_role("link", name=sv("The public summary")))
    public = page.locator("main").inner_text()
    assert CULTURE in public and "Lisa Lund" not in public and "Ungdomsrådet" not in public
