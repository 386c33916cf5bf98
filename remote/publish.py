"""``eagraph publish``: the model into a SPARQL server, one named graph per file or per authority.

A manifest graph lists the model's graphs with a digest of their content, so a re-publish
uploads only the graphs that changed and drops those whose files are gone. Readers never see half
a model: the changed graphs are first uploaded under staging names, then one SPARQL Update moves
them into place, drops the removed ones and rewrites the manifest, in one request (one
transaction on a server that runs an update request as one, as Oxigraph, Fuseki and GraphDB
do). A publish that fails before that request leaves the published graphs as they were.

That update is safe to send twice (a gateway may lose its answer after the server committed it),
and afterwards the server's manifest and statement counts are checked against what was sent. A
publish does not remove graphs whose files are still in the model folder, nor more than a quarter
of the server's graphs at once, unless told to (``allow_removal``).
"""

from __future__ import annotations

import hashlib
import secrets
import warnings
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, unquote

import pyoxigraph as ox

from eagraph.ontology import CPSV, CV, DCT, EAG
from eagraph.workspace import EagraphError, Workspace
from eagraph.workspace.blanks import distinct_blank_names

from .client import TRANSIENT, Endpoint
from .http import Lost, ServerError, StatusError, Unreachable, redact

GRAPH_BASE = "https://w3id.org/eagraph/graph/"
HAS_PART = DCT + "hasPart"
DIGEST = DCT + "identifier"
#: a publish removes at most this share of the server's graphs unless told to (--allow-removal)
REMOVAL_SHARE = 0.25
IRI_FORBIDDEN = set('<>"{}|^`\\')


@dataclass
class PublishResult:
    graphs: int
    uploaded: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def manifest_graph(graph_base: str = GRAPH_BASE) -> str:
    return graph_base + "manifest"


def graphs_of(workspace: Workspace, by: str = "file", graph_base: str = GRAPH_BASE) -> dict[str, bytes]:
    """The N-Triples of each graph to publish: one per file, or one per authority (the files whose
    services, applications and sources belong to one authority; the rest in ``shared``)."""
    by_graph: dict[str, list[str]] = defaultdict(list)
    owners = _file_authorities(workspace) if by == "authority" else {}
    for model_file in workspace.files:
        if by == "authority":
            name = "authority/" + _slug(owners.get(model_file.relpath, "shared"))
        else:
            name = "file/" + quote(model_file.relpath)
        quads = workspace.store.quads_for_pattern(None, None, None, ox.NamedNode(model_file.source.graph))
        by_graph[graph_base + name].append(_stable_ntriples(quads))
    return {graph: "".join(sorted(parts)).encode() for graph, parts in sorted(by_graph.items())}


def publish(workspace: Workspace, endpoint: Endpoint, *, by: str = "file", graph_base: str = GRAPH_BASE,
            allow_removal: bool = False) -> PublishResult:
    """Make the server hold the model: upload what changed to staging graphs, swap them in with one
    update that is safe to send twice, then check that the server holds what was sent."""
    graphs = graphs_of(workspace, by, graph_base)
    digests = {graph: hashlib.blake2b(data, digest_size=16).hexdigest() for graph, data in graphs.items()}
    manifest = manifest_graph(graph_base)
    published = _published_digests(endpoint, manifest)
    changed = [graph for graph in graphs if published.get(graph) != digests[graph]]
    removed = sorted(set(published) - set(graphs))
    if not allow_removal:
        check_removal(workspace, removed, len(published), graph_base)
    # staging graphs left by publishes that failed halfway
    leftovers = [_our_graph(row.get("g", ""), graph_base, endpoint) for row in endpoint.select(
        f'SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), "{graph_base}") '
        f'&& CONTAINS(STR(?g), "#staging-")) }}')]
    token = secrets.token_hex(6)
    staged = []
    try:
        for graph in changed:
            if graphs[graph]:
                endpoint.put_graph(f"{graph}#staging-{token}", graphs[graph])
                staged.append(graph)
    except Exception:
        _drop_staged(endpoint, staged, token)
        raise
    swap = _swap(changed, staged, removed + leftovers, digests, manifest, token)
    try:
        endpoint.update(swap, repeatable=True)
    except StatusError as exc:
        if exc.status not in TRANSIENT:  # refused: nothing was changed
            _drop_staged(endpoint, staged, token)
            raise
        _settle_unknown_outcome(endpoint, graphs, digests, manifest, changed, exc)
    except Lost as exc:
        _settle_unknown_outcome(endpoint, graphs, digests, manifest, changed, exc)
    except Unreachable:  # never sent: the previous model stands; the next publish clears the staging graphs
        raise
    else:
        verify(endpoint, graphs, digests, manifest, changed)
    return PublishResult(len(graphs), changed, removed)


