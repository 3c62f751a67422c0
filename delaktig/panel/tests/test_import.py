"""Staff import members from CSV: a preview with each row's errors, nothing imported half; UTF-8 and Windows-1252,
semicolons or commas; duplicate rows are errors, members already in the panel and people who left are reported."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from delaktig.core.csv_import import CsvError
from delaktig.core.models import AuditEvent
from delaktig.organisations.models import Area
from delaktig.panel import services
from delaktig.panel.importing import panel_band
from delaktig.panel.models import PanelMember, Source, Status

from .factories import PanelMemberFactory

pytestmark = pytest.mark.django_db

HEADER = ("e-post", "namn", "telefon", "ålder", "kön", "område", "samtycke")
GOOD = [
    ("anna@example.se", "Anna Åberg", "070-123 45 67", "34", "kvinna", "Ekshärad", "2025-03-01"),
    ("bo@example.se", "Bo Ek", "", "65-79", "man", "", "2025-03-02"),
    ("cleo@example.se", "Cleo Öst", "", "80+", "annat", "ekshärad", "2025-03-03 10:15"),
]


def csv_bytes(rows, *, delimiter=";", encoding="utf-8", header=HEADER):
    return "\r\n".join(delimiter.join(row) for row in [header, *rows]).encode(encoding)


@pytest.fixture
def area(municipality):
    return Area.objects.create(municipality=municipality, name="Ekshärad")


def check(municipality, raw):
    text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
    return services.members_check(municipality=municipality, text=text)


def test_ages_and_age_groups():
    assert panel_band("34") == "30_44" and panel_band("18-29") == "18_29" and panel_band("18–29 år") == "18_29"
    assert panel_band("80+") == "80_plus" and panel_band("80 år eller äldre") == "80_plus"
    assert panel_band("17") is None and panel_band("18+") is None and panel_band("gammal") is None


def test_a_good_file_imports_every_row(municipality, area, staff):
    parsed = services.members_import(
        municipality=municipality, text=csv_bytes(GOOD).decode(), consent_text="Pappersblankett 2025",
        actor=staff["democracy_officer"],
    )  # fmt: skip
    assert len(parsed.new) == 3 and not parsed.errors
    anna = PanelMember.objects.get(email="anna@example.se")
    assert (anna.status, anna.source, anna.age_band, anna.gender, anna.area) == (
        Status.ACTIVE, Source.IMPORT, "30_44", "woman", area,
    )  # fmt: skip
    assert anna.consent_version == "import: Pappersblankett 2025" and anna.consent_at.date().isoformat() == "2025-03-01"
    assert PanelMember.objects.get(email="cleo@example.se").area == area  # any case
    assert AuditEvent.objects.get(action="panel.import").data == {"imported": 3, "already": 0, "left": 0}


def test_windows_1252_with_commas(municipality, area):
    parsed = check(municipality, csv_bytes(GOOD, delimiter=",", encoding="cp1252").decode("cp1252"))
    assert [row["name"] for row in parsed.new] == ["Anna Åberg", "Bo Ek", "Cleo Öst"]


def test_a_file_separated_by_something_else_is_refused_in_words(municipality):
    with pytest.raises(CsvError) as refused:
        check(municipality, csv_bytes(GOOD, delimiter="|"))
    assert "semikolon eller komma" in refused.value.message


def test_a_missing_column_is_named(municipality):
    with pytest.raises(CsvError) as refused:
        check(municipality, csv_bytes([("a@example.se", "A")], header=("e-post", "namn")))
    assert "ålder" in refused.value.message and "samtycke" in refused.value.message


def test_bad_values_are_reported_per_row_and_nothing_is_imported(municipality, area, staff):
    rows = [
        *GOOD,
        ("inte-en-adress", "D", "", "40", "man", "", "2025-01-01"),  # line 5
        ("e@example.se", "", "", "40", "man", "", "2025-01-01"),  # 6: no name
        ("f@example.se", "F", "ring mig", "40", "man", "", "2025-01-01"),  # 7: phone
        ("g@example.se", "G", "", "16", "man", "", "2025-01-01"),  # 8: too young
        ("h@example.se", "H", "", "40", "robot", "", "2025-01-01"),  # 9: gender
        ("i@example.se", "I", "", "40", "man", "Atlantis", "2025-01-01"),  # 10: area
        ("j@example.se", "J", "", "40", "man", "", "2099-01-01"),  # 11: consent in the future
        ("k@example.se", "K", "", "40", "man", "", "igår"),  # 12: not a date
        ("anna@example.se", "Anna igen", "", "40", "kvinna", "", "2025-01-01"),  # 13: the same address again
    ]
    raw = csv_bytes(rows).decode()
    parsed = check(municipality, raw)
    assert [error.line for error in parsed.errors] == [5, 6, 7, 8, 9, 10, 11, 12, 13]
    assert "rad 2" in parsed.errors[-1].message and "Atlantis" in parsed.errors[5].message
    assert "ligger i framtiden" in parsed.errors[6].message and "gick inte att läsa" in parsed.errors[7].message
    assert parsed.error_rows == 9
    with pytest.raises(services.MembersImportRefused):
        services.members_import(municipality=municipality, text=raw, consent_text="x", actor=staff["administrator"])
    assert not PanelMember.objects.exists() and not AuditEvent.objects.filter(action="panel.import").exists()


def test_members_already_in_the_panel_and_people_who_left_are_reported_and_skipped(municipality, area, staff):
    existing = PanelMemberFactory(municipality=municipality, email="anna@example.se")
    gone = PanelMemberFactory(municipality=municipality, email="bo@example.se")
    services.member_leave(member=gone)
    parsed = check(municipality, csv_bytes(GOOD))
    assert parsed.already == [(2, "anna@example.se", existing.reference)]
    assert parsed.left == [3]
    assert [row["email"] for row in parsed.new] == ["cleo@example.se"]
    services.members_import(
        municipality=municipality, text=csv_bytes(GOOD).decode(), consent_text="x", actor=staff["administrator"]
    )
    assert PanelMember.objects.filter(municipality=municipality).exclude(email="").count() == 2


def test_a_file_with_nobody_new_imports_nothing(municipality, area, staff):
    for row in GOOD:
        PanelMemberFactory(municipality=municipality, email=row[0])
    with pytest.raises(services.MembersImportRefused):
        services.members_import(
            municipality=municipality, text=csv_bytes(GOOD).decode(), consent_text="x", actor=staff["administrator"]
        )


# The pages


def import_url(municipality):
    return reverse("panel:staff_import", args=[municipality.slug])


def upload(client, municipality, raw, **fields):
    data = {"file": SimpleUploadedFile("panel.csv", raw, content_type="text/csv"), "consent_text": "Blankett", **fields}
    return client.post(import_url(municipality), {"attest": "on", **data})


def test_upload_preview_and_import(client, municipality, area, staff):
    client.force_login(staff["democracy_officer"])
    preview = upload(client, municipality, csv_bytes(GOOD, encoding="cp1252"))
    page = preview.content.decode()
    assert preview.status_code == 200 and "Läs in 3 medlemmar" in page and "Anna Åberg" in page
    assert not PanelMember.objects.exists()
    response = client.post(
        import_url(municipality), {"content": preview.context["content"], "consent_text": "Blankett", "attest": "on"}
    )
    assert response.status_code == 302 and PanelMember.objects.filter(municipality=municipality).count() == 3


def test_the_form_asks_what_was_agreed_and_that_everyone_agreed(client, municipality, staff):
    client.force_login(staff["democracy_officer"])
    response = client.post(
        import_url(municipality), {"file": SimpleUploadedFile("p.csv", csv_bytes(GOOD)), "consent_text": ""}
    )
    page = response.content.decode()
    assert "Skriv vad medlemmarna har samtyckt till." in page and "Bara personer som har samtyckt" in page


def test_a_preview_with_errors_offers_no_import(client, municipality, staff):
    client.force_login(staff["democracy_officer"])
    page = upload(client, municipality, csv_bytes([("x", "X", "", "40", "man", "", "2025-01-01")])).content.decode()
    assert "Inget har lästs in" in page and "Läs in 1" not in page


def test_an_excel_file_is_explained(client, municipality, staff):
    client.force_login(staff["democracy_officer"])
    page = upload(client, municipality, b"PK\x03\x04....").content.decode()
    assert "kalkylblad" in page and "CSV UTF-8" in page


@pytest.mark.parametrize(
    "data",
    [
        {"content": "e-post;namn\n", "consent_text": "x", "attest": "on"},
        {"content": "nonsense", "consent_text": "x", "attest": "on"},
        {"content": "", "consent_text": "", "attest": ""},
        {"content": "e-post;namn;ålder;kön;samtycke\nx@example.se;X;40;man;2025-01-01", "consent_text": "x"},
    ],
)
def test_a_tampered_confirmation_is_no_500_and_imports_nothing(client, municipality, staff, data):
    client.force_login(staff["democracy_officer"])
    response = client.post(import_url(municipality), data)
    assert response.status_code in (200, 302) and not PanelMember.objects.exists()
