"""The report as Word (python-docx): Word's heading styles, each chart as a PNG followed by its table."""

import io

from django.utils import formats
from django.utils.translation import gettext as _

from .charts import png_bar_chart
from .layout import blocks, caption_text, cell_text, cell_url, is_numeric, is_warning

RED = (0xB1, 0x0E, 0x1E)


def render_docx(report):
    from docx import Document

    document = Document()
    document.core_properties.title = str(report.title)
    document.core_properties.author = report.municipality_name
    document.core_properties.language = "sv-SE"
    document.add_heading(str(report.title), level=0)
    document.add_paragraph(report.municipality_name)
    document.add_paragraph(
        _("Produced %(date)s from the records of the citizen dialogue platform.")
        % {"date": formats.date_format(report.generated_at, "j F Y")}
    )
    for section in report.sections:
        _section(document, section)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _section(document, section):
    document.add_heading(str(section.title), level=1)
    for paragraph in section.paragraphs:
        document.add_paragraph(str(paragraph))
    for block in blocks(section):
        for chart in block.charts:
            _picture(document, chart)
        _table(document, block.table)


def _picture(document, chart):
    from docx.shared import Cm

    document.add_picture(io.BytesIO(png_bar_chart(chart)), width=Cm(16))
    document.add_paragraph(_("The numbers are in the table below."), style="Caption")


def _table(document, table):
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import RGBColor

    document.add_heading(caption_text(table), level=2)
    grid = document.add_table(rows=1, cols=len(table.headers), style="Table Grid")
    _repeat_as_header(grid.rows[0])
    for cell, header in zip(grid.rows[0].cells, table.headers, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(str(header)).bold = True
    for row in table.rows:
        cells = grid.add_row().cells
        for cell, value in zip(cells, row, strict=False):
            url = cell_url(value)
            run = (
                _hyperlink(cell.paragraphs[0], cell_text(value), url)
                if url
                else cell.paragraphs[0].add_run(cell_text(value))
            )
            if is_numeric(value):
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
            if is_warning(table):
                run.font.color.rgb = RGBColor(*RED)
    if not table.rows:
        document.add_paragraph(_("Nothing to show for this year."))


def _repeat_as_header(row):
    """Mark the first row as a header row that Word repeats on every page (and reads out as headers)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(marker)


def _hyperlink(paragraph, text, url):
    """A run inside a w:hyperlink to `url`, in Word's "Hyperlink" look (blue, underlined); returns the run."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import RGBColor
    from docx.text.run import Run

    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True))
    element = OxmlElement("w:r")
    link.append(element)
    paragraph._p.append(link)
    run = Run(element, paragraph)
    run.text = text
    run.font.underline = True
    run.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
    return run
