"""``eagraph diff``: what a change means, entity by entity, and how it changes the findings.

Two versions of a model (git revisions, the working tree, or two folders) are compared statement
by statement, so layout, order and blank-node names do not count: a blank node is known by what
it says (a hash of its statements, nested ones included), so only a real change to it shows, as
a change of the entity that holds it. Changes are grouped by entity (the named subject, with its
kind and label): added, removed, renamed (the same statements under a new IRI, or the same
identifier), or changed, with each property's values before and after. The findings of both
versions are compared too: validation errors and analysis findings introduced and resolved.
"""

from __future__ import annotations

import datetime
import io
import subprocess
import sys
import tarfile
import tempfile
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from eagraph.analyses.model import CLASS_KINDS
from eagraph.check import ALL_UNLOCATED, CheckResults, check, check_path, file_statements
from eagraph.forking import fork_workers, in_fork
from eagraph.findings import Finding
from eagraph.ontology import DCT, RDF_TYPE, RDFS, SKOS, local_name
from eagraph.workspace import ModelSyntaxError, Workspace, load
from eagraph.workspace.blanks import blank_names, holders
from eagraph.workspace.git import GitError, resolve_revision, run_git
from eagraph.workspace.lifecycle import keep_as_of
from eagraph.workspace.workspace import ModelRead, model_sources, open_cache, read_files, read_model

LABELS = (SKOS + "prefLabel", DCT + "title", RDFS + "label")
IDENTIFIER = DCT + "identifier"
WORKING_TREE = None  # a revision argument meaning "the files as they are now"


@dataclass
class PropertyChange:
    predicate: str
    removed: list[str]
    added: list[str]


@dataclass
class EntityChange:
    iri: str
    kind: str
    label: str
    status: str  # added, removed, changed, renamed
    properties: list[PropertyChange] = field(default_factory=list)
    renamed_from: str | None = None


@dataclass
class ModelDiff:
    before: str
    after: str
    entities: list[EntityChange]
    introduced: list[Finding] = field(default_factory=list)
    resolved: list[Finding] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        found: dict[str, int] = defaultdict(int)
        for entity in self.entities:
            found[entity.status] += 1
        return dict(found)


# -- reading the versions ------------------------------------------------------------------------

def load_version(path: Path, revision: str | None, work: Path) -> Workspace:
    """The model at ``path`` as it is (``revision`` None) or as it was at a git revision."""
    return load(version_folder(path, revision, work), cache=True)


def version_folder(path: Path, revision: str | None, work: Path) -> Path:
    """The model at ``path`` (a folder, or one file) as it is (``revision`` None), or as it was at a
    git revision, extracted under ``work``."""
    if revision is WORKING_TREE:
        return path
    path = path.resolve()
    folder = path if path.is_dir() else path.parent
    top = Path(run_git(folder, "rev-parse", "--show-toplevel").strip())
    prefix = folder.relative_to(top.resolve()).as_posix()
    commit = resolve_revision(folder, revision)  # "no revision v1.0 in REPO"; a commit, never a git option
    archive = subprocess.run(["git", "-C", str(top), "archive", "--format=tar", commit, "--",
                              prefix if prefix != "." else "."], capture_output=True)
    if archive.returncode != 0:
        raise GitError(f"git archive {revision}: {archive.stderr.decode(errors='replace').strip()}")
    target = work / (revision.replace("/", "_") or "rev")
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(target, filter="data")
    extracted = target / prefix if prefix != "." else target
    return extracted if path.is_dir() else extracted / path.name  # one file compares with one file


