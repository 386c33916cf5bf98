"""Finished page bodies and diagrams, held in memory for the mkdocs hook (:mod:`.hook`) of the
build running in this process."""

from __future__ import annotations

import json
from pathlib import Path

from .diagrams import fill_in

BODY = "<!--eagraph-body-->"
PAGES: dict[str, str] = {}  # docs-relative path of the Markdown file -> body HTML
DIAGRAMS: dict[str, str] = {}  # diagram key -> inline SVG
PREVIOUS_INDEX: list[Path] = []  # the search index of the last build, in a dirty build


def body_of(src_uri: str, html: str) -> str:
    body = PAGES.get(src_uri)
    return html.replace(f"<p>{BODY}</p>", body).replace(BODY, body) if body is not None else html


def with_diagrams(output: str) -> str:
    return fill_in(output, DIAGRAMS) if "<!--eagraph-diagram:" in output else output


def hold(pages: dict[str, str], diagrams: dict[str, str], previous_index: Path | None = None) -> None:
    PAGES.clear()
    PAGES.update(pages)
    DIAGRAMS.clear()
    DIAGRAMS.update(diagrams)
    PREVIOUS_INDEX[:] = [previous_index] if previous_index else []


def merge_search_index(site_dir: str) -> None:
    """After a dirty build the search plugin has indexed only the pages it rebuilt: add the
    entries of the other pages from the last build's index (pages that no longer exist dropped)."""
    if not PREVIOUS_INDEX:
        return
    path = Path(site_dir) / "search" / "search_index.json"
    index = json.loads(path.read_text(encoding="utf-8"))
    rebuilt = {doc["location"].split("#", 1)[0] for doc in index["docs"]}
    existing = {page[:-3] + ".html" for page in PAGES}
    previous = json.loads(PREVIOUS_INDEX[0].read_text(encoding="utf-8"))
    kept = [doc for doc in previous["docs"]
            if (page := doc["location"].split("#", 1)[0]) not in rebuilt and (page in existing or not page)]
    index["docs"] = kept + index["docs"]
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
