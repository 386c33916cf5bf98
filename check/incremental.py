"""The incremental check: the results of a version checked before, brought up to date for the few
files that differ, identical to checking the changed model whole.

A *base* is a version of the model whose results are in the cache (for ``diff``, the old version;
for ``analyze`` and ``validate``, the last state of the same folder that was checked, see
:mod:`eagraph.check.pointer`). When the model asked for differs from its base in a few files, with
the same settings, the check recomputes only what those files can change:

- **Validation is local.** The contract's shapes read one link from their focus node, so the
  nodes a change can affect and the files they need are found as ``validate --changed-since``
  finds them (:func:`eagraph.validators.changes.load_change`): those files are loaded, those nodes
  validated, and their findings replace the base's findings on the same nodes. Every node the
  changed files describe is checked again too, so that a finding's line follows its node. Where a
  count cannot be split by node (suppressions, a baseline) or the class hierarchy changes, the
  validation is computed whole.
- **The analyses, kind by kind.** Each kind declares what its findings, savings and coverage are
  computed from (:func:`eagraph.analyses.registry.reads_of`: properties of any subject, and some
  of one class's subjects only: a service's title is not a concept's label), and while it runs the
  nodes whose labels its messages name are recorded (:attr:`AnalysisModel.read_labels`), kept with
  the analysis in a ``check-memo`` entry (:func:`memo_of`). A kind whose reads the change does not
  touch, nor the label of a node its messages name, keeps its findings, those about a node a changed
  file describes located anew. ``duplicate-service``, global (every service against every other,
  word statistics from a sample of all of them), keeps its services' table in the memo: when only
  services' titles, descriptions or labels changed, the table is patched with those services'
  texts (the part holds every statement about them), candidates and gates are computed again, and
  the text similarities of a field and language are the base's where the pairs, the text model's
  services and their texts in that language are the same (:func:`eagraph.analyses.duplicates.updated`).
  The other touched kinds run on the changed model, loaded whole only then, and the savings of
  every finding are computed anew with them. A review kind (the backlog) reads every kind's
  findings: with any kind touched, the analysis runs whole.

What is not certain to give the full check's result falls back to it: there is no approximation.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, TypeVar

from eagraph.findings import Finding
from eagraph.workspace import Workspace

if TYPE_CHECKING:  # pragma: no cover
    from eagraph.validators.validate import ValidationOptions, ValidationReport
    from eagraph.workspace.cache import ParseCache
    from eagraph.workspace.config import Config
    from eagraph.workspace.workspace import ModelFile

T = TypeVar("T")
#: A change of more files than this (or of more than a tenth of the model) is checked whole:
#: the part to load then approaches the model, and the whole check is as quick.
MAX_CHANGED_FILES = 20
#: From how many bytes of new content a pack is written by a forked process (a fork costs milliseconds).
FORKED_PACK_FROM = 2_000_000
#: The rule code of an unused suppression, which depends on every node's findings.
UNUSED_SUPPRESSION = "EAG900"


@dataclass
class Base:
    """A version of the model checked before: the configuration its results were keyed with, its
    files (relative path -> digest, format, base IRI: what keys them) and a changed file's content."""

    config: "Config"
    files: dict[str, tuple[str, str, str]]
    content: Callable[[str], bytes | None]

    @classmethod
    def of_files(cls, config: "Config", files: list["ModelFile"]) -> "Base":
        by_path = {f.relpath: f for f in files}
        return cls(config, {path: file_row(config, f) for path, f in by_path.items()},
                   lambda path: by_path[path].data)


def file_row(config: "Config", model_file: "ModelFile") -> tuple[str, str, str]:
    """What keys a file's part of the results: its content, format and base IRI."""
    return model_file.digest, model_file.source.format, model_file.source.base(config)


@dataclass
class Change:
    """How the model differs from its base: the files, and the statements of those files."""

    files: set[str]
    old: dict[str, bytes]  # the base's content of the changed files it had
    predicates: set[str]  # the properties of the statements added or removed
    statements: frozenset[tuple[str, str]] = frozenset()  # (subject, property) of those statements


# The last state checked -----------------------------------------------------------------------------

