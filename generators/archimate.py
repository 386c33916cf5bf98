"""``eagraph export archimate``: the model as an ArchiMate 3.1 Model Exchange File, with views.

The mapping (see the docs' Interoperability page) gives each kind of node an ArchiMate element and
each link the relationship ArchiMate allows between those elements (a test checks every exported
relationship against the official relationship table). What ArchiMate has no element for (yearly
cases, granting mode, identifiers, the node's IRI) goes into properties. Each authority and each
life event gets a view, laid out by Graphviz with ArchiMate's default element size, so that it
opens readable in Archi. What an import kept (the model's name, metadata, organisation folders and
views, see :mod:`eagraph.importers.archimate`) is written back as it was; an imported authority or
event gets no drawn view, its diagrams are the imported ones.

The file is the same bytes whenever the model is the same: identifiers are hashes of IRIs (of a
blank node's content, never of the store's label for it) and everything is written in a sorted
order. It is valid against the exchange format's XSDs whatever the model holds: a list with
nothing in it is left out, and a kept part of a view or folder that refers to something the model
no longer has is dropped with what hangs on it.
"""

from __future__ import annotations

import hashlib
import subprocess
from collections import defaultdict
from pathlib import Path

from lxml import etree

from eagraph.analyses.model import AnalysisModel, node_key
from eagraph.ontology import AUTHSRC, CPSV, CV, DC, DCT, EAG, ELI, ORG, RDF_TYPE, SKOS, XML, XSI, local_name
from eagraph.ontology import ARCHIMATE as NS
from eagraph.workspace import EagraphError, Workspace
from eagraph.workspace.blanks import distinct_blank_names

XML_LANG = f"{{{XML}}}lang"
#: the order Archi writes a part's attributes in (the rest follow by name)
ATTRIBUTE_ORDER = ("elementRef", "relationshipRef", "identifierRef", "ref", "source", "target", "x", "y", "w", "h",
                   "r", "g", "b", "a")
#: attributes of a kept part that name another item of the file (a connection's ends name nodes)
REFERENCES = ("elementRef", "relationshipRef", "identifierRef", "ref", "source", "target")
WIDTH, HEIGHT = 120, 55  # Archi's default element size, in pixels

