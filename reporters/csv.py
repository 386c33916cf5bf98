"""CSV: one row per finding, for a spreadsheet."""

from __future__ import annotations

from collections.abc import Sequence

from eagraph.findings import Finding

from .common import SAVINGS_COLUMNS, ReportContext, savings_cells, sorted_findings
from .spreadsheet import csv_text

HEADER = ("severity", "code", "file", "line", "column", "subject", "path", "value", "score", "message", "related",
          *SAVINGS_COLUMNS)


def render_csv(findings: Sequence[Finding], context: ReportContext) -> str:
    """One row per finding (then, for analyze, one ``coverage`` row per kind); cells a spreadsheet
    would run as formulas are neutralised (see spreadsheet.py)."""
    rows = [_row(finding, context) for finding in sorted_findings(findings)]
    # analyze: a row per kind with what it needs and how much of the model has it, after the findings
    rows += [("coverage", item.kind, "", "", "", "", "", f"{item.have}/{item.total}", "", item.text(), "",
              "", "", "", "")
             for item in context.coverage]
    return csv_text(HEADER, rows)


def _row(finding: Finding, context: ReportContext) -> tuple:
    where = finding.where
    return (
        finding.severity.label,
        finding.code,
        where.file if where else "",
        where.line if where else "",
        where.column if where else "",
        finding.subject,
        finding.path or "",
        finding.value or "",
        "" if finding.score is None else repr(finding.score),
        finding.text(context.language),
        " ".join(finding.related),
        *savings_cells(finding),
    )