def keep_contents(store: "ParseCache", config: "Config", files: list["ModelFile"]) -> Callable[[], dict[str, str]]:
    """Start keeping the files' contents for the next check; the function returned waits until they
    are kept and gives each content's pack (digest -> pack key); only this process can wait for
    the process it forks, so a check waits for it before it forks in turn (:attr:`_Check.packed`).

    The contents are kept in packs: one cache entry for the contents this check is the first to
    keep (at 10,000 services, one entry per file cost 2,475 file writes, 2 s of a 12 s validation),
    and per file the pack that holds it. A content a pack of the last state holds is not written
    again, so after a one-file edit the new pack holds that one file. Compressing a new pack takes
    0.4 s at 10,000 services: where there are two cores, a forked process does it while this one
    loads the model (the pack is kept by its content, so a check that fails leaves nothing wrong)."""
    from eagraph.forking import fork_workers, in_fork

    packs = _kept_packs(store, store.read("check-last", _folder_key(config)))
    new = {f.digest: f.data for f in files if f.digest not in packs}
    if not new:
        return lambda: packs
    key = hashlib.blake2b("\n".join(sorted(new)).encode(), digest_size=20).hexdigest()
    packs.update(dict.fromkeys(new, key))
    if store.has("check-file", key):
        return lambda: packs

    def write() -> None:
        store.write("check-file", key, {digest: zlib.compress(data, 1) for digest, data in new.items()})

    forked = fork_workers() >= 2 and sum(map(len, new.values())) >= FORKED_PACK_FROM
    pending = in_fork(write) if forked else write
    waited: list[bool] = []

    def kept() -> dict[str, str]:  # waits once: the check waits before it forks, remember() after
        if not waited:
            pending()
            waited.append(True)
        return packs
    return kept


def remember(store: "ParseCache", config: "Config", files: list["ModelFile"], settings: object,
             contents: Callable[[], dict[str, str]] | None = None) -> None:
    """Keep the state of the model just checked as the base of its next check: per model folder, its
    files' rows and settings, and each file's content (the next check compares the changed files'
    statements with it) by the pack that holds it. ``contents``: what :func:`keep_contents`
    returned when it was started before the check (default: kept now)."""
    packs = (contents or keep_contents(store, config, files))()
    rows = {f.relpath: list(file_row(config, f)) for f in files}
    store.write("check-last", _folder_key(config), [settings, rows, {f.digest: packs[f.digest] for f in files}])


def _kept_packs(store: "ParseCache", last: object) -> dict[str, str]:
    """The contents a last state's packs hold (digest -> pack), of the packs still in the cache."""
    try:
        packs = {str(digest): str(pack) for digest, pack in last[2].items()}
    except (TypeError, IndexError, AttributeError):
        return {}
    there = {pack for pack in set(packs.values()) if store.has("check-file", pack)}
    return {digest: pack for digest, pack in packs.items() if pack in there}


def last_checked(store: "ParseCache", config: "Config", settings: object) -> Base | None:
    """The state of the model folder checked last, as a base (None: none, or other settings then)."""
    value = store.read("check-last", _folder_key(config))
    try:
        then, rows, packs = value
        files = {str(path): (str(digest), str(fmt), str(base)) for path, (digest, fmt, base) in rows.items()}
        packs = {str(digest): str(pack) for digest, pack in packs.items()}
    except (TypeError, ValueError, AttributeError):
        return None
    if then != settings:
        return None
    read: dict[str, object] = {}  # the packs read so far: several changed files may share one

    def content(path: str) -> bytes | None:
        digest = files[path][0]
        pack = packs.get(digest)
        if pack is not None and pack not in read:
            read[pack] = store.read("check-file", pack)
        try:
            return zlib.decompress(read[pack][digest])
        except (KeyError, TypeError, zlib.error):  # no pack, a pack gone or damaged: not known
            return None

    return Base(config, files, content)