#: class -> ArchiMate element type (first match wins)
ELEMENT_TYPES = {
    CPSV + "PublicService": "BusinessService",
    CV + "PublicOrganisation": "BusinessActor",
    EAG + "Process": "BusinessProcess",
    EAG + "ProcessStep": "BusinessProcess",
    EAG + "ApplicationComponent": "ApplicationComponent",
    AUTHSRC + "DataSource": "DataObject",
    CV + "InformationConcept": "BusinessObject",
    ELI + "LegalResource": "Constraint",
    CV + "LifeEvent": "BusinessEvent",
    CV + "BusinessEvent": "BusinessEvent",
    EAG + "Capability": "Capability",
    CV + "Evidence": "Representation",
    CV + "Output": "Representation",
    CV + "Requirement": "Requirement",
    CV + "Criterion": "Requirement",
    CV + "InformationRequirement": "Requirement",
    CV + "Channel": "BusinessInterface",
    AUTHSRC + "Agreement": "Contract",
    CPSV + "Rule": "Principle",
}
#: link -> (ArchiMate relationship, whether the model's object is the relationship's source)
RELATIONS = {
    CV + "hasCompetentAuthority": ("Assignment", True),  # the actor is assigned to the service
    EAG + "executingAuthority": ("Assignment", True),
    EAG + "realises": ("Realization", False),  # the process realises the service
    EAG + "hasStep": ("Composition", False),
    EAG + "performedBy": ("Assignment", True),
    EAG + "usesApplication": ("Serving", True),  # the application serves the step
    EAG + "supportsCapability": ("Realization", False),
    EAG + "ownedBy": ("Association", True),
    DCT + "publisher": ("Association", True),
    AUTHSRC + "hasSource": ("Realization", True),  # the data object realises the business object
    CV + "isGroupedBy": ("Triggering", True),  # the event triggers the service
    CV + "hasLegalResource": ("Association", False),
    CV + "holdsRequirement": ("Realization", False),  # the service realises the requirement
    CPSV + "hasInput": ("Association", False),
    CPSV + "produces": ("Association", False),
    CV + "hasChannel": ("Assignment", True),  # the interface is assigned to the service
    CV + "supportsConcept": ("Realization", False),  # the representation realises the business object
    EAG + "definedIn": ("Association", False),
    AUTHSRC + "hasAgreement": ("Association", False),
    AUTHSRC + "hasConsumer": ("Association", False),
    ORG + "subOrganizationOf": ("Composition", True),  # the parent is composed of its parts
    SKOS + "broader": ("Composition", True),
    CPSV + "follows": ("Association", False),
    CPSV + "implements": ("Association", False),  # a rule (principle) carries out a regulation (constraint)
}
#: the plan (the architecture in time): class -> ArchiMate element. Read apart from the AnalysisModel,
#: which holds what the analyses follow; an initiative is an ArchiMate work package.
PLAN_TYPES = {EAG + "Initiative": "WorkPackage", EAG + "Plateau": "Plateau", EAG + "Gap": "Gap"}
#: the plan's links -> (relationship, whether the model's object is the relationship's source); a
#: gap runs from the plateau it leaves to the plateau it reaches: Plateau -> Gap -> Plateau
PLAN_RELATIONS = {
    EAG + "affects": ("Realization", False),  # the work package realises what it changes
    EAG + "initiativeOwner": ("Assignment", True),  # the actor is assigned to the work package
    EAG + "leadsTo": ("Realization", False),  # the work package realises the plateau
    EAG + "plateauIncludes": ("Aggregation", False),
    EAG + "gapFrom": ("Association", True),
    EAG + "gapTo": ("Association", False),
}
#: what ArchiMate has no element for, as properties: name -> predicate
PROPERTIES = {"iri": None, "identifier": DCT + "identifier", "annualCases": EAG + "annualCases",
              "grantingMode": EAG + "grantingMode", "serviceType": DCT + "type",
              "governmentLevel": EAG + "governmentLevel", "dueDate": EAG + "dueDate"}


class ArchimateError(EagraphError):
    """An exchange file that cannot be written (Graphviz missing, say)."""


def identifier(node: str) -> str:
    """A stable XML identifier for a node (an NCName)."""
    return "id-" + hashlib.blake2b(node.encode(), digest_size=10).hexdigest()


