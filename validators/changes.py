"""Which nodes a change can affect, and which files they need: ``validate --changed-since REV``.

The statements that differ between the files as they are and as they were at REV (a reformatted
file changes nothing) decide the nodes to check:

- the subjects of those statements (their own properties changed);
- the objects, where a shape reads that property backwards (``sh:inversePath``,
  ``sh:targetObjectsOf``): an agreement that lost its last user;
- the nodes that link to a subject whose type, existence or step order changed, since the
  shapes of a node read those of the nodes it links to (``sh:class``, dangling links, EAG125);
- the nodes that share a changed identifier (uniqueness rules).

Each of them then gets exactly the findings of a full run, because the contract's shapes reach
one link from their focus node: the files that say something about the nodes to check, or link
to them, and the files that describe what they link to, are all a check reads. Those files are
found in the mention index (:mod:`eagraph.workspace.mentions`) and only they are loaded. Shapes
that may reach further (an organisation's SPARQL constraints) or a profile's RDFS inference load
the whole model instead; the nodes to check stay the same.
"""

from __future__ import annotations

import datetime
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
import rdflib
from rdflib.namespace import SH

from eagraph.ontology import DCT, EAG, RDF_TYPE
from eagraph.workspace import ModelSyntaxError, Workspace
from eagraph.workspace.git import GitError, resolve_revision, run_git  # noqa: F401  (GitError: part of this module's answer)
from eagraph.workspace.lifecycle import REPEALED_BY, leave_out
from eagraph.workspace.mentions import Mentions, value_key
from eagraph.workspace.sources import FORMATS, SourceFile, oxigraph_parse
from eagraph.workspace.workspace import ModelFile, model_sources, open_cache, read_files

# What the contract's constraints read of the nodes their focus node links to: the type
# (sh:class and the SPARQL class checks) and a step's order (EAG125, unique step orders).
READ_THROUGH_LINKS = frozenset({RDF_TYPE, EAG + "order"})
# The values the contract compares across nodes (EAG035, EAG091, EAG092: unique identifiers).
# Core SHACL compares values of one node only; shapes with SPARQL load the whole model.
COMPARED_PROPERTIES = frozenset({DCT + "identifier"})


@dataclass
class Change:
    """What differs between the changed files now and at the revision."""

    subjects: set[str] = field(default_factory=set)  # nodes whose own statements changed
    backward: set[str] = field(default_factory=set)  # objects of changed statements read backwards
    redefined: set[str] = field(default_factory=set)  # nodes whose type, existence or order changed
    values: set[tuple[str, str]] = field(default_factory=set)  # (predicate, lexical) added or removed
    appeared: set[str] = field(default_factory=set)  # subjects described only now, or only before
    described: set[str] = field(default_factory=set)  # subjects described now or before
    predicates: set[str] = field(default_factory=set)  # properties of the statements added or removed
    statements: set[tuple[str, str]] = field(default_factory=set)  # (subject, property) of those statements


@dataclass
class ChangedModel:
    """The part of the model a change can affect, loaded; ``nodes`` are the ones to check."""

    workspace: Workspace
    nodes: frozenset[str]
    changed_files: set[str]
    complete: bool  # the whole model was loaded
    described: frozenset[str] = frozenset()  # named nodes the changed files describe, now or before
    predicates: frozenset[str] = frozenset()  # properties of the statements added or removed
    statements: frozenset[tuple[str, str]] = frozenset()  # (subject, property) of those statements


def load_changed(path: Path | str, revision: str, *, cache=True, extra_shapes: tuple[Path, ...] = (),
                 profiles: tuple[str, ...] = (), as_of: datetime.date | None = None) -> ChangedModel:
    """Load what ``validate --changed-since revision`` needs and find the nodes to check."""
    config, sources = model_sources(path)
    files, problems = read_files(sources)
    if problems:
        raise ModelSyntaxError(problems)
    changed, old = changed_model_files(config.root, revision)
    return load_change(config, files, changed, old, cache=cache, extra_shapes=extra_shapes, profiles=profiles,
                       as_of=as_of)


