"""The formats of ``eagraph burden``: a :class:`~eagraph.analyses.burden.BurdenReport` as text, Markdown,
JSON, CSV or a workbook (xlsx). Each reads the report's rows and columns only, so a new format is one
more function over the same table."""

from __future__ import annotations

import json
from decimal import Decimal

from eagraph.analyses.burden import PART_TITLES, PARTS, BurdenReport, BurdenRow, cents
from eagraph.analyses.savings import Scenario, ScenarioRow

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


# -- scenarios: ``eagraph burden --apply`` ------------------------------------------------------------
#: The sections of a scenario's text and Markdown: the levels a manager weighs a plan by.
SCENARIO_SECTIONS = (("authority", "By authority"), ("event", "By life or business event"))


def render_scenario(fmt: str, report: Scenario) -> str | bytes:
    return {"text": scenario_text, "md": scenario_markdown, "json": scenario_json, "csv": scenario_csv,
            "xlsx": scenario_xlsx}[fmt](report)


def scenario_values(row: ScenarioRow) -> dict[str, object]:
    """A scenario row by SCENARIO_COLUMNS: hours and euros to the cent, the share to 4 decimals."""
    saved = row.saved
    return {"level": row.level, "subject": row.subject, "label": row.label,
            "hours_before": cents(row.before.hours), "hours_after": cents(row.after.hours),
            "hours_saved": cents(saved.hours), "euros_before": cents(row.before.euros),
            "euros_after": cents(row.after.euros), "euros_saved": cents(saved.euros),
            "assumed_euros_share_saved": saved.assumed_euros_share.quantize(Decimal("0.0001"))}


def _scenario_line(row: ScenarioRow) -> str:
    saved = row.saved
    return (f"{number(row.before.hours)} h -> {number(row.after.hours)} h, saves {number(saved.hours)} h; "
            f"{number(row.before.euros, 2)} -> {number(row.after.euros, 2)} EUR, saves {number(saved.euros, 2)} EUR "
            f"({assumed(saved.assumed_euros_share)})")


def _scenario_notes(report: Scenario) -> list[str]:
    notes = [f"{report.applied} findings applied."]
    if report.not_in_model:
        notes.append(f"Not in the model, not applied ({len(report.not_in_model)}): " + ", ".join(report.not_in_model))
    if report.without_rule:
        notes.append(f"No saving the burden model can say, not applied ({len(report.without_rule)}): "
                     + ", ".join(report.without_rule))
    return notes


def scenario_text(report: Scenario) -> str:
    lines = [f"Burden a year, before and after the plan: {_scenario_line(report.total)}"]
    for level, heading in SCENARIO_SECTIONS:
        rows = report.of_level(level)
        if rows:
            lines += ["", f"{heading}:"] + [f"  {row.label}: {_scenario_line(row)}" for row in rows]
    return "\n".join(lines + [""] + _scenario_notes(report)) + "\n"


def scenario_markdown(report: Scenario) -> str:
    lines = [f"# Burden before and after the plan: saves {number(report.total.saved.euros, 2)} EUR a year"]
    for level, heading in (("total", "Total"), *SCENARIO_SECTIONS):
        rows = report.of_level(level)
        if not rows:
            continue
        lines += ["", f"## {heading}", "", "| | hours before | hours after | hours saved | euros before | "
                  "euros after | euros saved | saved, assumed |", "|---|---:|---:|---:|---:|---:|---:|---:|"]
        for row in rows:
            saved = row.saved
            lines.append(f"| {cell(row.label)} | {number(row.before.hours)} | {number(row.after.hours)} | "
                         f"{number(saved.hours)} | {number(row.before.euros, 2)} | {number(row.after.euros, 2)} | "
                         f"{number(saved.euros, 2)} | {assumed(saved.assumed_euros_share).split(' ')[0]} % |")
    return "\n".join(lines + [""] + [cell(note) for note in _scenario_notes(report)]) + "\n"


def scenario_json(report: Scenario) -> str:
    data = {"columns": list(report.columns),
            "rows": [{k: _plain(v) for k, v in scenario_values(row).items()} for row in report.rows],
            "applied": report.applied, "not_in_model": list(report.not_in_model),
            "without_rule": list(report.without_rule)}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def scenario_csv(report: Scenario) -> str:
    return csv_text(report.columns, ([scenario_values(row)[c] for c in report.columns] for row in report.rows))


def scenario_xlsx(report: Scenario) -> bytes:
    """A workbook: a sheet per level (total, authority, event, service), the CSV's columns."""
    return workbook_bytes([Sheet(level, [Table(report.columns, [[scenario_values(row)[c] for c in report.columns]
                                                                for row in report.of_level(level)])])
                           for level in ("total", "authority", "event", "service")])
