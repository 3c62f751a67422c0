"""Dialogue considered in every matter: registering, the early answer and its paragraph, the dialogue linked, the
public list of coming decisions, and the year's counts in the council's overview and the yearly report."""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from delaktig.core.audit import audit_events_for
from delaktig.dialogues.tests.factories import DialogueFactory
from delaktig.organisations.models import Role

from .. import paragraph, report, selectors, services
from ..models import Matter, Planned
from .factories import MatterFactory

pytestmark = pytest.mark.django_db


def url(name, municipality, *args):
    return reverse(f"matters:{name}", args=[municipality.slug, *args])


def test_an_officer_registers_a_matter_and_is_asked_about_dialogue(client, municipality, staff):
    client.force_login(staff[Role.OFFICER])
    council = municipality.get_deciding_body()
    day = timezone.localdate() + datetime.timedelta(days=90)
    sent = client.post(
        url("staff_new", municipality),
        {"case_number": " KS  2026/123 ", "title": "Ny skolstruktur", "body": council.pk,
         "expected_decision_on": day.isoformat()},
    )  # fmt: skip
    matter = Matter.objects.get()
    assert sent["Location"] == url("staff_matter", municipality, matter.pk)
    assert matter.case_number == "KS 2026/123" and matter.registered_by == staff[Role.OFFICER]
    page = client.get(sent["Location"]).content.decode()
    assert "Ärendet KS 2026/123 är registrerat" in page and "Planeras en medborgardialog?" in page
    assert [event.action for event in audit_events_for(matter)] == ["matters.register"]


def test_bad_input_keeps_what_was_typed(client, municipality, other_municipality, staff):
    client.force_login(staff[Role.OFFICER])
    MatterFactory(municipality=municipality, case_number="KS 2026/1")
    foreign = other_municipality.get_deciding_body()
    page = client.post(
        url("staff_new", municipality),
        {"case_number": "KS 2026/1", "title": "Badhuset", "body": foreign.pk, "expected_decision_on": "2020-13-01"},
    )
    text = page.content.decode()
    assert page.status_code == 200
    assert "Fel:" in text and 'value="Badhuset"' in text
    assert "Välj ett av organen i listan" in text and "år-månad-dag" in text
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    page = client.post(
        url("staff_new", municipality),
        {"case_number": "KS 2026/1", "title": "Badhuset", "body": municipality.get_deciding_body().pk,
         "expected_decision_on": yesterday.isoformat()},
    )  # fmt: skip
    assert "Datumet har passerat" in page.content.decode()
    page = client.post(
        url("staff_new", municipality),
        {"case_number": "KS 2026/1", "title": "Badhuset", "body": municipality.get_deciding_body().pk,
         "expected_decision_on": (timezone.localdate() + datetime.timedelta(days=3)).isoformat()},
    )  # fmt: skip
    assert "Ett annat ärende har redan det här diarienumret" in page.content.decode()
    assert Matter.objects.count() == 1


def test_the_answer_gives_the_paragraph_for_the_officers_report(client, municipality, staff):
    matter = MatterFactory(municipality=municipality, case_number="KS 2026/7")
    client.force_login(staff[Role.OFFICER])
    missing = client.post(url("staff_matter", municipality, matter.pk), {"planned": "yes", "reason": ""})
    assert "Skriv varför en dialog planeras eller varför inte" in missing.content.decode()
    client.post(url("staff_matter", municipality, matter.pk), {"planned": "no", "reason": "Beslutet är tekniskt."})
    matter.refresh_from_db()
    assert matter.planned == Planned.NO and matter.answered_by == staff[Role.OFFICER]
    page = client.get(url("staff_matter", municipality, matter.pk)).content.decode()
    assert "Ingen medborgardialog planeras inför beslutet i ärendet." in page and "Skäl: Beslutet är tekniskt." in page
    text = client.get(url("staff_paragraph_txt", municipality, matter.pk))
    assert text["Content-Disposition"] == 'attachment; filename="medborgardialog-KS-2026-7.txt"'
    assert text.content.decode().startswith("Medborgardialog\n\nEnligt kommunens riktlinjer")
    word = client.get(url("staff_paragraph_docx", municipality, matter.pk))
    import docx

    document = docx.Document(io.BytesIO(word.content))
    assert document.paragraphs[0].style.name == "Heading 2" and document.paragraphs[0].text == "Medborgardialog"
    assert "Skäl: Beslutet är tekniskt." in [paragraph.text for paragraph in document.paragraphs]


def test_a_planned_dialogue_is_named_once_linked(municipality, staff):
    matter = MatterFactory(municipality=municipality)
    services.matter_answer(matter=matter, actor=staff[Role.OFFICER], planned=Planned.YES, reason="Många berörs.")
    assert "En medborgardialog planeras inför beslutet" in paragraph.as_text(matter)
    dialogue = DialogueFactory(municipality=municipality, title="Skolan i Sunnemo")
    services.matter_link(matter=matter, actor=staff[Role.OFFICER], dialogue=dialogue)
    text = paragraph.as_text(matter)
    assert "”Skolan i Sunnemo”" in text or "“Skolan i Sunnemo”" in text
    assert "Resultatet av dialogen blir en del av underlaget för beslutet." in text


