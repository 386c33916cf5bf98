"""Helpers for the tests of the generated static site (``eagraph site build``).

The site is built once per test run into ``build/browser-tests/site`` so reviewers can open it, and
screenshots of the main pages stay in ``build/browser-tests/screenshots``. The browser helpers drive
Debian's headless Chromium through Debian's chromedriver: CI has no network beyond the package
registries, so nothing may be downloaded at test time (no selenium-manager, no CDN).
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import urllib.parse
import uuid
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest

from helpers import MODELS, REPO

BROWSER_TESTS = REPO / "build" / "browser-tests"
SITE = BROWSER_TESTS / "site"
SCREENSHOTS = BROWSER_TESTS / "screenshots"
AXE_JS = REPO / "build" / "node" / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
LANGUAGES = ("nl", "fr", "en")
SUB_PATH = "/some/sub/path/"

# One id per test run, shared by the xdist workers, so the site is built once and not once per worker
# or per test module (each module that imports the fixture gets its own copy of it).
_RUN_ID = os.environ.get("PYTEST_XDIST_TESTRUNUID") or uuid.uuid4().hex


# --- building the site -------------------------------------------------------------------------


def render_site(workspace, out: Path, options, trend_commits: int = 12):
    """What ``eagraph site build`` does in-process: the check results, the trend (over the last
    ``trend_commits`` commits) and the evidence for policy computed first, then handed to the renderer."""
    from eagraph.generators.site.inputs import site_inputs
    from eagraph.generators.site import build_site as render

    return render(workspace, out, options, site_inputs(workspace, trend_commits, options.cache_dir))


def build_site(cache_dir: Path, out: Path = SITE, models: Path = MODELS) -> Path:
    """Build the site of ``models`` into ``out`` once per test run, whichever worker asks first.

    A file lock serialises the workers; a stamp holding the run id tells the later ones that the site
    is fresh. The build goes to a sibling folder first, so a failed build never leaves half a site.
    """
    out.parent.mkdir(parents=True, exist_ok=True)
    stamp = out.parent / (out.name + ".run-id")
    with open(out.parent / (out.name + ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if out.is_dir() and stamp.is_file() and stamp.read_text() == _RUN_ID:
            return out
        fresh = out.parent / (out.name + ".new")
        shutil.rmtree(fresh, ignore_errors=True)
        env = {**os.environ, "EAGRAPH_CACHE_DIR": str(cache_dir), "NO_MKDOCS_2_WARNING": "1"}
        done = subprocess.run([sys.executable, "-m", "eagraph", "site", "build", str(models), "--out", str(fresh)],
                              check=False, cwd=REPO, env=env, capture_output=True, text=True)
        if done.returncode != 0:
            raise AssertionError(f"eagraph site build failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
        shutil.rmtree(out, ignore_errors=True)
        fresh.rename(out)
        stamp.write_text(_RUN_ID)
    return out


# --- reading the built site --------------------------------------------------------------------

SKIPPED_SCHEMES = ("http:", "https:", "mailto:", "data:", "javascript:", "tel:")
LINK_ATTRIBUTES = ("href", "src", "xlink:href")


@dataclass(frozen=True)
class Link:
    """One reference in a page: where it is (file and line) and what it points to."""

    page: Path
    line: int
    tag: str
    attribute: str
    url: str


class _PageParser(HTMLParser):
    """Collects the links of a page and the ids its fragments may point to."""

    def __init__(self, page: Path):
        super().__init__(convert_charrefs=True)
        self.page = page
        self.links: list[Link] = []
        self.ids: set[str] = set()
        self.title_parts: list[str] = []
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        line = self.getpos()[0]
        for attribute in LINK_ATTRIBUTES:
            if values.get(attribute) is not None:
                self.links.append(Link(self.page, line, tag, attribute, values[attribute].strip()))
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "refresh":
            target = _refresh_target(values.get("content") or "")
            if target:
                self.links.append(Link(self.page, line, tag, "http-equiv=refresh", target))
        if values.get("id"):
            self.ids.add(values["id"])
        if tag == "a" and values.get("name"):
            self.ids.add(values["name"])
        self._in_title = tag == "title" or (self._in_title and tag != "title")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag == "title":
            self._in_title = False

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title_parts.append(data)


def _refresh_target(content: str) -> str | None:
    """The URL of a ``<meta http-equiv="refresh" content="0; url=...">``, if it has one."""
    for part in content.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.strip().lower() == "url":
            return value.strip().strip("'\"")
    return None


@dataclass
class Page:
    path: Path
    links: list[Link]
    ids: set[str]
    title: str


@functools.cache
def _parse_cached(path: Path, mtime: float) -> Page:
    parser = _PageParser(path)
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    parser.close()
    return Page(path, parser.links, parser.ids, " ".join("".join(parser.title_parts).split()))


def parse_page(path: Path) -> Page:
    """The links, ids and title of one HTML file (cached, pages are read by several tests)."""
    return _parse_cached(path, path.stat().st_mtime)


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def is_internal(url: str) -> bool:
    lowered = url.lower()
    return bool(url) and not lowered.startswith(SKIPPED_SCHEMES) and not url.startswith("//")


@dataclass(frozen=True)
class Broken:
    link: Link
    problem: str

    def __str__(self):
        return f"{self.link.page.name}:{self.link.line} <{self.link.tag} {self.link.attribute}={self.link.url!r}>: {self.problem}"


def broken_links(site: Path, skip: tuple[str, ...] = ()) -> list[Broken]:
    """Every internal link of the site whose target file, or whose ``#fragment`` in it, is missing.

    Links must work when the site is opened from a folder (``file://``), so a link to a folder, or one
    that climbs out of the site, counts as broken even though a web server might answer it. ``skip``
    names pages (relative to the site, ``*`` allowed) whose own links are not checked.
    """
    site = site.resolve()
    problems = []
    for path in html_files(site):
        if any(path.relative_to(site).match(pattern) for pattern in skip):
            continue
        for link in parse_page(path).links:
            if is_internal(link.url):
                problem = _check_link(site, link)
                if problem:
                    problems.append(Broken(link, problem))
    return problems


def summarise(broken: list[Broken], site: Path, groups: int = 60) -> str:
    """Broken links grouped by what is wrong, biggest group first, each with one example page.

    A template fault breaks the same link on every page; thousands of identical lines would hide the
    one-off faults, so links are grouped by tag, target (its climbing ``../`` dropped) and problem.
    """
    by_kind: dict[tuple, list[Broken]] = {}
    for b in broken:
        target = re.sub(r"^(\.\./)+", "", b.link.url)
        problem = re.sub(r" in \S+$", "", b.problem)
        by_kind.setdefault((b.link.tag, b.link.attribute, target, problem), []).append(b)
    lines = [f"{len(broken)} broken link(s) in {len({b.link.page for b in broken})} page(s):"]
    ranked = sorted(by_kind.items(), key=lambda item: (-len(item[1]), item[0]))
    for (tag, attribute, target, problem), items in ranked[:groups]:
        first = items[0]
        example = f"{first.link.page.relative_to(site.resolve())}:{first.link.line} {first.link.url!r}"
        lines.append(f"  {len(items):5} x <{tag} {attribute}> ...{target!r}: {first.problem}  (e.g. {example})")
    if len(ranked) > groups:
        lines.append(f"  ... and {len(ranked) - groups} more kinds")
    return "\n".join(lines)


def _check_link(site: Path, link: Link) -> str | None:
    parts = urllib.parse.urlsplit(link.url)
    if parts.scheme or parts.netloc:
        return "unexpected scheme or host in an internal link"
    if parts.path.startswith("/"):
        return "absolute path (breaks when the site is served from a sub-path or a folder)"
    target = (link.page.parent / urllib.parse.unquote(parts.path)).resolve() if parts.path else link.page
    if target != site and site not in target.parents:
        return "points outside the site"
    if target.is_dir():
        return "points to a folder (does not open from file://)"
    if not target.is_file():
        return "target does not exist"
    fragment = urllib.parse.unquote(parts.fragment)
    if fragment and target.suffix == ".html" and fragment not in parse_page(target).ids:
        return f"no element with id {fragment!r} in {target.relative_to(site)}"
    return None


def external_resources(site: Path) -> list[str]:
    """Scripts, stylesheets, images and fonts a page would fetch from the network by itself.

    Plain ``<a href="https://...">`` links are fine (the reader chooses to follow them); resources the
    browser loads on its own break an offline reading and leak the reader's visit to a third party.
    """
    site = site.resolve()
    found = []
    for path in html_files(site):
        for link in parse_page(path).links:
            if link.tag != "a" and link.attribute != "http-equiv=refresh" and _is_remote(link.url):
                found.append(f"{path.relative_to(site)}:{link.line} <{link.tag} {link.attribute}={link.url!r}>")
    return found


def _is_remote(url: str) -> bool:
    return url.lower().startswith(("http:", "https:")) or url.startswith("//")


def pages_of_kind(site: Path, language: str, folder: str) -> list[Path]:
    """The entity pages of one section (``services``, ``authorities`` ...), without the section index."""
    return sorted(p for p in (site / language / folder).glob("*.html") if p.name != "index.html")


# --- serving the site --------------------------------------------------------------------------


class _SubPathHandler(http.server.SimpleHTTPRequestHandler):
    """Serves ``directory`` under ``prefix`` only, so a link that assumes the site root breaks (404)."""

    prefix = SUB_PATH

    def send_head(self):
        if not urllib.parse.urlsplit(self.path).path.startswith(self.prefix):
            self.send_error(404, "outside the sub-path the site is served under")
            return None
        return super().send_head()

    def translate_path(self, path):
        return super().translate_path("/" + urllib.parse.urlsplit(path).path[len(self.prefix):])

    def log_message(self, format, *args):  # keep pytest's output clean
        pass


@contextlib.contextmanager
def serve(folder: Path, prefix: str = SUB_PATH):
    """Serve ``folder`` at ``http://127.0.0.1:<random port><prefix>`` from a thread; yields that URL."""
    handler = functools.partial(type("Handler", (_SubPathHandler,), {"prefix": prefix}), directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


# --- the browser -------------------------------------------------------------------------------


def browser_missing() -> str | None:
    """Why the browser tests cannot run here, or None when Chromium, chromedriver and selenium are there."""
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    try:
        import selenium  # noqa: F401
    except ImportError:
        missing.append("the Python package selenium")
    if missing:
        return "browser tests need " + ", ".join(missing) + " (scripts/run-tests.sh installs them)"
    return None


CHROMIUM_FLAGS = (
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=nl",
)


@contextlib.contextmanager
def chromium():
    """A headless Chromium with a fresh profile and console logging; quits and cleans up afterwards.

    The background-networking flags matter: on a closed network Chromium's own connections are
    refused and slow everything down. ``--allow-file-access-from-files`` is not set on purpose, so
    the ``file://`` test sees what a reader who opens the folder sees.
    """
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    with tempfile.TemporaryDirectory(prefix="eagraph-chromium-") as profile:
        options = webdriver.ChromeOptions()
        options.binary_location = str(CHROMIUM)
        for flag in CHROMIUM_FLAGS:
            options.add_argument(flag)
        options.add_argument(f"--user-data-dir={profile}")
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
        driver.set_page_load_timeout(30)
        driver.set_script_timeout(60)
        try:
            yield driver
        finally:
            driver.quit()


def open_page(driver, url: str) -> None:
    """Load ``url`` after dropping the console messages of earlier pages, and wait for the load event."""
    driver.get_log("browser")
    driver.get(url)
    wait_for(driver, lambda d: d.execute_script("return document.readyState") == "complete", f"load {url}")


def wait_for(driver, condition, what: str, timeout: float = 10):
    """Wait until ``condition(driver)`` is truthy; fails with ``what`` instead of a bare TimeoutException."""
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.support.ui import WebDriverWait

    try:
        return WebDriverWait(driver, timeout, poll_frequency=0.1).until(condition)
    except TimeoutException:
        raise AssertionError(f"timed out after {timeout} s waiting to {what} (at {driver.current_url})") from None


def console_errors(driver) -> list[str]:
    """The SEVERE console messages since the last call (failed requests, uncaught exceptions)."""
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def save_screenshot(driver, name: str, max_height: int = 6000) -> Path:
    """A full-page PNG (up to ``max_height`` pixels) in ``build/browser-tests/screenshots/<name>.png``."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    width, height = driver.execute_script(
        "return [document.documentElement.scrollWidth, document.documentElement.scrollHeight]")
    # Two animation frames first: headless Chromium's Page.captureScreenshot can block for minutes when
    # its compositor has gone idle on a static page (browser-use/browser-harness#812; seen once here in
    # a full run under load: the session then timed out for the next tests too); a frame just drawn wakes it.
    driver.execute_async_script("requestAnimationFrame(() => requestAnimationFrame(arguments[0]))")
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": width, "height": min(height, max_height), "scale": 1}})
    path.write_bytes(base64.b64decode(shot["data"]))
    return path


AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def run_axe(driver, axe_source: str) -> list[dict]:
    """axe-core's WCAG 2.1 A/AA violations on the current page."""
    driver.execute_script(axe_source)
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})"
        ".then(r => done({violations: r.violations}), e => done({error: String(e)}));", AXE_TAGS)
    if "error" in result:
        raise AssertionError(f"axe-core failed on {driver.current_url}: {result['error']}")
    return result["violations"]


