"""What the contract expects of each class, for completion: the properties its shapes constrain on
the class (required ones first) and, where a shape lists the allowed values (``sh:in``: granting
modes, service types, channel types), those values with the ontology's labels.

Read once from the same shapes ``validate`` reads (eagraph's contract, the model's own shapes and
``--shapes``), so the editor proposes what the validator will accept.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import rdflib
from rdflib import URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH, SKOS

from eagraph.ontology import EAG
from eagraph.ontology.loading import ONTOLOGY_PATH
from eagraph.validators.shape_reader import CONTRACT_SHAPES, read_shapes

REQUIRED_LANGUAGES = URIRef(EAG + "requiredLanguages")


@dataclass
class Expected:
    """What the contract says of one property on one class."""

    required: bool = False
    values: list[str] = field(default_factory=list)  # the allowed IRIs, in the shape's order


@dataclass
class Contract:
    """Per class IRI, per property IRI (in the shapes' order): what is expected; and value labels."""

    properties: dict[str, dict[str, Expected]]
    labels: dict[str, dict[str, str]]  # a value's skos:prefLabel by language

    def expected(self, classes: set[str]) -> dict[str, Expected]:
        """The properties expected on a node of ``classes``: required ones first, then the rest."""
        merged: dict[str, Expected] = {}
        for cls in sorted(classes):
            for path, expected in self.properties.get(cls, {}).items():
                known = merged.setdefault(path, Expected())
                known.required |= expected.required
                known.values += [v for v in expected.values if v not in known.values]
        return dict(sorted(merged.items(), key=lambda item: (not item[1].required, item[0])))

    def domain(self, path: str) -> set[str]:
        """The classes whose shapes constrain ``path``."""
        return {cls for cls, properties in self.properties.items() if path in properties}

    def certain_class(self, paths: set[str]) -> str | None:
        """The one class a node using ``paths`` must have by the contract: a class that some of them
        are constrained on alone and that every other constrained one allows; None when there is
        no such class, or more than one."""
        domains = [domain for domain in map(self.domain, paths) if domain]
        only = {next(iter(domain)) for domain in domains if len(domain) == 1}
        if len(only) != 1 or not all(only <= domain for domain in domains):
            return None
        return only.pop()

    def values(self, classes: set[str], path: str) -> list[str]:
        """The values a shape allows for ``path`` on ``classes`` (on any class when none is known)."""
        scope = classes or set(self.properties)
        found: list[str] = []
        for cls in sorted(scope):
            expected = self.properties.get(cls, {}).get(path)
            found += [v for v in (expected.values if expected else []) if v not in found]
        return found


def read_contract(extra_shapes: list[Path]) -> Contract:
    shapes = read_shapes([CONTRACT_SHAPES, *extra_shapes])
    properties: dict[str, dict[str, Expected]] = {}
    for shape, cls in shapes.subject_objects(SH.targetClass):
        if not isinstance(cls, URIRef):
            continue
        for property_shape in [shape, *shapes.objects(shape, SH.property)]:
            path = shapes.value(property_shape, SH.path)
            if not isinstance(path, URIRef):
                continue
            expected = properties.setdefault(str(cls), {}).setdefault(str(path), Expected())
            minimum = shapes.value(property_shape, SH.minCount)
            expected.required |= bool(minimum is not None and int(minimum) > 0) \
                or (property_shape, REQUIRED_LANGUAGES, None) in shapes
            listed = shapes.value(property_shape, getattr(SH, "in"))
            if listed is not None:
                expected.values += [str(v) for v in Collection(shapes, listed)
                                    if isinstance(v, URIRef) and str(v) not in expected.values]
    ontology = rdflib.Graph().parse(ONTOLOGY_PATH, format="turtle")
    labels: dict[str, dict[str, str]] = {}
    for node, label in ontology.subject_objects(SKOS.prefLabel):
        labels.setdefault(str(node), {})[getattr(label, "language", None) or ""] = str(label)
    return Contract(properties, labels)