def test_no_paragraph_before_the_answer(client, municipality, staff):
    matter = MatterFactory(municipality=municipality)
    assert paragraph.paragraphs(matter) == [] and paragraph.as_text(matter) == ""
    client.force_login(staff[Role.OFFICER])
    sent = client.get(url("staff_paragraph_docx", municipality, matter.pk))
    assert sent["Location"] == url("staff_matter", municipality, matter.pk)


def test_another_municipalitys_matter_is_404_and_its_dialogue_cannot_be_linked(
    client, municipality, other_municipality, staff
):
    foreign = MatterFactory(municipality=other_municipality)
    client.force_login(staff[Role.OFFICER])
    for name in ("staff_matter", "staff_edit", "staff_paragraph_txt"):
        assert client.get(url(name, municipality, foreign.pk)).status_code == 404
    matter = MatterFactory(municipality=municipality)
    their_dialogue = DialogueFactory(municipality=other_municipality)
    page = client.post(url("staff_link", municipality, matter.pk), {"dialogue": their_dialogue.pk})
    assert page.status_code == 200 and "Välj en av dialogerna i listan" in page.content.decode()
    matter.refresh_from_db()
    assert matter.dialogue is None


def test_an_elected_official_reads_but_does_not_answer(client, municipality, staff):
    matter = MatterFactory(municipality=municipality)
    client.force_login(staff[Role.ELECTED_OFFICIAL])
    assert client.get(url("staff_matter", municipality, matter.pk)).status_code == 200
    answered = client.post(url("staff_matter", municipality, matter.pk), {"planned": "no", "reason": "x"})
    assert answered.status_code == 403
    assert client.get(url("staff_new", municipality)).status_code == 403


def test_the_public_list_shows_coming_decisions_with_dialogue_only(client, municipality, staff):
    officer = staff[Role.OFFICER]
    coming = MatterFactory(municipality=municipality, title="Nytt badhus")
    without = MatterFactory(municipality=municipality, title="Ny taxa för slam")
    decided = MatterFactory(municipality=municipality, title="Gamla skolan")
    services.matter_answer(matter=coming, actor=officer, planned=Planned.YES, reason="Alla berörs.")
    services.matter_answer(matter=without, actor=officer, planned=Planned.NO, reason="Lagstyrt.")
    services.matter_answer(matter=decided, actor=officer, planned=Planned.YES, reason="x")
    services.matter_decided(matter=decided, actor=officer, decided_on=timezone.localdate())
    page = client.get(url("coming", municipality)).content.decode()
    assert "Nytt badhus" in page and "Ny taxa för slam" not in page and "Gamla skolan" not in page
    assert "Dialogen har inte öppnat än" in page
    empty = client.get(url("coming", MatterFactory().municipality)).content.decode()
    assert "Inga kommande beslut med planerad medborgardialog just nu." in empty


def test_the_years_counts_count_each_matter_once(municipality, staff):
    officer = staff[Role.OFFICER]
    year = timezone.localdate().year + 1
    body = municipality.get_deciding_body()
    in_year = datetime.date(year, 3, 1)
    answers = [Planned.YES, Planned.YES, Planned.NO, Planned.NOT_ANSWERED]
    for number, planned in enumerate(answers):
        matter = MatterFactory(municipality=municipality, body=body, expected_decision_on=in_year)
        if planned:
            services.matter_answer(matter=matter, actor=officer, planned=planned, reason="Skäl")
        if number == 0:
            services.matter_link(matter=matter, actor=officer, dialogue=DialogueFactory(municipality=municipality))
    MatterFactory(municipality=municipality, expected_decision_on=datetime.date(year + 1, 1, 5))
    counts = selectors.year_counts(municipality, year)
    assert counts == {"total": 4, "yes": 2, "no": 1, "unanswered": 1, "linked": 1}
    section = report.matters_section(municipality, year)
    assert section.tables[0].rows == ((body.name, 4, 2, 1, 1, 1),)
    assert "1 av 4 ärenden har ännu inget svar" in section.paragraphs[1]


def test_the_section_reaches_the_council_overview_and_the_yearly_report(municipality):
    from delaktig.core import hookspecs as core_hooks
    from delaktig.dialogues import hookspecs as dialogue_hooks

    year = timezone.localdate().year
    overview = [
        section.key
        for hook in dialogue_hooks.council_overview_sections.implementations()
        for section in hook(municipality, year) or ()
    ]
    yearly = [
        section.key
        for hook in core_hooks.yearly_report_sections.implementations()
        for section in hook(municipality, year) or ()
    ]
    assert "matters" in overview and "matters" in yearly
