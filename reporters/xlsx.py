"""xlsx: a workbook for managers, who work in spreadsheets.

A summary sheet first (the model, eagraph's version, the date, the counts per severity and per
code, and for ``analyze`` what each kind could see), then one sheet per rule code or finding kind,
worst severity first: its header row frozen, filters on, one row per finding (ranked by score,
then by place), with ``file:line`` as text so that it can be pasted into an editor. Every cell goes
through spreadsheet.py, the rule CSV follows: no cell is a formula.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from itertools import groupby

from eagraph.findings import Finding

from .common import ReportContext, blind_note, by_benefit, counts, summary
from .common import file_line as place
from .spreadsheet import Sheet, Table, workbook_bytes

COLUMNS = ("severity", "code", "message", "subject", "file", "line", "column", "file:line", "score", "related",
           "path", "value")
SUMMARY_SHEET = "summary"


def render_xlsx(findings: Sequence[Finding], context: ReportContext) -> bytes:
    """The workbook: the summary, then a sheet per code (see the module's docstring)."""
    groups = _by_code(findings)
    sheets = [Sheet(SUMMARY_SHEET, _summary(findings, groups, context))]
    sheets += [Sheet(code, [Table(COLUMNS, [_row(f, context) for f in sorted(group, key=by_benefit)])])
               for code, group in groups]
    return workbook_bytes(sheets)


def _by_code(findings: Sequence[Finding]) -> list[tuple[str, list[Finding]]]:
    """The findings by code, the code with the worst severity first, then by code."""
    by_code = sorted(findings, key=lambda f: f.code)
    groups = [(code, list(group)) for code, group in groupby(by_code, key=lambda f: f.code)]
    return sorted(groups, key=lambda item: (-max(f.severity for f in item[1]), item[0]))


def _summary(findings: Sequence[Finding], groups, context: ReportContext) -> list[Table]:
    about = Table((context.title, ""), [
        ("model", context.model or (str(context.root) if context.root else "")),
        ("eagraph version", context.tool_version),
        ("date", date.today().isoformat()),
        ("language", context.language),
        ("findings", summary(findings, context.language) + blind_note(context)),
    ])
    severities = Table(("severity", "findings"), list(counts(findings).items()))
    codes = Table(("code", "name", "severity", "findings", "what it checks"), [
        (code, _rule(context, code, "name"), max(f.severity for f in group).label, len(group),
         _rule(context, code, "summary"))
        for code, group in groups])
    tables = [about, severities, codes]
    if context.coverage:  # analyze: what each kind needs and how much of the model has it
        tables.append(Table(("kind", "has it", "of", "things", "what it needs", "note"), [
            (item.kind, item.have, item.total, item.unit, item.needs,
             "no data: silence is not all clear" if item.blind else "")
            for item in context.coverage]))
    return tables


def _rule(context: ReportContext, code: str, field: str) -> str:
    rule = context.rules.get(code)
    return getattr(rule, field) if rule else ""


def _row(finding: Finding, context: ReportContext) -> tuple:
    where = finding.where
    return (
        finding.severity.label,
        finding.code,
        finding.text(context.language),
        finding.subject,
        where.file if where else "",
        where.line if where else None,
        where.column if where else None,
        place(where),
        finding.score,
        " ".join(finding.related),
        finding.path or "",
        finding.value or "",
    )
