"""CSV: one row per finding, for a spreadsheet."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from eagraph.findings import Finding

from .common import ReportContext, sorted_findings

HEADER = ("severity", "code", "file", "line", "column", "subject", "path", "value", "score", "message", "related")


def render_csv(findings: Sequence[Finding], context: ReportContext) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    for finding in sorted_findings(findings):
        where = finding.where
        writer.writerow((
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
        ))
    return out.getvalue()
