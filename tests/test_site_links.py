"""Every internal link of the generated site resolves, without a browser.

The site is read from a folder (``file://``) as often as from a server, so a link must name an
existing file (not a folder), stay inside the site, and a ``#fragment`` must name an element of the
target page. All broken links are reported at once, so the generator can be fixed in one pass.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from site_support import LANGUAGES, broken_links, built_site, external_resources, html_files, parse_page, summarise

from helpers import write

__all__ = ["built_site"]  # the session fixture ``site``, shared with test_site_browser.py

SECTIONS = ("authorities", "services", "events", "sources", "regulations", "concepts", "processes",
            "applications", "capabilities")
TOP_PAGES = ("index.html", "findings.html", "validation.html", "rules.html", "one-stop-shop.html")


def test_every_internal_link_resolves(site):
    """Every page, the 404 pages too (mkdocs would give them root-absolute links, which lead out of
    a site opened from a folder or published under a sub-path)."""
    assert sorted(p.parent.name for p in site.glob("*/404.html")) == sorted(
        lang for lang in LANGUAGES if (site / lang).is_dir())
    broken = broken_links(site)
    assert not broken, summarise(broken, site)


def test_pages_load_nothing_from_the_network(site):
    """Scripts, styles and fonts come from the site itself: it is read offline and leaks no visits."""
    remote = external_resources(site)
    by_url: dict[str, list[str]] = {}
    for where in remote:
        by_url.setdefault(where.split(" ", 1)[1], []).append(where.split(" ", 1)[0])
    assert not remote, f"{len(remote)} remote resource(s) in the pages:\n" + "\n".join(
        f"  {len(pages):5} x {url} (e.g. {pages[0]})" for url, pages in sorted(by_url.items(), key=lambda i: -len(i[1])))


def test_the_root_redirects_to_the_dutch_site(site):
    links = parse_page(site / "index.html").links
    refresh = [link.url for link in links if link.attribute == "http-equiv=refresh"]
    assert refresh == ["nl/index.html"], refresh


@pytest.mark.parametrize("language", ["nl", "fr"])
def test_each_language_has_its_main_pages_and_sections(site, language):
    root = site / language
    missing = [name for name in TOP_PAGES if not (root / name).is_file()]
    missing += [f"{s}/index.html" for s in SECTIONS if not (root / s / "index.html").is_file()]
    missing += [f"{s}/<slug>.html" for s in SECTIONS if len(list((root / s).glob("*.html"))) < 2]
    assert not missing, f"{language}: missing {missing}"


def test_the_languages_have_the_same_pages(site):
    """The switcher keeps the reader on the same page, so every page exists in each language."""
    languages = [lang for lang in LANGUAGES if (site / lang).is_dir()]
    pages = {lang: {p.relative_to(site / lang).as_posix() for p in html_files(site / lang)} for lang in languages}
    every = set.union(*pages.values())
    missing = {lang: sorted(every - pages[lang])[:20] for lang in languages if every - pages[lang]}
    assert not missing, f"pages missing in some languages (first 20 each): {missing}"


# --- the checker itself ------------------------------------------------------------------------


def test_the_checker_finds_every_kind_of_broken_link(tmp_path: Path):
    """A checker that finds nothing proves nothing: plant one of each fault and expect each reported."""
    write(tmp_path, "nl/a.html", '<h2 id="top">A</h2><a href="b.html#top">ok</a> <a href="#top">ok</a>'
          '<a href="https://example.org/x">external</a> <a href="mailto:x@y">mail</a>')
    write(tmp_path, "nl/b.html", """
<p id="top"></p>
<a href="missing.html">1</a>
<a href="a.html#nowhere">2</a>
<a href="../nl">3</a>
<a href="../../outside.html">4</a>
<a href="/nl/a.html">5</a>
<img src="pic.png">
<svg><a xlink:href="../fr/x.html"><rect/></a></svg>
<meta http-equiv="refresh" content="0; url=gone.html">
""")
    found = [str(b) for b in broken_links(tmp_path)]
    expected = ["missing.html", "a.html#nowhere", "'../nl'", "outside.html", "/nl/a.html", "pic.png",
                "../fr/x.html", "gone.html"]
    assert all(problem.startswith("b.html") for problem in found), found
    assert [e for e in expected if not any(e in f for f in found)] == [], found
    assert len(found) == len(expected), found
