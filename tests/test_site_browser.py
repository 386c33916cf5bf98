"""The generated site in a real browser: pages render, diagrams link, switcher and search work.

One headless Chromium per test module (per xdist worker) keeps this to seconds per test. The site is
served from a sub-path (``/some/sub/path/``) so that any link assuming the server root breaks, and
opened from the folder (``file://``) because readers get the site as a zip. Screenshots of the main
pages are kept in ``build/browser-tests/screenshots`` for reviewers.
"""

from __future__ import annotations

import json
import os
import time
import urllib.parse
from pathlib import Path

import pytest
from site_support import (
    AXE_JS,
    browser_missing,
    built_site,
    chromium,
    console_errors,
    describe_violations,
    diagram_links,
    open_page,
    pages_of_kind,
    parse_page,
    run_axe,
    save_screenshot,
    serious_violations,
    serve,
    wait_for,
)

from helpers import PREFIXES, write

__all__ = ["built_site"]  # the session fixture ``site``, shared with test_site_links.py

# scripts/run-tests.sh installs Chromium and sets this, so a broken install fails CI instead of
# quietly skipping the browser tests.
REQUIRED = os.environ.get("EAGRAPH_BROWSER_TESTS") == "required"
PAGE_KINDS = ("dashboard", "service", "authority", "life-event", "source", "one-stop-shop", "findings", "roadmap",
              "authority-roadmap")
# axe-core is cheap, so it also sees the other page kinds and the dashboards of the other languages
# (their tables hold other names, so other elements).
AXE_PAGE_KINDS = PAGE_KINDS + ("validation", "rules", "services-index", "regulation", "concept", "process",
                               "application", "capability", "fr-dashboard", "en-dashboard")
SECTION_OF = {"authority": "authorities", "source": "sources", "regulation": "regulations", "concept": "concepts",
              "process": "processes", "application": "applications", "capability": "capabilities"}


