"""Each entity's history: the commits that changed it, as ``eagraph diff`` reads them.

Once per site build, the last N commits that changed the model are each compared with their first
parent by :func:`eagraph.gittools.diff.diff_versions` (statements, not lines; only the files the
commit touched and their context are loaded, and no findings are computed), so an entity page can
list the commits that added, removed, renamed or changed it, and which properties. A commit's
changes never change: they are kept in the cache by commit, as the trend's figures are, so a later
build only compares the commits that are new.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from eagraph.workspace import EagraphError
from eagraph.workspace.git import GitError, run_git

from .diff import diff_versions, temporary_folder, version_folder
from .trend import cached_entry, place_in_repository, store_entry


@dataclass(frozen=True)
class Commit:
    """A commit that changed the model."""

    hash: str
    date: str  # ISO 8601, the commit's
    subject: str  # the first line of its message


@dataclass(frozen=True)
class CommitChange:
    """What one commit did to one entity: ``status`` added, removed, renamed or changed; the
    properties (IRIs) whose values it changed."""

    commit: Commit
    status: str
    properties: tuple[str, ...] = ()


@dataclass
class History:
    """The commits read (newest first) and, per entity IRI, its changes in them (newest first).
    No commits: the model is not in git, or none was asked for; the site then says nothing. A commit
    whose model (or its parent's) cannot be read, a Turtle file broken there, is not among the commits
    read, so no page claims it left the entity alone."""

    commits: list[Commit]
    changes: dict[str, list[CommitChange]]

    def of(self, iri: str) -> list[CommitChange]:
        return self.changes.get(iri, [])


def last_commits(model: Path, count: int) -> list[tuple[Commit, str | None]]:
    """The last ``count`` commits on the first-parent line that changed the model, newest first,
    each with its first parent (None: a root commit)."""
    folder, paths = (model, ".") if model.is_dir() else (model.parent, model.name)
    log = run_git(folder, "log", "--first-parent", f"--max-count={count}", "--format=%H%x09%P%x09%cI%x09%s",
                  "HEAD", "--", paths)
    found = []
    for line in log.splitlines():
        if line.count("\t") < 3:
            continue
        commit, parents, date, subject = line.split("\t", 3)
        found.append((Commit(commit, date, subject), parents.split()[0] if parents.split() else None))
    return found


def entity_history(model: Path, count: int, cache_dir: Path | None = None) -> History:
    """The entities each of the last ``count`` commits that changed the model added, removed, renamed
    or changed. Not a repository, no commit, or ``count`` 0: no commits, no changes."""
    if count <= 0:
        return History([], {})
    try:
        commits = last_commits(model, count)
        where = place_in_repository(model)
    except EagraphError:
        return History([], {})
    changes: dict[str, list[CommitChange]] = defaultdict(list)
    read = []
    with temporary_folder() as work:
        folders: dict[str | None, Path] = {}
        for commit, parent in commits:  # newest first, so each entity's list is too
            key = f"{commit.hash}-{hashlib.sha1(where.encode()).hexdigest()[:12]}-history"
            found = cached_entry(cache_dir, key)
            if found is None:
                try:
                    found = {"entities": _compared(model, parent, commit.hash, Path(work), folders)}
                except EagraphError:
                    continue  # not cached: a later eagraph may read it
                store_entry(cache_dir, key, found)
            read.append(commit)
            for iri, status, properties in found["entities"]:
                changes[iri].append(CommitChange(commit, status, tuple(properties)))
    return History(read, dict(changes))


def _compared(model: Path, parent: str | None, commit: str, work: Path,
              folders: dict[str | None, Path]) -> list[tuple[str, str, list[str]]]:
    """(IRI, status, changed properties) of each entity ``commit`` changed, against ``parent``; the
    versions are extracted once each into ``work`` (a commit's parent is often the next one read)."""
    for revision in (commit, parent):
        if revision not in folders:
            folders[revision] = _folder_at(model, revision, work)
    before, after = folders[parent], folders[commit]
    diff = diff_versions(before, after, before_name=parent or "", after_name=commit, findings=False)
    return [(entity.iri[1:-1], entity.status, [change.predicate[1:-1] for change in entity.properties]
             if entity.status in ("changed", "renamed") else [])
            for entity in diff.entities if entity.iri.startswith("<")]


def _folder_at(model: Path, revision: str | None, work: Path) -> Path:
    """The model at ``revision``; an empty folder where it did not exist yet (before its first commit)."""
    if revision is not None:
        try:
            return version_folder(model, revision, work)
        except GitError:
            pass
    empty = work / "empty"
    empty.mkdir(exist_ok=True)
    (empty / "eagraph.toml").touch()  # a model with nothing in it (a folder with no model is an error)
    if model.is_dir():
        return empty
    (empty / model.name).touch()
    return empty / model.name