def changed_parts(before: Path, after: Path, cache: bool = True,
                  read: "tuple[ModelRead, ModelRead] | None" = None) -> tuple[Workspace, Workspace]:
    """What a statement diff of two versions needs, and no more: the files that differ, and the
    unchanged files that say something about a node those files mention (its other statements,
    its type, its label). A one-file change then reads a few files, not the model; statements
    that only unchanged files hold are the same on both sides and could not show anyway.
    ``read``: both versions as :func:`eagraph.workspace.workspace.read_model` read them (else read here)."""
    sides = []
    for number, folder in enumerate((before, after)):
        if read is not None and not read[number].problems:
            config, files = read[number].config, read[number].files
        else:  # read here, so that what cannot be read is reported as the diff reports it
            config, sources = model_sources(folder)
            files, problems = read_files(sources)
            if problems:
                raise ModelSyntaxError(problems)
        sides.append((Workspace(config, [], ox.Store(), open_cache(cache)), {f.relpath: f for f in files}))
    (old, old_files), (new, new_files) = sides
    rebased = old.config.base != new.config.base  # the same text then says other things
    changed = {path for path in old_files.keys() | new_files.keys() if rebased or path not in old_files
               or path not in new_files or old_files[path].digest != new_files[path].digest}
    old.add([old_files[path] for path in sorted(changed) if path in old_files])
    new.add([new_files[path] for path in sorted(changed) if path in new_files])
    nodes = old.named_nodes() | new.named_nodes()
    unchanged = [f for path, f in sorted(new_files.items()) if path not in changed] if nodes else []
    mentions = _mentions(new, unchanged)
    if read is not None:
        read[1].mentions.update(mentions)  # the incremental check of the new version needs them again
    context = [f for f in unchanged if (m := mentions[f.relpath]) is None or not m.subjects.isdisjoint(nodes)]
    old.add([old_files[f.relpath] for f in context])
    new.add(context)
    return old, new


#: Fewer files than this are read for mentions in one process: a fork costs more than it saves.
PARALLEL_MENTIONS = 64