def export_archimate(workspace: Workspace, name: str | None = None) -> bytes:
    """The exchange file of the model; ``name`` is the model's name (default: the imported model's
    name in each of its languages, else "eagraph model")."""
    from eagraph.ontology import ensure_ontology

    ensure_ontology(workspace)
    model = AnalysisModel.build(workspace)
    stable = _stable_names(workspace)
    texts = _texts(workspace)
    kept = _imported(workspace)
    parts = _parts(workspace)
    elements = {node: next(ELEMENT_TYPES[c] for c in ELEMENT_TYPES if c in classes)
                for node, classes in sorted(model.types.items(), key=lambda item: stable(item[0]))
                if any(c in ELEMENT_TYPES for c in classes)}
    plan_types, plan_links = _plan(workspace)
    elements.update((node, kind) for node, kind in sorted(plan_types.items(), key=lambda item: stable(item[0]))
                    if node not in elements)
    elements.update((node, kind) for node, (_ident, kind) in sorted(kept.elements.items()))
    ids = {node: kept.elements[node][0] if node in kept.elements else identifier(stable(node)) for node in elements}
    relationships = [(a, b, kind, None, rel) for rel, (a, b, kind) in sorted(kept.relationships.items())
                     if a in elements and b in elements]
    imported_triples = {(a, b, kind) for a, b, kind, _p, _r in relationships}
    for source, by_predicate in sorted([*model.links.items(), *plan_links.items()], key=lambda item: stable(item[0])):
        for predicate, objects in sorted(by_predicate.items()):
            relation = RELATIONS.get(predicate) or PLAN_RELATIONS.get(predicate)
            if relation is None or source not in elements:
                continue
            kind, reverse = relation
            for target in sorted(objects, key=stable):
                if target in elements and target != source:
                    a, b = (target, source) if reverse else (source, target)
                    if (a, b, kind) not in imported_triples:
                        relationships.append((a, b, kind, predicate, None))
    models = sorted(node for node, part in parts.items() if part.is_model)
    first = parts[models[0]] if models else None
    root = etree.Element(f"{{{NS}}}model", nsmap={None: NS, "xsi": XSI, "dc": DC},
                         identifier=first.ident if first and first.ident else "id-model")
    _text(root, "name", {"en": name} if name else (first and texts.get((models[0], DCT + "title"))) or
          {"en": "eagraph model"})
    definitions = {key: f"propid-{key}" for key in PROPERTIES}
    for names in kept.properties.values():
        for property_name, _values in names:
            definitions.setdefault(property_name, f"propid-{len(definitions) + 1}")
    if first:
        _documentation(root, models[0], texts)
        _kept_properties(root, kept.properties.get(models[0], []), definitions)
        for metadata in first.children(parts, "metadata")[:1]:
            _write_part(root, metadata, parts, texts, kept, definitions)
    element_list = etree.SubElement(root, f"{{{NS}}}elements")
    for node, kind in elements.items():
        element = etree.SubElement(element_list, f"{{{NS}}}element", identifier=ids[node])
        element.set(f"{{{XSI}}}type", kind)
        _text(element, "name", model.labels.get(node) or {"": _unnamed(node, model)})
        _documentation(element, node, texts)
        if node in kept.elements:
            _kept_properties(element, kept.properties.get(node, []), definitions)
        else:
            _properties(element, node, model, texts, definitions)
    relation_list = etree.SubElement(root, f"{{{NS}}}relationships")
    seen = set()
    for a, b, kind, predicate, imported in relationships:
        key = kept.ids.get(imported) if imported else identifier(f"{stable(a)}|{kind}|{stable(b)}")
        if key in seen:
            continue
        seen.add(key)
        relation = etree.SubElement(relation_list, f"{{{NS}}}relationship", identifier=key, source=ids[a], target=ids[b])
        relation.set(f"{{{XSI}}}type", kind)
        for attribute in sorted(kept.attributes.get(imported, [])) if imported else []:
            attr_name, _, attr_value = attribute.partition("=")
            relation.set(attr_name, attr_value)
        if imported:
            if model.labels.get(imported):
                _text(relation, "name", model.labels[imported])
            _documentation(relation, imported, texts)
            _kept_properties(relation, kept.properties.get(imported, []), definitions)
        else:
            _text(relation, "name", {"en": local_name(predicate) or predicate})
    for node in models:
        for folders in parts[node].children(parts, "organizations"):
            _write_part(root, folders, parts, texts, kept, definitions)
    property_list = etree.SubElement(root, f"{{{NS}}}propertyDefinitions")
    for key, ident in definitions.items():
        definition = etree.SubElement(property_list, f"{{{NS}}}propertyDefinition", identifier=ident, type="string")
        _text(definition, "name", {"en": key})
    views = etree.SubElement(root, f"{{{NS}}}views")
    diagrams = etree.SubElement(views, f"{{{NS}}}diagrams")
    for node in models:
        for view in parts[node].children(parts, "view"):
            _write_part(diagrams, view, parts, texts, kept, definitions)
    drawn = {node: kind for node, kind in elements.items() if node not in kept.elements}
    _views(diagrams, model, drawn, elements, ids, relationships, kept.ids, stable)
    _drop_dangling(root)
    for container in (diagrams, views, element_list, relation_list):
        if len(container) == 0:
            container.getparent().remove(container)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _plan(workspace: Workspace) -> tuple[dict[str, str], dict[str, dict[str, list[str]]]]:
    """The initiatives, plateaus and gaps (node -> ArchiMate type) and their links (PLAN_RELATIONS)."""
    classes = " ".join(f"<{c}>" for c in PLAN_TYPES)
    types = {node_key(row[0]): PLAN_TYPES[row[1].value]
             for row in workspace.query(f"SELECT ?s ?c WHERE {{ VALUES ?c {{ {classes} }} ?s a ?c }}")}
    links: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    predicates = " ".join(f"<{p}>" for p in PLAN_RELATIONS)
    for s, p, o in workspace.query(f"SELECT ?s ?p ?o WHERE {{ VALUES ?p {{ {predicates} }} ?s ?p ?o "
                                   f"FILTER(!isLiteral(?o)) }}"):
        if node_key(s) in types:
            links[node_key(s)][p.value].append(node_key(o))
    return types, links


