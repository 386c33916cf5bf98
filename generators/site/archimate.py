"""What the site shows of an imported ArchiMate model: its organisation folders and its views as
Archi drew them, read back from the ``eag:archimatePart`` trees that ``eagraph import archimate``
keeps (see :mod:`eagraph.importers.archimate`).

Every part (a folder, a view's node, connection, bendpoint, style …) is read with one query into a
:class:`Part` tree, so that the model page can show the folders a user of Archi knows, each view can
be drawn from its own layout (:mod:`.viewdrawing`), and an element's page can list the views it
appears in. A model without ArchiMate data answers the query with nothing and the site is as before.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from eagraph.analyses.model import AnalysisModel, node_key
from eagraph.ontology import EAG, RDF, RDFS
#: the statements a part is made of
PART_PREDICATES = {
    EAG + "archimatePart": "part", EAG + "archimateTag": "tag", EAG + "archimateOrder": "order",
    EAG + "archimateAttribute": "attribute", EAG + "archimateText": "text", EAG + "archimateRef": "ref",
    EAG + "archimateId": "id", EAG + "archimateType": "type",
}


@dataclass
class Part:
    """One XML element below an imported model, as the importer kept it."""

    key: str
    tag: str = ""
    order: int = 0
    kind: str | None = None  # xsi:type: Element, Container, Label, Relationship, Line, Diagram …
    identifier: str | None = None
    attributes: dict[str, str] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)  # language ("" untagged) -> text
    refs: list[str] = field(default_factory=list)  # what it refers to (elementRef, identifierRef …)
    parts: list[Part] = field(default_factory=list)

    def number(self, name: str) -> float | None:
        """A numeric attribute (``x``, ``w`` …), or None when it is missing or not a finite number."""
        try:
            value = float(self.attributes[name])
        except (KeyError, ValueError):
            return None
        return value if value == value and abs(value) < 1e7 else None  # no NaN, no absurd sizes

    def children(self, tag: str) -> list[Part]:
        return [part for part in self.parts if part.tag == tag]

    def label(self) -> dict[str, str]:
        """The texts of its ``label`` child (a folder's, a note's, a group's name)."""
        labels = self.children("label")
        return labels[0].texts if labels else {}

    def walk(self):
        """This part and every part below it, parents first, in the file's order."""
        yield self
        for part in self.parts:
            yield from part.walk()


@dataclass
class ArchimateContent:
    """The imported ArchiMate models of a workspace: models, their folders, views and properties."""

    models: list[str] = field(default_factory=list)
    views: dict[str, Part] = field(default_factory=dict)  # view IRI -> its part tree, in the file's order
    folders: dict[str, list[Part]] = field(default_factory=dict)  # model -> its top folders
    #: element -> the views it is drawn in, in the file's order
    views_of: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    #: element, relationship or model -> [(name, language -> value)], in the file's order
    properties: dict[str, list[tuple[str, dict[str, str]]]] = field(default_factory=dict)
    #: relationship -> its attributes (accessType, isDirected …)
    attributes: dict[str, dict[str, str]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.models or self.views)

    @classmethod
    def read(cls, workspace, model: AnalysisModel) -> ArchimateContent:
        # (the analysis model knows the classes analyses need; an ArchiMate model is not one of them)
        models = workspace.query(f"SELECT DISTINCT ?m WHERE {{ ?m a <{EAG}ArchimateModel> }}")
        content = cls(models=sorted(node_key(row[0]) for row in models))
        parts = _read_parts(workspace, content)
        for holder in content.models:
            top = parts[holder].parts if holder in parts else []
            content.folders[holder] = [item for folders in top if folders.tag == "organizations"
                                       for item in folders.parts]
        for view in model.of_class(EAG + "ArchimateView"):
            if view in parts:
                content.views[view] = parts[view]
        for view, tree in content.views.items():
            for part in tree.walk():
                if part.tag == "node":
                    for ref in part.refs:
                        if view not in content.views_of[ref]:
                            content.views_of[ref].append(view)
        content.properties = _read_properties(workspace)
        return content

    def connections(self, view: str) -> list[Part]:
        return [part for part in self.views[view].walk() if part.tag == "connection"]

    def nodes(self, view: str) -> list[Part]:
        return [part for part in self.views[view].walk() if part.tag == "node"]


def _read_parts(workspace, content: ArchimateContent) -> dict[str, Part]:
    """Every part of every imported model, linked into trees and ordered as in the file."""
    values = " ".join(f"<{p}>" for p in PART_PREDICATES)
    found: dict[str, Part] = {}
    holders: dict[str, list[str]] = defaultdict(list)
    attributes: dict[str, dict[str, str]] = defaultdict(dict)
    types: dict[str, str] = {}

    def part(key: str) -> Part:
        return found.setdefault(key, Part(key))

    for s, p, o in workspace.query(f"SELECT ?s ?p ?o WHERE {{ VALUES ?p {{ {values} }} ?s ?p ?o }}"):
        subject, name = node_key(s), PART_PREDICATES[p.value]
        if name == "part":
            holders[subject].append(node_key(o))
            part(node_key(o))
        elif name == "attribute":
            key, _, value = o.value.partition("=")
            attributes[subject][key] = value
        elif name == "ref":
            part(subject).refs.append(node_key(o))
        elif name == "text":
            part(subject).texts[getattr(o, "language", None) or ""] = o.value
        elif name == "tag":
            part(subject).tag = o.value
        elif name == "order":
            part(subject).order = int(o.value) if o.value.lstrip("-").isdigit() else 0
        elif name == "type":
            types[subject] = o.value
        elif name == "id":
            part(subject).identifier = o.value
    for subject, values_of in attributes.items():
        if subject in found:
            found[subject].attributes = values_of
        content.attributes[subject] = values_of
    for subject, kind in types.items():
        if subject in found:
            found[subject].kind = kind
    for holder, keys in holders.items():
        part(holder).parts = sorted((found[k] for k in keys), key=lambda item: (item.order, item.key))
    for item in found.values():
        item.refs.sort()
    return {key: item for key, item in found.items() if item.tag or item.parts}


def _read_properties(workspace) -> dict[str, list[tuple[str, dict[str, str]]]]:
    """The ``eag:archimateProperty`` of every node: (name, its values by language), in order."""
    rows = workspace.query(
        f"SELECT ?s ?holder ?name ?value ?order WHERE {{ ?s <{EAG}archimateProperty> ?holder . "
        f"OPTIONAL {{ ?holder <{RDFS}label> ?name }} OPTIONAL {{ ?holder <{RDF}value> ?value }} "
        f"OPTIONAL {{ ?holder <{EAG}archimateOrder> ?order }} }}")
    found: dict[str, dict[str, list]] = defaultdict(dict)
    for s, holder, name, value, order in rows:
        entry = found[node_key(s)].setdefault(node_key(holder), [0, "", {}])
        if order is not None and order.value.lstrip("-").isdigit():
            entry[0] = int(order.value)
        if name is not None:
            entry[1] = name.value
        if value is not None:
            entry[2][getattr(value, "language", None) or ""] = value.value
    return {node: [(name, values) for _order, name, values in sorted(holders.values(), key=lambda e: (e[0], e[1]))]
            for node, holders in found.items()}
