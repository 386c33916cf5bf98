"""The ``eag:`` ontology in a model's store: validation, the exports and the site all need its terms.

The ontology says what eagraph's own concepts are (service types, granting modes, channel types,
government levels) and names them in nl, fr and en. Whoever reads a model through those concepts
loads the ontology into the workspace's store first, once, in a graph of its own.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

if TYPE_CHECKING:  # the workspace imports eagraph.ontology: the type only, never the module
    from eagraph.workspace import Workspace

#: The ontology's Turtle file; it travels inside the wheel.
ONTOLOGY_PATH = Path(__file__).with_name("eagraph.ttl")
#: The named graph the ontology is loaded into (the CPSV-AP export reads it back from there).
ONTOLOGY_GRAPH = "urn:eagraph:ontology"


def ensure_ontology(workspace: Workspace) -> None:
    """The eag: concepts (service types, granting modes …) are part of every model's world."""
    graph = ox.NamedNode(ONTOLOGY_GRAPH)
    if next(iter(workspace.store.quads_for_pattern(None, None, None, graph)), None) is None:
        workspace.store.load(path=str(ONTOLOGY_PATH), format=ox.RdfFormat.TURTLE, to_graph=graph)
        workspace.merge_graphs([graph])