def _stable_names(workspace: Workspace):
    """A function giving each node the name its identifier is made from: an IRI itself, a blank
    node a name from its content (the store labels blank nodes anew at every load)."""
    import pyoxigraph as ox

    graphs = {ox.NamedNode(f.source.graph) for f in workspace.files}
    quads = [q for q in workspace.store.quads_for_pattern(None, None, None, None)
             if q.graph_name in graphs and (isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode))]
    names = distinct_blank_names([(str(q.subject), str(q.predicate), str(q.object)) for q in quads])
    return lambda node: names.get(node, node)


class _Part:
    """A kept XML element of an imported model (see :mod:`eagraph.importers.archimate`)."""

    def __init__(self):
        self.tag = ""
        self.order = 0
        self.ident: str | None = None
        self.kind: str | None = None
        self.attributes: list[tuple[str, str]] = []
        self.text: tuple[str, str] | None = None
        self.parts: list[str] = []
        self.is_model = self.is_view = False

    def children(self, parts: dict[str, "_Part"], tag: str | None = None) -> list[str]:
        found = sorted(self.parts, key=lambda node: (parts[node].order, node))
        return [node for node in found if tag is None or parts[node].tag == tag]


def _parts(workspace: Workspace) -> dict[str, _Part]:
    """The imported models and their kept parts, by node."""
    parts: dict[str, _Part] = defaultdict(_Part)
    key = lambda term: "_:" + term.value if term.__class__.__name__ == "BlankNode" else term.value  # noqa: E731
    names = ("archimatePart", "archimateTag", "archimateOrder", "archimateAttribute", "archimateText")
    for s, p, o in workspace.query(
            f"SELECT ?s ?p ?o WHERE {{ {{ VALUES ?p {{ {' '.join(f'<{EAG}{n}>' for n in names)} }} ?s ?p ?o }} UNION "
            f"{{ VALUES ?o {{ <{EAG}ArchimateModel> <{EAG}ArchimateView> }} ?s ?p ?o FILTER(?p = <{RDF_TYPE}>) }} "
            f"UNION {{ VALUES ?p {{ <{EAG}archimateId> <{EAG}archimateType> }} ?s ?p ?o }} }}"):
        part, name = parts[key(s)], local_name(p.value)
        if name == "archimatePart":
            part.parts.append(key(o))
        elif name == "archimateTag":
            part.tag = o.value
        elif name == "archimateOrder":
            part.order = int(o.value) if o.value.lstrip("-").isdigit() else 0
        elif name == "archimateAttribute" and "=" in o.value:
            part.attributes.append(tuple(o.value.split("=", 1)))
        elif name == "archimateText":
            part.text = (o.language or "", o.value)
        elif name == "archimateId":
            part.ident = o.value
        elif name == "archimateType":
            part.kind = o.value
        elif o.value == EAG + "ArchimateModel":
            part.is_model = True
        else:
            part.is_view = True
    for part in parts.values():
        part.parts = [node for node in part.parts if node in parts and parts[node].tag]
        part.attributes.sort()
    return dict(parts)


