"""The search entries of the site's pages, as mkdocs-material's search plugin makes them, read without
Python's generic HTML parser.

Material indexes a page by feeding its HTML to an ``html.parser.HTMLParser`` subclass that cuts it
into sections at its headings. At 10,000 services that was about 20 seconds of each language's
build, most of mkdocs' part of it: the generic parser checks every character of 33,000 entity pages
and of section pages listing 10,000 rows for constructs eagraph never writes. The bodies eagraph
renders are a small, regular subset of HTML: a known set of tags, double-quoted attributes, comments
only as diagram placeholders, no scripts, no ``<pre>``, nothing excluded from search. For such a body,
:func:`page_entries` reads the tags with one regular expression and applies the plugin's own rules
(``material/plugins/search/plugin.py``: ``Parser`` and ``SearchIndex.create_entry_for_section``),
quirks included; for any other body it answers None. :func:`read_quickly` has a build's index read
each page so, and gives the others to Material's parser. ``tests/test_site_search.py`` holds the two
equal on every entity page of the example site, on its whole search index and on generated bodies.
"""

from __future__ import annotations

import hashlib
import json
import re
from html import escape, unescape

#: Tags eagraph's page templates write whose text the plugin's parser reads as data: any other tag
#: (a script, a style, a ``<pre>``, a ``<textarea>`` …) sends the page to Material's indexer.
TAGS = frozenset({
    "a", "abbr", "b", "br", "caption", "code", "col", "colgroup", "dd", "del", "details", "dfn", "div", "dl",
    "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd",
    "li", "mark", "nav", "ol", "p", "q", "s", "section", "small", "span", "strong", "sub", "summary", "sup",
    "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "wbr",
})
#: The plugin's lists: tags kept in an entry's text, tags that are never opened (void), headings.
KEPT = frozenset({"p", "code", "pre", "li", "ol", "ul", "sub", "sup"})
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
                  "track", "wbr"})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})

#: A start tag (lower-case name, attributes with double-quoted values or none, maybe self-closing), an
#: end tag, or a comment without ``--`` inside: what the generic parser reads the same way.
_TOKEN = re.compile(r'<(?:(?P<end>/)?(?P<tag>[a-z][a-z0-9]*)(?P<attrs>(?:\s+[a-z][a-z0-9_:.-]*(?:="[^"<]*")?)*)'
                    r'\s*(?P<close>/)?>|!--(?:[^-<>]|-(?!-))*-->)')
_ATTRIBUTE = re.compile(r'([a-z][a-z0-9_:.-]*)(?:="([^"<]*)")?')


class _Section:
    """A heading's section: its tag, its depth in the page, its title and text as pieces, its id."""

    __slots__ = ("tag", "depth", "title", "text", "id")

    def __init__(self, tag: str, depth: float = 0):
        self.tag, self.depth = tag, depth
        self.title: list[str] = []
        self.text: list[str] = []
        self.id: str | None = None


class _Unsupported(Exception):
    """The body holds something only Material's parser reads right."""


class _Reader:
    """The plugin's ``Parser`` over the tokens of a supported body. The plugin compares its elements by
    tag alone, and so does this: ``open`` counts the open elements by tag (``context`` holds their
    tags in order), ``links`` the open permalinks (``<a class="headerlink">``)."""

    def __init__(self):
        self.context: list[str] = []
        self.open: dict[str, int] = {}
        self.links: list[bool] = []  # per open <a>: whether it is a permalink
        self.sections: list[_Section] = []
        self.section: _Section | None = None

    def _pieces(self) -> list[str]:
        return self.section.title if self.open.get(self.section.tag) else self.section.text

    def _preface(self) -> None:
        if self.section is None:
            self.section = _Section("hx")
            self.sections.append(self.section)

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        if "data-search-exclude" in attributes or attributes.get("class") == "linenodiv":
            raise _Unsupported(tag)  # the plugin's skipping rules: left to it
        if tag in VOID:
            return
        self.context.append(tag)
        self.open[tag] = self.open.get(tag, 0) + 1
        if tag == "a":
            self.links.append(attributes.get("class") == "headerlink")
        if tag in HEADINGS and "id" in attributes:
            depth = len(self.context)
            if tag != "h1" and not self.sections:
                self.sections.append(_Section("hx", depth))
            self.section = _Section(tag, depth)
            if self.sections:
                self.section.id = attributes["id"]
            self.sections.append(self.section)
        self._preface()
        if tag in KEPT:
            self._pieces().append(f"<{tag}>")

    def end(self, tag: str) -> None:
        context = self.context
        if not context or context[-1] != tag:
            return
        if self.section.depth > len(context):
            for section in reversed(self.sections):
                if section.depth <= len(context):
                    self.section.depth = float("inf")
                    self.section = section
                    break
        context.pop()
        self.open[tag] -= 1
        if tag == "a":
            self.links.pop()
        if tag in KEPT:
            pieces = self._pieces()
            index = pieces.index(f"<{tag}>")  # the first, as the plugin looks for it
            if any(not piece.isspace() for piece in pieces[index + 1:]):
                pieces.append(f"</{tag}>")
            else:
                del pieces[index:]  # an element with nothing in it

    def data(self, data: str) -> None:
        self._preface()
        section = self.section
        if data.isspace():
            if self.open.get(section.tag):
                if True not in self.links:
                    section.title.append(" ")
            elif not section.text or not section.text[-1].isspace():
                section.text.append(" ")
            return
        data = escape(data.replace("\n", " "), quote=False)
        if self.open.get(section.tag):
            if True not in self.links:
                section.title.append(data)
        else:
            section.text.append(data)


