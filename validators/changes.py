"""Which nodes a change can affect: for ``eagraph validate --changed-since REV``.

The nodes to check are those defined or referenced in the files changed since REV (as they are
now, and as they were at REV, so that a deleted definition still counts), and their neighbours one
link away in either direction, which is as far as the shapes reach. Every constraint then runs
for those focus nodes only, over the whole model, so each of them gets exactly the findings a
full run gives it.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pyoxigraph as ox

from eagraph.workspace import EagraphError, Workspace
from eagraph.workspace.sources import OXIGRAPH_FORMATS, FORMATS


class GitError(EagraphError):
    """git could not answer (not a repository, an unknown revision)."""


def _git(root: Path, *args: str) -> str:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise GitError("--changed-since needs git, and git is not installed") from None
    if done.returncode != 0:
        raise GitError(f"git {' '.join(args)}: {done.stderr.strip() or 'failed'}")
    return done.stdout


def changed_model_files(workspace: Workspace, revision: str) -> tuple[set[str], dict[str, bytes]]:
    """Model files (relative paths) changed since ``revision``, and their content at it."""
    root = workspace.root
    top = Path(_git(root, "rev-parse", "--show-toplevel").strip())
    _git(root, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    prefix = root.resolve().relative_to(top.resolve()).as_posix()
    listed = _git(root, "diff", "--name-only", "--no-renames", revision, "--", ".").splitlines()
    listed += _git(root, "ls-files", "--others", "--exclude-standard", "--full-name", "--", ".").splitlines()
    changed: set[str] = set()
    old: dict[str, bytes] = {}
    for name in listed:
        relpath = name[len(prefix) + 1:] if prefix not in ("", ".") and name.startswith(prefix + "/") else name
        if Path(relpath).suffix.lower() not in FORMATS:
            continue
        changed.add(relpath)
        shown = subprocess.run(["git", "-C", str(top), "show", f"{revision}:{name}"], capture_output=True)
        if shown.returncode == 0:
            old[relpath] = shown.stdout
    return changed, old


def nodes_to_check(workspace: Workspace, changed: set[str], old: dict[str, bytes]) -> frozenset[str]:
    touched: set[str] = set()
    model_graphs = {f"<{f.source.graph}>" for f in workspace.files}
    for model_file in workspace.files:
        if model_file.relpath in changed:
            for quad in workspace.store.quads_for_pattern(None, None, None, ox.NamedNode(model_file.source.graph)):
                touched.add(_text(quad.subject))
                # A class or a code-list concept is not a neighbour: through it every service
                # would be one. Objects count when the model itself describes them.
                if quad.predicate != RDF_TYPE and _described_in_model(workspace, quad.object, model_graphs):
                    touched.add(_text(quad.object))
    for relpath, data in old.items():
        fmt = OXIGRAPH_FORMATS.get(FORMATS.get(Path(relpath).suffix.lower(), ""))
        try:
            for triple in ox.parse(data, fmt, base_iri="file:///" + relpath):
                touched.add(_text(triple.subject))
        except (SyntaxError, ValueError):
            continue  # the old version did not parse: nothing defined there
    touched.discard(None)
    neighbours: set[str] = set()
    for iri in (t for t in touched if not t.startswith("_:")):
        node = ox.NamedNode(iri)
        for quad in workspace.store.quads_for_pattern(None, None, node, None):
            neighbours.add(_text(quad.subject))
        for quad in workspace.store.quads_for_pattern(node, None, None, None):
            if quad.predicate != RDF_TYPE and _described_in_model(workspace, quad.object, model_graphs):
                neighbours.add(_text(quad.object))
    neighbours.discard(None)
    return frozenset(touched | neighbours)


RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


def _described_in_model(workspace: Workspace, term, model_graphs: set[str]) -> bool:
    if isinstance(term, ox.BlankNode):
        return True
    if not isinstance(term, ox.NamedNode):
        return False
    return any(str(q.graph_name) in model_graphs for q in workspace.store.quads_for_pattern(term, None, None, None))


def _text(term) -> str | None:
    """A node as findings name it (IRI text, or the store's blank node label); None for literals."""
    if isinstance(term, ox.NamedNode):
        return term.value
    return str(term) if isinstance(term, ox.BlankNode) else None
