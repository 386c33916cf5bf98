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

import functools
import hashlib
import json
import logging
import multiprocessing
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from eagraph.forking import fork_workers, leave_inherited_alone
from eagraph.workspace import EagraphError, Workspace
from eagraph.workspace.cache import read_sealed, write_sealed
from eagraph.workspace.outputs import check_output_folder, mark_output_folder

from .content import SECTIONS, SiteContent
from .diagrams import read_pack, render_all, write_pack
from .escaping import escape, site_name
from .i18n import LANGUAGE_NAMES, word
from .pages import KIND_OF_SECTION, TEMPLATES, Pages, Policy, SiteFindings, environment
from .hook import install
from .pagestore import BODY, PageStore
from .reads import KeptReads, PageReads, changed_keys, input_state, unchanged_pages, watch
from .shells import Shell, entity_page, is_shell, shell_page

if TYPE_CHECKING:  # pragma: no cover
    from eagraph.analyses.model import AnalysisModel

OVERRIDES = Path(__file__).with_name("overrides")
ASSETS = Path(__file__).with_name("assets")
DEFAULT_LANGUAGES = ("nl", "fr")
T = TypeVar("T")
R = TypeVar("R")


class SiteBuildError(EagraphError):
    """mkdocs could not build the site."""


@dataclass
class SiteOptions:
    languages: tuple[str, ...] = ()  # default: nl and fr, and en or de where the model has them
    title: str | None = None
    cache_dir: Path | None = None  # where diagrams and the last build are kept (None: build afresh)


@dataclass
class SiteInputs:
    """What the site renders, computed by its caller: the model as the site reads it, and the
    findings of its checks with the trend of its key figures (``findings.trend``), and the evidence for
    policy (the burden, the top findings' savings, the targets' progress) its dashboard opens with."""

    content: SiteContent
    findings: SiteFindings
    policy: Policy = field(default_factory=Policy)


@dataclass
class SiteResult:
    out: Path
    languages: tuple[str, ...]
    pages: int
    seconds: dict[str, float] = field(default_factory=dict)
    incremental: bool = False  # only the pages that changed since the last build were built


@dataclass(frozen=True)
class LanguageProject:
    """What building one language's mkdocs project needs, handed to the process that builds it.

    ``work``: the folder of the projects (``work/<language>/``) and their sites (``work/site/``);
    ``dirty``: the folder holds the last build, and only the files whose bytes changed are written."""

    work: Path
    inputs: SiteInputs
    languages: tuple[str, ...]
    title: str | None
    cache_dir: Path | None
    dirty: bool = False
    #: what may read differently since the last build (:func:`.reads.changed_keys`): only the entity
    #: pages that read one of these are rendered again; None: every page is
    changed: frozenset[str] | None = None
    #: where each language's finished site is copied (``publish/<language>``) by the process that built
    #: it, the languages side by side (one after the other, 66,000 files took 1.3 s); None: not copied
    publish: Path | None = None


@dataclass
class LanguageBuild:
    """One language built: its pages, the seconds each stage took, and mkdocs' error (None: built)."""

    pages: int
    seconds: dict[str, float]
    error: str | None = None


def choose_languages(content: SiteContent, wanted: tuple[str, ...]) -> tuple[str, ...]:
    if wanted:
        unknown = [lang for lang in wanted if lang not in LANGUAGE_NAMES]
        if unknown:
            raise SiteBuildError(f"no site language {', '.join(unknown)}; choose from {', '.join(LANGUAGE_NAMES)}")
        return tuple(dict.fromkeys(wanted))
    return DEFAULT_LANGUAGES + tuple(lang for lang in ("en", "de") if lang in content.languages_present)


def read_inputs(workspace: Workspace, trend: list | tuple = (), history=None) -> SiteInputs:
    """The model as the site reads it, with its check results, ``trend`` (key figures over the
    last commits, :func:`eagraph.gittools.trend.recent`) and ``history`` (the commits that changed
    each entity, :func:`eagraph.gittools.history.entity_history`); the evidence for policy is left
    empty, for the caller to add (:func:`.inputs.site_inputs`, what ``site build`` and ``site serve``
    render)."""
    return inputs_from(workspace, *read_findings(workspace), trend, history)