def serious_violations(violations: list[dict]) -> list[dict]:
    return [v for v in violations if v.get("impact") in ("serious", "critical")]


def describe_violations(violations: list[dict], limit: int = 5) -> str:
    """One paragraph per rule: id, impact, what it means and the first few offending selectors."""
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v.get('impact')}): {v['help']} [{len(v['nodes'])} element(s)] {v['helpUrl']}")
        for node in v["nodes"][:limit]:
            target = " ".join(str(t) for t in node.get("target", []))
            lines.append(f"    {target}: {node.get('failureSummary', '').splitlines()[-1].strip()}")
    return "\n".join(lines)


def diagram_links(page: Path) -> list[str]:
    """The link targets inside the ``<figure class="eag-diagram">`` blocks of a page, in order."""
    text = page.read_text(encoding="utf-8")
    links = []
    for figure in re.findall(r'<figure[^>]*class="[^"]*eag-diagram[^"]*"[^>]*>.*?</figure>', text, re.DOTALL):
        links += re.findall(r'<a\b[^>]*?(?:xlink:href|\shref)="([^"]+)"', figure)
    return [link for link in links if is_internal(link)]


# --- the test run's site, shared by the test modules -------------------------------------------


@pytest.fixture(scope="session", name="site")
def built_site(tmp_path_factory) -> Path:
    """The site of ``models/``, built once per run into ``build/browser-tests/site``.

    ``EAGRAPH_TEST_SITE=<folder>`` tests an already built site instead (quicker while fixing the
    generator: build once by hand, rerun the tests).
    """
    if os.environ.get("EAGRAPH_TEST_SITE"):
        return Path(os.environ["EAGRAPH_TEST_SITE"]).resolve()
    return build_site(tmp_path_factory.getbasetemp() / "site-cache")