def load_change(config, files: list[ModelFile], changed: set[str], old: dict[str, bytes], *, cache=True,
                extra_shapes: tuple[Path, ...] = (), profiles: tuple[str, ...] = (),
                mentions_of: Callable[[ModelFile], Mentions | None] | None = None,
                described: bool = False, as_of: datetime.date | None = None) -> ChangedModel:
    """The part of the model that ``changed`` files (as ``files`` hold them now, against their
    content ``old``; a file missing from ``old`` is new) can affect, loaded, and the nodes to check.
    ``validate --changed-since`` compares with a git revision; ``eagraph lsp`` with the files on
    disk, an editor's unsaved text in ``files``. ``mentions_of``: the mention index when the caller
    keeps it warm (default: read through the parse cache). ``described``: every node the changed
    files describe (now or at the revision) is checked too, not only those whose statements
    changed, besides the nodes the change reaches in other files: an editor shows a file's every
    finding, and the incremental check (:mod:`eagraph.check.incremental`) has every finding whose
    line may have moved computed anew. ``as_of``: the part as it stands on that day (``--as-of``),
    as a full run reads the model (see :func:`_as_of`)."""
    workspace = Workspace(config, [], ox.Store(), open_cache(cache))
    mentions_of = mentions_of or workspace.mentions
    shapes, reaches_further = _read_shapes([*config.shapes, *extra_shapes])
    complete = bool(profiles) or reaches_further
    mentions = {} if complete else {f.relpath: mentions_of(f) for f in files}

    def include(wanted: Callable[[Mentions], bool]) -> None:
        workspace.add([f for f in files if mentions.get(f.relpath) is None or wanted(mentions[f.relpath])])

    if complete:
        workspace.add(files)
    include(lambda m: m.schema)
    workspace.add([f for f in files if f.relpath in changed])
    change = read_change(workspace, changed, old, _backward_predicates(shapes))
    change.redefined |= {node for node in change.appeared if not _defined_outside(workspace, mentions, changed, node)}
    keys = {value_key(p, v) for p, v in change.values}
    include(lambda m: not m.objects.isdisjoint(change.redefined) or not m.values.isdisjoint(keys))
    nodes = change.subjects | change.backward | _linking_to(workspace, change.redefined) \
        | _sharing(workspace, change.values)
    if described:
        nodes |= change.described
    nodes.discard("_:")  # statements of a blank node that nothing holds: no node to name
    include(lambda m: m.touches(nodes))
    linked = _linked_from(workspace, nodes)
    include(lambda m: not m.subjects.isdisjoint(linked))
    if as_of is not None:
        nodes = _as_of(workspace, nodes, as_of, include)
    order = {f.relpath: number for number, f in enumerate(files)}
    workspace.files.sort(key=lambda f: order[f.relpath])  # the model's order: a node's first file is the same
    return ChangedModel(workspace, frozenset(nodes), changed, complete, frozenset(change.described - {"_:"}),
                        frozenset(change.predicates), frozenset(change.statements))


def _as_of(workspace: Workspace, nodes: set[str], day: datetime.date,
           include: Callable[[Callable[[Mentions], bool]], None]) -> set[str]:
    """Leave out of the loaded part what is outside its lifecycle on ``day``, and the nodes to check
    with it: a full run ``--as-of`` reports nothing about them. Whether a thing is in the model that day
    is written where it is described (its phase dates), or, for a repealed regulation, where the
    repealing one is (its entry into force): those files are loaded first, whatever else they hold, so
    the part leaves out exactly what the whole model would."""
    held = workspace.named_nodes()
    include(lambda m: not m.subjects.isdisjoint(held))
    statements = workspace.store.quads_for_pattern(None, ox.NamedNode(REPEALED_BY), None, None)
    repealing = {quad.object.value for quad in statements if isinstance(quad.object, ox.NamedNode)}
    include(lambda m: not m.subjects.isdisjoint(repealing))
    left_out = {thing.value for thing in leave_out(workspace, day) if isinstance(thing, ox.NamedNode)}
    return nodes - left_out


# git ---------------------------------------------------------------------------------------------

def changed_model_files(root: Path, revision: str) -> tuple[set[str], dict[str, bytes]]:
    """Model files (paths relative to ``root``) changed since ``revision``, and their content at it."""
    top = Path(run_git(root, "rev-parse", "--show-toplevel").strip())
    revision = resolve_revision(root, revision)  # "no revision v1.0 in REPO"; a commit, never a git option
    prefix = root.resolve().relative_to(top.resolve()).as_posix()
    listed = run_git(root, "diff", "--name-only", "--no-renames", revision, "--", ".").splitlines()
    listed += run_git(root, "ls-files", "--others", "--exclude-standard", "--full-name", "--", ".").splitlines()
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


# The change --------------------------------------------------------------------------------------

def read_change(workspace: Workspace, changed: set[str], old: dict[str, bytes],
                backward_predicates: frozenset[str]) -> Change:
    """Compare the statements of the changed files now (in the store) and at the revision."""
    now: set[tuple] = set()
    before: set[tuple] = set()
    of_blank: set[tuple] = set()  # the statements a blank node makes (named by their holder above)
    for model_file in workspace.files:  # parsed as the old content is: the store writes some literals anew ("6.6")
        if model_file.relpath in changed:
            source = model_file.source
            now |= _statements(oxigraph_parse(model_file.data, source.format, source.base(workspace.config)),
                               of_blank)
    for relpath, data in old.items():
        try:
            source = SourceFile(workspace.root / relpath, relpath, FORMATS[Path(relpath).suffix.lower()])
            before |= _statements(oxigraph_parse(data, source.format, source.base(workspace.config)), of_blank)
        except (SyntaxError, ValueError):
            continue  # the old version did not parse: nothing was defined there
    change = Change()
    for subject, predicate, _, obj in now ^ before:
        change.subjects.add(subject)
        change.predicates.add(predicate)
        change.statements.add((subject, predicate))
        if (subject, predicate, _, obj) in of_blank:  # a blank node's own statement: "_:", of whatever class
            change.statements.add(("_:", predicate))
        if predicate in READ_THROUGH_LINKS:
            change.redefined.add(subject)
        if isinstance(obj, ox.Literal):
            if predicate in COMPARED_PROPERTIES:
                change.values.add((predicate, obj.value))
        elif isinstance(obj, ox.NamedNode) and predicate in backward_predicates:
            change.backward.add(obj.value)
    change.appeared = {s for s, *_ in now} ^ {s for s, *_ in before}
    change.described = {s for s, *_ in now} | {s for s, *_ in before}
    return change


