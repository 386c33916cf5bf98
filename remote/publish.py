"""``eagraph publish``: the model into a SPARQL server, one named graph per file or per authority.

A manifest graph lists the model's graphs with a digest of their content, so a re-publish
uploads only the graphs that changed and drops those whose files are gone. Readers never see half
a model: the changed graphs are first uploaded under staging names, then one SPARQL Update moves
them into place, drops the removed ones and rewrites the manifest, in one request (one
transaction on a server that runs an update request as one, as Oxigraph, Fuseki and GraphDB
do). A publish that fails before that request leaves the published graphs as they were.
"""

from __future__ import annotations

import hashlib
import secrets
from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import quote

import pyoxigraph as ox

from eagraph.analyses.model import CPSV, CV, DCT, EAG
from eagraph.workspace import Workspace
from eagraph.workspace.blanks import distinct_blank_names

from .client import Endpoint

GRAPH_BASE = "https://w3id.org/eagraph/graph/"
HAS_PART = "http://purl.org/dc/terms/hasPart"
DIGEST = "http://purl.org/dc/terms/identifier"


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


def publish(workspace: Workspace, endpoint: Endpoint, *, by: str = "file", graph_base: str = GRAPH_BASE) -> PublishResult:
    graphs = graphs_of(workspace, by, graph_base)
    digests = {graph: hashlib.blake2b(data, digest_size=16).hexdigest() for graph, data in graphs.items()}
    manifest = manifest_graph(graph_base)
    published = {row["g"]: row.get("d", "") for row in endpoint.select(
        f"SELECT ?g ?d WHERE {{ GRAPH <{manifest}> {{ <{manifest}> <{HAS_PART}> ?g "
        f"OPTIONAL {{ ?g <{DIGEST}> ?d }} }} }}")}
    changed = [graph for graph in graphs if published.get(graph) != digests[graph]]
    removed = sorted(set(published) - set(graphs))
    leftovers = [row["g"] for row in endpoint.select(  # staged by a publish that failed halfway
        f'SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), "{graph_base}") '
        f'&& CONTAINS(STR(?g), "#staging-")) }}')]
    token = secrets.token_hex(6)
    staged = []
    try:
        for graph in changed:
            endpoint.put_graph(f"{graph}#staging-{token}", graphs[graph])
            staged.append(graph)
        operations = [f"MOVE SILENT <{graph}#staging-{token}> TO <{graph}>" for graph in changed]
        operations += [f"DROP SILENT GRAPH <{graph}>" for graph in removed + leftovers]
        lines = " ".join(f'<{manifest}> <{HAS_PART}> <{g}> . <{g}> <{DIGEST}> "{d}" .' for g, d in digests.items())
        operations += [f"DROP SILENT GRAPH <{manifest}>", f"INSERT DATA {{ GRAPH <{manifest}> {{ {lines} }} }}"]
        endpoint.update(" ;\n".join(operations))
    except Exception:
        _drop_staged(endpoint, staged, token)
        raise
    return PublishResult(len(graphs), changed, removed)


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
        endpoint.update(" ;\n".join(f"DROP SILENT GRAPH <{graph}#staging-{token}>" for graph in staged))
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