def warm_mentions(workspace: Workspace) -> Callable[[], object]:
    """Start reading, in a forked process, the mentions of the files whose mentions the cache does not
    hold: the next incremental check of this folder asks for every file's (which files a change can
    reach), and a build that read none left 2,473 files to parse and keep at its first rebuild (8 s
    of a 10,000-service site's rebuild, profiled). At a lower priority: the caller's own work comes
    first. Returns the wait; nothing is started where no other core is free or no cache is kept."""
    from eagraph.forking import fork_workers, in_fork
    from eagraph.workspace.cache import NoCache
    from eagraph.workspace.workspace import cache_key

    cache, config = workspace.cache, workspace.config
    if isinstance(cache, NoCache) or fork_workers() < 2:
        return lambda: None
    missing = [f for f in workspace.files if not cache.has("mentions", cache_key(f, config, cache))]
    if not missing:
        return lambda: None
    return in_fork(lambda: _niced(lambda: len([workspace.mentions(f) for f in missing])))


def _niced(function: Callable[[], T]) -> T:
    """``function`` run at a lower priority: on cores left idle, not in the way of the work waited for."""
    with contextlib.suppress(OSError):
        os.nice(10)
    return function()


def kept_packs(store: "ParseCache", config: "Config") -> dict[str, str]:
    """The packs (digest -> pack) of the contents the last check of the model's folder kept."""
    return _kept_packs(store, store.read("check-last", _folder_key(config)))


def kept_content(store: "ParseCache", digest: str, pack: str | None) -> bytes | None:
    """A content a check kept in ``pack`` (None: not known, or gone from the cache)."""
    if pack is None:
        return None
    try:
        return zlib.decompress(store.read("check-file", pack)[digest])
    except (KeyError, TypeError, zlib.error):
        return None


def _folder_key(config: "Config") -> str:
    return hashlib.blake2b(str(config.root.resolve()).encode(), digest_size=20).hexdigest()


def changed_files(base: Base, config: "Config", files: list["ModelFile"]) -> set[str]:
    """The model files whose content (or format, or base IRI) differs from the base's, or that only one has."""
    old = base.files
    new = {f.relpath: file_row(config, f) for f in files}
    return {path for path in old.keys() | new.keys() if old.get(path) != new.get(path)}