def inputs_from(workspace: Workspace, findings: SiteFindings, model: AnalysisModel | None, trend: list | tuple = (),
                history=None) -> SiteInputs:
    """:func:`read_inputs` once the findings are read (:func:`read_findings`)."""
    content = SiteContent.read(workspace, model)
    findings.trend = list(trend)
    findings.history = history
    return SiteInputs(content, findings)


def build_site(workspace: Workspace, out: Path, options: SiteOptions, inputs: SiteInputs, *,
               configured_in: Path | None = None) -> SiteResult:
    """Render ``inputs`` (:func:`read_inputs`) as the site of ``workspace`` into ``out`` (replaced only
    on success, and only if :func:`check_output_folder` allows; ``configured_in``: the eagraph.toml
    that named it). It reads nothing of the model itself: what it shows is what it is given."""

    def checked() -> Path:
        return check_output_folder(out, workspace.root, configured_in=configured_in)

    target = checked()
    clock = _Clock()
    languages = choose_languages(inputs.content, options.languages)
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
        now = _input_state(workspace, inputs) if state is not None else None
        changed = _changed_keys(workspace, state, now) if dirty else None
        # the kept build stays for the next one: a copy is published; a build kept nowhere is moved
        copies = publish / "site" if state is not None else None
        if copies is not None:
            copies.mkdir()
        project = LanguageProject(work, inputs, languages, title, options.cache_dir, dirty, changed, copies)
        pages, laps = build_languages(project)
        clock.lap("languages")
        if state is not None:
            _write_state(state / "inputs", now)
            _write_stamp(state, stamp)
        else:
            (work / "site").rename(publish / "site")
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


def read_findings(workspace: Workspace) -> tuple[SiteFindings, AnalysisModel | None]:
    """Validation and the analyses, through the check step (:mod:`eagraph.check`): read from the
    cache when the model was checked before, else brought up to date from the last check of the
    model's folder when a few files changed (the incremental check), else validated on the other
    core while this one builds the analysis model and analyses. The analyses' findings are not
    located: the site shows them on their subject's page; what the analyses could see is the check's
    too (made again by each language, it took 0.8 s of each at 10,000 services). With them, the
    analysis model the check built (None when it needed none), which the site's content reads the
    model with."""
    from eagraph.check import ALL_UNLOCATED, check
    from eagraph.ontology import ensure_ontology

    ensure_ontology(workspace)  # the labels of eag: service types, granting modes, levels
    results = check(workspace, ALL_UNLOCATED, since_last=True, keep_model=True)
    return SiteFindings(analysis=results.analysis, validation=results.validation.findings,
                        coverage=results.coverage), results.model


def build_language(project: LanguageProject, language: str) -> LanguageBuild:
    """Render the pages of one language, let mkdocs build those of the navigation and a shell per
    section, pour the entity pages into their shells and bring ``work/site/<language>`` up to date:
    the one way a language is built, by ``site build`` (a process per language) and ``site serve``.

    On a rebuild (``project.changed`` known), the entity pages that read nothing changed keep the
    last build's files (:mod:`.reads`); should a section's page shell come out otherwise than
    last time, the language is built again with every page rendered."""
    clock = _Clock()
    folder = project.work / language
    last = _read_state(folder / "reads") if project.changed is not None else None
    entries = folder / "search-entries"
    known = _read_entries(entries) if project.dirty else {}
    keep = _keepable(project, last, known, _read_manifest(folder / "pages.json")) if last else KeptReads([], {})
    store, fronts, pages, reads = render_language(project, language, keep)
    clock.lap("pages")
    store.kept.update((url, last["search"][url]) for url in keep)
    store.search_entries.update(known)
    config = write_project(project, language, store, fronts)
    clock.lap("write")
    error = _mkdocs_build(str(config), store)
    clock.lap("mkdocs")
    if error is not None:
        return LanguageBuild(pages, clock.laps, error)
    shells = {section: _digest(html.encode()) for section, html in store.shells.items()}
    kept_sections = {url.split("/", 1)[0] for url in keep}
    if any(shells.get(section) != last["shells"].get(section) for section in kept_sections):
        return build_language(replace(project, changed=None), language)  # a new shell: every page poured anew
    written = update_site(folder / "built", project.work / "site" / language, entity_pages(store),
                          folder / "pages.json", project.dirty, kept=set(keep))
    write_sealed(entries, store.search_entries)
    if project.cache_dir is not None:
        _write_state(folder / "reads", {"reads": reads.state(), "search": store.search_keys, "shells": shells})
    clock.lap("entity pages")
    if project.publish is not None:
        _copy_tree(project.work / "site" / language, project.publish / language)
        clock.lap("copied")
    return LanguageBuild(pages, clock.laps | {"pages written": written, "pages rendered": pages - len(keep)})


