"""Finished page bodies and diagrams of one language's build, handed to the mkdocs plugin
(:mod:`.hook`) of that build as an object: nothing is kept in the module between builds."""

from __future__ import annotations

from dataclasses import dataclass, field

from .diagrams import fill_in
from .shells import EntityPage, is_shell

BODY = "<!--eagraph-body-->"


@dataclass(frozen=True)
class PageStore:
    """What one mkdocs build puts into its pages: ``pages`` (docs-relative path of the Markdown file ->
    body HTML), ``diagrams`` (diagram key -> inline SVG) and ``entities``, the entity pages mkdocs does
    not render but indexes for search; ``shells`` receives each section's shell page (section -> HTML)
    as mkdocs writes it (:mod:`.shells`); ``search_entries``, the pages' search entries of the last
    build, by :func:`~.search.entries_key`, as :func:`~.search.entries_text` wrote them, and after
    the build this one's."""

    pages: dict[str, str] = field(default_factory=dict)
    diagrams: dict[str, str] = field(default_factory=dict)
    entities: list[EntityPage] = field(default_factory=list)
    shells: dict[str, str] = field(default_factory=dict)
    search_entries: dict[str, str] = field(default_factory=dict)
    #: the entity pages not rendered again (their files are the last build's), each with the
    #: :func:`~.shells.search_key` of its search entries; and after the build, every entity page's
    kept: dict[str, str] = field(default_factory=dict)
    search_keys: dict[str, str] = field(default_factory=dict)
    #: the navigation pages' search entries, by :func:`~.search.entries_key` (kept with the entity pages')
    navigation_entries: dict[str, str] = field(default_factory=dict)

    def body_of(self, src_uri: str, html: str) -> str:
        body = self.pages.get(src_uri)
        return html.replace(f"<p>{BODY}</p>", body).replace(BODY, body) if body is not None else html

    def with_diagrams(self, output: str) -> str:
        return fill_in(output, self.diagrams) if "<!--eagraph-diagram:" in output else output

    def keep_shell(self, src_uri: str, output: str) -> None:
        if is_shell(src_uri):
            self.shells[src_uri.split("/", 1)[0]] = output
