"""``eagraph export jsonld``: the model as JSON-LD with eagraph's context, for web developers.

The context (``ontology/context.jsonld``, published at :data:`~eagraph.ontology.CONTEXT_URL`)
gives every class and property of the model contract a short name (``title``,
``hasCompetentAuthority``, ``PublicService`` …), texts as language maps and links as plain IRIs,
so the document reads as ordinary JSON: ``service["title"]["nl"]``. It is embedded by default,
so the file needs nothing else; with a URL the document refers to it instead.

The document is written here, node by node, rather than by a general compaction algorithm: the
context is simple enough, and rdflib's compaction was measured to drop blank nodes. A value that
a term's definition cannot hold (an untagged title, a literal where a link is expected) is written
under the property's prefixed name instead, so nothing is lost: a test reads the document back.
"""

from __future__ import annotations

import json

import pyoxigraph as ox

from eagraph.ontology import CONTEXT_PATH, RDF_TYPE, XSD_STRING
from eagraph.workspace import Workspace
from eagraph.workspace.blanks import distinct_blank_names



def context() -> dict:
    return json.loads(CONTEXT_PATH.read_text(encoding="utf-8"))["@context"]


class _Compactor:
    def __init__(self, ctx: dict):
        self.prefixes = sorted(((v, k) for k, v in ctx.items() if isinstance(v, str) and v.endswith(("#", "/"))),
                               key=lambda item: -len(item[0]))
        self.terms: dict[str, list[tuple[str, dict]]] = {}  # IRI -> [(term, definition)]
        self.classes: dict[str, str] = {}
        self.blank_names: dict[str, str] = {}  # the store's label -> a name from the node's content
        for term, definition in ctx.items():
            if term.startswith("@") or term in ("id", "type"):
                continue
            if isinstance(definition, str) and not definition.endswith(("#", "/")):
                self.classes[self.expand(definition)] = term
            elif isinstance(definition, dict):
                self.terms.setdefault(self.expand(definition["@id"]), []).append((term, definition))

    def expand(self, curie: str) -> str:
        prefix, _, local = curie.partition(":")
        return next((ns + local for ns, name in self.prefixes if name == prefix), curie)

    def iri(self, iri: str) -> str:
        for namespace, name in self.prefixes:
            if iri.startswith(namespace) and iri != namespace:
                return f"{name}:{iri[len(namespace):]}"
        return iri

    def key_and_value(self, predicate: str, obj) -> tuple[str, object, bool]:
        """(key, value, into a language map) for one statement's property and object."""
        for term, definition in self.terms.get(predicate, []):
            container, coerced = definition.get("@container"), definition.get("@type")
            if container == "@language" and isinstance(obj, ox.Literal) and obj.language:
                return term, (obj.language, obj.value), True
            if coerced == "@id" and not isinstance(obj, ox.Literal):
                return term, _node_id(obj, self), False
            if coerced and coerced != "@id" and isinstance(obj, ox.Literal) and obj.datatype.value == self.expand(coerced):
                return term, obj.value, False
        return self.iri(predicate), self.value(obj), False

    def value(self, obj) -> object:
        if not isinstance(obj, ox.Literal):
            return {"id": _node_id(obj, self)}
        if obj.language:
            return {"@value": obj.value, "@language": obj.language}
        if obj.datatype.value == XSD_STRING:
            return obj.value
        return {"@value": obj.value, "@type": self.iri(obj.datatype.value)}


def _node_id(node, compactor: _Compactor) -> str:
    if isinstance(node, ox.BlankNode):
        return compactor.blank_names.get(str(node), str(node))
    return compactor.iri(node.value)


def export_jsonld(workspace: Workspace, context_url: str | None = None) -> str:
    """The model as JSON-LD: one node object per subject, sorted by ``id``, keys sorted."""
    ctx = context()
    compactor = _Compactor(ctx)
    quads = list(workspace.statements())  # a statement written in two files is written out once
    compactor.blank_names = distinct_blank_names([(str(q.subject), str(q.predicate), str(q.object)) for q in quads])
    nodes: dict[str, dict] = {}
    for quad in quads:
        node = nodes.setdefault(_node_id(quad.subject, compactor), {"id": _node_id(quad.subject, compactor)})
        predicate = quad.predicate.value
        if predicate == RDF_TYPE and isinstance(quad.object, ox.NamedNode):
            node.setdefault("type", []).append(compactor.classes.get(quad.object.value) or compactor.iri(quad.object.value))
            continue
        key, value, language_map = compactor.key_and_value(predicate, quad.object)
        if language_map:
            language, text = value
            holder = node.setdefault(key, {})
            holder[language] = sorted({*_as_list(holder.get(language)), text}) if language in holder else text
        else:
            node.setdefault(key, []).append(value)
    for node in nodes.values():
        for key, value in node.items():
            if isinstance(value, list):
                value = sorted(value, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
                node[key] = value[0] if len(value) == 1 else value
            elif isinstance(value, dict) and key != "id":
                node[key] = {language: value[language] for language in sorted(value)}
    ordered = [dict(sorted(node.items(), key=lambda item: (item[0] not in ("id", "type"), item[0])))
               for _, node in sorted(nodes.items())]
    return json.dumps({"@context": context_url or ctx, "@graph": ordered}, indent=2, ensure_ascii=False) + "\n"


def _as_list(value) -> list:
    return value if isinstance(value, list) else [value]
