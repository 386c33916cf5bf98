"""The search entries of entity pages (``generators/site/search.py``): read without Python's HTML
parser, they are the entries mkdocs-material's own indexer makes, on every entity page of the
example site and on generated bodies; a body outside the subset read that way goes to Material."""

from __future__ import annotations

import random
from pathlib import Path
from types import SimpleNamespace

import pytest
from material.plugins.search.plugin import SearchIndex

from eagraph.generators.site.build import LanguageProject, render_language
from eagraph.generators.site.inputs import site_inputs
from eagraph.generators.site.search import page_entries, read_quickly
from eagraph.generators.site.shells import EntityPage, index_entities
from eagraph.workspace import load
from helpers import MODELS


def material(title: str, body: str, url: str) -> list[dict]:
    """The entries Material's search plugin makes of an entity page (as ``shells.index_entities`` asked)."""
    index = SearchIndex()
    index.add_entry_from_context(SimpleNamespace(meta={"title": title}, title=title, content=body, toc=[], url=url))
    return index.entries


@pytest.fixture(scope="module")
def example_pages() -> list[tuple[str, EntityPage]]:
    workspace = load(MODELS)
    inputs = site_inputs(workspace, 0, None)
    pages = []
    for language in ("nl", "fr", "en"):
        project = LanguageProject(Path("unused"), inputs, ("nl", "fr", "en"), None, None)
        store, _fronts, _count, _reads = render_language(project, language)
        pages += [(language, page) for page in store.entities]
    return pages


def test_every_entity_page_of_the_example_site_gets_materials_entries(example_pages):
    assert len(example_pages) > 300
    for language, page in example_pages:
        entries = page_entries(page.title, page.body, page.url)
        assert entries is not None, f"{language}/{page.url} is read by Material's parser"
        assert entries == material(page.title, page.body, page.url), f"{language}/{page.url}"
        assert entries and all(entry["text"] for entry in entries)


# Generated bodies: the tags, attributes, texts and mistakes the subset allows, at random -------------

TEXTS = ["Paspoort", "  ", "\n", " a\nb ", "&amp; co", "&lt;b&gt;", "caf&eacute;", "&#39;x&#39;", "€ 65,00",
         "{{ x }}", "a  b", "\t"]
BLOCKS = ["div", "p", "ul", "ol", "li", "table", "tr", "td", "th", "dl", "dt", "dd", "figure", "small", "span",
          "strong", "code", "sub", "sup", "details", "summary", "section"]


def _element(rng: random.Random, depth: int) -> str:
    roll = rng.random()
    if depth > 4 or roll < 0.3:
        return rng.choice(TEXTS)
    if roll < 0.36:
        return rng.choice(["<br>", "<br/>", "<hr>", "<img src=\"x.svg\" alt=\"\">", "<wbr>"])
    if roll < 0.40:
        return "<!--eagraph-diagram:0a1b2c-->"
    if roll < 0.44:
        return f"</{rng.choice(BLOCKS)}>"  # an end tag that closes nothing open, or the wrong one
    if roll < 0.47:
        return f"<{rng.choice(BLOCKS)}/>"
    if roll < 0.60:
        level = rng.choice(["h1", "h2", "h2", "h3", "h6"])
        ident = rng.choice(['id="s1"', 'id="a&amp;b"', 'id=""', "", 'class="x" id="s2"'])
        link = '<a class="headerlink" href="#s1">¶</a>' if rng.random() < 0.4 else ""
        return f"<{level} {ident}>{_children(rng, depth + 1)}{link}</{level}>"
    tag = rng.choice(BLOCKS + ["a"])
    attributes = rng.choice(["", ' class="eag-x"', ' href="../services/x.html"', ' lang="fr" title="a &quot;b&quot;"',
                             ' scope="row"', ' class="headerlink"', " open"])
    return f"<{tag}{attributes}>{_children(rng, depth + 1)}</{tag}>"


def _children(rng: random.Random, depth: int) -> str:
    return "".join(_element(rng, depth) for _ in range(rng.randint(0, 4)))


def test_generated_bodies_get_materials_entries():
    rng = random.Random(16)
    read = 0
    for number in range(1500):
        body = _children(rng, 0)
        entries = page_entries("Titel &amp; co", body, f"services/s{number}.html")
        if entries is not None:
            read += 1
            assert entries == material("Titel &amp; co", body, f"services/s{number}.html"), body
    assert read > 1400  # only bodies Material's parser itself stumbles on are left to it