def _write_part(parent, node: str, parts: dict[str, _Part], texts: dict, kept: "_Kept", definitions: dict) -> None:
    """A kept part as it was read: tag, identifier, type, attributes, text, then its own parts (a
    view's name, documentation and properties first, where the schema wants them)."""
    part = parts[node]
    tag = part.tag
    if tag.startswith("dc:"):
        tag = f"{{{DC}}}{tag[3:]}"
    elif not tag.startswith("{"):
        tag = f"{{{NS}}}{tag}"
    try:
        item = etree.SubElement(parent, tag)
    except ValueError:
        return  # not a name XML allows: a hand-edited part, left out rather than writing broken XML
    if part.ident:
        item.set("identifier", part.ident)
    if part.kind:
        item.set(f"{{{XSI}}}type", part.kind)
    for attribute, value in sorted(part.attributes, key=lambda pair: (
            ATTRIBUTE_ORDER.index(pair[0]) if pair[0] in ATTRIBUTE_ORDER else len(ATTRIBUTE_ORDER), pair[0])):
        try:
            item.set(attribute, value)
        except ValueError:
            continue
    if part.text:
        language, value = part.text
        if language:
            item.set(XML_LANG, language)
        item.text = value
    if part.is_view:
        _text(item, "name", texts.get((node, SKOS + "prefLabel")) or {})
        _documentation(item, node, texts)
        _kept_properties(item, kept.properties.get(node, []), definitions)
    for child in part.children(parts):
        _write_part(item, child, parts, texts, kept, definitions)


def _drop_dangling(root) -> None:
    """Leave out the kept parts (a view's node, a connection, a folder's item) that refer to
    something the file does not have, until none does: the schema's keys would reject the file."""
    while True:
        known = {item.get("identifier") for item in root.iter() if item.get("identifier")}
        dangling = [item for item in root.iter()
                    if any(item.get(ref) is not None and item.get(ref) not in known for ref in REFERENCES)
                    and etree.QName(item).localname not in ("relationship",)]
        if not dangling:
            return
        for item in dangling:
            if item.getparent() is not None:
                item.getparent().remove(item)


class _Kept:
    """What an import from an exchange file left for the export to give back."""

    def __init__(self):
        self.elements: dict[str, tuple[str, str]] = {}  # node -> (identifier, type)
        self.relationships: dict[str, tuple[str, str, str]] = {}  # node -> (source, target, type)
        self.ids: dict[str, str] = {}  # relationship node -> identifier
        self.attributes: dict[str, list[str]] = {}
        self.properties: dict[str, list[tuple[str, list[tuple[str, str]]]]] = {}


def _imported(workspace: Workspace) -> _Kept:
    kept = _Kept()
    key = lambda term: "_:" + term.value if term.__class__.__name__ == "BlankNode" else term.value  # noqa: E731
    ends: dict[str, dict[str, str]] = defaultdict(dict)
    for s, p, o in workspace.query(
            f"SELECT ?s ?p ?o WHERE {{ VALUES ?p {{ <{EAG}archimateId> <{EAG}archimateType> <{EAG}relationshipSource> "
            f"<{EAG}relationshipTarget> <{EAG}archimateAttribute> <{EAG}archimateTag> }} ?s ?p ?o }}"):
        ends[key(s)][local_name(p.value)] = key(o) if p.value.endswith(("Source", "Target")) else o.value
        if p.value == EAG + "archimateAttribute":
            kept.attributes.setdefault(key(s), []).append(o.value)
    for node, found in ends.items():
        if "relationshipSource" in found or "relationshipTarget" in found:
            if not {"relationshipSource", "relationshipTarget", "archimateType", "archimateId"} <= found.keys():
                continue  # a relationship an edit left without an end: nothing to draw it between
            kept.relationships[node] = (found["relationshipSource"], found["relationshipTarget"], found["archimateType"])
            kept.ids[node] = found["archimateId"]
        elif "archimateId" in found and "archimateType" in found and "archimateTag" not in found:  # not a view's part
            kept.elements[node] = (found["archimateId"], found["archimateType"])
    values: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    orders: dict[tuple[str, str], int] = {}
    for s, holder, name, value, order in workspace.query(
            f"SELECT ?s ?b ?name ?value ?order WHERE {{ ?s <{EAG}archimateProperty> ?b . "
            f"?b <http://www.w3.org/2000/01/rdf-schema#label> ?name . "
            f"OPTIONAL {{ ?b <http://www.w3.org/1999/02/22-rdf-syntax-ns#value> ?value }} "
            f"OPTIONAL {{ ?b <{EAG}archimateOrder> ?order }} }}"):
        values[(key(s), key(holder), name.value)] += [(value.language or "", value.value)] if value else []
        orders[(key(s), key(holder))] = int(order.value) if order and order.value.isdigit() else 0
    # in the file's order (the store's labels of the property nodes differ at every load)
    for (node, holder, name), texts in sorted(values.items(), key=lambda item: (
            item[0][0], orders[item[0][:2]], item[0][2], sorted(item[1]))):
        kept.properties.setdefault(node, []).append((name, sorted(texts)))
    return kept