def _keepable(project: LanguageProject, last: dict, known: dict, files: dict) -> KeptReads:
    """The entity pages the last build made (a file in the site, search entries kept) that read none
    of the keys that changed, each with what it read (as the last record holds it)."""
    try:
        searched, shells = dict(last["search"]), dict(last["shells"])
        unchanged = unchanged_pages(last["reads"], set(project.changed))
    except (KeyError, TypeError, ValueError, AttributeError):
        return KeptReads([], {})
    paths = {entity.path for entity in project.inputs.content.entities.values()}
    return KeptReads(unchanged.keys, {
        url: read for url, read in unchanged.items()
        if url in paths and url in files and searched.get(url) in known and url.split("/", 1)[0] in shells})


def render_language(project: LanguageProject, language: str, keep: KeptReads | None = None
                    ) -> tuple[PageStore, dict[str, str], int, PageReads]:
    """Every page of one language rendered in memory (but the entity pages in ``keep``, with what they
    read), its diagrams laid out (or read from the cache): the bodies of the pages mkdocs
    builds (with a shell per section) and the entity pages poured into the shells, the front matter
    of the former, how many pages the language has, and what each entity page read."""
    from eagraph.validators.rule_codes import contract_rules

    keep = keep or KeptReads([], {})
    rules = {code: rule.info() for code, rule in contract_rules().items()}
    diagrams: dict[str, str] = {}
    reads = PageReads()
    recorded = project.cache_dir is not None  # a build kept nowhere has no next build to tell what pages read
    renderer = Pages(project.inputs.content, project.inputs.findings, language, environment(), diagrams,
                     rules, project.inputs.policy, reads=reads if recorded else None, keep=keep)
    if recorded:
        watch(project.inputs, reads)
    pages = list(renderer.all())
    entities, others = [], []
    for path, front, body in pages:
        entity = entity_page(path, front, body) if _is_entity(path) else None
        if entity is None:
            others.append((path, front, body))
            reads.pages.pop(path[:-3] + ".html", None)  # built by mkdocs: never kept
        else:
            entities.append(entity)
    reads.keep(keep)
    sections = {page.section for page in entities} | {url.split("/", 1)[0] for url in keep}
    others += [shell_page(section) for section in sorted(sections)]
    store = PageStore({path: body for path, _front, body in others}, _diagrams(project, language, diagrams),
                      entities)
    return store, {path: front for path, front, _body in others}, len(pages) + len(keep), reads


def _diagrams(project: LanguageProject, language: str, sources: dict[str, str]) -> dict[str, str]:
    """The SVG of each diagram: laid out by Graphviz, or read from the pack the builds of this language
    kept in the cache (:func:`.diagrams.write_pack`; not a cache entry per diagram: 4,890 file creations
    at 2,000 services). Diagrams are keyed by their source, so a pack of any build (another output
    folder, a preview session, another model) gives only right answers; without a cache every
    diagram is laid out. A rebuild that rendered only some pages keeps the others' diagrams too."""
    if project.cache_dir is None:
        return render_all(sources)
    pack = project.cache_dir / "site-diagrams" / language
    known = read_pack(pack, sources)
    svgs = render_all(sources, known)
    if project.changed is None:
        write_pack(pack, svgs)  # every diagram of the site: those no page draws any more are let go
    else:
        write_pack(pack, known | svgs, keys=[key for key in svgs if key not in known])
    return svgs


def _is_entity(path: str) -> bool:
    """An entity's page (``services/x.md``), which goes into its section's shell; a section's index
    and the roadmap's pages go through mkdocs."""
    section, _, name = path.partition("/")
    return bool(name) and name != "index.md" and section in KIND_OF_SECTION