def read_quickly(index, known: dict[str, str] | None = None, used: dict[str, str] | None = None) -> None:
    """Have ``index``, the search plugin's index of one build, read every page it is given that
    :func:`page_entries` can read (a page without a table of contents and without search settings in
    its front matter: eagraph's entity pages, and its navigation pages whose bodies it put in after
    Markdown), and give the others to its own parser. Left as it is unless it is Material's own index
    (the version this module follows) without the Chinese word splitting it does when jieba is there.

    ``known``: the entries of the last build's pages by :func:`entries_key`, as :func:`entries_text`
    wrote them; a page whose key is there is not read again (a rebuild's navigation pages are mostly
    those of the last build). ``used`` receives the entries of this build's pages so read, by key, so written."""
    from material.plugins.search import plugin

    if type(index) is not plugin.SearchIndex or plugin.jieba is not None:
        return
    material = index.add_entry_from_context

    def add_entry_from_context(page) -> None:
        meta = page.meta or {}
        if len(page.toc) or "search" in meta or "tags" in meta:
            material(page)
            return
        title = str(meta.get("title", page.title))
        key = entries_key(page.url, title, page.content)
        text = (known or {}).get(key)
        entries = entries_of(text) if isinstance(text, str) else None
        if entries is None:
            text, entries = None, page_entries(title, page.content, page.url)
        if entries is None:  # a body outside the subset (a chart's SVG): Material's parser, kept all the same
            start = len(index.entries)
            material(page)
            entries = index.entries[start:]
        else:
            index.entries.extend(entries)
        if used is not None:
            used[key] = text or entries_text(entries)

    index.add_entry_from_context = add_entry_from_context


def entries_text(entries: list[dict]) -> str:
    """A page's entries as Material's index writes them (``SearchIndex.generate_search_index``: compact
    JSON, ASCII): the last build's are kept so and written into the next index unread (parsing and
    writing 33,000 pages' entries again took a second of each language's rebuild at 10,000 services)."""
    return json.dumps(entries, separators=(",", ":"), default=str)


def entries_of(text: str) -> list | None:
    """The entries :func:`entries_text` wrote, or None when they do not read as a list of entries."""
    try:
        entries = json.loads(text)
    except ValueError:
        return None
    return entries if isinstance(entries, list) and all(isinstance(entry, dict) for entry in entries) else None


def entries_key(url: str, title: str, body: str) -> str:
    """What a page's search entries depend on: its address, title and body, and the indexer's version."""
    from material import __version__

    digest = hashlib.blake2b(f"{__version__}\0{url}\0{title}\0".encode(), digest_size=16)
    digest.update(body.encode())
    return digest.hexdigest()


def page_entries(title: str, body: str, url: str) -> list[dict] | None:
    """The entries Material's search plugin adds for a page at ``url`` whose front matter gives only
    ``title`` and whose HTML is ``body`` (as ``SearchIndex.add_entry_from_context`` makes them for a
    page without a table of contents), or None when ``body`` is not of the subset read here."""
    try:
        sections = _sections(body)
    except (_Unsupported, ValueError):  # ValueError: an end tag the plugin would stumble on, left to it
        return None
    entries = []
    for section in sections:
        location = f"{url}#{section.id}" if section.id else url
        entries.append({"location": location, "title": "".join(section.title or [title]).strip(),
                        "text": "".join(section.text).strip()})
    return entries


def _sections(body: str) -> list[_Section]:
    """The sections of ``body``, read token by token: ``split`` gives the text before each tag and the
    tag's parts (all None for a comment), five items a tag, the text after the last one at the end."""
    reader = _Reader()
    parts = _TOKEN.split(body)
    for index in range(0, len(parts) - 1, 5):
        text, end, tag, attributes, close = parts[index:index + 5]
        if text:
            _text(reader, text)
        if tag is None:
            continue  # a comment
        if tag not in TAGS or (end and (attributes or close)):
            raise _Unsupported(tag)
        if end:
            reader.end(tag)
            continue
        reader.start(tag, _attributes(attributes) if attributes else {})
        if close:
            reader.end(tag)  # <x/>: the generic parser opens and closes it
    if parts[-1]:
        _text(reader, parts[-1])
    return reader.sections


def _attributes(text: str) -> dict[str, str]:
    """A start tag's attributes, their values unescaped as the generic parser gives them (the last of
    a name twice, as the plugin's ``dict``)."""
    pairs = _ATTRIBUTE.findall(text)
    return {name: unescape(value) for name, value in pairs} if "&" in text else dict(pairs)


def _text(reader: _Reader, raw: str) -> None:
    if "<" in raw:
        raise _Unsupported("<")  # markup the expression does not read (a declaration, an odd tag)
    reader.data(unescape(raw) if "&" in raw else raw)
