"""Finished page bodies and diagrams of one language's build, handed to the mkdocs plugin
(:mod:`.hook`) of that build as an object: nothing is kept in the module between builds."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from .diagrams import fill_in

BODY = "<!--eagraph-body-->"


@dataclass(frozen=True)
class PageStore:
    """What one mkdocs build puts into its pages: ``pages`` (docs-relative path of the Markdown file ->
    body HTML), ``diagrams`` (diagram key -> inline SVG) and, in a dirty build, the search index of
    the last build (``previous_index``)."""

    pages: dict[str, str] = field(default_factory=dict)
    diagrams: dict[str, str] = field(default_factory=dict)
    previous_index: Path | None = None

    def body_of(self, src_uri: str, html: str) -> str:
        body = self.pages.get(src_uri)
        return html.replace(f"<p>{BODY}</p>", body).replace(BODY, body) if body is not None else html

    def with_diagrams(self, output: str) -> str:
        return fill_in(output, self.diagrams) if "<!--eagraph-diagram:" in output else output

    def merge_search_index(self, site_dir: str) -> None:
        """After a dirty build the search plugin has indexed only the pages it rebuilt: add the
        entries of the other pages from the last build's index (pages that no longer exist dropped)."""
        if self.previous_index is None:
            return
        path = Path(site_dir) / "search" / "search_index.json"
        index = json.loads(path.read_text(encoding="utf-8"))
        rebuilt = {doc["location"].split("#", 1)[0] for doc in index["docs"]}
        existing = {page[:-3] + ".html" for page in self.pages}
        previous = json.loads(self.previous_index.read_text(encoding="utf-8"))
        kept = [doc for doc in previous["docs"]
                if (page := doc["location"].split("#", 1)[0]) not in rebuilt and (page in existing or not page)]
        index["docs"] = kept + index["docs"]
        path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
