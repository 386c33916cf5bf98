"""Running eagraph's compiled shapes in the same terms as pyshacl's report, for comparisons."""

from __future__ import annotations

import pyoxigraph as ox
import rdflib
from rdflib.namespace import SH

from eagraph.validators.validate import compile_shapes

NO_VALUE = ("MinCountConstraintComponent", "MaxCountConstraintComponent", "QualifiedMinCountConstraintComponent",
            "HasValueConstraintComponent", "UniqueLangConstraintComponent")
SEVERITY = {None: str(SH.Violation)}


def compile_and_run(workspace, shapes: rdflib.Graph) -> set[tuple]:
    out = set()
    for constraint in compile_shapes(workspace, shapes):
        for row in workspace.query(constraint.query):
            focus = row["this"]
            value = row["value"] if constraint.selects_value else None
            if str(constraint.component).endswith(NO_VALUE) or value is None:
                value_key = ""
            elif isinstance(value, ox.BlankNode):
                value_key = "_"
            else:
                value_key = str(value)
            shape = constraint.shape
            out.add((str(focus) if isinstance(focus, ox.NamedNode) else "_", str(constraint.component),
                     str(shape) if isinstance(shape, rdflib.URIRef) else "_", value_key, str(constraint.severity)))
    return out
