"""JSON: ``{"findings": [...], "summary": {...}, "tool": {...}}``, the contract of ``--format json``."""

from __future__ import annotations

import json
from collections.abc import Sequence

from eagraph.findings import Finding

from .common import ReportContext, counts, sorted_findings


def render_json(findings: Sequence[Finding], context: ReportContext) -> str:
    document = {
        "findings": [finding.to_dict(context.language) for finding in sorted_findings(findings)],
        "summary": counts(findings),
        "tool": {"name": "eagraph", "version": context.tool_version},
    }
    if context.coverage:
        document["coverage"] = [item.to_dict() for item in context.coverage]
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