class RemovalRefused(EagraphError):
    """A publish would remove graphs on the strength of a model that may not have loaded whole."""


def check_removal(workspace: Workspace, removed: list[str], published: int, graph_base: str = GRAPH_BASE) -> None:
    """Refuse to remove a file's graph while that file is still in the model folder (it was not
    loaded: an unreadable folder, say), or more than :data:`REMOVAL_SHARE` of the server's graphs
    at once: both mean the model that loaded is not the whole model, more often than a wish."""
    root = workspace.root.resolve()
    still_there = [g for g in removed if g.startswith(graph_base + "file/")
                   and _still_in_folder(root, unquote(g.removeprefix(graph_base + "file/")))]
    if still_there:
        names = ", ".join(unquote(g.removeprefix(graph_base + "file/")) for g in still_there[:5])
        raise RemovalRefused(
            f"{root}: publishing would remove {len(still_there)} graph(s) from the server whose files are still "
            f"in the model folder but were not loaded ({names}{', ...' if len(still_there) > 5 else ''}): unreadable, "
            f"or excluded in eagraph.toml? Nothing was changed on the server; give --allow-removal if they are to go")
    if removed and len(removed) > REMOVAL_SHARE * published:
        raise RemovalRefused(
            f"{root}: publishing would remove {len(removed)} of the {published} graphs on the server (more than "
            f"{REMOVAL_SHARE:.0%}), for example {removed[0]}. Is the model at {root} complete? Nothing was changed on "
            f"the server; give --allow-removal to remove them")


def verify(endpoint: Endpoint, graphs: dict[str, bytes], digests: dict[str, str], manifest: str,
           changed: list[str]) -> None:
    """The server's manifest lists the digests sent and each changed graph holds as many statements
    as were sent: a server that says yes without doing it is caught here, not by readers later."""
    problems = []
    if _published_digests(endpoint, manifest) != digests:
        problems.append(f"its manifest <{manifest}> does not list the graphs and digests sent")
    held = _statement_counts(endpoint, changed)
    for graph in changed:
        sent = _distinct_statements(graphs[graph])
        if held.get(graph, 0) != sent:
            problems.append(f"<{graph}> holds {held.get(graph, 0)} statements, {sent} were sent")
    if problems:
        raise ServerError(f"{redact(endpoint.base)}: after the publish the server does not hold the model: "
                          + "; ".join(problems[:5]) + ("; ..." if len(problems) > 5 else "")
                          + ". Publish again (it is safe to repeat)")


def _settle_unknown_outcome(endpoint: Endpoint, graphs: dict[str, bytes], digests: dict[str, str], manifest: str,
                            changed: list[str], error: ServerError) -> None:
    """The final update's answer was lost: it may have been applied. If the server holds the model,
    the publish succeeded; otherwise the error stands, and the staging graphs stay for the next
    publish (dropping them now could race the update if the server is still running it)."""
    try:
        verify(endpoint, graphs, digests, manifest, changed)
    except ServerError:
        raise ServerError(f"{error}. The server may still be applying the update; publishing again is safe "
                          f"(it finishes or clears what this one left)") from None
    warnings.warn(f"the answer to the final update was lost ({error}), but the server holds the model as sent")


def _swap(changed: list[str], staged: list[str], dropped: list[str], digests: dict[str, str], manifest: str,
          token: str) -> str:
    """One SPARQL Update that puts the staged graphs in place, safe to apply twice: a graph is
    replaced only while its staging graph exists (a repeat finds none and leaves it alone, where
    ``MOVE SILENT`` from the already-moved staging graph would empty it)."""
    staged_set = set(staged)
    operations = []
    for graph in changed:
        staging = f"<{graph}#staging-{token}>"
        if graph not in staged_set:  # the graph is now empty
            operations.append(f"CLEAR SILENT GRAPH <{graph}>")
            continue
        operations += [
            f"DELETE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }} WHERE {{ "
            f"{{ SELECT ?staged WHERE {{ GRAPH {staging} {{ ?staged ?sp ?so }} }} LIMIT 1 }} "
            f"GRAPH <{graph}> {{ ?s ?p ?o }} }}",
            f"INSERT {{ GRAPH <{graph}> {{ ?s ?p ?o }} }} WHERE {{ GRAPH {staging} {{ ?s ?p ?o }} }}",
            f"DROP SILENT GRAPH {staging}"]
    operations += [f"DROP SILENT GRAPH <{graph}>" for graph in dropped]
    lines = " ".join(f'<{manifest}> <{HAS_PART}> <{g}> . <{g}> <{DIGEST}> "{d}" .' for g, d in digests.items())
    operations += [f"DROP SILENT GRAPH <{manifest}>", f"INSERT DATA {{ GRAPH <{manifest}> {{ {lines} }} }}"]
    return " ;\n".join(operations)


