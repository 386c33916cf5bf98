"""Reporters: one list of findings, written in the format a person or a pipeline reads.

Every format is one function ``(findings, context) -> str | bytes`` in :data:`RENDERERS`; that
registry drives :func:`render` and :data:`FORMATS`, so a format added there serves ``validate`` and
``analyze`` alike. Text output is deterministic: findings are sorted with :meth:`Finding.sort_key`
(Markdown groups them first), and every non-empty text ends with a newline: write it as it is.
The formats in :data:`BINARY_FORMATS` (xlsx) return bytes: a file, never a terminal.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from eagraph.findings import Finding

from .common import READING_RULES, ReportContext, problem_findings, relocate
from .csv import render_csv
from .github import render_github
from .json import render_json
from .junit import render_junit
from .markdown import render_markdown
from .sarif import render_sarif
from .text import render_text
from .xlsx import render_xlsx

Renderer = Callable[[Sequence[Finding], ReportContext], str | bytes]

RENDERERS: dict[str, Renderer] = {
    "text": render_text,
    "json": render_json,
    "junit": render_junit,
    "sarif": render_sarif,
    "github": render_github,
    "md": render_markdown,
    "csv": render_csv,
    "xlsx": render_xlsx,
}

FORMATS: tuple[str, ...] = tuple(RENDERERS)
#: The formats whose renderer returns bytes: written to a file (``-o``), refused on a terminal.
BINARY_FORMATS: frozenset[str] = frozenset({"xlsx"})


def render(fmt: str, findings: Sequence[Finding], context: ReportContext) -> str | bytes:
    """The findings written in format ``fmt`` (one of :data:`FORMATS`)."""
    try:
        renderer = RENDERERS[fmt]
    except KeyError:
        raise ValueError(f"unknown report format {fmt!r}; the formats are: {', '.join(FORMATS)}") from None
    return renderer(findings, context)


__all__ = ["BINARY_FORMATS", "FORMATS", "READING_RULES", "RENDERERS", "ReportContext", "problem_findings", "relocate",
           "render", "render_csv", "render_github", "render_json",
           "render_junit", "render_markdown", "render_sarif", "render_text", "render_xlsx"]