def small_change(changed: set[str], files: list["ModelFile"]) -> bool:
    """Whether a change is small enough that bringing the base up to date beats a whole check."""
    return 0 < len(changed) <= min(MAX_CHANGED_FILES, max(1, len(files) // 10))


# Validation ----------------------------------------------------------------------------------------

@dataclass
class Part:
    """The part of the changed model that a change can affect, loaded, and its nodes to check again."""

    workspace: Workspace
    nodes: frozenset[str]  # named nodes whose findings are replaced
    change: Change
    described: frozenset[str]  # the named nodes the changed files describe, now or before


def load_part(config: "Config", files: list["ModelFile"], base: Base, changed: set[str], *,
              options: "ValidationOptions", cache: bool, mentions: dict | None = None) -> Part | None:
    """Load what the changed files can affect (as ``validate --changed-since`` does), every node
    they describe now or described before included (a finding's line follows its node); None when
    the base's content of a changed file is not known any more. ``mentions``: the files' mentions
    the caller read already, by path (``diff`` does), the others read here."""
    from eagraph.validators.changes import load_change

    old = {path: base.content(path) for path in changed if path in base.files}
    if any(data is None for data in old.values()):
        return None
    mentions_of = None
    if mentions:
        from eagraph.workspace.workspace import open_cache, read_mentions

        store = open_cache(cache)

        def mentions_of(model_file: "ModelFile"):
            known = model_file.relpath in mentions
            return mentions[model_file.relpath] if known else read_mentions(model_file, config, store)
    part = load_change(config, files, changed, old, cache=cache, extra_shapes=options.extra_shapes,
                       profiles=options.profiles, described=True, mentions_of=mentions_of)
    return Part(part.workspace, part.nodes, Change(changed, old, part.predicates, part.statements), part.described)


def validate_part(part: Part, base_report: "ValidationReport", base_places: dict,
                  options: "ValidationOptions") -> "tuple[ValidationReport, dict] | None":
    """The base's validation report with the findings of the part's nodes computed anew; None when
    that would not be the whole check's report (the caller then validates the whole model)."""
    from eagraph.check import blank_places
    from eagraph.validators.validate import ValidationReport, validate
    from eagraph.workspace.mentions import SCHEMA_PREDICATES

    if not _splits_by_node(part.workspace.config, base_report, options) or \
            part.change.predicates & SCHEMA_PREDICATES or not _placed(base_report.findings, base_places):
        return None
    only = part.nodes | _blank_nodes_held(part.workspace, part.nodes)
    report = validate(part.workspace, replace(options, only_nodes=frozenset(only)))
    if report.suppressed or report.baselined or any(f.code == UNUSED_SUPPRESSION for f in report.findings):
        return None
    held = {f"<{node}>" for node in part.nodes}
    kept = [f for f in base_report.findings if not _replaced(f, part.nodes, held, base_places)]
    places = {label: place for label, place in base_places.items() if label in {f.subject for f in kept}}
    places |= blank_places(part.workspace, report.findings)
    findings = sorted(kept + report.findings, key=Finding.sort_key)
    return ValidationReport(findings, report.rules, 0, 0, base_report.checked_constraints,
                            list(base_report.notes)), places


def _splits_by_node(config: "Config", report: "ValidationReport", options: "ValidationOptions") -> bool:
    """Whether the report is the sum of its nodes' findings: no suppression or baseline, whose
    counts and unused entries depend on every node, and no restriction to some nodes."""
    return (not config.suppress and options.baseline is None and options.only_nodes is None
            and not report.suppressed and not report.baselined
            and not any(f.code == UNUSED_SUPPRESSION for f in report.findings))


def _replaced(finding: Finding, nodes: frozenset[str], held: set[str], places: dict) -> bool:
    """Whether a base finding is about a node checked again (or a blank node one of them holds)."""
    if finding.subject.startswith("_:"):
        return places[finding.subject][0] in held
    return finding.subject in nodes


def _placed(findings: list[Finding], places: dict) -> bool:
    """Whether every finding about a blank node is known by the named node that holds it (a blank
    node nothing named holds cannot be matched with the part's, so the whole model is validated)."""
    return all(not f.subject.startswith("_:") or not places.get(f.subject, ("_:",))[0].startswith("_:")
               for f in findings)


def _blank_nodes_held(workspace: Workspace, nodes: frozenset[str]) -> set[str]:
    """The blank nodes the named ``nodes`` hold (nested ones too), by the store's labels, as
    validation names the focus nodes it reports."""
    import pyoxigraph as ox

    found: set[str] = set()
    todo = [ox.NamedNode(node) for node in nodes if not node.startswith("_:")]
    while todo:
        for quad in workspace.store.quads_for_pattern(todo.pop(), None, None, None):
            if isinstance(quad.object, ox.BlankNode) and str(quad.object) not in found:
                found.add(str(quad.object))
                todo.append(quad.object)
    return found


# Analysis ------------------------------------------------------------------------------------------

def memo_of(model, labels: dict[str, set[str]], apart: dict | None = None) -> dict:
    """What the next incremental check needs of an analysis run, besides its findings: per kind, the
    nodes whose labels its messages name, and what ``duplicate-service`` computed on the way (a
    plain value that marshal writes, kept beside the analysis in the cache). ``apart``: the memo of
    the kinds that ran in another process (check/__init__.py ``APART``), joined to this one's."""
    from eagraph.analyses import duplicates

    memo = {"labels": {name: sorted(nodes) for name, nodes in labels.items()},
            "duplicate-service": duplicates.state(model)}
    if apart is not None:
        memo["labels"].update(apart["labels"])
        memo["duplicate-service"] = memo["duplicate-service"] or apart["duplicate-service"]
    return memo


@dataclass
class Analysis:
    """What the analysis of the changed model needs besides the base's: the kinds, the least score,
    and the changed model loaded whole (and prepared), for the kinds that must run on it."""

    kinds: tuple[str, ...]
    min_score: float
    whole: Callable[[], Workspace]
    model: object = None  # the changed model's AnalysisModel: the caller's, or the one built for the kinds
    #: the kinds computed anew, and how: "texts" (duplicate-service from its table) or "model" (the whole model)
    ran: dict[str, str] = field(default_factory=dict)


def update_analysis(part: Part, analysis: tuple, memo: dict | None, run: Analysis) -> tuple | None:
    """The base's analysis ``(analysed, places, locations)`` and memo (:func:`memo_of`) as the
    changed model's. A kind whose reads (:func:`eagraph.analyses.registry.reads_of`) the change
    does not touch, nor the label of a node its messages name, keeps its findings, each about a
    node a changed file describes located anew (its line may have moved); ``duplicate-service``
    after a change of texts only is brought up to date from its table; the other kinds run on the
    changed model. None when the whole analysis must run."""
    from eagraph.analyses.registry import select

    (findings, coverage), places, locations = analysis
    if not isinstance(memo, dict) or not isinstance(memo.get("labels"), dict) or \
            any(f.subject.startswith("_:") for f in findings):
        return None
    chosen = select(list(run.kinds))
    touched = {kind.name for kind in chosen if _touched(kind, part, memo)}
    if touched and any(kind.review is not None for kind in chosen):
        return None  # a review reads every other kind's findings
    moved = [f.subject in part.described for f in findings]
    locate = part.workspace.locate
    findings = [replace(f, location=locate(f.subject)) if again and f.location is not None else f
                for f, again in zip(findings, moved)]
    if locations is not None:
        locations = [f.location or locate(f.subject) if again else location
                     for f, location, again in zip(findings, locations, moved)]
    base = ((findings, coverage), places, locations)
    if not touched:
        return base, memo
    texts = "duplicate-service" in touched and _texts_changed(part, memo)
    if texts and touched == {"duplicate-service"}:
        done = _texts_only(part, base, memo, run)
        if done is not None:
            return done
    return _run_touched(part, base, memo, run, touched, texts)


def _texts_changed(part: Part, memo: dict) -> bool:
    """Whether of what duplicate-service reads, the change touches services' texts only (and its
    table is in the memo)."""
    from eagraph.analyses.duplicates import DUPLICATE_SERVICE
    from eagraph.analyses.registry import reads_of

    return memo.get(DUPLICATE_SERVICE.name) is not None and \
        reads_of(DUPLICATE_SERVICE).anywhere.isdisjoint(part.change.predicates)


def _updated_duplicates(part: Part, memo: dict, locate) -> tuple | None:
    """duplicate-service from its table (:func:`eagraph.analyses.duplicates.updated`), unscored; None
    where that is not certain."""
    from eagraph.analyses import duplicates

    services = {subject for subject, predicate in part.change.statements if predicate in duplicates.TEXT}
    try:
        return duplicates.updated(memo["duplicate-service"], part.workspace, services, duplicates.DUPLICATE_SERVICE,
                                  locate)
    except (duplicates.Uncertain, KeyError, TypeError, ValueError, AttributeError):  # a memo of another shape too
        return None


def _touched(kind, part: Part, memo: dict) -> bool:
    """Whether the change can alter the kind's findings: a statement it reads, or the label of a node
    its messages name (a blank node's label is named by its holder: any label change touches it)."""
    from eagraph.analyses.model import LABEL_PREDICATES
    from eagraph.analyses.registry import reads_of

    statements = part.change.statements
    if reads_of(kind).touched(statements, lambda subject: _types(part.workspace, subject)):
        return True
    named = memo["labels"].get(kind.name)
    if named is None:
        return True
    relabelled = {subject for subject, predicate in statements if predicate in LABEL_PREDICATES}
    return bool(relabelled) and (not relabelled.isdisjoint(named) or any(node.startswith("_:") for node in named))


def _types(workspace: Workspace, subject: str) -> set[str]:
    """The classes of a node the changed files describe (the part holds every file that does)."""
    import pyoxigraph as ox

    from eagraph.ontology import RDF_TYPE

    return {quad.object.value for quad in workspace.store.quads_for_pattern(ox.NamedNode(subject),
                                                                            ox.NamedNode(RDF_TYPE), None, None)}


def _texts_only(part: Part, base: tuple, memo: dict, run: Analysis) -> tuple | None:
    """``duplicate-service`` brought up to date when the change touches only services' texts
    (:func:`eagraph.analyses.duplicates.updated`); its findings keep the base's savings, which
    depend only on their subject and related services while nothing else savings read changed: the
    same clusters, or None (the whole kind runs)."""
    from eagraph.analyses import duplicates
    from eagraph.analyses.registry import rank, scored

    (findings, coverage), places, locations = base
    kind = duplicates.DUPLICATE_SERVICE
    before = {f.subject: (f, location) for f, location in zip(findings, locations or [None] * len(findings))
              if f.code == kind.name}

    def locate(subject: str):
        if subject in part.described:
            return part.workspace.locate(subject)
        if subject not in before:
            raise duplicates.Uncertain(f"{subject} is not located")
        return before[subject][0].location

    updated = _updated_duplicates(part, memo, locate)
    if updated is None:
        return None
    found, covered, state, named = updated
    new = [f for f in scored(kind, found, part.workspace, False) if (f.score or 0.0) >= run.min_score]
    if sorted((f.subject, f.related) for f in new) != sorted((f.subject, f.related) for f, _ in before.values()):
        return None
    new = [replace(f, savings=before[f.subject][0].savings) for f in new]
    kept = [(f, location) for f, location in zip(findings, locations or [None] * len(findings))
            if f.code != kind.name]
    ranked = rank([f for f, _ in kept] + new)
    place = {id(f): location for f, location in kept}
    place |= {id(f): f.location or before[f.subject][1] for f in new}
    coverage = [covered if c.kind == kind.name else c for c in coverage]
    memo = {**memo, "labels": {**memo["labels"], kind.name: sorted(named)}, kind.name: state}
    run.ran[kind.name] = "texts"
    return ((ranked, coverage), places, None if locations is None else [place[id(f)] for f in ranked]), memo


def _run_touched(part: Part, base: tuple, memo: dict, run: Analysis, touched: set[str], texts: bool) -> tuple:
    """The touched kinds run on the changed model loaded whole (duplicate-service from its table
    where ``texts`` says only services' texts changed), the others' findings kept; the savings of
    every finding computed anew (they fail, or not, for all together), then ranked."""
    from eagraph.analyses import duplicates
    from eagraph.analyses.model import AnalysisModel
    from eagraph.analyses.registry import rank, run_kinds, scored, select
    from eagraph.analyses.savings import with_savings
    from eagraph.check import blank_places, locate

    (findings, coverage), places, locations = base
    workspace = run.whole()
    model = run.model = run.model or AnalysisModel.build(workspace)
    chosen = select(list(run.kinds))
    labels: dict[str, set[str]] = {}
    updated = _updated_duplicates(part, memo, workspace.locate) if texts else None
    found = run_kinds(model, [kind for kind in chosen if kind.name in touched
                              and not (updated is not None and kind.name == duplicates.DUPLICATE_SERVICE.name)],
                      workspace, False, labels)
    if updated is not None:
        kind = duplicates.DUPLICATE_SERVICE
        found[kind.name] = scored(kind, updated[0], workspace, False)
        labels[kind.name] = updated[3]
    fresh = [f for kind in chosen if kind.name in touched for f in found[kind.name]
             if (f.score or 0.0) >= run.min_score]
    kept = [(f, location) for f, location in zip(findings, locations or [None] * len(findings))
            if f.code not in touched]
    ranked = rank(with_savings([f for f, _ in kept] + fresh, workspace, model))
    where = {(f.code, f.subject, f.related): location for f, location in kept}
    if locations is not None:
        where |= {(f.code, f.subject, f.related): location for f, location in zip(fresh, locate(workspace, fresh))}
    coverage = [next((kind.coverage(model) for kind in chosen if kind.name == c.kind), c) if c.kind in touched else c
                for c in coverage]
    memo = {**memo, "labels": {**memo["labels"], **{name: sorted(nodes) for name, nodes in labels.items()}}}
    run.ran.update(dict.fromkeys(sorted(touched), "model"))
    if updated is not None:
        memo["duplicate-service"] = updated[2]
        run.ran["duplicate-service"] = "texts"
        coverage = [updated[1] if c.kind == "duplicate-service" else c for c in coverage]
    elif "duplicate-service" in touched:
        memo["duplicate-service"] = duplicates.state(model)
    places = {**places, **blank_places(workspace, fresh)}
    return ((ranked, coverage), places,
            None if locations is None else [where[(f.code, f.subject, f.related)] for f in ranked]), memo
