"""Word through python-docx: the same content in the same order as the PDF, with Word's heading styles and the
registration number and page numbers in the header and footer of every page."""

import io

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from delaktig.core.templatetags.delaktig import number


def render_docx(content):
    from docx import Document  # imported here: only the worker needs it
    from docx.shared import Cm

    document = Document()
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    _header_and_footer(section, content)
    document.core_properties.title = f"{content.title}: {content.dialogue_title}"
    document.core_properties.subject = content.registration_number
    document.core_properties.author = content.municipality
    for part in PARTS:
        part(document, content)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _header_and_footer(section, content):
    header = section.header.paragraphs[0]
    header.text = f"{content.municipality}\t\t{_('Registration number')}: {content.registration_number}"
    footer = section.footer.paragraphs[0]
    footer.text = f"{_('Decision basis')}, {_('version')} {content.version}\t\t{_('Page')} "
    _add_field(footer, "PAGE")
    footer.add_run(f" {_('of')} ")
    _add_field(footer, "NUMPAGES")


def _add_field(paragraph, code):
    """A Word field (PAGE, NUMPAGES) that Word fills in when it lays out the pages."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, code), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif text == code:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {code} "
        else:
            element = OxmlElement("w:t")
            element.text = text
        run._r.append(element)


def _human(value):
    if hasattr(value, "year"):
        return formats.date_format(value, "j F Y")
    return str(value) if value not in (None, "") else "–"


def _number(value):
    return number(value) if isinstance(value, int | float) else str(value)


def _text(document, text):
    for paragraph in (text or "").split("\n\n"):
        if paragraph.strip():
            document.add_paragraph(paragraph.strip())


def _facts(document, rows):
    table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for label, value in rows:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = str(label), _human(value)
        cells[0].paragraphs[0].runs[0].bold = True


def _table(document, table):
    document.add_paragraph(str(table.caption), style="Caption")
    grid = document.add_table(rows=1, cols=len(table.headers))
    grid.style = "Table Grid"
    for cell, heading in zip(grid.rows[0].cells, table.headers, strict=True):
        cell.text = str(heading)
        cell.paragraphs[0].runs[0].bold = True
    for row in table.rows:
        for cell, value in zip(grid.add_row().cells, row, strict=False):
            cell.text = _number(value) if value is not None else "–"


def _list(document, items, empty, style="List Bullet"):
    items = [item for item in items if str(item).strip()]
    if not items:
        document.add_paragraph(empty)
    for item in items:
        document.add_paragraph(item, style=style)


def _title(document, c):
    if c.logo:
        from docx.shared import Cm

        document.add_picture(io.BytesIO(c.logo), height=Cm(2))
        _alt_text(document, _("Logo of %(name)s") % {"name": c.municipality})
    document.add_paragraph().add_run(_("Officer's report")).bold = True
    document.add_heading(f"{c.title}: {c.dialogue_title}", level=0)
    rows = [(_("Municipality"), c.municipality)]
    if c.department:
        rows.append((_("Department"), c.department))
    if c.addressee:
        rows.append((_("To"), c.addressee))
    rows += [(_("Registration number"), c.registration_number), (_("Date"), c.generated_on), (_("Version"), c.version)]
    _facts(document, rows)


def _alt_text(document, text):
    """The picture just added gets its text alternative (Word's "descr"), as a screen reader reads it."""
    from docx.oxml.ns import qn

    for element in document.paragraphs[-1]._p.iter(qn("wp:docPr")):
        element.set("descr", text)


def _background(document, c):
    _text(document, c.background)


def _proposal(document, c):
    _list(document, c.proposed_points, "–", style="List Number")


def _dialogue(document, c):
    document.add_heading(_("The question"), level=2)
    _text(document, c.question)
    document.add_heading(_("Purpose"), level=2)
    _text(document, c.purpose or _("Not stated"))
    if c.period_text:
        document.add_heading(_("Period"), level=2)
        document.add_paragraph(c.period_text)
    document.add_heading(_("Level of influence"), level=2)
    paragraph = document.add_paragraph()
    paragraph.add_run(c.ladder_label).bold = True
    if c.ladder_explanation:
        paragraph.add_run(f": {c.ladder_explanation}")
    for heading, text in (
        (_("What was open to influence"), c.open_for_influence),
        (_("What was already decided"), c.fixed),
        (_("What we promised to do with the inputs"), c.input_use),
    ):
        if text:
            document.add_heading(heading, level=2)
            _text(document, text)
    document.add_heading(_("The decision to hold the dialogue"), level=2)
    _facts(document, c.decision_facts)
    document.add_heading(_("Methods from the toolbox"), level=2)
    _list(document, c.toolbox_methods, _("None chosen."))
    document.add_heading(_("Ways to take part on the platform"), level=2)
    _list(document, [f"{name} ({method})" for name, method in c.modules], _("None."))
    document.add_heading(_("Target groups"), level=2)
    _list(document, c.target_groups, _("None stated."))


def _participation(document, c):
    _facts(document, [(label, _number(value)) for label, value in c.totals])
    for table in c.participation_tables:
        _table(document, table)
    document.add_heading(_("Representativeness"), level=2)
    if c.has_demographics:
        document.add_paragraph(_("Counts below 5 are not shown, so that no one can be identified."))
        for table in c.demographic_tables:
            _table(document, table)
        if c.representativeness_computed:
            document.add_paragraph(c.representativeness_computed)
        _representation(document, c)
    else:
        document.add_paragraph(
            _(
                "The participants did not give information about themselves, so representativeness cannot be "
                "described with figures."
            )
        )
    if c.representativeness_text:
        document.add_heading(_("The officer's comment"), level=2)
        _text(document, c.representativeness_text)


def _representation(document, c):
    if not c.representation_tables:
        return
    document.add_heading(_("Compared with the population"), level=2)
    document.add_paragraph(
        _(
            "The share of the inputs from each group, compared with the group's share of the residents aged 13 and "
            "older (SCB). Index 100 means the same share; below 80 the group is under-represented."
        )
    )
    for table in c.representation_tables:
        _table(document, table)
    if c.representation_note:
        document.add_paragraph(c.representation_note)


def _themes(document, c):
    document.add_paragraph(
        _("%(total)s inputs in total; %(untagged)s of them have no theme.")
        % {"total": _number(c.total_inputs), "untagged": _number(c.untagged_count)}
    )
    if not c.themes:
        document.add_paragraph(_("The inputs have not been sorted into themes."))
        return
    _table(document, _theme_table(c))
    for theme in c.themes:
        if not (theme.description or theme.quotes):
            continue  # counted in the table; a heading with nothing under it would say nothing more
        document.add_heading(f"{theme.name} ({_number(theme.count)})", level=2)
        if theme.description:
            _text(document, theme.description)
        for text, channel in theme.quotes:
            document.add_paragraph(f"”{text}” ({channel})", style="Quote")


def _theme_table(c):
    from delaktig.core.contributions import Table

    rows = tuple((t.name, t.count) for t in c.themes)
    caption = pgettext("decision basis", "Inputs per theme")
    return Table(caption=caption, headers=(_("Theme"), pgettext("decision basis", "Inputs")), rows=rows)


def _counted(document, c):
    document.add_paragraph(
        _(
            "Questions with alternatives, counted for each way of taking part. What people wrote in their own words "
            "is among the inputs above."
        )
    )
    for name, tables in c.counted:
        document.add_heading(name, level=2)
        for table in tables:
            _table(document, table)


def _consultation(document, c):
    if c.consultation_text:
        _text(document, c.consultation_text)
    if c.consultation_file_name:
        document.add_paragraph(
            _("The consultation report is attached as a separate file: %(name)s.") % {"name": c.consultation_file_name}
        )


def _documents(document, c):
    for offered in c.documents:
        document.add_heading(offered.title, level=2)
        for paragraph in offered.paragraphs:
            _text(document, paragraph)
        document.add_paragraph(
            _("The whole document is attached to the PDF file of the decision basis: %(name)s.")
            % {"name": offered.file_name}
        )


def _assessment(document, c):
    _text(document, c.assessment)


def _child_rights(document, c):
    _text(document, c.child_rights_text)


def _signature(document, c):
    for line in (c.signer_name, c.signer_title, c.department):
        if line:
            document.add_paragraph(line)


def _attachments(document, c):
    for number_, name in enumerate(c.attachments, start=1):
        document.add_paragraph(_("Attachment %(number)s:") % {"number": number_} + f" {name}")


def _appendix(document, c):
    """Every input, on pages of its own after the report."""
    if not c.inputs:
        return
    document.add_page_break()
    document.add_heading(_("Attachment 1: All inputs"), level=1)
    document.add_paragraph(
        _(
            "Every input that came in, oldest first, with its channel, date and themes. Names and e-mail addresses "
            "are left out."
        )
    )
    from delaktig.core.contributions import Table

    headers = (
        _("Reference"),
        _("Date"),
        pgettext("decision basis", "Channel"),
        _("Themes"),
        pgettext("decision basis", "Input"),
    )
    rows = tuple((i.reference, _human(i.date), i.channel, i.themes or "–", i.text or "–") for i in c.inputs)
    _table(document, Table(caption=_("All inputs"), headers=headers, rows=rows))


SECTIONS = {
    "bakgrund": _background,
    "forslag-till-beslut": _proposal,
    "dialogen": _dialogue,
    "deltagande": _participation,
    "teman": _themes,
    "raknade-svar": _counted,
    "samrad": _consultation,
    "dokument": _documents,
    "bedomning": _assessment,
    "barnkonsekvenser": _child_rights,
    "underskrift": _signature,
    "bilagor": _attachments,
}


def _sections(document, c):
    """The municipality's sections in its order: heading, fixed text, then what the version says."""
    for section in c.sections:
        document.add_heading(section.heading, level=1)
        if section.fixed_text:
            _text(document, section.fixed_text)
        SECTIONS[section.key](document, c)


PARTS = (_title, _sections, _appendix)
