"""Entity pages poured into the page shell mkdocs-material rendered once per section.

A national model's site has tens of thousands of entity pages (a service, an authority …) that
differ from each other only in their title, their file name and their body: Material's page around
them (head, header, navigation, footer) is the same for every page of a section's folder, and
rendering it page by page was most of a build's time. So mkdocs builds the pages of the navigation
and, per section, one shell page whose title, file name and body are marks (:func:`shell_page`);
:class:`Shell` cuts that page's HTML at the marks, and each entity page is the shell filled with its
own title, name and body: the HTML mkdocs would have written for it (``tests/test_site_shells.py``
compares the two). Its search entries are made by the search plugin's index, given the page as
mkdocs would have given it (:func:`index_entities`; the index reads it as :mod:`.search` says).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import PurePosixPath
from types import SimpleNamespace

from markupsafe import Markup

from eagraph.workspace import EagraphError

from .search import entries_key, entries_of, entries_text

SHELL_SLUG = "_eagraph_shell"  # no entity's slug has an underscore (content._slug)
#: The shell's title, HTML-escaped as every page title is; Material prints it raw (header, h1) and
#: through ``striptags`` (``<title>``), which unescapes it: the two marks tell which is which.
TITLE_MARK = "EAGRAPH-TITLE&amp;MARK"
STRIPPED_TITLE_MARK = "EAGRAPH-TITLE&MARK"
BODY_MARK = "<!--eagraph-shell-body-->"
_MARKS = re.compile("|".join(re.escape(mark) for mark in (TITLE_MARK, STRIPPED_TITLE_MARK, SHELL_SLUG, BODY_MARK)))
_SEARCH_ATTRIBUTES = re.compile(r"\s?data-search-\w+=\"[^\"]+\"")  # what the search plugin strips from a page


class ShellError(EagraphError):
    """The theme printed a page's title in a way the shell does not know (a new Material version)."""


@dataclass(frozen=True)
class EntityPage:
    """One entity's page: ``path`` in the docs folder (``services/x.md``), its ``title`` (the front
    matter's, HTML-escaped) and its finished ``body`` HTML."""

    path: str
    title: str
    body: str

    @property
    def section(self) -> str:
        return self.path.split("/", 1)[0]

    @property
    def slug(self) -> str:
        return self.path.split("/", 1)[1][:-3]

    @property
    def url(self) -> str:
        return self.path[:-3] + ".html"


def entity_page(path: str, front: str, body: str) -> EntityPage | None:
    """An entity page from its rendered front matter (``---\ntitle: "…"\n---\n``, JSON-quoted), or
    None when the shell cannot stand in for mkdocs: front matter with more than a title (which the
    theme might read), or a body with its own ``<h1`` (after which Material prints no title heading)."""
    lines = front.splitlines()
    if len(lines) != 3 or lines[0] != "---" or lines[2] != "---" or not lines[1].startswith("title: "):
        return None
    if "<h1" in body:
        return None
    return EntityPage(path, json.loads(lines[1][len("title: "):]), body)


def shell_page(section: str) -> tuple[str, str, str]:
    """The Markdown page mkdocs renders as the shell of ``section``'s entity pages: (path, front, body)."""
    return f"{section}/{SHELL_SLUG}.md", f'---\ntitle: "{TITLE_MARK}"\n---\n', BODY_MARK


def is_shell(path: str) -> bool:
    return PurePosixPath(path).stem == SHELL_SLUG


class Shell:
    """A shell page's HTML, cut at its marks; :meth:`fill` puts one entity's title, name and body in."""

    def __init__(self, html: str):
        self.parts = _MARKS.split(html)
        self.marks = _MARKS.findall(html)
        if "EAGRAPH-TITLE" in "".join(self.parts):
            raise ShellError("the theme prints a page title in a way eagraph's page shell does not know")

    def fill(self, page: EntityPage) -> str:
        values = {TITLE_MARK: page.title, STRIPPED_TITLE_MARK: Markup(page.title).striptags(),
                  SHELL_SLUG: page.slug, BODY_MARK: _shown_body(page.body)}
        out = [self.parts[0]]
        for mark, part in zip(self.marks, self.parts[1:]):
            out.append(values[mark])
            out.append(part)
        return "".join(out)


