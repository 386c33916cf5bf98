"""Which file holds what: shared vocabularies, then one folder per authority, services grouped into
files of a size that varies like hand-kept ones."""

from __future__ import annotations

from random import Random

from .objects import Authority, Service
from .text import _lit
from .turtle import _TurtleFile, _concept_pairs, _labels, _regulation_pairs, _write_service
from .vocabulary import ACTIVITIES, OUTPUT_TYPES
from .world import World


def _files(world: World) -> list[tuple[str, _TurtleFile]]:
    """Every Turtle file of the model: shared vocabularies, then one folder per authority."""
    rng = Random(world.seed * 7919 + 1)  # layout only: how many services a file holds
    services_of: dict[str, list[Service]] = {a.key: [] for a in world.authorities}
    for svc in world.services:
        services_of[svc.auth.key].append(svc)
    out = _shared_files(world)
    for a in world.authorities:
        out += _authority_files(a, services_of[a.key], rng)
    return out


def _chunks(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def _shared_files(world: World) -> list[tuple[str, _TurtleFile]]:
    """The vocabularies every authority's files refer to: regulations, concepts, events, capabilities,
    evidence and output types, activities, territories."""
    out: list[tuple[str, _TurtleFile]] = []
    regs = sorted(world.regs, key=lambda r: (r.when, r.qname))
    for i, part in enumerate(_chunks(regs, 250), 1):
        f = _TurtleFile(f"Regelgeving, deel {i} (Belgisch Staatsblad, ELI)")
        for r in part:
            f.block(r.qname, _regulation_pairs(r))
        out.append((f"shared/regulations-{i:02d}.ttl", f))
    for i, part in enumerate(_chunks(world.concepts, 400), 1):
        f = _TurtleFile(f"Informatieconcepten, deel {i}")
        for c in part:
            f.block(c.qname, _concept_pairs(c))
        out.append((f"shared/concepts-{i:02d}.ttl", f))
    f = _TurtleFile("Levensgebeurtenissen en bedrijfsgebeurtenissen")
    for qname, nl, fr, _, business in world.events:
        f.block(qname, [("a", ["cv:BusinessEvent" if business else "cv:LifeEvent"]), ("dct:title", _labels(nl, fr))])
    out.append(("shared/events.ttl", f))
    f = _TurtleFile("Capabilitykaart van de overheid")
    for c in world.caps:
        f.block(c.qname, [("a", ["eag:Capability"]), ("skos:prefLabel", _labels(c.nl, c.fr)),
                          ("skos:broader", [c.broader.qname] if c.broader else [])])
    out.append(("shared/capabilities.ttl", f))
    f = _TurtleFile("Soorten bewijsstukken")
    f.comment("Stukken die aanvragers zelf aanbrengen")
    for t in world.applicant_docs:
        f.block(t.qname, [("a", ["cv:EvidenceType"]), ("skos:prefLabel", _labels(t.nl, t.fr))])
    f.comment("Attesten en bewijzen die diensten afleveren")
    for t in world.etypes:
        f.block(t.qname, [("a", ["cv:EvidenceType"]), ("skos:prefLabel", _labels(t.nl, t.fr))])
    out.append(("shared/evidence-types.ttl", f))
    f = _TurtleFile("Activiteiten van processtappen")
    f.block("activity:activiteiten", [("a", ["skos:ConceptScheme"]), ("skos:prefLabel", _labels("Activiteiten", "Activités"))])
    for key, nl, fr in ACTIVITIES:
        f.block(f"activity:{key}", [("a", ["skos:Concept"]), ("skos:inScheme", ["activity:activiteiten"]),
                                    ("skos:prefLabel", _labels(nl, fr))])
    out.append(("shared/activities.ttl", f))
    f = _TurtleFile("Soorten output")
    f.block("outputtype:outputtypes", [("a", ["skos:ConceptScheme"]), ("skos:prefLabel", _labels("Soorten output", "Types de résultat"))])
    for key, nl, fr in OUTPUT_TYPES:
        f.block(f"outputtype:{key}", [("a", ["skos:Concept"]), ("skos:inScheme", ["outputtype:outputtypes"]),
                                      ("skos:prefLabel", _labels(nl, fr))])
    out.append(("shared/output-types.ttl", f))
    f = _TurtleFile("Grondgebieden")
    for t in world.territories:
        f.block(t.qname, [("a", ["dct:Location"]), ("skos:prefLabel", _labels(t.nl, t.fr))])
    out.append(("shared/territories.ttl", f))

    return out


def _authority_files(a: Authority, mine: list[Service], rng: Random) -> list[tuple[str, _TurtleFile]]:
    """An authority's folder: the authority, its authentic sources, its applications, and its services
    in files of four to six."""
    out: list[tuple[str, _TurtleFile]] = []
    folder = f"authorities/{a.key}"
    folder = f"authorities/{a.key}"
    f = _TurtleFile(a.nl)
    f.block(a.qname, [
        ("a", ["cv:PublicOrganisation"]),
        ("skos:prefLabel", _labels(a.nl, a.fr)),
        ("skos:altLabel", _labels(*a.acronym) if a.acronym else []),
        ("dct:identifier", [_lit(a.ident)] if a.ident else []),
        ("eag:governmentLevel", [f"eag:{a.level}"]),
        ("org:subOrganizationOf", [a.parent.qname] if a.parent else []),
        ("dct:spatial", [a.territory.qname] if a.level == "Local" else []),
    ])
    out.append((f"{folder}/authority.ttl", f))
    if a.published:
        f = _TurtleFile(f"Authentieke bronnen van {a.nl}")
        for s in a.published:
            f.block(s.qname, [
                ("a", ["authsrc:DataSource", "dcat:Dataset"]),
                ("dct:title", _labels(s.nl, s.fr)),
                ("dct:publisher", [a.qname]),
                ("authsrc:isAuthoritative", ["true" if s.authoritative else "false"]),
                ("authsrc:hasIntegrator", [s.integrator.qname] if s.integrator else []),
                ("authsrc:hasAgreement", [g.qname for g in s.agreements]),
            ])
            for g in s.agreements:
                f.block(g.qname, [
                    ("a", ["authsrc:Agreement"]),
                    ("dct:identifier", [_lit(g.ident)]),
                    ("dct:title", _labels(f"Machtiging {g.ident}: toegang tot {s.nl}", f"Autorisation {g.ident} : accès à {s.fr}")),
                    ("authsrc:hasProvider", [a.qname]),
                    ("authsrc:hasConsumer", [c.qname for c in g.consumers]),
                    ("eag:legalBasis", [g.basis.qname]),
                ])
        out.append((f"{folder}/sources.ttl", f))
    f = _TurtleFile(f"Toepassingen van {a.nl}")
    for app in a.apps:
        f.block(app.qname, [
            ("a", ["eag:ApplicationComponent"]),
            ("dct:title", [_lit(app.title)]),
            ("eag:ownedBy", [a.qname]),
            ("eag:supportsCapability", [c.qname for c in app.caps]),
            ("eag:uses", [s.qname for s in app.uses]),
        ])
    out.append((f"{folder}/applications.ttl", f))
    i = n = 0
    while i < len(mine):
        size = rng.randint(4, 6)
        n += 1
        f = _TurtleFile(f"Dienstverlening van {a.nl}, deel {n}")
        for svc in mine[i:i + size]:
            _write_service(f, svc)
        i += size
        out.append((f"{folder}/services-{n:02d}.ttl", f))
    return out
