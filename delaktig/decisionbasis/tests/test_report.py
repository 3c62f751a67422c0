"""The decision basis as an officer's report (tjänsteskrivelse): addressee, proposed decision, signer, the dialogue's
promise, the child-rights assessment when children are affected, the municipality's template and logo, the list of
attachments and every input as an appendix, without personal data, and nothing empty in either format."""

import base64
import datetime
import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from docx import Document
from pypdf import PdfReader

from delaktig.decisionbasis import content, layout, services
from delaktig.decisionbasis.models import Letterhead
from delaktig.decisionbasis.render import render_docx, render_html
from delaktig.foundation.models import HandbookPage
from delaktig.participation.registry import InputRecord

from .support import HIDDEN_NAME, METHOD, SIGNER_TITLE, report

pytestmark = pytest.mark.django_db

# The smallest PNG there is: one transparent pixel.
PIXEL = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)
CHILD_TEXT = "Barnen på skolan fick säga sitt, och förslaget är bra för dem."


def generated(dialogue, officer, capture, **kwargs):
    kwargs.setdefault("assessment", "Förvaltningen föreslår en lekplats.")
    with capture(execute=True):
        basis = services.decision_basis_request(dialogue=dialogue, actor=officer, **report(dialogue, officer, **kwargs))
    basis.refresh_from_db()
    return basis


def pdf_text(basis):
    """The PDF's text with its lines joined, as a reader would read it."""
    text = " ".join(page.extract_text() for page in PdfReader(basis.pdf.open("rb")).pages)
    return " ".join(text.replace("-\n", "-").split())


def word(basis):
    return Document(io.BytesIO(basis.docx.open("rb").read()))


def word_text(basis):
    document = word(basis)
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def children_group(dialogue):
    group = dialogue.municipality.target_groups.get(name="Unga")
    group.includes_children = True
    group.save()
    dialogue.target_groups.add(group)
    return group


def test_the_report_names_municipality_department_addressee_number_and_signer(
    dialogue, staff, django_capture_on_commit_callbacks
):
    basis = generated(dialogue, staff["officer"], django_capture_on_commit_callbacks)
    council = dialogue.municipality.get_deciding_body()
    assert basis.addressee == council.name and basis.signer_title == SIGNER_TITLE
    assert basis.signer_name == staff["officer"].name and basis.signer == staff["officer"]
    for text in (pdf_text(basis), word_text(basis)):
        assert "Tjänsteskrivelse" in text and dialogue.municipality.name in text
        assert council.name in text and "KS 2026/77" in text
        assert staff["officer"].name in text and SIGNER_TITLE in text
        assert dialogue.open_for_influence in text and dialogue.fixed in text and dialogue.input_use in text
        assert "Så lovade vi att använda synpunkterna" in text


def test_the_proposed_decision_is_numbered_points_without_what_was_typed_as_numbers(
    dialogue, staff, django_capture_on_commit_callbacks
):
    basis = generated(dialogue, staff["officer"], django_capture_on_commit_callbacks)
    assert basis.proposed_points == (
        "Kommunen bygger en lekplats med bänkar.",
        "Förvaltningen återkopplar till deltagarna.",
    )
    numbered = [p.text for p in word(basis).paragraphs if p.style.name == "List Number"]
    assert numbered == list(basis.proposed_points)
    html = render_html(content.gather(basis))
    assert (
        '<ol class="points"><li>Kommunen bygger en lekplats med bänkar.</li>'
        "<li>Förvaltningen återkopplar till deltagarna.</li></ol>"
    ) in html
    text = pdf_text(basis)  # the numbers are the list's markers: a screen reader announces them from the tags
    assert "Förslag till beslut Kommunen bygger en lekplats med bänkar. Förvaltningen återkopplar" in text
    assert "2) Förvaltningen" not in text and "1. Kommunen" not in text  # what was typed as numbers is gone


def test_an_empty_proposed_decision_is_refused_by_the_service(dialogue, staff):
    with pytest.raises(ValidationError) as error:
        services.decision_basis_request(
            dialogue=dialogue,
            actor=staff["officer"],
            assessment="Bra.",
            **report(dialogue, staff["officer"], proposed_decision=" \n 1. \n - "),
        )
    assert "förslaget till beslut" in str(error.value.message_dict["proposed_decision"])