def _shown_body(body: str) -> str:
    return _SEARCH_ATTRIBUTES.sub("", body) if "data-search-" in body else body


def index_entities(search_plugin, pages: list[EntityPage], known: dict[str, str], kept: dict[str, str] | None = None,
                   keys: dict[str, str] | None = None) -> None:
    """Add the entity pages' entries to the search plugin's index (as its ``on_page_context`` does for
    a page mkdocs renders), drop the shells', and order the entries as mkdocs would have built the
    pages (``mkdocs.structure.files.file_sort_key``: by folder, the index first, then by name).

    ``known``: the entries of the last build's pages by :func:`search_key`, as
    :func:`~.search.entries_text` wrote them; a page whose key is there is not parsed again, and its
    entries are written into the index as they are (:func:`write_with`). On return it holds this
    build's (for the next one). ``kept``: the pages not rendered again (address -> key), whose entries
    ``known`` holds; ``keys`` receives each page's key."""
    index = search_plugin.search_index
    index.entries = [entry for entry in index.entries if not is_shell(_page_of(entry))]
    now: dict[str, str] = {}
    unread: dict[str, str] = {}  # page -> its entries as the last build wrote them
    keys = {} if keys is None else keys
    for url, key in (kept or {}).items():
        unread[url] = now[key] = known[key]
        keys[url] = key
    for page in pages:
        key = keys[page.url] = search_key(page)
        text = known.get(key)
        if isinstance(text, str):
            unread[page.url] = now[key] = text
            continue
        start = len(index.entries)  # new, or a damaged cache: read again
        index.add_entry_from_context(SimpleNamespace(meta={"title": page.title}, title=page.title,
                                                     content=page.body, toc=[], url=page.url))
        now[key] = entries_text(index.entries[start:])
    index.entries.sort(key=lambda entry: file_order(_page_of(entry)))
    write_with(index, unread)
    known.clear()
    known.update(now)


def write_with(index, unread: dict[str, str]) -> None:
    """Have ``index`` (Material's ``SearchIndex``) write the entries of the pages in ``unread`` (page ->
    its entries as :func:`~.search.entries_text` wrote them) with its own, each page's in the order of
    the pages, as if they were among its entries: the index it writes is byte for byte the one it
    would write with them parsed. Where its output is not of the form this knows (another version of
    Material), they are parsed and given to it."""
    if not unread:
        return
    material = index.generate_search_index

    def generate(prev) -> str:
        own = index.entries
        index.entries = []
        try:
            empty = material(None)
        finally:
            index.entries = own
        if prev or not empty.endswith(',"docs":[]}'):
            index.entries = sorted([*own, *(e for text in unread.values() for e in entries_of(text) or ())],
                                   key=lambda entry: file_order(_page_of(entry)))
            return material(prev)
        by_page: dict[str, list] = {}
        for entry in own:
            by_page.setdefault(_page_of(entry), []).append(entry)
        texts = {page: entries_text(entries) for page, entries in by_page.items()} | unread
        docs = ",".join(texts[page][1:-1] for page in sorted(texts, key=file_order) if texts[page] != "[]")
        return f"{empty[:-2]}{docs}]}}"

    index.generate_search_index = generate


def search_key(page: EntityPage) -> str:
    """What an entity page's search entries depend on (:func:`.search.entries_key`)."""
    return entries_key(page.url, page.title, page.body)


def _page_of(entry: dict) -> str:
    return entry["location"].split("#", 1)[0]


def file_order(url: str) -> tuple:
    """Where mkdocs puts the page at ``url`` among the others (``file_sort_key``: by folder, the
    index first, then by name). A plain address (``folder/name.html``) is read as text; any other as
    a path (33,000 addresses sorted: 0.19-0.21 s made paths, 0.07 s read as text)."""
    if _PLAIN_ADDRESS.fullmatch(url):
        *folders, name = url.split("/")
        return (tuple(folders), name.rsplit(".", 1)[0] != "index", name)
    parts = PurePosixPath(url).parts
    return (parts[:-1], PurePosixPath(url).stem != "index", parts[-1]) if parts else ()


#: An address of parts that are neither empty nor dot-led, whose last part has one inner dot.
_PLAIN_ADDRESS = re.compile(r"(?:[^/.][^/]*/)*[^/.][^/.]*\.[^/.]+")
