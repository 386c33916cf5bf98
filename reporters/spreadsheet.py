"""Every CSV eagraph writes, with cells a spreadsheet cannot take for formulas.

CSV files end up opened in spreadsheets by managers. A cell that starts with ``=``, ``+``, ``-``
or ``@`` (or a tab or carriage return, which some spreadsheets skip before looking) is read as a
formula, and a model's title, a commit message or a query's answer is anybody's text (CSV or
formula injection). Following OWASP, such a cell gets a leading ``'``, which spreadsheets show as
text and do not evaluate.

A plain number (``-3``, ``+1.5``, ``-2e-3``) is left as it is: a spreadsheet reads it as a number,
never as a formula, and mangling it would break every sum over the column. Anything else that
starts with a sign (``-1+2``, ``-A1``, ``+cmd|…``) is neutralised.

The findings reporter, ``eagraph query --format csv`` and ``eagraph trend`` all write through
:func:`csv_text`, so the rule is one.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable

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