def test_no_child_rights_section_when_children_are_not_affected(dialogue, staff, django_capture_on_commit_callbacks):
    basis = generated(dialogue, staff["officer"], django_capture_on_commit_callbacks, child_rights_text="Glömd text.")
    assert not basis.children_affected and basis.child_rights_text == ""
    for text in (pdf_text(basis), word_text(basis)):
        assert "Barnkonsekvensanalys" not in text and "Glömd text." not in text


def test_children_among_the_target_groups_bring_the_child_rights_section(
    dialogue, staff, django_capture_on_commit_callbacks
):
    children_group(dialogue)
    with pytest.raises(ValidationError) as error:
        services.decision_basis_request(
            dialogue=dialogue, actor=staff["officer"], assessment="Bra.", **report(dialogue, staff["officer"])
        )
    assert "barnkonsekvensanalysen" in str(error.value.message_dict["child_rights_text"])
    basis = generated(dialogue, staff["officer"], django_capture_on_commit_callbacks, child_rights_text=CHILD_TEXT)
    assert basis.children_affected
    headings = [p.text for p in word(basis).paragraphs if p.style.name == "Heading 1"]
    assert "Barnkonsekvensanalys" in headings
    assert "Barnkonsekvensanalys" in pdf_text(basis) and CHILD_TEXT in pdf_text(basis)
    assert CHILD_TEXT in word_text(basis)


def test_the_officer_can_mark_that_children_are_affected(dialogue, staff, django_capture_on_commit_callbacks):
    basis = generated(
        dialogue,
        staff["officer"],
        django_capture_on_commit_callbacks,
        children_affected=True,
        child_rights_text=CHILD_TEXT,
    )
    assert "Barnkonsekvensanalys" in pdf_text(basis) and "Barnkonsekvensanalys" in word_text(basis)


def test_every_input_is_an_appendix_with_channel_date_and_theme_but_no_personal_data(
    dialogue, store, staff, django_capture_on_commit_callbacks
):
    module = dialogue.modules.get()
    store[module.pk].append(
        InputRecord(
            ref=f"{METHOD}:{module.pk}-99",
            module_id=module.pk,
            method=METHOD,
            title="",
            text="Ring mig, skriv till hemlig@example.se om gungorna.",
            channel="meeting",
            created_at=timezone.now() - datetime.timedelta(days=1),
            author_shown=HIDDEN_NAME,
        )
    )
    basis = generated(dialogue, staff["officer"], django_capture_on_commit_callbacks)
    gathered = content.gather(basis)
    assert len(gathered.inputs) == 7
    first = gathered.inputs[0]
    assert first.text == "Förslag 0: Fler bänkar vid lekplatsen, förslag nummer 0." and first.themes == "Lekplats"
    assert gathered.attachments[0] == "Alla synpunkter (7)"
    for text in (pdf_text(basis), word_text(basis)):
        assert "Bilaga 1: Alla synpunkter" in text and "förslag nummer 5" in text and "om gungorna" in text
        assert HIDDEN_NAME not in text and "@" not in text
        assert staff["officer"].email not in text and "anna.andersson" not in text


def _empty_in_html(html):
    """Empty list items, and headings followed directly by a heading of the same or a higher level or nothing."""
    found = re.findall(r"<li>\s*</li>", html)
    body = html.split("<body>", 1)[1]
    tags = re.findall(r"<(h[1-3])>|<(p|ul|ol|table|dl|blockquote|div)\b", body)
    for (heading, _other), (next_heading, _next_other) in zip(tags, [*tags[1:], ("h1", "")], strict=True):
        if heading and next_heading and int(next_heading[1]) <= int(heading[1]):
            found.append(heading)
    return found


