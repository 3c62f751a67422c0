"""The baseline as an XLSX file: the ladder year against year, per department, per body, and every activity
(without contacts: the file may be passed on)."""

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook

from delaktig.core.exports import xlsx_bytes, xlsx_value

from . import selectors


def baseline_xlsx(municipality, year) -> bytes:
    found = selectors.baseline(municipality, year)
    workbook = Workbook()
    ladder = workbook.active
    ladder.title = _("Ladder")[:31]
    years = found["years"]
    header = [_("Level")]
    for each in years:
        header += [_("Activities %(year)s") % {"year": each}, _("Share %(year)s (%%)") % {"year": each}]
    _write(ladder, header, [_ladder_row(row) for row in found["ladder"]])
    levels = [label for _key, label in found["levels"]]
    for title, rows in ((_("Departments"), found["by_department"]), (_("Bodies"), found["by_body"])):
        sheet = workbook.create_sheet(title[:31])
        _write(sheet, [title, *levels, _("Total")], [[row.name, *row.counts, row.total] for row in rows])
    sheet = workbook.create_sheet(_("Activities")[:31])
    labels = dict(found["levels"])
    source = {selectors.PLATFORM: _("On the platform"), selectors.REGISTER: _("Registered")}
    _write(
        sheet,
        [_("Year"), _("Activity"), _("Department"), _("Body"), _("Level"), _("Source")],
        [
            [e.year, e.name, e.department, e.body, labels.get(e.level, e.level), source[e.source]]
            for e in found["entries"]
        ],
    )
    return xlsx_bytes(workbook)


def _ladder_row(row):
    cells = [row.label]
    for count, share in zip(row.counts, row.shares, strict=True):
        cells += [count, share]
    return cells


def _write(sheet, header, rows):
    sheet.append([xlsx_value(str(cell)) for cell in header])
    for row in rows:
        sheet.append([xlsx_value(cell) for cell in row])


def import_template_xlsx(departments, year) -> bytes:
    """A file to fill in for the import: the columns the import reads, and one example row (a department of the
    person's own, so the example imports as it is)."""

    from .importing import OPTIONAL, REQUIRED

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Aktiviteter"
    sheet.append([*REQUIRED, *OPTIONAL])
    department = departments[0].name if departments else ""
    example = {
        "namn": "Dialogcafé på biblioteket", "förvaltning": department, "trappsteg": "dialog", "organ": "",
        "målgrupper": "Alla invånare", "kanaler": "Möten", "hur ofta": "varje månad", "kontakt": "", "år": year,
    }  # fmt: skip
    sheet.append([example.get(column, "") for column in [*REQUIRED, *OPTIONAL]])
    for column in sheet.columns:
        sheet.column_dimensions[column[0].column_letter].width = 22
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
