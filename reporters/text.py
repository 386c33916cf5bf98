"""Text, as a compiler writes it: ``file:line:col: severity CODE message``, one line a finding."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from eagraph.findings import Finding, Severity
from eagraph.workspace.errors import excerpt

from .common import ReportContext, blind_note, coverage_lines, savings_text, sorted_findings, summary

Style = Callable[[str, Severity], str]
INDENT = "    "


def render_text(findings: Sequence[Finding], context: ReportContext, style: Style | None = None) -> str:
    """One line per finding and a summary line; no colour unless ``style`` colours the severity word.

    A finding without a location starts with its subject instead of ``file:line:col``. Further
    lines of a multi-line message, and the related nodes, follow indented, so that every
    unindented line is one finding.
    """
    lines = []
    for finding in sorted_findings(findings):
        where = finding.where
        severity = finding.severity.label
        if style is not None:
            severity = style(severity, finding.severity)
        first, *rest = finding.text(context.language).splitlines() or [""]
        lines.append(f"{where or finding.subject}: {severity} {finding.code} {first}")
        lines.extend(f"{INDENT}{line}" for line in rest)
        source_line = finding.extra.get("source_line")
        if source_line and where is not None:  # the offending line and a caret, as a compiler shows them
            lines.extend(f"{INDENT}{line}" for line in excerpt(source_line, where.column))
        if finding.related:
            lines.append(f"{INDENT}related: {' '.join(finding.related)}")
        if finding.savings is not None:
            lines.append(f"{INDENT}{savings_text(finding, context.language)}")
    if context.coverage:
        lines += ["", "Coverage (what each kind needs, and how much of the model has it):"]
        lines += [f"{INDENT}{line}" for line in coverage_lines(context)]
    if lines:
        lines.append("")
    lines.append(summary(findings, context.language) + blind_note(context))
    return "\n".join(lines) + "\n"
