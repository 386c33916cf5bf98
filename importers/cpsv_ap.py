"""``eagraph import cpsv-ap``: a CPSV-AP catalogue that others publish, as model files.

A catalogue (CPSV-AP 2.x or 3.x, in any RDF syntax, from files, folders or a SPARQL endpoint) is
read whole, its earlier CPSV-AP names are mapped to 3.2.0 (:mod:`eagraph.ontology.cpsv_versions`,
which counts each mapping), and its statements are split into one Turtle file per competent
authority, so that a re-import after the catalogue changed rewrites the same files and ``eagraph
diff`` shows what the catalogue changed, authority by authority.

Nothing is dropped: every statement lands in exactly one file, with terms that have no 3.2 name
kept as they are (and counted, so the architect knows what the profile will not check).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, BNode, Graph, URIRef

from eagraph.ontology import PREFIXES
from eagraph.ontology.cpsv_versions import CPSV, CV, Rename, map_earlier_names
from eagraph.workspace import EagraphError

PUBLIC_SERVICE = URIRef(CPSV + "PublicService")
PUBLIC_ORGANISATION = URIRef(CV + "PublicOrganisation")
HAS_COMPETENT_AUTHORITY = URIRef(CV + "hasCompetentAuthority")
#: The file of services that name no competent authority, and of what no authority's file reaches.
NO_AUTHORITY = "no-authority"
#: Terms every catalogue may use that are no CPSV-AP term (not counted as "outside CPSV-AP 3.2").
_GENERAL = (PREFIXES["rdf"], PREFIXES["rdfs"], PREFIXES["owl"])


class CatalogueError(EagraphError):
    """A catalogue that cannot be imported (an endpoint's answer that is no RDF, nothing to import)."""


@dataclass
class Catalogue:
    """An imported catalogue: its statements file by file (name without ``.ttl``), and what the
    import did to get there."""

    files: dict[str, Graph]
    mapped: dict[Rename, int]
    statements: int
    services: int
    authorities: int
    outside: Counter = field(default_factory=Counter)  # predicate -> statements, for terms not in CPSV-AP 3.2


def read_sources(paths: list[Path]) -> Graph:
    """The statements of the files and folders given, through the model loader (so a broken file
    is reported at its line, XML entities are refused and links out of the folder are not read)."""
    from eagraph.workspace import load

    graph = Graph()
    for path in paths:
        graph += load(path, cache=False).rdflib_graph()
    return graph


def read_endpoint(endpoint) -> Graph:
    """Every statement a SPARQL endpoint holds, in its default graph and in its named graphs."""
    from rdflib.plugins.parsers.ntriples import ParseError

    from eagraph.remote.http import redact

    data = endpoint.construct("CONSTRUCT { ?s ?p ?o } WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }")
    try:
        return Graph().parse(data=data.decode("utf-8"), format="nt")
    except (ParseError, UnicodeDecodeError, ValueError) as exc:
        raise CatalogueError(f"{redact(endpoint.url('query'))}: the server's answer is not N-Triples "
                             f"({type(exc).__name__}: {str(exc)[:200]})") from None


def import_catalogue(graph: Graph) -> Catalogue:
    """The catalogue in ``graph`` in CPSV-AP 3.2 names, split into one graph per competent authority."""
    if not len(graph):
        raise CatalogueError("the catalogue holds no statements: nothing to import")
    mapped = map_earlier_names(graph)
    files = split_by_authority(mapped.graph)
    services = set(mapped.graph.subjects(RDF.type, PUBLIC_SERVICE))
    return Catalogue(files, mapped.counts, len(mapped.graph), len(services), len(_authorities(mapped.graph)),
                     outside_cpsv_ap(mapped.graph))


def _authorities(graph: Graph) -> set:
    return ({a for a in graph.objects(None, HAS_COMPETENT_AUTHORITY) if isinstance(a, URIRef)}
            | {a for a in graph.subjects(RDF.type, PUBLIC_ORGANISATION) if isinstance(a, URIRef)})


def split_by_authority(graph: Graph) -> dict[str, Graph]:
    """Every statement of ``graph`` in exactly one file: an authority's own description and its
    services' (a service with several authorities goes with the first by IRI), then whatever
    those reach (channels, costs, evidence, legal resources) with the nearest of them; a blank
    node with every statement that names it, so that no blank node is split across files (which
    would make it two). The rest goes to :data:`NO_AUTHORITY`."""
    names = file_names(_authorities(graph))
    home: dict = dict(names)
    for service in sorted(set(graph.subjects(RDF.type, PUBLIC_SERVICE)), key=str):
        if isinstance(service, URIRef) and service not in home:
            own = sorted((a for a in graph.objects(service, HAS_COMPETENT_AUTHORITY) if a in names), key=str)
            home[service] = names[own[0]] if own else NO_AUTHORITY
    _reach(graph, home)
    groups = _blank_groups(graph)
    blank_home: dict = {}
    for subject, _, obj in graph:
        if isinstance(obj, BNode) and not isinstance(subject, BNode):
            root = groups[obj]
            candidate = home.get(subject, NO_AUTHORITY)
            blank_home[root] = min(blank_home.get(root, candidate), candidate)
    files: dict[str, Graph] = {}
    for triple in graph:
        subject, _, obj = triple
        if isinstance(subject, BNode):
            name = blank_home.get(groups[subject], NO_AUTHORITY)
        elif isinstance(obj, BNode):
            name = blank_home.get(groups[obj], NO_AUTHORITY)
        else:
            name = home.get(subject, NO_AUTHORITY)
        if name not in files:
            files[name] = _new_graph(graph)
        files[name].add(triple)
    return files


def _reach(graph: Graph, home: dict) -> None:
    """Give each IRI a service or authority refers to (directly or through others) the file of
    the nearest referrer; at equal distance the first file name wins, so the split is stable."""
    frontier = sorted(home, key=str)
    while frontier:
        found: dict = {}
        for node in frontier:
            for obj in graph.objects(node, None):
                if isinstance(obj, URIRef) and obj not in home and (obj, None, None) in graph:
                    found[obj] = min(found.get(obj, home[node]), home[node])
        home.update(found)
        frontier = sorted(found, key=str)


def _blank_groups(graph: Graph) -> dict:
    """Each blank node's group: blank nodes that name one another share one (union-find)."""
    parent: dict = {}

    def find(node):
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for subject, _, obj in graph:
        for node in (subject, obj):
            if isinstance(node, BNode):
                find(node)
        if isinstance(subject, BNode) and isinstance(obj, BNode):
            parent[find(subject)] = find(obj)
    return {node: find(node) for node in parent}


def file_names(authorities) -> dict:
    """A file name per authority, from the last segment of its IRI (``fin`` for ``…/org/fin``),
    lower case; two authorities with the same segment (or one called :data:`NO_AUTHORITY`) get a
    short digest of their IRI added, so neither overwrites the other."""
    slugs = {authority: _slug(str(authority)) for authority in authorities}
    taken = Counter(slugs.values())
    names = {}
    for authority, slug in slugs.items():
        if taken[slug] > 1 or slug == NO_AUTHORITY:
            slug = f"{slug}-{hashlib.sha1(str(authority).encode()).hexdigest()[:8]}"
        names[authority] = slug
    return names


def _slug(iri: str) -> str:
    segment = re.split(r"[/#:]", iri.rstrip("/#"))[-1]
    slug = re.sub(r"[^a-z0-9]+", "-", segment.lower()).strip("-")[:60].strip("-")
    return slug or "authority"


def _new_graph(source: Graph) -> Graph:
    graph = Graph()
    for prefix in ("cpsv", "cv", "dct", "dcat", "eli", "skos", "org"):
        graph.bind(prefix, PREFIXES[prefix])
    for prefix, namespace in source.namespaces():
        graph.bind(prefix, namespace, override=False)
    return graph


def outside_cpsv_ap(graph: Graph) -> Counter:
    """How many statements use each predicate that CPSV-AP 3.2.0 does not name (kept all the same)."""
    known = cpsv_ap_terms()
    return Counter(str(p) for p in graph.predicates() if str(p) not in known and not str(p).startswith(_GENERAL))


_TERMS: set[str] = set()


def cpsv_ap_terms() -> set[str]:
    """Every IRI in SEMIC's CPSV-AP 3.2.0 and CCCEV 2.1.0 vocabularies and shapes (package data)."""
    if not _TERMS:
        import eagraph.validators

        folder = Path(eagraph.validators.__file__).parent / "semic"
        for path in sorted(folder.glob("*/*.ttl")):
            for triple in Graph().parse(path, format="turtle"):
                _TERMS.update(str(term) for term in triple if isinstance(term, URIRef))
    return _TERMS
