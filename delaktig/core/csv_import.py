"""Reading a CSV file that staff upload: every import in the project reads its file through here.

Files come from SCB, from other systems and from Excel, so a file may be UTF-8 (with or without a byte order
mark), UTF-16 (Excel's "Unicode text") or Windows-1252 (Excel's "CSV (semikolonavgränsad)" on Swedish Windows),
and separated by semicolons, commas or tabs. `csv_decode` finds the encoding; `csv_table` finds the separator and
the header line (the first line `is_header` accepts, so title lines above the table, as SCB's downloads may have,
are passed over). What cannot be read becomes a `CsvError` with a message in words; the import decides what each
row means and reports each row's errors itself.

The decoded text is what an import's preview carries to its confirmation (a hidden field), so the confirmation
reads exactly what the preview showed, and nothing is stored between the two.
"""

import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext as _

MAX_BYTES = 2 * 1024 * 1024  # the preview sends the text back with its confirmation
DELIMITERS = (";", ",", "\t")
ENCODINGS = ("utf-8", "cp1252")
BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
ZIP = b"PK\x03\x04"  # XLSX and ODS files are zip archives
SPACES = re.compile(r"\s+")


class CsvError(Exception):
    """The file cannot be read at all; `message` says why and what to do."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class CsvRow:
    line: int  # the line number in the file, as a spreadsheet shows it
    values: dict  # {normalised header: value, stripped}

    def get(self, key, default=""):
        return self.values.get(key, default)


@dataclass(frozen=True)
class CsvTable:
    headers: tuple  # normalised: lower case, single spaces
    rows: tuple  # CsvRow, empty lines left out
    delimiter: str


def normalise(text):
    """A header or a value to compare: no byte order mark, no surrounding quotes or spaces, lower case."""
    return SPACES.sub(" ", str(text).replace("\ufeff", "").replace("\xa0", " ")).strip().strip('"').strip().lower()


def csv_decode(raw):
    """The text of an uploaded file (bytes) and the name of its encoding; CsvError if it is not a text file."""
    if len(raw) > MAX_BYTES:
        raise CsvError(_("The file is larger than 2 MB. Split it into smaller files."))
    if raw.startswith(ZIP):
        raise CsvError(_("The file is a spreadsheet, not a CSV file. In Excel, choose Save as and “CSV UTF-8”."))
    for bom, encoding in BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding).lstrip("\ufeff"), encoding
            except UnicodeDecodeError:
                break
    if b"\x00" in raw:
        raise CsvError(_("The file is not a text file. Save it as “CSV UTF-8” and try again."))
    for encoding in ENCODINGS:
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise CsvError(_("The file's characters could not be read. Save it as “CSV UTF-8” and try again."))


def csv_table(text, *, is_header: Callable[[tuple], bool], max_rows, describe_header):
    """The table in `text`: the first line that `is_header` accepts (with the separator that makes it so) and the
    non-empty rows under it, at most `max_rows`. `describe_header` names the columns wanted, for the message when
    no header is found."""
    lines = text.splitlines()
    for delimiter in DELIMITERS:
        for index, cells in enumerate(_rows(lines[:50], delimiter)):
            headers = tuple(normalise(cell) for cell in cells)
            if len(headers) > 1 and is_header(headers):
                return _table(lines[index + 1 :], headers, delimiter, index + 1, max_rows)
    raise CsvError(
        _(
            "We could not find the columns in the file. The first line of the table should name the columns "
            "(%(columns)s), separated by semicolons or commas."
        )
        % {"columns": describe_header}
    )


def _rows(lines, delimiter):
    try:
        return list(csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter))
    except csv.Error:
        return []


def _table(lines, headers, delimiter, header_line, max_rows):
    rows = []
    try:
        reader = csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter)
        for cells in reader:
            if not any(cell.strip() for cell in cells):
                continue
            if len(rows) >= max_rows:
                raise CsvError(
                    _("The file has more than %(max)s rows. Split it into smaller files.") % {"max": max_rows}
                )
            values = {
                key: SPACES.sub(" ", cell.replace("\xa0", " ")).strip()
                for key, cell in zip(headers, cells, strict=False)
            }
            rows.append(CsvRow(line=header_line + reader.line_num, values=values))
    except csv.Error as error:
        raise CsvError(_("The file could not be read as CSV (%(error)s).") % {"error": error}) from None
    return CsvTable(headers=headers, rows=tuple(rows), delimiter=delimiter)


def first_of(headers, names):
    """The first header among `names` that the file has, or None."""
    return next((name for name in names if name in headers), None)