def _documentation(element, node: str, texts: dict) -> None:
    documentation = texts.get((node, DCT + "description")) or texts.get((node, SKOS + "definition"))
    if documentation:
        _text(element, "documentation", documentation)


def _kept_properties(element, properties: list, definitions: dict[str, str]) -> None:
    if not properties:
        return
    holder = etree.SubElement(element, f"{{{NS}}}properties")
    for name, texts in properties:
        prop = etree.SubElement(holder, f"{{{NS}}}property", propertyDefinitionRef=definitions[name])
        _text(prop, "value", dict(texts) if texts else {"": ""})


def _texts(workspace: Workspace) -> dict[tuple[str, str], dict[str, str]]:
    found: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)
    for row in workspace.query(f"SELECT ?s ?p ?o WHERE {{ VALUES ?p {{ <{DCT}description> <{SKOS}definition> "
                               f"<{DCT}identifier> <{EAG}annualCases> <{DCT}title> <{SKOS}prefLabel> "
                               f"<{EAG}dueDate> }} ?s ?p ?o "
                               f"FILTER(isLiteral(?o)) }} ORDER BY ?s ?p ?o"):
        s, p, o = row
        key = "_:" + s.value if s.__class__.__name__ == "BlankNode" else s.value
        found[(key, p.value)].setdefault(o.language or "", o.value)
    return found


def _text(parent, tag: str, values: dict[str, str]) -> None:
    for language, value in sorted(values.items()):
        child = etree.SubElement(parent, f"{{{NS}}}{tag}")
        if language:
            child.set(XML_LANG, language)
        child.text = value


def _properties(element, node: str, model: AnalysisModel, texts: dict, definitions: dict[str, str]) -> None:
    values = {"iri": None if node.startswith("_:") else node}
    for key, predicate in PROPERTIES.items():
        if predicate is None:
            continue
        literal = texts.get((node, predicate))
        linked = model.objects(node, predicate)
        if literal:
            values[key] = next(iter(literal.values()))
        elif linked:
            values[key] = ", ".join(model.label(o, "en", mark=False) for o in linked)
    values = {k: v for k, v in values.items() if v}
    if not values:
        return
    holder = etree.SubElement(element, f"{{{NS}}}properties")
    for key, value in values.items():
        prop = etree.SubElement(holder, f"{{{NS}}}property", propertyDefinitionRef=definitions[key])
        _text(prop, "value", {"en": value})


# -- views --------------------------------------------------------------------------------------------

def _views(diagrams, model: AnalysisModel, drawn: dict[str, str], elements: dict[str, str], ids: dict[str, str],
           relationships: list, relationship_ids: dict[str, str], stable) -> None:
    """A view drawn for each authority and life event of ``drawn`` (those not imported)."""
    views = []
    for authority in (n for n, kind in drawn.items() if kind == "BusinessActor"):
        services = model.subjects(CV + "hasCompetentAuthority", authority)
        members = {authority, *services, *model.subjects(EAG + "ownedBy", authority),
                   *model.subjects(DCT + "publisher", authority),
                   *(p for s in services for p in model.subjects(EAG + "realises", s))}
        views.append((authority, members))
    for event in (n for n, kind in drawn.items() if kind == "BusinessEvent"):
        services = model.subjects(CV + "isGroupedBy", event)
        members = {event, *services, *(a for s in services for a in model.objects(s, CV + "hasCompetentAuthority"))}
        views.append((event, members))
    for subject, members in views:
        members = sorted((m for m in members if m in elements), key=stable)
        inside = [r for r in relationships if r[0] in members and r[1] in members]
        positions = _layout(members, inside)
        view = etree.SubElement(diagrams, f"{{{NS}}}view", identifier=identifier("view|" + stable(subject)))
        view.set(f"{{{XSI}}}type", "Diagram")
        _text(view, "name", model.labels.get(subject) or {"": _unnamed(subject, model)})
        nodes = {}
        for member in members:
            x, y = positions[member]
            shape = etree.SubElement(view, f"{{{NS}}}node",
                                     identifier=identifier(f"node|{stable(subject)}|{stable(member)}"),
                                     elementRef=ids[member], x=str(x), y=str(y), w=str(WIDTH), h=str(HEIGHT))
            shape.set(f"{{{XSI}}}type", "Element")
            nodes[member] = shape.get("identifier")
        drawn = set()
        for a, b, kind, _predicate, imported in inside:
            ref = relationship_ids.get(imported) if imported else identifier(f"{stable(a)}|{kind}|{stable(b)}")
            if ref in drawn:
                continue
            drawn.add(ref)
            line = etree.SubElement(view, f"{{{NS}}}connection", identifier=identifier(f"conn|{stable(subject)}|{ref}"),
                                    relationshipRef=ref, source=nodes[a], target=nodes[b])
            line.set(f"{{{XSI}}}type", "Relationship")


