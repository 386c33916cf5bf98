"""Every CSV and every workbook (xlsx) eagraph writes, with cells a spreadsheet cannot take for formulas.

CSV files and workbooks end up opened in spreadsheets by managers. A cell that starts with ``=``, ``+``, ``-``
or ``@`` (or a tab or carriage return, which some spreadsheets skip before looking) is read as a
formula, and a model's title, a commit message or a query's answer is anybody's text (CSV or
formula injection). Following OWASP, such a cell gets a leading ``'``, which spreadsheets show as
text and do not evaluate.

A plain number (``-3``, ``+1.5``, ``-2e-3``) is left as it is: a spreadsheet reads it as a number,
never as a formula, and mangling it would break every sum over the column. Anything else that
starts with a sign (``-1+2``, ``-A1``, ``+cmd|…``) is neutralised.

The findings reporter, ``eagraph query --format csv`` and ``eagraph trend`` all write through
:func:`csv_text`, and every workbook through :func:`workbook_bytes`, so the rule is one. A workbook
goes further: each text is stored as a string cell (type ``s``), which a spreadsheet never
evaluates, and the same leading ``'`` keeps it text if somebody edits the cell.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

#: The first characters that make a spreadsheet evaluate a cell.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def safe_cell(value: object) -> str:
    """The text of one cell, with a leading ``'`` when a spreadsheet would run it as a formula."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def csv_text(header: Iterable[object], rows: Iterable[Iterable[object]], *, line_end: str = "\n") -> str:
    """A whole CSV document: the header, then the rows, every cell through :func:`safe_cell`."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator=line_end)
    writer.writerow([safe_cell(cell) for cell in header])
    writer.writerows([safe_cell(cell) for cell in row] for row in rows)
    return out.getvalue()


# Workbooks ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Table:
    """A table: its column headers and its rows (a cell is a number (int, float, Decimal), a text or None)."""

    columns: Sequence[str]
    rows: Sequence[Sequence[object]]


@dataclass(frozen=True)
class Sheet:
    """One sheet of a workbook. With one table, its header is frozen and filters are on, for
    sorting and filtering; with several (a summary), they stand one under the other, to be read."""

    name: str  # made valid and unique when written: at most 31 characters, none of []:*?/\
    tables: Sequence[Table]


#: What Excel refuses in a sheet's name; the longest name it takes; what a cell can hold.
_SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
SHEET_NAME_LENGTH = 31
CELL_LENGTH = 32767
#: The widths of a column, in characters: enough for a code, no wider than a screen can show.
MIN_WIDTH, MAX_WIDTH = 8, 60


def xlsx_table(name: str, columns: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    """A workbook of one sheet holding one table: the one line a command needs for ``--format xlsx``."""
    return workbook_bytes([Sheet(name, [Table(columns, list(rows))])])


def workbook_bytes(sheets: Sequence[Sheet]) -> bytes:
    """The xlsx file of ``sheets``, in their order: each table's header in bold; a sheet of one
    table has its header row frozen and an autofilter over the table; columns as wide as their
    contents (within :data:`MIN_WIDTH`..:data:`MAX_WIDTH`). Numbers stay numbers; every other
    cell is text through :func:`safe_cell`, stored as a string cell. Written in openpyxl's
    streaming mode: ten thousand findings take a second, not several."""
    from openpyxl import Workbook  # only the xlsx format pays for it
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    names: set[str] = set()
    bold = Font(bold=True)
    for sheet in sheets:
        page = book.create_sheet(sheet_name(sheet.name, names))
        lines: list[list[object]] = []
        for number, table in enumerate(sheet.tables):
            if number:
                lines.append([])  # a blank row between the tables of a summary
            lines.append([_Header(xlsx_text(header)) for header in table.columns])
            lines += [[value if _is_number(value) else xlsx_text(value) for value in values] for values in table.rows]
        widths: dict[int, int] = {}
        for line in lines:
            for column, value in enumerate(line, 1):
                widths[column] = max(widths.get(column, 0), _shown_width(value))
        for column, width in widths.items():  # before any row: a streamed sheet writes its columns first
            page.column_dimensions[get_column_letter(column)].width = min(max(width + 2, MIN_WIDTH), MAX_WIDTH)
        if len(sheet.tables) == 1 and sheet.tables[0].columns:
            page.freeze_panes = "A2"
            page.auto_filter.ref = f"A1:{get_column_letter(len(sheet.tables[0].columns))}{len(lines)}"
        for line in lines:
            page.append([_cell(WriteOnlyCell(page), value, bold) for value in line])
    if not book.worksheets:
        book.create_sheet("empty")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


class _Header(str):
    """A column header: text, in bold."""


def _cell(cell, value: int | float | str, bold):
    """``value`` (a number, or text through :func:`xlsx_text`) in ``cell``; text as a string cell."""
    cell.value = value
    if _is_number(value):
        return cell
    cell.data_type = "s"  # a string cell: never a formula, whatever it starts with
    if isinstance(value, _Header):
        cell.font = bold
    return cell


def _is_number(value: object) -> bool:
    """Kept a number in the workbook (sums and filters work on it): an int, a float, a Decimal."""
    return isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)


def _shown_width(value: int | float | str) -> int:
    """How many characters wide a cell shows ``value``: its longest line."""
    return max((len(line) for line in str(value).splitlines()), default=0)


#: The characters XML 1.0 cannot carry, which openpyxl refuses: control characters but tab, LF, CR.
_NOT_IN_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xlsx_text(value: object) -> str:
    """The text of a workbook cell: :func:`safe_cell`, control characters XML cannot carry shown as
    U+FFFD, and cut (with "…") at the 32,767 characters a cell holds."""
    text = _NOT_IN_XML.sub("\ufffd", safe_cell(value))
    return text if len(text) <= CELL_LENGTH else text[:CELL_LENGTH - 1] + "…"


def sheet_name(wanted: str, taken: set[str]) -> str:
    """A valid sheet name, unlike any in ``taken`` (compared without case, as Excel does), added to
    it: none of []:*?/\\ (each becomes "_"), no quote at either end, at most 31 characters, a
    number after a name already taken ("EAG012 (2)"), never Excel's reserved "History"."""
    name = _SHEET_NAME_FORBIDDEN.sub("_", _NOT_IN_XML.sub("_", wanted)).strip(" '") or "sheet"
    if name.lower() == "history":
        name += "_"
    candidate, number = name[:SHEET_NAME_LENGTH], 1
    while candidate.lower() in taken:
        number += 1
        suffix = f" ({number})"
        candidate = name[:SHEET_NAME_LENGTH - len(suffix)] + suffix
    taken.add(candidate.lower())
    return candidate
