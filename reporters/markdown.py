"""Markdown, for a pull-request comment or a report page.

A heading with the counts, then the findings grouped by severity (errors first) and by code, one
table per code. Analysis findings (those with a score) are ranked by score within their group.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby

from eagraph.findings import Finding, Severity

from .common import ReportContext, blind_note, by_benefit, file_line, format_score, summary

HEADINGS = {Severity.ERROR: "Errors", Severity.WARNING: "Warnings", Severity.INFO: "Info"}
# Backslash escapes stop Markdown reading *, _, [, ` … as markup; entities stop HTML (<script>).
_MARKDOWN = str.maketrans({c: "\\" + c for c in "\\`*_[]|~#"} | {"<": "&lt;", ">": "&gt;", "&": "&amp;"})


def cell(text: str) -> str:
    """Text in a table cell, shown as written: markup escaped, lines joined with <br>."""
    return "<br>".join(line.translate(_MARKDOWN) for line in text.splitlines())


def code(text: str) -> str:
    """Text in a code span inside a table cell: only | needs escaping (GFM tables)."""
    text = " ".join(text.splitlines()).replace("|", "\\|")
    fence = "``" if "`" in text else "`"
    return f"{fence}{text}{fence}" if fence == "`" else f"{fence} {text} {fence}"


def _table(group: list[Finding], context: ReportContext) -> list[str]:
    scored = any(f.score is not None for f in group)
    header = ["where", "subject", "message"] + (["score"] if scored else [])
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for finding in sorted(group, key=by_benefit):
        where = finding.where
        message = cell(finding.text(context.language))
        if finding.related:
            message += "<br>related: " + ", ".join(code(iri) for iri in finding.related)
        place = "" if where is None else code(file_line(where))
        row = [place, code(finding.subject), message]
        if scored:
            row.append("" if finding.score is None else format_score(finding.score))
        lines.append("| " + " | ".join(row) + " |")
    return lines


def _coverage(context: ReportContext) -> list[str]:
    if not context.coverage:
        return []
    lines = ["", "### Coverage", "", "| kind | has it | of | what it needs |", "|---|---:|---:|---|"]
    for item in context.coverage:
        flag = " (no data: silence is not all clear)" if item.blind else ""
        lines.append(f"| {cell(item.kind)} | {item.have} | {item.total} {cell(item.unit)} | {cell(item.needs)}{flag} |")
    return lines


def render_markdown(findings: Sequence[Finding], context: ReportContext) -> str:
    if not findings:
        return f"## {context.title}\n\nNo findings{blind_note(context)}.\n" + "\n".join(_coverage(context)) + (
            "\n" if context.coverage else "")
    lines = [f"## {context.title}: {summary(findings, context.language)}{blind_note(context)}"]
    by_severity = lambda f: -f.severity  # noqa: E731
    for severity, members in groupby(sorted(findings, key=by_severity), key=by_severity):
        lines += ["", f"### {HEADINGS[Severity(-severity)]}"]
        by_code = sorted(members, key=lambda f: f.code)
        for rule_code, group in groupby(by_code, key=lambda f: f.code):
            group = list(group)
            rule = context.rules.get(rule_code)
            title = f"{rule_code} {rule.name}" if rule and rule.name != rule_code else rule_code
            lines += ["", f"#### {cell(title)} ({len(group)})", ""]
            if rule:
                lines += [cell(rule.summary), ""]
            lines += _table(group, context)
    lines += _coverage(context)
    return "\n".join(lines) + "\n"
