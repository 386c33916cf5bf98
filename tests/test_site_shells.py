"""Entity pages poured into a page shell (``generators/site/shells.py``), and the rebuild after a
change: the site a reader gets is the one mkdocs would have built page by page, and a rebuild never
leaves a stale page, search entry or removed entity behind."""

from __future__ import annotations

import json
from pathlib import Path

from eagraph.generators.site import SiteOptions, build_site, read_inputs
from eagraph.workspace import load
from helpers import PREFIXES, write

MODEL = PREFIXES + """
ex:fin a cv:PublicOrganisation ; skos:prefLabel "FOD Financiën"@nl ; dct:identifier "0308357159" .
ex:permit a cpsv:PublicService ; dct:identifier "P-1" ; dct:title "Vergunning Alfa"@nl ;
    cv:hasCompetentAuthority ex:fin ; dct:type eag:Information .
ex:tricky a cpsv:PublicService ; dct:identifier "P-2" ;
    dct:title "<b>Zeer</b> & \\"raar\\" {{ x }} </title><script>alert(1)</script>"@nl ;
    cv:hasCompetentAuthority ex:fin ; dct:type eag:Information .
ex:gone a cpsv:PublicService ; dct:identifier "P-3" ; dct:title "Verdwijnt Gamma"@nl ;
    cv:hasCompetentAuthority ex:fin ; dct:type eag:Information .
"""


def _build(model: Path, out: Path, cache: Path | None):
    workspace = load(model)
    return build_site(workspace, out, SiteOptions(languages=("nl",), cache_dir=cache), read_inputs(workspace))


def _files(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8", errors="replace")
            for p in sorted(site.rglob("*")) if p.is_file() and p.suffix in (".html", ".json", ".js")}


def test_mkdocs_renders_only_the_navigation_and_one_shell_per_section(tmp_path, monkeypatch):
    from eagraph.generators.site import hook

    rendered: list[str] = []
    original = hook.SitePlugin.on_post_page
    monkeypatch.setattr(hook.SitePlugin, "on_post_page",
                        lambda self, output, page, config: rendered.append(page.file.src_uri)
                        or original(self, output, page, config))
    write(tmp_path, "model/model.ttl", MODEL)
    _build(tmp_path / "model", tmp_path / "site", None)
    assert "services/_eagraph_shell.md" in rendered
    assert not [uri for uri in rendered if uri.startswith("services/") and uri[9:] not in ("index.md",
                                                                                         "_eagraph_shell.md")]
    assert (tmp_path / "site/nl/services/permit.html").is_file()
    assert not list((tmp_path / "site").rglob("_eagraph_shell*"))  # the shells are not published


def test_an_entity_page_from_its_shell_is_the_page_mkdocs_renders(tmp_path, monkeypatch):
    """The same site built twice: entity pages through their shell, and every page through mkdocs
    (what the shell stands in for); every HTML page and the search index are the same bytes, a
    title with markup, quotes, jinja and a closing </title> included."""
    from eagraph.generators.site import build as site_build

    write(tmp_path, "model/model.ttl", MODEL)
    _build(tmp_path / "model", tmp_path / "shells", None)
    monkeypatch.setattr(site_build, "_is_entity", lambda path: False)
    _build(tmp_path / "model", tmp_path / "mkdocs", None)
    shells, mkdocs = _files(tmp_path / "shells"), _files(tmp_path / "mkdocs")
    assert shells.keys() == mkdocs.keys() and "nl/services/tricky.html" in shells
    assert [path for path in shells if shells[path] != mkdocs[path]] == []
    tricky = shells["nl/services/tricky.html"]
    assert "&lt;/title&gt;&lt;script&gt;" in tricky and "<script>alert(1)" not in tricky


