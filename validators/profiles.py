"""Official application profiles: validating against the shapes the EU publishes.

``--profile cpsv-ap-3.2`` runs SEMIC's CPSV-AP 3.2.0 shapes over the model, as the standard
means them: its vocabulary (and CCCEV's) loaded so that ``sh:class`` sees subclasses (a
``cv:Criterion`` is a ``cv:Requirement``), and EU code-list IRIs typed the way the shapes expect
(a country from the ATU table is a ``dct:Location``; every authority-table value a
``skos:Concept``), since a model merely refers to those tables. ``--profile cccev-2.1`` runs
SEMIC's CCCEV 2.1.0 shapes the same way.

eagraph ships the official files of these versions (package data in ``semic/``, CC-BY 4.0, see its
``SOURCE.md``), so the profiles work right after installing; ``--profile-dir`` points at another
folder laid out as SEMIC publishes them (``cpsv-ap-3.2.0/``, ``cccev-2.1.0/``), for other copies.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from eagraph.ontology import DCT, RDF_TYPE, RDFS, SKOS
from eagraph.workspace import EagraphError, Workspace

CODE_LISTS = ("http://publications.europa.eu/resource/authority/", "http://data.europa.eu/snb/")
# Tables whose values the CPSV-AP shapes expect to be of a class besides skos:Concept.
TABLE_CLASSES = {
    "atu": DCT + "Location",
    "country": DCT + "Location",
    "place": DCT + "Location",
    "continent": DCT + "Location",
    "language": DCT + "LinguisticSystem",
}
SKOS_CONCEPT = SKOS + "Concept"
#: The official SEMIC files eagraph ships, laid out as SEMIC publishes them: the default --profile-dir.
SHIPPED_DIR = Path(__file__).resolve().parent / "semic"


@dataclass(frozen=True)
class Profile:
    name: str
    code_prefix: str
    shapes: tuple[str, ...]  # paths relative to the profile folder
    vocabularies: tuple[str, ...]

    def files(self, folder: Path) -> tuple[list[Path], list[Path]]:
        """The shapes and vocabulary files in ``folder``; any missing one is a clear error."""
        shapes = [folder / name for name in self.shapes]
        vocabularies = [folder / name for name in self.vocabularies]
        missing = [str(p) for p in shapes + vocabularies if not p.is_file()]
        if missing:
            raise ProfileError(f"profile {self.name}: missing file{'s' if len(missing) > 1 else ''} "
                               f"{', '.join(missing)} (point --profile-dir at the folder that holds "
                               f"{', '.join(self.shapes + self.vocabularies)})")
        return shapes, vocabularies


class ProfileError(EagraphError):
    """A profile that is unknown or whose files are missing."""


PROFILES = {
    "cpsv-ap-3.2": Profile(
        "cpsv-ap-3.2", "CPSV-AP-3.2",
        shapes=("cpsv-ap-3.2.0/cpsv-ap-SHACL.ttl",),
        vocabularies=("cpsv-ap-3.2.0/cpsv-ap.ttl", "cccev-2.1.0/cccev.ttl"),
    ),
    "cccev-2.1": Profile(
        "cccev-2.1", "CCCEV-2.1",
        shapes=("cccev-2.1.0/cccev-ap-SHACL.ttl",),
        vocabularies=("cccev-2.1.0/cccev.ttl",),
    ),
}


def get_profile(name: str) -> Profile:
    try:
        return PROFILES[name]
    except KeyError:
        raise ProfileError(f"unknown profile '{name}' (known: {', '.join(PROFILES)})") from None


def code_list_classes(iri: str) -> tuple[str, ...]:
    """The classes an EU code-list value is published as (a ``skos:Concept``; a country also a
    ``dct:Location``, a language a ``dct:LinguisticSystem``), which the shapes check with a hard
    ``sh:class``; nothing for any other IRI: what a model merely names is not typed here."""
    if not iri.startswith(CODE_LISTS):
        return ()
    table = iri.removeprefix(CODE_LISTS[0]).split("/", 1)[0]
    extra = (TABLE_CLASSES[table],) if iri.startswith(CODE_LISTS[0]) and table in TABLE_CLASSES else ()
    return (SKOS_CONCEPT, *extra)


def prepare(workspace: Workspace, profile: Profile, vocabularies: list[Path]) -> None:
    """Load the profile's vocabularies, type the code-list values the model uses, and add what
    RDFS says of ranges and domains (what pyshacl's ``inference="rdfs"`` adds for the profile)."""
    graph = ox.NamedNode(f"urn:eagraph:profile:{profile.name}")
    # the values the model uses, asked before the vocabularies are in the store (queries may read
    # every named graph: see Workspace.query)
    rows = list(workspace.query(
        "SELECT DISTINCT ?v WHERE { ?s ?p ?v FILTER(isIRI(?v) && ("
        + " || ".join(f'STRSTARTS(STR(?v), "{prefix}")' for prefix in CODE_LISTS) + ")) }"))
    for path in vocabularies:
        try:
            workspace.store.load(path=str(path), format=ox.RdfFormat.TURTLE, to_graph=graph)
        except SyntaxError as exc:
            raise ProfileError(f"{path}: not readable Turtle: {exc}") from None
    rdf_type = ox.NamedNode(RDF_TYPE)
    workspace.store.extend(ox.Quad(row["v"], rdf_type, ox.NamedNode(cls), graph)
                           for row in rows for cls in code_list_classes(row["v"].value))
    for declared, node in (("range", "?o"), ("domain", "?s")):
        workspace.store.update(
            f"INSERT {{ GRAPH {graph} {{ {node} a ?class }} }} WHERE {{ GRAPH {graph} {{ ?p "
            f"<{RDFS}{declared}> ?class FILTER(isIRI(?class)) }} "
            f"GRAPH ?any {{ ?s ?p ?o }} FILTER(!isLiteral({node})) }}")
    workspace.merge_graphs([graph])
