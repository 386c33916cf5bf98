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

import hashlib
import json
import logging
import multiprocessing
import os
import shutil
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from eagraph.workspace import EagraphError, Workspace
from eagraph.workspace.outputs import check_output_folder, mark_output_folder

from .content import SECTIONS, SiteContent
from .diagrams import render_all
from .escaping import escape, site_name
from .i18n import LANGUAGE_NAMES, word
from .pages import TEMPLATES, Pages, SiteFindings, environment
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
    cache_dir: Path | None = None  # where diagrams and the last build are kept (None: build afresh)
    trend_commits: int = 12  # in a git repository, the dashboard's figures over this many commits (0: none)


@dataclass
class SiteResult:
    out: Path
    languages: tuple[str, ...]
    pages: int
    seconds: dict[str, float] = field(default_factory=dict)
    incremental: bool = False  # only the pages that changed since the last build were built


def choose_languages(content: SiteContent, wanted: tuple[str, ...]) -> tuple[str, ...]:
    if wanted:
        unknown = [lang for lang in wanted if lang not in LANGUAGE_NAMES]
        if unknown:
            raise SiteBuildError(f"no site language {', '.join(unknown)}; choose from {', '.join(LANGUAGE_NAMES)}")
        return tuple(dict.fromkeys(wanted))
    return DEFAULT_LANGUAGES + tuple(lang for lang in ("en", "de") if lang in content.languages_present)


def build_site(workspace: Workspace, out: Path, options: SiteOptions = SiteOptions(), *,
               content: SiteContent | None = None, findings: SiteFindings | None = None,
               configured_in: Path | None = None) -> SiteResult:
    """Generate and build the site of ``workspace`` into ``out`` (replaced only on success, and
    only if :func:`check_output_folder` allows; ``configured_in``: the eagraph.toml that named it)."""
    from eagraph.ontology import ensure_ontology

    def checked() -> Path:
        return check_output_folder(out, workspace.root, configured_in=configured_in)

    target = checked()
    clock = _Clock()
    ensure_ontology(workspace)  # the labels of eag: service types, granting modes, levels
    content = content or SiteContent.read(workspace)
    findings = findings or read_findings(workspace, content)
    findings.trend = _trend(workspace.root, options)
    clock.lap("model")
    languages = choose_languages(content, options.languages)
    title = options.title or workspace.config.site_title or None  # None: a title in each language
    out = target
    out.parent.mkdir(parents=True, exist_ok=True)
    state = _state_dir(out, options.cache_dir)
    stamp = _stamp(languages, title)
    dirty = state is not None and _read_stamp(state) == stamp
    if state is not None and not dirty:
        shutil.rmtree(state, ignore_errors=True)
    work = state or Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    publish = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        pages, laps = build_languages(work, content, findings, languages, title, options.cache_dir, dirty)
        clock.lap("languages")
        if state is not None:
            _write_stamp(state, stamp)
        _copy_tree(work / "site", publish / "site")
        _write_redirect(publish / "site" / "index.html", languages, title or word("site-title", languages[0]))
        mark_output_folder(publish / "site")
        checked()  # again: the folder may have changed while the site was built
        _swap(publish / "site", out)
    except BaseException:
        if state is not None:
            shutil.rmtree(state, ignore_errors=True)  # half updated: the next build starts afresh
        raise
    finally:
        shutil.rmtree(publish, ignore_errors=True)
        if state is None:
            shutil.rmtree(work, ignore_errors=True)
    clock.lap("publish")
    return SiteResult(out, languages, pages, clock.laps | {f"{name} (all languages)": s for name, s in laps.items()},
                      incremental=dirty)


def _trend(root: Path, options: SiteOptions) -> list:
    """The key figures over the last commits when the model lies in a git repository, else none."""
    from eagraph.gittools.trend import start_of_last, trend

    if options.trend_commits <= 0:
        return []
    try:
        first = start_of_last(root, options.trend_commits)
        return trend(root, first, options.cache_dir, options.trend_commits) if first else []
    except EagraphError:  # not a git repository, or no commit yet
        return []