def _mentions(workspace: Workspace, files: list) -> dict:
    """What each of ``files`` mentions (:meth:`Workspace.mentions`). Those not in the cache yet (a
    model checked, never diffed: every file, 2,500 at 10,000 services, each parsed) are read half
    in a forked process, half here, where two cores are there; the fork leaves them in the cache."""
    from eagraph.workspace.cache import NoCache
    from eagraph.workspace.workspace import cache_key

    cache = workspace.cache
    todo = [f for f in files if not cache.has("mentions", cache_key(f, workspace.config, cache))]
    if fork_workers() >= 2 and len(todo) >= PARALLEL_MENTIONS and not isinstance(cache, NoCache):
        there = todo[len(todo) // 2:]
        pending = in_fork(lambda: [workspace.mentions(f) for f in there] and None)
        try:
            for model_file in todo[:len(todo) // 2]:
                workspace.mentions(model_file)
        finally:
            pending()
    return {f.relpath: workspace.mentions(f) for f in files}


def statements(workspace: Workspace) -> tuple[set[tuple[str, str, str]], dict[str, str]]:
    """The model's statements as N-Triples terms, blank nodes named by their content, and the
    name given to each of the store's blank nodes."""
    triples = file_statements(workspace)
    names = blank_names(triples)
    # Subjects, properties and linked nodes repeat thousands of times: one string each.
    intern = sys.intern
    return {(intern(names.get(s, s)), intern(p), intern(names.get(o, o)) if o[0] in "<_" else o)
            for s, p, o in triples}, names


# -- comparing -----------------------------------------------------------------------------------

def compare(before: set[tuple[str, str, str]], after: set[tuple[str, str, str]]) -> list[EntityChange]:
    """The changes between two sets of statements, by named entity."""
    removed, added = before - after, after - before
    owners_before, owners_after = holders(before), holders(after)
    changed: dict[str, dict[str, tuple[set[str], set[str]]]] = defaultdict(lambda: defaultdict(lambda: (set(), set())))
    index_before, index_after = _by_subject(before), _by_subject(after)
    for side, triples, owners in ((0, removed, owners_before), (1, added, owners_after)):
        graph = index_before if side == 0 else index_after
        for s, p, o in triples:
            owner, predicate = owners.get(s, (s, p))
            shown = _shown(graph, o) if owner == s else _describe_blank(graph, s)
            changed[owner][predicate if owner != s else p][side].add(shown)
    subjects_before = {s for s, _, _ in before if not s.startswith("_:")}
    subjects_after = {s for s, _, _ in after if not s.startswith("_:")}
    types = _types(before | after)
    entities = []
    for subject in sorted(changed):
        if subject.startswith("_:"):
            continue  # a blank node nothing named holds: reported through its statements nowhere else
        status = ("added" if subject not in subjects_before else
                  "removed" if subject not in subjects_after else "changed")
        properties = [PropertyChange(p, sorted(old - new), sorted(new - old))
                      for p, (old, new) in sorted(changed[subject].items()) if old != new]
        if properties or status != "changed":
            entities.append(EntityChange(subject, _kind(types.get(subject, set())), "", status, properties))
    return _find_renames(entities, index_before, index_after)


#: How deep and how long a blank node is written out in a diff; a cycle, a long chain or a node
#: shared a thousand times (all possible in a hostile file) is cut there, not followed for ever.
SHOWN_NESTING = 16
SHOWN_LENGTH = 2000


def _describe_blank(index: dict[str, list[tuple[str, str]]], node: str, depth: int = 0,
                    memo: dict[tuple[str, int], str] | None = None) -> str:
    if depth >= SHOWN_NESTING:
        return "[ … ]"
    memo = {} if memo is None else memo
    if (node, depth) not in memo:
        text = "[ " + " ; ".join(sorted(f"{p} {_shown(index, o, depth + 1, memo)}" for p, o in index.get(node, ()))) + " ]"
        memo[node, depth] = text if len(text) <= SHOWN_LENGTH else text[:SHOWN_LENGTH] + " … ]"
    return memo[node, depth]


def _shown(index: dict[str, list[tuple[str, str]]], term: str, depth: int = 0,
           memo: dict[tuple[str, int], str] | None = None) -> str:
    """A term as the diff shows it: a blank node by what it says."""
    return _describe_blank(index, term, depth, memo) if term.startswith("_:") else term


def _types(triples: Iterable[tuple[str, str, str]]) -> dict[str, set[str]]:
    found: dict[str, set[str]] = defaultdict(set)
    for s, p, o in triples:
        if p == f"<{RDF_TYPE}>":
            found[s].add(o[1:-1])
    return found


def _kind(classes: set[str]) -> str:
    return next((kind for cls, kind in CLASS_KINDS.items() if cls in classes), "entity")


def _find_renames(entities: list[EntityChange], before: dict, after: dict) -> list[EntityChange]:
    """A removed and an added entity of one kind with the same identifier, or the same statements
    apart from their own IRI, are one entity renamed."""
    removed = [e for e in entities if e.status == "removed"]
    added = [e for e in entities if e.status == "added"]
    by_subject_before, by_subject_after = before, after
    for new in added:
        for old in removed:
            if old.kind != new.kind or old.status != "removed":
                continue
            old_statements = {(p, o) for p, o in by_subject_before.get(old.iri, ())}
            new_statements = {(p, o) for p, o in by_subject_after.get(new.iri, ())}
            same_id = any(p == f"<{IDENTIFIER}>" for p, _ in old_statements & new_statements)
            overlap = len(old_statements & new_statements) / max(1, len(old_statements | new_statements))
            if same_id or overlap >= 0.8:
                new.status, new.renamed_from = "renamed", old.iri
                new.properties = [PropertyChange(
                    p, sorted(_shown(before, o) for q, o in old_statements - new_statements if q == p),
                    sorted(_shown(after, o) for q, o in new_statements - old_statements if q == p))
                                  for p in sorted({p for p, _ in old_statements ^ new_statements})]
                old.status = "gone"
                break
    return [e for e in entities if e.status != "gone"]


def _by_subject(triples: set) -> dict[str, list[tuple[str, str]]]:
    found: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for s, p, o in triples:
        found[s].append((p, o))
    return found


# -- the whole diff --------------------------------------------------------------------------------

def diff_versions(before: Path, after: Path, *, before_name: str, after_name: str,
                  findings: bool = True) -> ModelDiff:
    """The diff of the models in two folders: statements from the files that changed and their
    context (:func:`changed_parts`); findings, which depend on the whole model, from both whole."""
    read = (read_model(before), read_model(after))  # each version's files read once, for all that follows
    (old, _), (new, _) = (statements(part) for part in changed_parts(before, after, read=read))
    result = _entity_diff(old, new, before_name, after_name)
    if findings:
        _compare_findings(result, before, after, read)
    return result


def diff_dates(path: Path, first: datetime.date, second: datetime.date, *, findings: bool = True) -> ModelDiff:
    """What the plan changes between two dates: the model at ``path`` as of each date (its
    lifecycle dates, :mod:`eagraph.workspace.lifecycle`), compared as two commits are, in the
    same words; findings introduced and resolved between the two dates too."""
    old_model, new_model = (keep_as_of(load(path, cache=True), day) for day in (first, second))
    (old, _), (new, _) = statements(old_model), statements(new_model)
    result = _entity_diff(old, new, first.isoformat(), second.isoformat())
    if findings:
        renamed = {e.renamed_from[1:-1]: e.iri[1:-1] for e in result.entities if e.renamed_from}
        _set_findings(result, _keyed(check(old_model, ALL_UNLOCATED), renamed),
                      _keyed(check(new_model, ALL_UNLOCATED), renamed))
    return result


def _entity_diff(old: set[tuple[str, str, str]], new: set[tuple[str, str, str]], before_name: str,
                 after_name: str) -> ModelDiff:
    result = ModelDiff(before_name, after_name, compare(old, new))
    result.labels = _labels(old) | _labels(new)
    for entity in result.entities:
        entity.label = result.labels.get(entity.iri[1:-1], _local(entity.iri))
    return result


def _compare_findings(result: ModelDiff, before: Path, after: Path,
                      read: "tuple[ModelRead, ModelRead] | None" = None) -> None:
    """The findings introduced and resolved. Both versions go through the check step: the old one,
    usually checked before, is read from the cache, and the new one is then checked from it
    incrementally (only what the changed files can affect). An old version not checked yet is
    checked in a forked process on the other core while this one checks the new."""
    renamed = {e.renamed_from[1:-1]: e.iri[1:-1] for e in result.entities if e.renamed_from}
    first, second = read or (read_model(before), read_model(after))
    old = _checked_before(before, first)
    if old is None and fork_workers() >= 2:
        pending = in_fork(lambda: check_path(before, ALL_UNLOCATED, read=first))
        try:
            new = check_path(after, ALL_UNLOCATED, since=first, read=second)
        finally:
            old = pending()
    else:
        old = old or check_path(before, ALL_UNLOCATED, read=first)
        new = check_path(after, ALL_UNLOCATED, since=first, read=second)
    _set_findings(result, _keyed(old, renamed), _keyed(new, renamed))


class _NotChecked(Exception):
    """A version whose results are not all in the cache."""


def _checked_before(folder: Path, read: "ModelRead | None" = None) -> CheckResults | None:
    """The results of the version in ``folder`` when the cache has them all; None (nothing loaded) else."""
    def refuse() -> Workspace:
        raise _NotChecked

    try:
        return check_path(folder, ALL_UNLOCATED, load=refuse, read=read)
    except _NotChecked:
        return None


def _set_findings(result: ModelDiff, old: list[tuple[tuple, Finding]], new: list[tuple[tuple, Finding]]) -> None:
    old_keys, new_keys = {k for k, _ in old}, {k for k, _ in new}
    result.introduced = [f for k, f in new if k not in old_keys]
    result.resolved = [f for k, f in old if k not in new_keys]


def _keyed(results: CheckResults, renamed: dict[str, str]) -> list[tuple[tuple, Finding]]:
    """A model's findings, each with the key that matches it across versions: a renamed entity's
    findings under its new IRI; a finding about a blank node by the entity and property holding it
    (the store names blank nodes anew at every load)."""
    places = results.blank_places

    def key(finding: Finding) -> tuple:
        code, subject, path, value = finding.fingerprint
        if subject in places:
            holder, predicate = places[subject]
            subject = f"{renamed.get(holder[1:-1], holder[1:-1])} {predicate}"
        return code, renamed.get(subject, subject), path, "_:" if value.startswith("_:") else value

    return [(key(f), f) for f in results.findings]


def _labels(triples: set[tuple[str, str, str]]) -> dict[str, str]:
    """A label per IRI (English, Dutch, French, any), for showing changes in business terms."""
    ranked: dict[str, tuple[int, str]] = {}
    order = {"en": 0, "nl": 1, "fr": 2}
    for s, p, o in triples:
        if p[1:-1] in LABELS and o.startswith('"') and not s.startswith("_:"):
            text, _, language = o[1:].rpartition('"@')
            if not _:
                text, language = o[1:].rpartition('"')[0], ""
            rank = (order.get(language, 3), text)
            if s[1:-1] not in ranked or rank < ranked[s[1:-1]]:
                ranked[s[1:-1]] = rank
    return {iri: text for iri, (_, text) in ranked.items()}


def _local(term: str) -> str:
    """The local name of an N-Triples IRI term (``<…>``)."""
    return local_name(term.strip("<>"))


def temporary_folder() -> tempfile.TemporaryDirectory:
    return tempfile.TemporaryDirectory(prefix="eagraph-diff-")
