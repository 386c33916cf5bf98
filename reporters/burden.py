"""The formats of ``eagraph burden``: a :class:`~eagraph.analyses.burden.BurdenReport` as text, Markdown,
JSON, CSV or a workbook (xlsx). Each reads the report's rows and columns only, so a new format is one
more function over the same table."""

from __future__ import annotations

import json
from decimal import Decimal

from eagraph.analyses.burden import PART_TITLES, PARTS, BurdenReport, BurdenRow

from .markdown import cell, code
from .spreadsheet import Sheet, Table, csv_text, workbook_bytes

#: The sections of the text and Markdown reports: a level of rows and its heading.
SECTIONS = (("authority", "By authority"), ("event", "By life or business event"), ("service", "By service"))
BURDEN_FORMATS = ("text", "md", "json", "csv", "xlsx")


def render_burden(fmt: str, report: BurdenReport) -> str | bytes:
    return {"text": to_text, "md": to_markdown, "json": to_json, "csv": to_csv, "xlsx": to_xlsx}[fmt](report)


def number(value: Decimal, decimals: int = 0) -> str:
    """``1,234,567`` or ``1,234.50``: thousands separated, as a manager reads them."""
    return f"{value:,.{decimals}f}"


def assumed(share: Decimal) -> str:
    """``62 % assumed``: the share of a figure that rests on defaults, to the per cent."""
    return f"{(share * 100).quantize(Decimal(1))} % assumed"


def figure(row: BurdenRow) -> str:
    amount = row.amount
    return (f"{number(amount.hours)} h ({assumed(amount.assumed_hours_share)}), "
            f"{number(amount.euros, 2)} EUR ({assumed(amount.assumed_euros_share)})")


def to_text(report: BurdenReport) -> str:
    total = report.total
    lines = [f"Administrative burden a year: {figure(total)}, {number(Decimal(total.cases or 0))} cases", ""]
    width = max(len(t) for t in PART_TITLES.values())
    for part in PARTS:
        amount = total.parts[part]
        lines.append(f"  {PART_TITLES[part]:<{width}}  {number(amount.hours):>14} h  {number(amount.euros, 2):>18} EUR")
    for level, heading in SECTIONS:
        rows = report.of_level(level)
        if not rows:
            continue
        lines += ["", f"{heading}:"]
        for row in rows:
            cases = "no annual cases" if row.cases is None else f"{number(Decimal(row.cases))} cases"
            take_up = f", {number(Decimal(row.non_take_up))} eligible without it" if row.non_take_up else ""
            lines.append(f"  {row.label}: {figure(row)}; {cases}{take_up}")
    if report.without_cases:
        lines += ["", f"Not counted, no eag:annualCases ({len(report.without_cases)}): "
                  + ", ".join(report.without_cases)]
    return "\n".join(lines) + "\n"


def to_markdown(report: BurdenReport) -> str:
    total = report.total
    lines = [f"# Administrative burden: {figure(total)} a year", "",
             "| part | hours a year | euros a year |", "|---|---:|---:|"]
    lines += [f"| {PART_TITLES[p]} | {number(total.parts[p].hours)} | {number(total.parts[p].euros, 2)} |"
              for p in PARTS]
    for level, heading in SECTIONS:
        rows = report.of_level(level)
        if not rows:
            continue
        lines += ["", f"## {heading}", "", "| | cases | hours | euros | hours assumed | euros assumed |",
                  "|---|---:|---:|---:|---:|---:|"]
        for row in rows:
            amount = row.amount
            cases = "" if row.cases is None else number(Decimal(row.cases))
            lines.append(f"| {cell(row.label)} | {cases} | {number(amount.hours)} | {number(amount.euros, 2)} | "
                         f"{assumed(amount.assumed_hours_share).split(' ')[0]} % | "
                         f"{assumed(amount.assumed_euros_share).split(' ')[0]} % |")
    if report.without_cases:
        lines += ["", "Not counted (no `eag:annualCases`): " + ", ".join(code(s) for s in report.without_cases)]
    return "\n".join(lines) + "\n"


def _plain(value):
    return float(value) if isinstance(value, Decimal) else value


def to_json(report: BurdenReport) -> str:
    data = {
        "tariffs": {(name if name.endswith("_hour") or name.endswith("_cost") else f"{name}_seconds"): float(value)
                    for name, value in vars(report.tariffs).items()},
        "columns": list(report.columns),
        "rows": [{k: _plain(v) for k, v in row.values().items()} for row in report.rows],
        "without_cases": list(report.without_cases),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def to_csv(report: BurdenReport) -> str:
    return csv_text(report.columns, ([row.values()[c] for c in report.columns] for row in report.rows))


def to_xlsx(report: BurdenReport) -> bytes:
    """A workbook: the total, then a sheet per authority, event and service level, with the CSV's columns
    (numbers as numbers, header frozen, filters on)."""
    return workbook_bytes([Sheet(level, [Table(report.columns, [[row.values()[c] for c in report.columns]
                                                                for row in report.of_level(level)])])
                           for level in ("total", *(level for level, _ in SECTIONS))])
