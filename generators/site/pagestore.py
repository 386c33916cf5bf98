"""Finished page bodies and diagrams, held in memory for the mkdocs hook (:mod:`.hook`) of the
build running in this process."""

from __future__ import annotations

from .diagrams import fill_in

BODY = "<!--eagraph-body-->"
PAGES: dict[str, str] = {}  # docs-relative path of the Markdown file -> body HTML
DIAGRAMS: dict[str, str] = {}  # diagram key -> inline SVG


def body_of(src_uri: str, html: str) -> str:
    body = PAGES.get(src_uri)
    return html.replace(f"<p>{BODY}</p>", body).replace(BODY, body) if body is not None else html


def with_diagrams(output: str) -> str:
    return fill_in(output, DIAGRAMS) if "<!--eagraph-diagram:" in output else output


def hold(pages: dict[str, str], diagrams: dict[str, str]) -> None:
    PAGES.clear()
    PAGES.update(pages)
    DIAGRAMS.clear()
    DIAGRAMS.update(diagrams)