def test_a_rebuild_after_a_change_leaves_no_stale_page(tmp_path, monkeypatch):
    from material.plugins.search.plugin import SearchIndex

    from eagraph.generators.site import search

    write(tmp_path, "model/model.ttl", MODEL)
    cache, out = tmp_path / "cache", tmp_path / "site"
    _build(tmp_path / "model", out, cache)
    assert "Vergunning Alfa" in (out / "nl/services/permit.html").read_text(encoding="utf-8")
    changed = MODEL.replace("Vergunning Alfa", "Toelating Beta").replace(
        'ex:gone a cpsv:PublicService ; dct:identifier "P-3" ; dct:title "Verdwijnt Gamma"@nl ;\n'
        "    cv:hasCompetentAuthority ex:fin ; dct:type eag:Information .\n", "")
    write(tmp_path, "model/model.ttl", changed)
    indexed: list[str] = []
    original = SearchIndex.add_entry_from_context
    monkeypatch.setattr(SearchIndex, "add_entry_from_context",
                        lambda self, page: indexed.append(page.url) or original(self, page))
    quick = search.page_entries  # the entity pages' entries, read as Material would (search.py)
    monkeypatch.setattr(search, "page_entries", lambda title, body, url: indexed.append(url) or quick(title, body, url))
    result = _build(tmp_path / "model", out, cache)
    assert result.incremental  # the kept build was updated, not built afresh
    files = _files(out)
    assert "Toelating Beta" in files["nl/services/permit.html"]
    assert "Toelating Beta" in files["nl/authorities/fin.html"]
    index = json.loads(files["nl/search/search_index.json"])
    assert [doc["location"] for doc in index["docs"] if "Toelating Beta" in doc["title"]] == ["services/permit.html"]
    assert [path for path, text in files.items() if "Vergunning Alfa" in text or "Verdwijnt Gamma" in text] == []
    assert not (out / "nl/services/gone.html").exists()
    assert not [doc for doc in index["docs"] if doc["location"].startswith("services/gone.html")]
    # an entity page that did not change keeps its search entries without being parsed again
    assert "services/permit.html" in indexed and "services/tricky.html" not in indexed
    assert any(doc["location"] == "services/tricky.html" for doc in index["docs"])


def test_a_page_the_shell_cannot_stand_in_for_goes_through_mkdocs():
    from eagraph.generators.site.shells import entity_page

    front = '---\ntitle: "A &amp; B"\n---\n'
    assert entity_page("services/a.md", front, "<p>x</p>").title == "A &amp; B"
    assert entity_page("services/a.md", '---\ntitle: "A"\nhide: [toc]\n---\n', "<p>x</p>") is None
    assert entity_page("services/a.md", front, "<h1>Own heading</h1>") is None



def test_validation_findings_come_out_in_one_order_whatever_order_they_were_found_in():
    """Two findings at one place with one rule, subject and path, differing in their message: the
    order validation found them in varies from one process to the next, and a site that listed them
    so changed in every build (each rebuild wrote and re-indexed their pages again)."""
    from eagraph.findings import Finding, Severity
    from eagraph.generators.site.pages import SiteFindings

    one = Finding("EAG005", Severity.ERROR, "ex:s", {"en": "no description in French"})
    two = Finding("EAG005", Severity.ERROR, "ex:s", {"en": "no title in French"})
    assert sorted([one, two], key=Finding.sort_key) == sorted([two, one], key=Finding.sort_key)
    listed = [SiteFindings(validation=sorted(found, key=Finding.sort_key)).about("ex:s")
              for found in ([one, two], [two, one])]
    assert listed[0] == listed[1]


def test_pages_are_ordered_as_mkdocs_orders_its_files_whatever_their_address():
    """A plain address is read as text, any other as a path: the order is mkdocs' (by folder, the index
    first, then by name) either way, on addresses made of dots, slashes and indexes at random."""
    import random
    from pathlib import PurePosixPath

    from eagraph.generators.site.shells import file_order

    def as_paths(url: str) -> tuple:
        parts = PurePosixPath(url).parts
        return (parts[:-1], PurePosixPath(url).stem != "index", parts[-1]) if parts else ()

    rng = random.Random(9)
    pieces = ["a", "b", "index", ".", "/", "x.y", "html", "..", ".html", "index.html", "..html", "é"]
    urls = ["services/x.html", "index.html", "services/index.html", "a/b/c.d", *(
        "".join(rng.choice(pieces) for _ in range(rng.randint(0, 6))) for _ in range(20_000))]
    for url in urls:
        assert file_order(url) == as_paths(url), url
    assert sorted(["services/b.html", "services/index.html", "index.html", "authorities/a.html"], key=file_order) \
        == ["index.html", "authorities/a.html", "services/index.html", "services/b.html"]