def _layout(members: list[str], relationships: list) -> dict[str, tuple[int, int]]:
    """Top-left corners (pixels) from a Graphviz layout with every node of Archi's default size."""
    index = {m: f"n{i}" for i, m in enumerate(members)}
    lines = ["digraph { graph [rankdir=LR, nodesep=0.4, ranksep=0.8];",
             f'node [shape=box, fixedsize=true, width={WIDTH / 72:.3f}, height={HEIGHT / 72:.3f}, label=""];']
    lines += [f"{index[m]};" for m in members]
    lines += [f"{index[a]} -> {index[b]};" for a, b, *_rest in relationships]
    lines.append("}")
    try:
        done = subprocess.run(["dot", "-Tplain"], input="\n".join(lines).encode(), capture_output=True, check=True)
    except (OSError, subprocess.CalledProcessError) as exc:
        raise ArchimateError(f"laying out the views needs Graphviz's `dot`: {exc}") from None
    height, positions = 0.0, {}
    names = {v: k for k, v in index.items()}
    for line in done.stdout.decode().splitlines():
        parts = line.split()
        if parts[0] == "graph":
            height = float(parts[3])
        elif parts[0] == "node":
            x, y = float(parts[2]), float(parts[3])
            positions[names[parts[1]]] = (round(x * 72 - WIDTH / 2) + 20, round((height - y) * 72 - HEIGHT / 2) + 20)
    return positions


def _unnamed(node: str, model: AnalysisModel) -> str:
    """A name for a node without title or label: an IRI's end; for a blank node (whose label the
    store makes up at every load) its kind and types, "channel (online)"."""
    if not node.startswith("_:"):
        return local_name(node) or node
    types = sorted(model.label(o, "en", mark=False) for o in model.objects(node, DCT + "type"))
    return model.kind_of(node) + (f" ({', '.join(types)})" if types else "")


def validate_exchange(document: bytes, xsd_dir: Path) -> list[str]:
    """Problems of an exchange document against The Open Group's XSDs (``xml.xsd`` and ``dc.xsd``
    taken from ``xsd_dir``, nothing from the network); empty when it is valid."""
    wrapper = f"""<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" elementFormDefault="qualified">
  <xs:import namespace="http://purl.org/dc/elements/1.1/" schemaLocation="{(xsd_dir / 'dc.xsd').as_uri()}"/>
  <xs:import namespace="{NS}" schemaLocation="{(xsd_dir / 'archimate3_Diagram.xsd').as_uri()}"/>
</xs:schema>"""

    class Local(etree.Resolver):
        def resolve(self, url, _pubid, context):
            if url.endswith("/xml.xsd") or url == "http://www.w3.org/2001/xml.xsd":
                return self.resolve_filename(str(xsd_dir / "xml.xsd"), context)
            return None

    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    parser.resolvers.add(Local())
    schema = etree.XMLSchema(etree.fromstring(wrapper.encode(), parser, base_url=str(xsd_dir) + "/"))
    tree = etree.fromstring(document, etree.XMLParser(no_network=True, resolve_entities=False))
    if schema.validate(tree):
        return []
    return [f"line {e.line}: {e.message}" for e in schema.error_log]
