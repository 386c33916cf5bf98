"""Reading SHACL shapes: eagraph's own, an organisation's, an official profile's.

Shapes are small, so rdflib reads them. Before any engine sees them, eagraph's one extension is
expanded into plain SHACL: a property shape with ``eag:requiredLanguages true`` becomes, for each
language the model requires, ``sh:qualifiedValueShape [ sh:languageIn ("nl") ] ;
sh:qualifiedMinCount 1``. Every engine (eagraph's compiler, pyshacl in the differential tests)
then runs the same standard shapes.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import rdflib
from rdflib import BNode, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, SH

from eagraph.ontology import EAG, namespace
from eagraph.workspace import EagraphError

CONTRACT_SHAPES = Path(__file__).with_name("shapes") / "contract.ttl"
EAG_NS = namespace("eag")
LANGUAGE_SHAPE = URIRef(EAG + "expandedForLanguage")  # marks a shape made by the expansion


class ShapesError(EagraphError):
    """A shapes file that cannot be read or used."""


#: Shapes graphs already read, by their files' paths and contents: a process that validates again
#: and again (the language server, at each keystroke) parses them once, not each time. Contents,
#: not modification times: a file rewritten within the clock's resolution is still read again.
_READ: dict[tuple[tuple[str, str], ...], rdflib.Graph] = {}
_KEEP = 8  # distinct sets of shapes files kept at most


def read_shapes(paths: list[Path]) -> rdflib.Graph:
    """Parse shapes files into one graph; a broken or missing file is a clear error.

    The graph is shared with every later caller for the same unchanged files: read it, never change it."""
    stamps, contents = [], []
    for path in paths:
        try:
            data = path.read_bytes() if path.is_file() else None
        except OSError:
            data = None
        if data is None:
            raise ShapesError(f"{path}: shapes file not found")
        stamps.append((str(path.resolve()), hashlib.sha256(data).hexdigest()))
        contents.append(data)
    key = tuple(stamps)
    if key not in _READ:
        graph = rdflib.Graph()
        for path, data in zip(paths, contents):  # the bytes hashed, so the key is what was parsed
            try:
                graph.parse(data=data, format=rdflib.util.guess_format(str(path)) or "turtle",
                            publicID=path.resolve().as_uri())
            except Exception as exc:  # rdflib raises many types for a broken file
                raise ShapesError(f"{path}: not a readable shapes file: {exc}") from None
        if len(_READ) >= _KEEP:
            _READ.pop(next(iter(_READ)))
        _READ[key] = graph
    return _READ[key]


#: What is derived from a shapes graph, by (what, the graph's identity, arguments): the graph itself
#: kept beside it, so an identity is never taken for another graph's once the first is gone.
_DERIVED: dict[tuple, tuple[object, object]] = {}


def derived(what: str, shapes: rdflib.Graph, arguments: tuple, compute):
    """``compute()``, worked out once per shapes graph and ``arguments``: the graphs :func:`read_shapes`
    shares are never changed, so what is derived from one holds as long as it does (an editor's
    server checks on every keystroke with the same shapes). The result is shared: never change it."""
    key = (what, id(shapes), arguments)
    found = _DERIVED.get(key)
    if found is None or found[0] is not shapes:
        if len(_DERIVED) >= 4 * _KEEP:
            _DERIVED.pop(next(iter(_DERIVED)))
        found = _DERIVED[key] = (shapes, compute())
    return found[1]


def expand_languages(shapes: rdflib.Graph, languages: tuple[str, ...]) -> rdflib.Graph:
    """Replace each ``eag:requiredLanguages`` shape by one qualified shape per language (worked out
    once per shared shapes graph and languages: the result is shared, never change it)."""
    return derived("expand_languages", shapes, tuple(languages), lambda: _expand_languages(shapes, languages))


def _expand_languages(shapes: rdflib.Graph, languages: tuple[str, ...]) -> rdflib.Graph:
    out = rdflib.Graph()
    for prefix, iri in shapes.namespaces():
        out.bind(prefix, iri)
    marked = set(shapes.subjects(EAG_NS.requiredLanguages, Literal(True)))
    for triple in shapes:
        if triple[0] not in marked and triple[2] not in marked:
            out.add(triple)
    for shape in marked:
        parents = list(shapes.subjects(SH.property, shape))
        for language in languages:
            copy = BNode()
            for parent in parents:
                out.add((parent, SH.property, copy))
            for _, p, o in shapes.triples((shape, None, None)):
                if p != EAG_NS.requiredLanguages:
                    out.add((copy, p, o))
            inner, items = BNode(), BNode()
            Collection(out, items, [Literal(language)])
            out.add((inner, SH.languageIn, items))
            out.add((copy, SH.qualifiedValueShape, inner))
            out.add((copy, SH.qualifiedMinCount, Literal(1)))
            out.add((copy, LANGUAGE_SHAPE, Literal(language)))
            if (shape, RDF.type, SH.PropertyShape) not in shapes:
                out.add((copy, RDF.type, SH.PropertyShape))
    return out