def _unavailable(reason: str):
    if REQUIRED:
        pytest.fail(reason + " (EAGRAPH_BROWSER_TESTS=required)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def driver():
    reason = browser_missing()
    if reason:
        _unavailable(reason)
    with chromium() as browser:
        yield browser


@pytest.fixture(scope="module")
def base_url(site):
    with serve(site) as url:
        yield url


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE_JS.is_file():
        _unavailable(f"{AXE_JS} is missing (npm install --prefix build/node axe-core@4; scripts/run-tests.sh does it)")
    return AXE_JS.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def pages(site) -> dict[str, str]:
    """One page of each main kind, as a path relative to the site (Dutch site)."""
    return {kind: main_page(site, kind) for kind in AXE_PAGE_KINDS}


def main_page(site: Path, kind: str) -> str:
    """The page tested for ``kind``: for a service one with a linked diagram, for a life event one the
    one-stop shop leads to (life events, not business events, have journeys there)."""
    nl = site / "nl"
    if kind.endswith("dashboard"):
        page = site / (kind.split("-")[0] if "-" in kind else "nl") / "index.html"
    elif kind in ("one-stop-shop", "findings", "validation", "rules"):
        page = nl / f"{kind}.html"
    elif kind == "roadmap":
        page = nl / "roadmap" / "index.html"
    elif kind == "authority-roadmap":
        page = next(iter(sorted((nl / "roadmap").glob("authority-*.html"))), None)
    elif kind == "services-index":
        page = nl / "services" / "index.html"
    elif kind == "service":
        services = pages_of_kind(site, "nl", "services")
        page = next((p for p in services if diagram_links(p)), None)
        assert page, f"no service page of {len(services)} has a diagram with links"
    elif kind == "life-event":
        shop = nl / "one-stop-shop.html"
        linked = [(shop.parent / urllib.parse.urlsplit(link.url).path).resolve()
                  for link in parse_page(shop).links if "events/" in link.url and link.tag == "a"]
        events = [p for p in linked if p.is_file() and p.name != "index.html"]
        page = events[0] if events else next(iter(pages_of_kind(site, "nl", "events")), None)
    else:
        page = next(iter(pages_of_kind(site, "nl", SECTION_OF[kind])), None)
    assert page and page.is_file(), f"no {kind} page in {nl}"
    return page.resolve().relative_to(site.resolve()).as_posix()


def site_file(site: Path, base_url: str, url: str) -> Path | None:
    """The file of the site a browser URL shows, or None when the URL is outside the site."""
    path = urllib.parse.unquote(urllib.parse.urlsplit(url).path)
    if url.startswith("file:"):
        target = Path(path)
    else:
        prefix = urllib.parse.urlsplit(base_url).path
        if not path.startswith(prefix):
            return None
        target = site / path[len(prefix):]
    return target.resolve() if target.is_file() else None


def assert_page_shown(driver, site: Path, base_url: str, expected: str | None = None) -> None:
    """The browser shows a page of the site (not an error page), and ``expected`` when given."""
    shown = site_file(site, base_url, driver.current_url)
    assert shown, f"{driver.current_url} is not a page of the site (title {driver.title!r})"
    assert "404" not in driver.title, f"{driver.current_url} shows {driver.title!r}"
    if expected:
        assert shown == (site / expected).resolve(), f"expected {expected}, got {driver.current_url}"
    assert driver.find_elements("css selector", "article h1"), f"{driver.current_url} has no heading"


# --- every main page ---------------------------------------------------------------------------


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_main_page_renders_without_console_errors(driver, site, base_url, pages, kind):
    open_page(driver, base_url + pages[kind])
    save_screenshot(driver, f"nl-{kind}")
    assert_page_shown(driver, site, base_url, pages[kind])
    errors = console_errors(driver)
    assert not errors, f"{pages[kind]}: console errors:\n" + "\n".join(errors)


@pytest.mark.parametrize("kind", AXE_PAGE_KINDS)
def test_main_page_has_no_serious_accessibility_violations(driver, base_url, pages, axe_source, kind):
    open_page(driver, base_url + pages[kind])
    violations = serious_violations(run_axe(driver, axe_source))
    assert not violations, f"{pages[kind]}: axe-core (WCAG 2.1 A/AA):\n{describe_violations(violations)}"


def test_the_root_redirects_to_the_dutch_dashboard_under_a_sub_path(driver, site, base_url):
    open_page(driver, base_url)
    wait_for(driver, lambda d: d.current_url.endswith("/nl/index.html"), "follow the redirect to nl/index.html")
    assert_page_shown(driver, site, base_url, "nl/index.html")


def test_the_dashboard_shows_its_charts(driver, base_url):
    open_page(driver, base_url + "nl/index.html")
    sizes = driver.execute_script(
        "return [...document.querySelectorAll('article svg')].map(s => s.getBoundingClientRect())"
        ".filter(r => r.width > 50 && r.height > 50).length")
    assert sizes >= 1, "the dashboard shows no SVG chart"


def test_the_roadmap_shows_its_timeline_and_opens_an_authoritys_roadmap(driver, site, base_url):
    """The timeline is drawn without a script (an SVG with a row per dated thing) and the filter is
    a link to a static page; a screenshot of it is kept for reviewers."""
    open_page(driver, base_url + "nl/roadmap/index.html")
    rows = driver.execute_script(
        "const s = document.querySelector('figure.eag-roadmap svg'); const r = s && s.getBoundingClientRect();"
        "return s ? [r.width, r.height, s.querySelectorAll('rect, polygon').length] : null")
    assert rows and rows[0] > 400 and rows[1] > 100 and rows[2] >= 8, f"roadmap timeline: {rows}"
    save_screenshot(driver, "roadmap")
    link = driver.find_element("css selector", "article a[href^='authority-']")
    expected = "nl/roadmap/" + link.get_attribute("href").rsplit("/", 1)[1]
    link.click()
    wait_for(driver, lambda d: "authority-" in d.current_url, "the authority's roadmap to open")
    assert_page_shown(driver, site, base_url, expected)
    assert driver.find_elements("css selector", "figure.eag-roadmap svg"), "the authority's roadmap has no timeline"


# --- diagrams, language switcher, search --------------------------------------------------------


def test_service_diagram_is_displayed_and_its_links_open_pages(driver, site, base_url, pages):
    open_page(driver, base_url + pages["service"])
    svg = driver.find_element("css selector", "figure.eag-diagram svg")
    assert svg.is_displayed() and svg.size["width"] > 0 and svg.size["height"] > 0, svg.size
    # Graphviz also writes <a> without a target (tooltips) and the service links to itself: take the
    # first link to another page.
    link, target = driver.execute_script("""
        const here = location.href.split('#')[0];
        for (const a of arguments[0].querySelectorAll('a')) {
          const raw = a.getAttribute('href') || a.getAttribute('xlink:href');
          if (raw && new URL(raw, location.href).href.split('#')[0] !== here) return [a, raw];
        }
        return [null, null];""", svg)
    assert link, f"the diagram of {pages['service']} links to no other page"
    expected = ((site / pages["service"]).parent / urllib.parse.urlsplit(target).path).resolve()
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
    link.click()
    wait_for(driver, lambda d: not d.current_url.endswith(pages["service"]), f"follow the diagram link {target}")
    wait_for(driver, lambda d: d.execute_script("return document.readyState") == "complete", "load the target")
    assert_page_shown(driver, site, base_url, expected.relative_to(site.resolve()).as_posix())


def test_language_switcher_opens_the_french_version_of_the_same_page(driver, site, base_url, pages):
    from selenium.webdriver.common.action_chains import ActionChains

    page = pages["service"]
    open_page(driver, base_url + page)
    selector = driver.find_elements("css selector", ".md-select")
    assert selector, "no language selector (.md-select) in the header"
    ActionChains(driver).move_to_element(selector[0]).perform()
    french = driver.find_elements("css selector", '.md-select a[hreflang="fr"]')
    assert french, "the language selector has no link with hreflang=fr"
    wait_for(driver, lambda d: french[0].is_displayed(), "show the language list")
    french[0].click()
    wait_for(driver, lambda d: "/fr/" in d.current_url, "open the French site")
    wait_for(driver, lambda d: d.execute_script("return document.readyState") == "complete", "load the page")
    assert_page_shown(driver, site, base_url, "fr/" + page.removeprefix("nl/"))


def page_title(driver, url: str) -> str:
    open_page(driver, url)
    title = driver.find_element("css selector", "article h1").text.strip()
    assert title, f"{url} has no title to search for"
    return title


def search_and_open(driver, site: Path, base_url: str, page: str, title: str) -> None:
    """Type ``title`` in Material's search box, expect ``page`` among the results, and open it."""
    box = driver.find_element("css selector", "input.md-search__input")
    assert box.is_displayed() and box.is_enabled(), (
        f"the search box is not usable at {driver.current_url} (Material hides it when its search worker "
        "cannot start; from file:// that worker needs the iframe-worker shim, served from the site itself)")
    box.click()
    box.send_keys(title)
    wanted = (site / page).resolve()

    def open_result(d) -> bool:
        """Click the result that links to the page; the list re-renders while results arrive, so a
        link found a moment ago can be gone: then look again."""
        from selenium.common.exceptions import StaleElementReferenceException

        try:
            for link in d.find_elements("css selector", ".md-search-result__link"):
                if site_file(site, base_url, link.get_attribute("href") or "") == wanted:
                    link.click()
                    return True
        except StaleElementReferenceException:
            pass
        return False

    wait_for(driver, open_result, f"show a search result for {title!r} that links to {page}, and open it")
    wait_for(driver, lambda d: site_file(site, base_url, d.current_url) == wanted, f"open {page} from the results")
    assert_page_shown(driver, site, base_url, page)


def test_search_finds_a_service_by_its_title_and_opens_it(driver, site, base_url, pages):
    title = page_title(driver, base_url + pages["service"])
    open_page(driver, base_url + "nl/index.html")
    search_and_open(driver, site, base_url, pages["service"], title)
    errors = console_errors(driver)
    assert not errors, "console errors while searching:\n" + "\n".join(errors)


# --- opened from the folder, without a server ----------------------------------------------------


def is_material_sitemap_probe(message: str) -> bool:
    """Material always reads ``sitemap.xml`` (instant loading, language mapping); from ``file://`` the
    browser refuses the request and Material carries on without it, so that error is no fault of the
    site. Any other error still fails the test."""
    return "sitemap.xml" in message and ("CORS policy" in message or "net::ERR_FAILED" in message)



def test_the_site_opened_from_the_folder_renders_and_searches(driver, site, pages):
    """Readers get the site as a zip: ``file://`` must render and search (the offline plugin's job)."""
    folder = site.resolve().as_uri() + "/"
    title = page_title(driver, folder + pages["service"])
    open_page(driver, folder + "nl/index.html")
    save_screenshot(driver, "nl-dashboard-from-folder")
    assert_page_shown(driver, site, folder, "nl/index.html")
    errors = [e for e in console_errors(driver) if not is_material_sitemap_probe(e)]
    search_and_open(driver, site, folder, pages["service"], title)
    assert not errors, "console errors on nl/index.html opened from the folder:\n" + "\n".join(errors)


# --- hostile text from a pull request -----------------------------------------------------------

HOSTILE_TITLE = "EA <img src=x onerror=alert(1)> *em*"
HOSTILE_MODEL = PREFIXES + """
ex:fin a cv:PublicOrganisation ; skos:prefLabel "FOD <img src=y onerror=alert(2)>"@nl .
ex:permit a cpsv:PublicService ; dct:title "Vergunning <img src=z onerror=alert(3)> <script>alert(4)</script>"@nl ;
    cv:hasCompetentAuthority ex:fin .
ex:fod a cv:PublicOrganisation ;
    skos:prefLabel "MMM WWW FOD Buitenlandse Zaken, Buitenlandse Handel en Ontwikkelingssamenwerking"@nl .
ex:visa a cpsv:PublicService ; dct:title "Visum"@nl ; cv:hasCompetentAuthority ex:fod .
"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    """A site whose eagraph.toml title and labels hold markup that would run if written unescaped."""
    from eagraph.generators.site import SiteOptions
    from site_support import render_site as build
    from eagraph.workspace import load

    root = tmp_path_factory.mktemp("hostile-browser")
    write(root, "model/eagraph.toml", f"[site]\ntitle = {json.dumps(HOSTILE_TITLE)}\n")
    write(root, "model/model.ttl", HOSTILE_MODEL)
    build(load(root / "model"), root / "site", SiteOptions(languages=("nl",)), trend_commits=0)
    return root / "site"


@pytest.mark.parametrize("path", ["index.html", "nl/index.html", "nl/services/permit.html",
                                  "nl/authorities/fin.html", "nl/404.html"])
def test_a_hostile_title_or_label_runs_nothing_in_chromium(driver, hostile_site, path):
    from selenium.common.exceptions import NoAlertPresentException

    with serve(hostile_site) as url:
        driver.get(url + path)
        time.sleep(0.3)  # an onerror handler would have fired by now (the image src does not exist)
        with pytest.raises(NoAlertPresentException):
            driver.switch_to.alert.dismiss()  # an alert would mean the page ran the model's markup
        assert driver.find_elements("css selector", "img[onerror]") == []
        scripts = driver.execute_script("return [...document.scripts].map(s => s.textContent).join(' ')")
        assert "alert(" not in scripts
        assert HOSTILE_TITLE in driver.title  # shown as the text it is


def test_chart_labels_stay_inside_their_chart(driver, hostile_site):
    """A long authority name is cut to fit, not cut off by the chart's left edge."""
    with serve(hostile_site) as url:
        open_page(driver, url + "nl/index.html")
        lefts = driver.execute_script(
            "return [...document.querySelectorAll('svg.eag-chart text')].map(t => t.getBBox().x)")
        assert lefts and min(lefts) >= 0, lefts
        labels = driver.execute_script(
            "return [...document.querySelectorAll('svg.eag-chart text[text-anchor=end]')].map(t => t.textContent)")
        assert any(label.startswith("MMM WWW FOD Buitenlandse Zaken") for label in labels), labels
