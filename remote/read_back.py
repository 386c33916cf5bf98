"""Reading a published model back from a SPARQL server into a workspace, so that ``query``,
``validate`` and ``analyze`` with ``--endpoint`` give the same answers as on the local files.

The graphs listed in the manifest are fetched through the Graph Store protocol; each becomes one
"file" of the workspace, named after its graph, so findings point at the graph (and at the line
of the statement in the fetched N-Triples).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

import pyoxigraph as ox

from eagraph.workspace import EagraphError, Workspace
from eagraph.workspace.config import Config
from eagraph.workspace.sources import SourceFile, content_digest
from eagraph.workspace.workspace import ModelFile, open_cache

from .client import Endpoint
from .publish import GRAPH_BASE, HAS_PART, manifest_graph


def load_remote(endpoint: Endpoint, graph_base: str = GRAPH_BASE) -> Workspace:
    manifest = manifest_graph(graph_base)
    graphs = sorted(row["g"] for row in endpoint.select(
        f"SELECT ?g WHERE {{ GRAPH <{manifest}> {{ <{manifest}> <{HAS_PART}> ?g }} }}"))
    if not graphs:
        raise EagraphError(f"{endpoint.base}: no eagraph model is published there (no manifest graph <{manifest}>)")
    files = []
    for graph in graphs:
        name = unquote(graph.removeprefix(graph_base)) + ".nt"
        data = endpoint.get_graph(graph)
        files.append(ModelFile(SourceFile(Path(name), name, "ntriples"), content_digest(data), data))
    workspace = Workspace(Config(root=Path(endpoint.base.replace("://", "_").replace("/", "_"))), [], ox.Store(),
                          open_cache(False))
    workspace.add(files)
    return workspace