def _published_digests(endpoint: Endpoint, manifest: str) -> dict[str, str]:
    graph_base = manifest.removesuffix("manifest")
    return {_our_graph(row.get("g", ""), graph_base, endpoint): row.get("d", "") for row in endpoint.select(
        f"SELECT ?g ?d WHERE {{ GRAPH <{manifest}> {{ <{manifest}> <{HAS_PART}> ?g "
        f"OPTIONAL {{ ?g <{DIGEST}> ?d }} }} }}")}


def _our_graph(iri: str, graph_base: str, endpoint: Endpoint) -> str:
    """A graph name read from the server, before it goes into an update: one of eagraph's graphs
    and a plain IRI, so that a forged manifest cannot smuggle operations into the update."""
    if not iri.startswith(graph_base) or any(c in IRI_FORBIDDEN or ord(c) <= 0x20 for c in iri):
        raise ServerError(f"{redact(endpoint.base)}: the manifest lists {iri[:200]!r}, not one of eagraph's graphs "
                          f"(below {graph_base}); nothing was changed on the server")
    return iri


def _statement_counts(endpoint: Endpoint, graphs: list[str]) -> dict[str, int]:
    if not graphs:
        return {}
    values = " ".join(f"<{g}>" for g in graphs)
    rows = endpoint.select(f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }} "
                           f"GROUP BY ?g")
    try:
        return {row["g"]: int(row["n"]) for row in rows}
    except (KeyError, ValueError):
        raise ServerError(f"{redact(endpoint.base)}: the server's answer to a count of statements is not one "
                          f"({str(rows)[:200]})") from None


def _distinct_statements(ntriples: bytes) -> int:
    return len({line for line in ntriples.splitlines() if line.strip()})


def _still_in_folder(root: Path, relpath: str) -> bool:
    """Whether the model folder still has this file (or cannot say: a folder on the way is unreadable)."""
    path = root / relpath
    if ".." in Path(relpath).parts or Path(relpath).is_absolute():
        return False  # a name from the server that points outside the model: not a file of ours
    try:
        return path.exists() or path.is_symlink()
    except OSError:
        return True


def _stable_ntriples(quads) -> str:
    """N-Triples that are the same text whenever the graph is the same: sorted, and blank nodes
    named by their content instead of the store's labels (so digests show real changes only)."""
    triples = [(str(q.subject), str(q.predicate), str(q.object)) for q in quads]
    names = distinct_blank_names(triples)
    return "".join(sorted(f"{names.get(s, s)} {p} {names.get(o, o)} .\n" for s, p, o in triples))


def _drop_staged(endpoint: Endpoint, staged: list[str], token: str) -> None:
    """Best effort: the staging graphs of a failed publish (the server may be gone)."""
    if not staged:
        return
    try:
        endpoint.update(" ;\n".join(f"DROP SILENT GRAPH <{graph}#staging-{token}>" for graph in staged),
                        repeatable=True)
    except Exception:  # noqa: BLE001 - the original error is the one to report
        pass


def _file_authorities(workspace: Workspace) -> dict[str, str]:
    """file -> the authority most of its services, applications and sources belong to."""
    votes: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    query = f"""SELECT ?g ?a WHERE {{ GRAPH ?g {{
        {{ ?s a <{CPSV}PublicService> ; <{CV}hasCompetentAuthority> ?a }}
        UNION {{ ?s <{EAG}ownedBy> ?a }} UNION {{ ?s <{DCT}publisher> ?a }}
        UNION {{ ?a a <{CV}PublicOrganisation> }} }} }}"""
    graphs = {f.source.graph: f.relpath for f in workspace.files}
    for row in workspace.store.query(query):
        relpath = graphs.get(row["g"].value)
        if relpath:
            votes[relpath][row["a"].value.rstrip("/").rsplit("/", 1)[-1]] += 1
    return {relpath: max(sorted(counts), key=lambda a: counts[a]) for relpath, counts in votes.items()}


def _slug(text: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "-" for c in text.lower())