def _empty_in_word(document):
    found = [p for p in document.paragraphs if p.style.name.startswith("List") and not p.text.strip()]
    blocks = [(p.style.name, p.text) for p in document.paragraphs if p.text.strip() or p.style.name.startswith("Head")]
    body = document.element.body
    kinds = []
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[1]
        if tag == "tbl":
            kinds.append("table")
        elif tag == "p":
            style = child.xpath("string(.//w:pStyle/@w:val)")
            text = child.xpath("string(.)")
            has_picture = bool(child.xpath(".//w:drawing"))
            if style.startswith("Heading"):
                kinds.append(style)
            elif text.strip() or has_picture:
                kinds.append("text")
    for kind, following in zip(kinds, [*kinds[1:], "Heading1"], strict=True):
        if kind.startswith("Heading") and following.startswith("Heading") and following[-1] <= kind[-1]:
            found.append(kind)
    assert blocks  # the document has content at all
    return found


def test_no_empty_list_items_or_headings_without_content_in_either_format(
    dialogue, staff, django_capture_on_commit_callbacks
):
    basis = generated(dialogue, staff["officer"], django_capture_on_commit_callbacks, background="")
    assert _empty_in_html(render_html(content.gather(basis))) == []
    assert _empty_in_word(word(basis)) == []
    assert "Ärendet" not in word_text(basis)  # no background: no section, not an empty one


def test_a_page_break_only_before_the_appendix(dialogue, staff, django_capture_on_commit_callbacks):
    basis = generated(dialogue, staff["officer"], django_capture_on_commit_callbacks)
    xml = word(basis).element.body.xml
    assert xml.count('w:type="page"') == 1
    assert render_html(content.gather(basis)).count('class="appendix"') == 1


def test_the_municipalitys_template_page_orders_the_sections_and_gives_fixed_texts(
    dialogue, staff, django_capture_on_commit_callbacks
):
    HandbookPage.objects.create(
        municipality=dialogue.municipality,
        slug=layout.TEMPLATE_SLUG,
        title="Mall: Beslutsunderlag",
        kind=HandbookPage.Kind.TEMPLATE,
        body_text=(
            "Så här använder du mallen.\n[bedomning] Förvaltningens bedömning\nVi har vägt in dialogen.\n"
            "[okant-avsnitt]\nSyns inte.\n[forslag-till-beslut]\nFörvaltningen föreslår att nämnden beslutar"
        ),
    )
    basis = generated(dialogue, staff["officer"], django_capture_on_commit_callbacks)
    headings = [p.text for p in word(basis).paragraphs if p.style.name == "Heading 1"]
    assert headings[:3] == ["Förvaltningens bedömning", "Förslag till beslut", "Medborgardialogen"]
    for text in (pdf_text(basis), word_text(basis)):
        assert "Vi har vägt in dialogen." in text and "Förvaltningen föreslår att nämnden beslutar" in text
        assert "Så här använder du mallen" not in text and "Syns inte." not in text


def test_without_a_template_page_the_default_order_is_used(municipality):
    assert [s.key for s in layout.sections_for(municipality)] == list(layout.KEYS)
    assert all(s.fixed_text == "" for s in layout.sections_for(municipality))


def test_a_template_naming_a_section_twice_keeps_the_first():
    sections = layout.parse("[bilagor] Bilagor\nA\n[bilagor] Igen\nB")
    assert sections[0] == layout.Section("bilagor", "Bilagor", "A")
    assert [s.key for s in sections].count("bilagor") == 1


def test_the_logo_is_printed_in_both_formats(dialogue, staff, django_capture_on_commit_callbacks):
    from django.core.files.base import ContentFile

    letterhead = Letterhead.objects.create(municipality=dialogue.municipality)
    letterhead.logo.save("logo.png", ContentFile(PIXEL))
    basis = generated(dialogue, staff["officer"], django_capture_on_commit_callbacks)
    gathered = content.gather(basis)
    assert gathered.logo_src.startswith("data:image/png;base64,")
    assert 'alt="Logotyp för ' in render_html(gathered)
    reader = PdfReader(basis.pdf.open("rb"))
    assert any(page.images for page in reader.pages[:1])
    document = word(basis)
    assert document.inline_shapes and f"Logotyp för {dialogue.municipality.name}" in document.element.body.xml
    assert render_docx(gathered)[:2] == b"PK"
