"""GitHub Actions workflow commands: ``::error file=..,line=..,col=..,title=CODE::message``.

GitHub shows them as annotations on the pull request's changed lines. The escaping is the one of
``@actions/core`` (``escapeData`` and ``escapeProperty`` in its ``command.ts``).
"""

from __future__ import annotations

from collections.abc import Sequence

from eagraph.findings import Finding, Severity

from .common import ReportContext, sorted_findings

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(findings: Sequence[Finding], context: ReportContext) -> str:
    lines = []
    for finding in sorted_findings(findings):
        where = finding.where
        message = finding.text(context.language)
        if where is not None and where.line > 0:
            properties = {"file": where.file, "line": str(where.line), "col": str(where.column),
                          "title": finding.code}
        elif where is not None:  # the file as a whole
            properties = {"file": where.file, "title": finding.code}
        else:
            # Nothing to annotate: GitHub lists it with the run; the subject says what it is about.
            properties = {"title": finding.code}
            message = f"{finding.subject}: {message}"
        joined = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
        lines.append(f"::{COMMANDS[finding.severity]} {joined}::{escape_data(message)}")
    for item in context.coverage:  # analyze: a kind with no data to look at is said, not left silent
        if item.blind:
            lines.append(f"::notice title={escape_property('coverage ' + item.kind)}::"
                         f"{escape_data(item.text())}")
    return "".join(f"{line}\n" for line in lines)