def _statements(triples, of_blank: set[tuple] | None = None) -> set[tuple]:
    """Statements comparable across two parses: blank nodes (named at random by each parse) are
    replaced by their parent's IRI, so a change inside a blank node touches that parent.
    ``of_blank`` receives those whose subject is a blank node."""
    triples = list(triples)
    parent = {str(t.object): _text(t.subject) for t in triples
              if isinstance(t.object, ox.BlankNode) and not isinstance(t.subject, ox.BlankNode)}

    def name(term) -> str:
        return parent.get(str(term), "_:") if isinstance(term, ox.BlankNode) else _text(term) or str(term)

    found = set()
    for t in triples:
        statement = (name(t.subject), t.predicate.value, name(t.object),
                     None if isinstance(t.object, ox.BlankNode) else t.object)
        found.add(statement)
        if of_blank is not None and isinstance(t.subject, ox.BlankNode):
            of_blank.add(statement)
    return found


# Finding the nodes and files ---------------------------------------------------------------------

def _read_shapes(paths: list[Path]) -> tuple[rdflib.Graph, bool]:
    """The shapes (contract and organisation's), and whether the organisation's may read
    beyond one link (SPARQL constraints). Shapes that cannot be read count as reaching anywhere:
    the validation then says what is wrong with them."""
    from .shape_reader import CONTRACT_SHAPES, ShapesError, derived, read_shapes

    contract = read_shapes([CONTRACT_SHAPES])
    try:
        own = read_shapes(paths)
    except ShapesError:
        return contract, True
    both = derived("with", contract, (id(own),), lambda: (own, contract + own))  # kept by both graphs
    if both[0] is not own:  # another graph now has that identity: work it out again
        both = (own, contract + own)
    return both[1], next(own.triples((None, SH.sparql, None)), None) is not None


def _backward_predicates(shapes: rdflib.Graph) -> frozenset[str]:
    """Properties the shapes read from object to subject."""
    return frozenset(str(p) for p in (*shapes.objects(None, SH.inversePath), *shapes.objects(None, SH.targetObjectsOf))
                     if isinstance(p, rdflib.URIRef))


def _defined_outside(workspace: Workspace, mentions: dict[str, Mentions | None], changed: set[str], node: str) -> bool:
    """Whether an unchanged file also describes ``node`` (so the change did not create or delete it)."""
    if mentions:
        return any(m is not None and node in m.subjects for relpath, m in mentions.items() if relpath not in changed)
    graphs = {f"<{f.source.graph}>" for f in workspace.files if f.relpath in changed}
    return not node.startswith("_:") and any(
        str(q.graph_name) not in graphs for q in workspace.store.quads_for_pattern(ox.NamedNode(node), None, None, None))


def _linking_to(workspace: Workspace, nodes: set[str]) -> set[str]:
    found = set()
    for node in nodes:
        if not node.startswith("_:"):
            found |= {_text(q.subject) for q in workspace.store.quads_for_pattern(None, None, ox.NamedNode(node), None)}
    return found


def _sharing(workspace: Workspace, values: set[tuple[str, str]]) -> set[str]:
    """Nodes holding one of ``values`` under its property, compared as the uniqueness rules do."""
    found = set()
    for predicate in {p for p, _ in values}:
        keys = {value_key(p, v) for p, v in values if p == predicate}
        for quad in workspace.store.quads_for_pattern(None, ox.NamedNode(predicate), None, None):
            if isinstance(quad.object, ox.Literal) and value_key(predicate, quad.object.value) in keys:
                found.add(_text(quad.subject))
    return found


def _linked_from(workspace: Workspace, nodes: set[str]) -> set[str]:
    """The IRIs that ``nodes`` (and the blank nodes they hold) link to."""
    linked: set[str] = set()
    todo = [ox.NamedNode(n) if not n.startswith("_:") else ox.BlankNode(n[2:]) for n in nodes]
    seen = set()
    while todo:
        node = todo.pop()
        for quad in workspace.store.quads_for_pattern(node, None, None, None):
            if isinstance(quad.object, ox.NamedNode):
                linked.add(quad.object.value)
            elif isinstance(quad.object, ox.BlankNode) and quad.object not in seen:
                seen.add(quad.object)
                todo.append(quad.object)
    return linked


def _text(term) -> str | None:
    """A node as findings name it (IRI text, or the store's blank node label); None for literals."""
    if isinstance(term, ox.NamedNode):
        return term.value
    return str(term) if isinstance(term, ox.BlankNode) else None