def read_findings(workspace: Workspace, content: SiteContent) -> SiteFindings:
    """Validation and the analyses, through the check step (:mod:`eagraph.check`): read from the
    cache when the model was checked before, else validated on the other core while this one
    analyses. The analyses' findings are not located: the site shows them on their subject's page."""
    from eagraph.check import ALL_UNLOCATED, check

    results = check(workspace, ALL_UNLOCATED, model=content.model)
    return SiteFindings(analysis=results.analysis, validation=results.validation.findings)


def write_project(work: Path, language: str, content: SiteContent, findings: SiteFindings,
                  languages: tuple[str, ...], title: str | None, cache_dir: Path | None,
                  dirty: bool = False) -> tuple[int, dict[str, float]]:
    """Write the mkdocs project of one language into ``work/<language>/``; returns the number of
    pages and the seconds each stage took.

    ``dirty``: the project holds the last build; only pages whose text changed are written (a
    page file carries its body's hash), and their old HTML is removed, so that mkdocs' dirty
    build renders just those. Every file mkdocs writes is removed first rather than overwritten:
    the published copy shares the unchanged files with the project (hard links).
    """
    from eagraph.validators.rule_codes import contract_rules

    clock = _Clock()
    rules = {code: rule.info() for code, rule in contract_rules().items()}
    diagrams: dict[str, str] = {}
    pages = list(Pages(content, findings, language, environment(), diagrams, rules).all())
    clock.lap("pages")
    svgs = render_all(diagrams, cache_dir)
    clock.lap("diagrams")
    docs, site = work / language / "docs", work / "site" / language
    if not dirty:
        shutil.rmtree(docs, ignore_errors=True)
        shutil.rmtree(site, ignore_errors=True)
    texts = {path: f"{front}\n<!-- {hashlib.blake2b(body.encode(), digest_size=10).hexdigest()} -->\n{BODY}\n"
             for path, front, body in pages}
    for path in _stale_pages(docs, texts) if dirty else ():
        (docs / path).unlink()
        _html(site, path).unlink(missing_ok=True)
    written = 0
    for path, text in texts.items():
        target = docs / path
        if dirty and _same_text(target, text):
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        _html(site, path).unlink(missing_ok=True)
        written += 1
    previous_index = _set_aside_generated(site, work / language) if dirty else None
    _sync_assets(docs / "assets")
    hold({path: body for path, _front, body in pages}, svgs, previous_index)
    (work / language / "mkdocs.yml").write_text(
        mkdocs_config(language, languages, title, site, content.archimate_sections), encoding="utf-8")
    clock.lap("write")
    return len(pages), clock.laps | {"pages written": written}


def _html(site: Path, page: str) -> Path:
    return site / (page[:-3] + ".html")


def _stale_pages(docs: Path, wanted: dict[str, str]) -> list[str]:
    found = [p.relative_to(docs).as_posix() for p in docs.rglob("*.md")] if docs.is_dir() else []
    return [path for path in found if path not in wanted]


def _same_text(path: Path, text: str) -> bool:
    try:
        return path.read_text(encoding="utf-8") == text
    except OSError:
        return False


#: What mkdocs writes on every build, whatever changed.
GENERATED = ("search/search_index.json", "search/search_index.js", "sitemap.xml", "sitemap.xml.gz", "404.html")


def _set_aside_generated(site: Path, project: Path) -> Path | None:
    """Remove what every build rewrites; keep the last search index for the hook to merge with."""
    previous = project / "previous-search-index.json"
    index = site / GENERATED[0]
    if index.is_file():
        os.replace(index, previous)
    for name in GENERATED[1:]:
        (site / name).unlink(missing_ok=True)
    return previous if previous.is_file() else None