def write_project(project: LanguageProject, language: str, store: PageStore, fronts: dict[str, str]) -> Path:
    """Write the mkdocs project of one language into ``work/<language>/`` (its pages' front matter
    and placeholders, eagraph's assets, mkdocs.yml, built into ``work/<language>/built``); returns
    the path of its mkdocs.yml."""
    folder = project.work / language
    docs = folder / "docs"
    shutil.rmtree(docs, ignore_errors=True)
    shutil.rmtree(folder / "built", ignore_errors=True)
    folders: set[Path] = set()
    for path, front in fronts.items():
        target = docs / path
        if target.parent not in folders:
            target.parent.mkdir(parents=True, exist_ok=True)
            folders.add(target.parent)
        target.write_text(f"{front}\n{BODY}\n", encoding="utf-8")
    shutil.copytree(ASSETS, docs / "assets")
    config = mkdocs_config(language, project.languages, project.title, folder / "built",
                           project.inputs.content.archimate_sections)
    (folder / "mkdocs.yml").write_text(config, encoding="utf-8")
    return folder / "mkdocs.yml"


def entity_pages(store: PageStore):
    """(path in the site, HTML) of each entity page: its section's shell filled with it."""
    shells: dict[str, Shell] = {}
    for page in store.entities:
        if page.section not in shells:
            if page.section not in store.shells:
                raise SiteBuildError(f"mkdocs built no page shell for the section {page.section}")
            shells[page.section] = Shell(store.shells[page.section])
        yield page.url, store.with_diagrams(shells[page.section].fill(page))


def update_site(built: Path, site: Path, entities, manifest: Path, dirty: bool, kept: set[str] = frozenset()) -> int:
    """Bring ``site`` up to date with what mkdocs built (``built``, moved in) and the ``entities``
    ((path, HTML) pairs); returns how many pages were written.

    ``dirty``: ``site`` holds the last build, and ``manifest`` the digest of each of its files, so
    only the files whose bytes changed are written, and those that are gone removed (but the pages
    ``kept``, not rendered again, which stay as they are). A file is never
    overwritten in place but replaced (a rename, or removed and written anew): the published copy of
    the last build shares the unchanged files with ``site`` (hard links)."""
    before = _read_manifest(manifest) if dirty else {}
    if not dirty:
        shutil.rmtree(site, ignore_errors=True)
    after: dict[str, str] = {path: before[path] for path in kept if path in before}
    written = 0
    folders: set[Path] = set()

    def changed(path: str, data: bytes) -> Path | None:
        digest = after[path] = _digest(data)
        target = site / path
        if before.get(path) == digest and (not before or target.exists()):
            return None
        if target.parent not in folders:
            target.parent.mkdir(parents=True, exist_ok=True)
            folders.add(target.parent)
        return target

    for source in sorted(built.rglob("*")):
        path = source.relative_to(built).as_posix()
        if source.is_dir() or is_shell(path):
            continue
        target = changed(path, source.read_bytes())
        if target is not None:
            os.replace(source, target)
            written += path.endswith(".html") and path != "404.html"  # a page of the site
    for path, html in entities:
        data = html.encode("utf-8")
        target = changed(path, data)
        if target is not None:
            if before:
                target.unlink(missing_ok=True)
            target.write_bytes(data)
            written += 1
    for path in set(before) - set(after):
        (site / path).unlink(missing_ok=True)
    manifest.write_text(json.dumps(after, sort_keys=True), encoding="utf-8")
    shutil.rmtree(built, ignore_errors=True)
    return written


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _read_manifest(path: Path) -> dict:
    """What the last build kept (the digest of each file of its site, one file read instead of one
    per page; the entity pages' search entries); nothing when it is missing or damaged, so that
    everything is made again."""
    try:
        found = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def _read_entries(path: Path) -> dict[str, str]:
    """The search entries the last build kept (:attr:`.pagestore.PageStore.search_entries`); none when
    they are missing or damaged, so that every page is read again."""
    found = read_sealed(path)
    if isinstance(found, dict) and all(isinstance(text, str) for text in found.values()):
        return found
    return {}


def mkdocs_config(language: str, languages: tuple[str, ...], title: str | None, site_dir: Path,
                  extra_sections: tuple[str, ...] = ()) -> str:
    """The mkdocs.yml of one language (JSON, which YAML reads): entity pages are kept out of the
    navigation, which would otherwise list ten thousand services on every page. ``extra_sections``:
    the sections only some models have (an imported ArchiMate model's)."""
    sections = (*SECTIONS, *extra_sections)
    nav = [{word("home", language): "index.md"}]
    nav += [{word(section, language): f"{section}/index.md"} for section in sections]
    nav += [{word("one-stop-shop", language): "one-stop-shop.md"}, {word("roadmap", language): "roadmap/index.md"}]
    nav += [{word(key, language): f"{key}.md"} for key in ("findings", "validation", "rules")]
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
        "plugins": [{"search": {"lang": [language if language in ("nl", "fr", "en", "de") else "en"]}}, "offline"],
        "nav": nav,
        "not_in_nav": "\n".join(f"/{section}/*.md" for section in (*sections, "roadmap")),
        "validation": {"omitted_files": "ignore", "absolute_links": "warn", "unrecognized_links": "warn"},
    }
    return json.dumps(config, indent=1, ensure_ascii=True) + "\n"


