"""Building the site: pages per language, diagrams, one mkdocs-material build per language, and
the swap into place.

Everything is written into a temporary folder beside the output folder; only a build that
succeeded replaces the output (one rename, the old site removed after), so a failed build
leaves the previous site as it was and never a half-written one. Each language is a complete
mkdocs site (``nl/``, ``fr/`` …) with Material's offline plugin, so that the site works from a
folder or any sub-path, and search works without a server; ``index.html`` at the top leads to
the first language.
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import os
import shutil
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from eagraph.workspace import EagraphError, Workspace

from .content import SECTIONS, SiteContent
from .diagrams import render_all
from .i18n import LANGUAGE_NAMES, word
from .pages import Pages, SiteFindings, environment
from .pagestore import BODY, hold

OVERRIDES = Path(__file__).with_name("overrides")
ASSETS = Path(__file__).with_name("assets")
HOOK = Path(__file__).with_name("hook.py")
DEFAULT_LANGUAGES = ("nl", "fr")


class SiteBuildError(EagraphError):
    """mkdocs could not build the site."""


@dataclass
class SiteOptions:
    languages: tuple[str, ...] = ()  # default: nl and fr, and en or de where the model has them
    title: str | None = None
    cache_dir: Path | None = None  # where laid-out diagrams are kept (None: not kept)


@dataclass
class SiteResult:
    out: Path
    languages: tuple[str, ...]
    pages: int
    seconds: dict[str, float] = field(default_factory=dict)


def choose_languages(content: SiteContent, wanted: tuple[str, ...]) -> tuple[str, ...]:
    if wanted:
        unknown = [lang for lang in wanted if lang not in LANGUAGE_NAMES]
        if unknown:
            raise SiteBuildError(f"no site language {', '.join(unknown)}; choose from {', '.join(LANGUAGE_NAMES)}")
        return tuple(dict.fromkeys(wanted))
    return DEFAULT_LANGUAGES + tuple(lang for lang in ("en", "de") if lang in content.languages_present)


def build_site(workspace: Workspace, out: Path, options: SiteOptions = SiteOptions(), *,
               content: SiteContent | None = None, findings: SiteFindings | None = None) -> SiteResult:
    """Generate and build the site of ``workspace`` into ``out`` (replaced only on success)."""
    from eagraph.validators.validate import ensure_ontology

    clock = _Clock()
    ensure_ontology(workspace)  # the labels of eag: service types, granting modes, levels
    content = content or SiteContent.read(workspace)
    findings = findings or read_findings(workspace, content)
    clock.lap("model")
    languages = choose_languages(content, options.languages)
    title = options.title or workspace.config.root.name
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        pages, laps = build_languages(work, content, findings, languages, title, options.cache_dir)
        clock.lap("languages")
        _write_redirect(work / "site" / "index.html", languages, title)
        _swap(work / "site", out)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    clock.lap("swap")
    return SiteResult(out, languages, pages, clock.laps | {f"{name} (all languages)": s for name, s in laps.items()})


def read_findings(workspace: Workspace, content: SiteContent) -> SiteFindings:
    from eagraph.analyses.registry import analyze
    from eagraph.validators.validate import validate

    return SiteFindings(analysis=analyze(workspace, model=content.model), validation=validate(workspace).findings)


def write_project(work: Path, language: str, content: SiteContent, findings: SiteFindings,
                  languages: tuple[str, ...], title: str, cache_dir: Path | None) -> tuple[int, dict[str, float]]:
    """Write the mkdocs project of one language into ``work/<language>/`` (replacing what was
    there); returns the number of pages and the seconds each stage took."""
    from eagraph.validators.rules import contract_rules

    clock = _Clock()
    rules = {code: rule.info() for code, rule in contract_rules().items()}
    diagrams: dict[str, str] = {}
    pages = list(Pages(content, findings, language, environment(), diagrams, rules).all())
    clock.lap("pages")
    svgs = render_all(diagrams, cache_dir)
    clock.lap("diagrams")
    docs = work / language / "docs"
    shutil.rmtree(docs, ignore_errors=True)
    bodies = {}
    for path, front_matter, body in pages:
        target = docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f"{front_matter}\n{BODY}\n", encoding="utf-8")
        bodies[path] = body
    hold(bodies, svgs)
    shutil.copytree(ASSETS, docs / "assets")
    (work / language / "mkdocs.yml").write_text(mkdocs_config(language, languages, title, work / "site" / language),
                                                encoding="utf-8")
    clock.lap("write")
    return len(pages), clock.laps


def mkdocs_config(language: str, languages: tuple[str, ...], title: str, site_dir: Path) -> str:
    """The mkdocs.yml of one language (JSON, which YAML reads): entity pages are kept out of the
    navigation, which would otherwise list ten thousand services on every page."""
    nav = [{word("home", language): "index.md"}]
    nav += [{word(section, language): f"{section}/index.md"} for section in SECTIONS]
    nav += [{word(key, language): f"{key}.md"} for key in ("one-stop-shop", "findings", "validation", "rules")]
    config = {
        "site_name": title,
        "site_dir": str(site_dir),
        "docs_dir": "docs",
        "use_directory_urls": False,
        "theme": {"name": "material", "custom_dir": str(OVERRIDES), "language": language, "font": False,
                  "features": ["navigation.sections", "navigation.top", "search.highlight"]},
        "extra_css": ["assets/eagraph.css"],
        # The shim that lets search run from a folder, shipped instead of fetched from unpkg.com.
        "extra": {"generator": False, "polyfills": ["assets/iframe-worker-shim.js"],
                  "alternate": [{"name": LANGUAGE_NAMES[lang], "link": f"../{lang}/index.html", "lang": lang}
                                for lang in languages]},
        "hooks": [str(HOOK)],
        "plugins": [{"search": {"lang": [language if language in ("nl", "fr", "en", "de") else "en"]}}, "offline"],
        "nav": nav,
        "not_in_nav": "\n".join(f"/{section}/*.md" for section in SECTIONS),
        "validation": {"omitted_files": "ignore", "absolute_links": "warn", "unrecognized_links": "warn"},
    }
    return json.dumps(config, indent=1, ensure_ascii=True) + "\n"


def build_languages(work: Path, content: SiteContent, findings: SiteFindings, languages: tuple[str, ...],
                    title: str, cache_dir: Path | None) -> tuple[int, dict[str, float]]:
    """Each language is generated and built by mkdocs in a process of its own (forked, so the model
    read once is shared), as many at a time as there are cores; returns pages and summed seconds."""
    global _JOB
    _JOB = (work, content, findings, languages, title, cache_dir)
    try:
        if len(languages) == 1 or (os.cpu_count() or 1) < 2:
            results = [_build_language(lang) for lang in languages]
        else:
            with ProcessPoolExecutor(max_workers=min(len(languages), os.cpu_count() or 1),
                                     mp_context=multiprocessing.get_context("fork")) as pool:
                results = list(pool.map(_build_language, languages))
    finally:
        _JOB = None
    problems = [error for _pages, _laps, error in results if error]
    if problems:
        raise SiteBuildError("mkdocs could not build the site:\n" + "\n".join(problems))
    laps: dict[str, float] = {}
    for _pages, lap, _error in results:
        for name, seconds in lap.items():
            laps[name] = round(laps.get(name, 0.0) + seconds, 2)
    return sum(pages for pages, _laps, _error in results), laps


_JOB: tuple | None = None  # what the forked language builds share


def _build_language(language: str) -> tuple[int, dict[str, float], str | None]:
    work, content, findings, languages, title, cache_dir = _JOB
    pages, laps = write_project(work, language, content, findings, languages, title, cache_dir)
    clock = _Clock()
    error = _mkdocs_build(str(work / language / "mkdocs.yml"))
    clock.lap("mkdocs")
    return pages, laps | clock.laps, error


def _mkdocs_build(config_file: str) -> str | None:
    """Build one mkdocs project; the error text, or None."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    try:
        build(load_config(config_file))
    except (MkDocsException, OSError) as exc:
        return f"{config_file}: {exc}"
    return None


def _write_redirect(path: Path, languages: tuple[str, ...], title: str) -> None:
    first = languages[0]
    links = " · ".join(f'<a href="{lang}/index.html" hreflang="{lang}" lang="{lang}">{LANGUAGE_NAMES[lang]}</a>'
                       for lang in languages)
    path.write_text(
        f'<!doctype html>\n<html lang="{first}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta http-equiv="refresh" content="0; url={first}/index.html">'
        f"<title>{escape(title)}</title></head>\n<body><main><h1>{escape(title)}</h1><p>{links}</p></main></body></html>\n",
        encoding="utf-8")


def _swap(built: Path, out: Path) -> None:
    """Put ``built`` where ``out`` is: the old site moves aside first, and goes only after."""
    if out.exists() and not out.is_dir():
        raise SiteBuildError(f"{out}: exists and is not a folder")
    old = None
    if out.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old.", dir=out.parent))
        out.rename(old / "site")
    built.rename(out)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


class _Clock:
    def __init__(self):
        self.laps: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps[name] = round(now - self._last, 2)
        self._last = now