def _sync_assets(target: Path) -> None:
    """Copy eagraph's assets, leaving an unchanged file untouched (mkdocs then keeps its copy)."""
    target.mkdir(parents=True, exist_ok=True)
    for source in ASSETS.iterdir():
        if not _same_bytes(source, target / source.name):
            shutil.copyfile(source, target / source.name)


def _same_bytes(a: Path, b: Path) -> bool:
    try:
        return a.read_bytes() == b.read_bytes()
    except OSError:
        return False


def mkdocs_config(language: str, languages: tuple[str, ...], title: str | None, site_dir: Path,
                  extra_sections: tuple[str, ...] = ()) -> str:
    """The mkdocs.yml of one language (JSON, which YAML reads): entity pages are kept out of the
    navigation, which would otherwise list ten thousand services on every page. ``extra_sections``:
    the sections only some models have (an imported ArchiMate model's)."""
    sections = (*SECTIONS, *extra_sections)
    nav = [{word("home", language): "index.md"}]
    nav += [{word(section, language): f"{section}/index.md"} for section in sections]
    nav += [{word(key, language): f"{key}.md"} for key in ("one-stop-shop", "findings", "validation", "rules")]
    config = {
        "site_name": site_name(title or word("site-title", language)),
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
        "not_in_nav": "\n".join(f"/{section}/*.md" for section in sections),
        "validation": {"omitted_files": "ignore", "absolute_links": "warn", "unrecognized_links": "warn"},
    }
    return json.dumps(config, indent=1, ensure_ascii=True) + "\n"


def build_languages(work: Path, content: SiteContent, findings: SiteFindings, languages: tuple[str, ...],
                    title: str | None, cache_dir: Path | None, dirty: bool = False) -> tuple[int, dict[str, float]]:
    """Each language is generated and built by mkdocs in a process of its own (forked, so the model
    read once is shared), as many at a time as there are cores; returns pages and summed seconds."""
    global _JOB
    _JOB = (work, content, findings, languages, title, cache_dir, dirty)
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
    work, content, findings, languages, title, cache_dir, dirty = _JOB
    pages, laps = write_project(work, language, content, findings, languages, title, cache_dir, dirty)
    clock = _Clock()
    error = _mkdocs_build(str(work / language / "mkdocs.yml"), dirty)
    clock.lap("mkdocs")
    return pages, laps | clock.laps, error


def _mkdocs_build(config_file: str, dirty: bool = False) -> str | None:
    """Build one mkdocs project (``dirty``: only its changed pages); the error text, or None."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    try:
        build(load_config(config_file), dirty=dirty)
    except (MkDocsException, OSError) as exc:
        return f"{config_file}: {exc}"
    return None


def _state_dir(out: Path, cache_dir: Path | None) -> Path | None:
    """Where the last build of ``out`` is kept for the next one (in the cache, never in the model)."""
    if cache_dir is None:
        return None
    return cache_dir / "sites" / hashlib.blake2b(str(out).encode(), digest_size=8).hexdigest()


def _stamp(languages: tuple[str, ...], title: str | None) -> str:
    """What makes a kept build reusable: same eagraph, templates, assets, languages and title."""
    from eagraph import __version__

    digest = hashlib.blake2b(f"{__version__}|{languages}|{title}".encode(), digest_size=16)
    for folder in (Path(__file__).parent, TEMPLATES, ASSETS, OVERRIDES / "partials"):
        for path in sorted(folder.glob("*.*")):
            digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


def _read_stamp(state: Path) -> str | None:
    try:
        return (state / "stamp").read_text(encoding="utf-8")
    except OSError:
        return None


def _write_stamp(state: Path, stamp: str) -> None:
    (state / "stamp").write_text(stamp, encoding="utf-8")


def _copy_tree(source: Path, target: Path) -> None:
    """A copy of a built site: hard links where the file system allows (fast, and safe since
    builds never overwrite a file in place), else real copies."""
    try:
        shutil.copytree(source, target, copy_function=os.link)
    except OSError:
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(source, target)


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