@pytest.mark.parametrize("body", [
    "<p>a</p><script>var x = '<p>b</p>';</script>",
    "<pre>  two\n  lines </pre>",
    '<div data-search-exclude><p>hidden</p></div><p>shown</p>',
    "<textarea><p>raw</p></textarea>",
    "<P>upper case</P>",
    "<p class='single'>quotes</p>",
    "<!DOCTYPE html><p>a</p>",
    "<p>a < b</p>",
    '<td class="linenodiv">1</td>',
])
def test_a_body_outside_the_subset_is_left_to_material(body, monkeypatch):
    from eagraph.generators.site import search

    assert page_entries("T", body, "services/t.html") is None
    pages = [EntityPage("services/t.md", "T", body), EntityPage("services/u.md", "U", "<h2 id=\"x\">U</h2><p>u</p>")]
    read: list[str] = []
    quick = search.page_entries
    monkeypatch.setattr(search, "page_entries", lambda title, text, url: read.append(url) or quick(title, text, url))
    plugin = SimpleNamespace(search_index=SearchIndex())
    read_quickly(plugin.search_index)
    index_entities(plugin, pages, {})
    assert plugin.search_index.entries == material("T", body, "services/t.html") + material(
        "U", pages[1].body, "services/u.html")
    assert read == ["services/t.html", "services/u.html"]  # both tried; the first given to Material


def test_the_example_sites_search_index_is_materials(tmp_path, monkeypatch):
    """The whole search index of the example site (its navigation pages, whose bodies eagraph puts in
    after Markdown, and its entity pages), built with and without the quick reading: the same bytes."""
    from eagraph.generators.site import SiteOptions, build_site, hook

    workspace = load(MODELS)
    inputs = site_inputs(workspace, 0, None)
    build_site(workspace, tmp_path / "quick", SiteOptions(languages=("fr",)), inputs)
    monkeypatch.setattr(hook, "read_quickly", lambda index, *kept: None)
    build_site(workspace, tmp_path / "material", SiteOptions(languages=("fr",)), inputs)
    quick, slow = ((tmp_path / name / "fr/search/search_index.json").read_bytes() for name in ("quick", "material"))
    assert len(slow) > 100_000 and quick == slow


def _built_index(pages: list[EntityPage], known: dict[str, str], config) -> str:
    plugin = SimpleNamespace(search_index=SearchIndex(**config))
    plugin.search_index.add_entry_from_context(SimpleNamespace(meta={"title": "Start"}, title="Start",
                                                               content="<p>start</p>", toc=[], url="index.html"))
    index_entities(plugin, pages, known)
    return plugin.search_index.generate_search_index(None)


def test_entries_kept_from_the_last_build_are_written_into_the_index_as_material_writes_them():
    """A rebuild writes the entries of pages whose search key it knows as the last build kept them,
    unread: the index is the bytes Material writes with every page's entries read (names with
    accents and a euro sign, pages of several folders in mkdocs' order, a page with no entries)."""
    config = {"lang": ["nl"], "separator": r"[\s\-]+", "pipeline": ["stemmer"], "fields": {}}
    pages = [EntityPage(f"{folder}/{name}.md", title, f'<h2 id="a">{title}</h2><p>{text}</p>')
             for folder, name, title, text in [("services", "b", "Café", "€ 65,00"), ("authorities", "z", "Zee", "z"),
                                                ("services", "a", "Aanvraag", "a &amp; b"), ("services", "e", "Leeg", "")]]
    pages.append(EntityPage("services/index-like.md", "Geen", ""))
    known: dict[str, str] = {}
    first = _built_index(pages, known, config)
    assert len(known) == len(pages) and all(isinstance(text, str) for text in known.values())
    reread = _built_index(pages, dict(known), config)  # every page's entries known: none read again
    assert reread == first
    assert '"location":"authorities/z.html' in first and first.index("authorities/") < first.index("services/a")
    assert "Caf\\u00e9" in first  # as Material writes it: ASCII


def test_entries_the_index_cannot_place_are_read_and_given_to_material(monkeypatch):
    """Should Material write its index otherwise than this version (its last part not the entries),
    the kept entries are parsed and Material writes them itself."""
    config = {"lang": ["nl"], "separator": r"[\s\-]+", "pipeline": [], "fields": {}}
    pages = [EntityPage(f"services/{n}.md", n, f"<p>{n}</p>") for n in ("a", "b")]
    known: dict[str, str] = {}
    first = _built_index(pages, known, config)
    original = SearchIndex.generate_search_index
    monkeypatch.setattr(SearchIndex, "generate_search_index",
                        lambda self, prev: original(self, prev).replace('"docs":', '"documents":'))
    assert _built_index(pages, dict(known), config) == first.replace('"docs":', '"documents":')
