"""A consultation document read from Markdown, pasted text or Word into chapters and paragraphs."""

import io

import docx
import pytest
from PIL import Image

from ..text import DocumentError, from_docx, from_markdown

PLAN = """# Översiktsplan för Hagfors 2040

Planen visar hur mark och vatten ska användas.

## 1. Bostäder

Vi vill bygga nära service
och kollektivtrafik.

- Centrum
- Ekshärad
- Råda

![Karta över nya bostäder](karta-bostader.png)

### 1.1 Strandnära boende

Inga nya hus närmare än 100 meter från stranden.

## 2. Trafik

1. Cykelväg längs älven
2. Fler bussar
"""


def test_markdown_headings_become_chapters_and_blocks_paragraphs():
    outline = from_markdown(PLAN)
    assert outline.title == "Översiktsplan för Hagfors 2040"
    assert [(c.title, c.level) for c in outline.chapters] == [
        ("", 0), ("1. Bostäder", 2), ("1.1 Strandnära boende", 3), ("2. Trafik", 2)
    ]  # fmt: skip
    intro, homes = outline.chapters[0], outline.chapters[1]
    assert [p.kind for p in intro.paragraphs] == ["text"]
    assert [(p.kind, p.text) for p in homes.paragraphs] == [
        ("text", "Vi vill bygga nära service och kollektivtrafik."),
        ("list", "Centrum\nEkshärad\nRåda"),
        ("image", "Karta över nya bostäder"),
    ]
    assert homes.paragraphs[2].source == "karta-bostader.png"
    assert outline.chapters[3].paragraphs[0].text == "Cykelväg längs älven\nFler bussar"
    assert outline.paragraph_count == 6


def test_pasted_text_without_headings_is_one_chapter_of_paragraphs():
    outline = from_markdown("Första stycket.\r\n\r\nAndra stycket,\r\nsom fortsätter.\r\n")
    assert outline.title == "" and len(outline.chapters) == 1
    assert [p.text for p in outline.chapters[0].paragraphs] == ["Första stycket.", "Andra stycket, som fortsätter."]


def _docx(build):
    document = docx.Document()
    build(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _picture():
    out = io.BytesIO()
    Image.new("RGB", (4, 4), "green").save(out, "PNG")
    out.seek(0)
    return out


def test_word_headings_lists_tables_and_pictures_are_read_in_order():
    def build(document):
        document.add_paragraph("Program för lekplatser", style="Title")
        document.add_paragraph("Inledning utan rubrik.")
        document.add_heading("Lekplatser i dag", level=1)
        document.add_paragraph("Kommunen har tolv lekplatser.")
        document.add_paragraph("Sandlådor", style="List Bullet")
        document.add_paragraph("Gungor", style="List Bullet")
        table = document.add_table(rows=2, cols=2)
        table.cell(0, 0).text, table.cell(0, 1).text = "Plats", "Skick"
        table.cell(1, 0).text, table.cell(1, 1).text = "Parken", "Bra"
        document.add_heading("Förslag", level=2)
        document.add_picture(_picture())
        document.add_paragraph("")  # empty paragraphs are left out

    outline = from_docx(_docx(build))
    assert outline.title == "Program för lekplatser"
    assert [(c.title, c.level) for c in outline.chapters] == [("", 0), ("Lekplatser i dag", 1), ("Förslag", 2)]
    today = outline.chapters[1].paragraphs
    assert [(p.kind, p.text) for p in today] == [
        ("text", "Kommunen har tolv lekplatser."),
        ("list", "Sandlådor\nGungor"),
        ("table", "Plats | Skick\nParken | Bra"),
    ]
    assert [(p.kind, p.source) for p in outline.chapters[2].paragraphs] == [("image", "image1.png")]


@pytest.mark.parametrize(
    "data",
    [b"", b"%PDF-1.7 not a word file", b"PK\x03\x04broken zip", _docx(lambda document: None)],
)
def test_what_is_not_a_readable_word_document_is_refused(data):
    with pytest.raises(DocumentError):
        from_docx(data)


def test_empty_or_overlong_text_is_refused():
    with pytest.raises(DocumentError):
        from_markdown("   \n\n")
    with pytest.raises(DocumentError):
        from_markdown("ord " * 6000)
