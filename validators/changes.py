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
    """The focus nodes whose findings a change can alter.

    Only the statements that changed count (a reformatted file changes nothing): their subjects
    and the objects the model describes, the nodes that link to those (their constraints read
    the changed node's type and properties), and the nodes that share a changed literal value
    under the same property (uniqueness rules compare identifiers across the model).
    """
    now: set[tuple] = set()
    before: set[tuple] = set()
    for model_file in workspace.files:
        if model_file.relpath in changed:
            now |= _statements(workspace.store.quads_for_pattern(None, None, None, ox.NamedNode(model_file.source.graph)))
    for relpath, data in old.items():
        fmt = OXIGRAPH_FORMATS.get(FORMATS.get(Path(relpath).suffix.lower(), ""))
        try:
            before |= _statements(ox.parse(data, fmt, base_iri="file:///" + relpath))
        except (SyntaxError, ValueError):
            continue  # the old version did not parse: nothing was defined there
    model_graphs = {f"<{f.source.graph}>" for f in workspace.files}
    touched: set[str] = set()
    shared_values: set[tuple] = set()
    for subject, predicate, obj, node in now ^ before:
        touched.add(subject)
        if isinstance(node, ox.Literal):
            shared_values.add((predicate, node))
        elif predicate != RDF_TYPE.value and _described_in_model(workspace, node, model_graphs):
            # A class or a code-list concept is not a neighbour: through it every service would be one.
            touched.add(obj)
    neighbours: set[str] = set()
    for iri in (t for t in touched if not t.startswith("_:")):
        for quad in workspace.store.quads_for_pattern(None, None, ox.NamedNode(iri), None):
            neighbours.add(_text(quad.subject))
    for predicate, value in shared_values:
        for quad in workspace.store.quads_for_pattern(None, ox.NamedNode(predicate), value, None):
            neighbours.add(_text(quad.subject))
    neighbours.discard(None)
    return frozenset(touched | neighbours)


def _statements(triples) -> set[tuple]:
    """Statements comparable across two parses: blank nodes (named at random by each parse) are
    replaced by their parent's IRI, so a change inside a blank node touches that parent."""
    triples = list(triples)
    parent = {str(t.object): _text(t.subject) for t in triples
              if isinstance(t.object, ox.BlankNode) and not isinstance(t.subject, ox.BlankNode)}

    def name(term) -> str:
        return parent.get(str(term), "_:") if isinstance(term, ox.BlankNode) else _text(term) or str(term)

    return {(name(t.subject), t.predicate.value, name(t.object), t.object) if not isinstance(t.object, ox.BlankNode)
            else (name(t.subject), t.predicate.value, name(t.object), None) for t in triples}


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