def build_languages(project: LanguageProject) -> tuple[int, dict[str, float]]:
    """Each language is generated and built by mkdocs in a process of its own (forked, so the model
    read once is shared, and handed the project as an argument), as many at a time as there are
    cores; returns pages and summed seconds."""
    build = functools.partial(build_language, project)
    workers = fork_workers()
    if len(project.languages) == 1 or workers < 2:
        results = [build(language) for language in project.languages]
    else:
        results = in_forked_processes(build, project.languages, workers)
    problems = [result.error for result in results if result.error]
    if problems:
        raise SiteBuildError("mkdocs could not build the site:\n" + "\n".join(problems))
    laps: dict[str, float] = {}
    for result in results:
        for name, seconds in result.seconds.items():
            laps[name] = round(laps.get(name, 0.0) + seconds, 2)
    return sum(result.pages for result in results), laps


def in_forked_processes(function: Callable[[T], R], items: Sequence[T], workers: int) -> list[R]:
    """``function(item)`` for each item, each in a forked child process (at most ``workers`` at a
    time): the child inherits ``function`` and what it holds, so only the item's result (small) is
    pickled back. An exception in a child is raised here; a child that dies is a SiteBuildError."""
    context = multiprocessing.get_context("fork")
    results: list[R] = []
    for first in range(0, len(items), max(1, workers)):
        running = []
        for item in items[first:first + max(1, workers)]:
            receive, send = context.Pipe(duplex=False)
            child = context.Process(target=_send_result, args=(send, function, item), daemon=True)
            child.start()
            send.close()
            running.append((item, child, receive))
        for item, child, receive in running:
            try:
                ok, value = receive.recv()
            except EOFError:
                ok, value = False, SiteBuildError(f"the build of {item} stopped unexpectedly")
            finally:
                receive.close()
                child.join()
            if not ok:
                raise value
            results.append(value)
    return results


def _send_result(send, function: Callable, item) -> None:
    leave_inherited_alone()
    try:
        outcome = (True, function(item))
    except BaseException as exc:  # noqa: BLE001 - re-raised in the parent
        outcome = (False, exc)
    try:
        send.send(outcome)
    except Exception as exc:  # noqa: BLE001 - the exception itself would not pickle
        send.send((False, SiteBuildError(f"the build of {item} failed: {outcome[1]!r} ({exc})")))
    finally:
        send.close()


def _mkdocs_build(config_file: str, store: PageStore) -> str | None:
    """Build one mkdocs project with the site's plugin holding ``store``; the error text, or None."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    try:
        build(install(load_config(config_file), store))
    except (MkDocsException, OSError) as exc:
        return f"{config_file}: {exc}"
    return None


def _input_state(workspace: Workspace, inputs: SiteInputs) -> dict:
    """What this build's inputs were, for the next build to compare with (:func:`.reads.input_state`)."""
    from eagraph.check.incremental import file_row, kept_packs

    files = {f.relpath: file_row(workspace.config, f) for f in workspace.files}
    return input_state(inputs, files, kept_packs(workspace.cache, workspace.config))


def _changed_keys(workspace: Workspace, state: Path, now: dict) -> frozenset[str] | None:
    """What may read differently than in the last build kept in ``state`` (None: every page is rendered)."""
    from eagraph.check.incremental import kept_content

    last = _read_state(state / "inputs")
    if last is None:
        return None
    changed = changed_keys(last, now, lambda digest, pack: kept_content(workspace.cache, digest, pack))
    return None if changed is None else frozenset(changed)


def _read_state(path: Path) -> dict | None:
    """What a build kept for the next one (:func:`_write_state`); None when missing or damaged."""
    found = read_sealed(path)
    return found if isinstance(found, dict) else None


def _write_state(path: Path, state: dict) -> None:
    write_sealed(path, state)


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
