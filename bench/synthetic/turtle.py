"""Writing Turtle the way people write it: prefixes a file uses, blocks per subject, nested blank
nodes and collections, long literals."""

from __future__ import annotations

from .namespaces import PREFIXES
from .objects import Concept, Regulation, Service, Step
from .text import _lit, _long_lit


class _BNode:
    __slots__ = ("pairs",)

    def __init__(self, pairs):
        self.pairs = pairs


class _Coll:
    __slots__ = ("items",)

    def __init__(self, items):
        self.items = items


def _render(pairs, indent: int, used: set) -> tuple[str, int]:
    """Predicate-object lists joined with ' ;' and ',' (nested blank nodes indented), and the triples they state.

    Adds the prefixes the terms use to ``used``."""
    lines, count = [], 0
    pad = " " * indent
    for pred, objs in pairs:
        if not objs:
            continue
        if pred != "a":
            used.add(pred.partition(":")[0])
        rendered = []
        for o in objs:
            if type(o) is str:
                first = o[0]
                if first == '"':
                    if "^^" in o:
                        used.add(o.rpartition("^^")[2].partition(":")[0])
                elif first != "<" and not first.isdigit() and o not in ("true", "false"):
                    used.add(o.partition(":")[0])
                rendered.append(o)
                count += 1
            elif type(o) is _BNode:
                inner, k = _render(o.pairs, indent + 4, used)
                rendered.append("[\n" + " " * (indent + 4) + inner + "\n" + pad + "]")
                count += 1 + k
            else:
                rendered.append("( " + " ".join(o.items) + " )")
                count += 1 + 2 * len(o.items)
        lines.append(pred + " " + ", ".join(rendered))
    return (" ;\n" + pad).join(lines), count


class _TurtleFile:
    def __init__(self, title: str):
        self.parts = [f"# {title}\n\n"]
        self.triples = 0
        self.used: set[str] = set()

    def comment(self, text: str):
        self.parts.append(f"# {text}\n")

    def block(self, subject: str, pairs: list):
        if subject[0] != "<":
            self.used.add(subject.partition(":")[0])
        body, count = _render(pairs, 4, self.used)
        self.triples += count
        self.parts.append(f"{subject} {body} .\n\n")

    def text(self) -> str:
        body = "".join(self.parts)
        unknown = self.used - PREFIXES.keys()
        assert not unknown, unknown
        head = "".join(f"@prefix {p}: <{iri}> .\n" for p, iri in PREFIXES.items() if p in self.used)
        return head + "\n" + body.rstrip("\n") + "\n"


def _labels(nl: str, fr: str) -> list:
    return [_lit(nl, "nl"), _lit(fr, "fr")]


def _concept_pairs(c: Concept) -> list:
    return [
        ("a", ["cv:InformationConcept", "authsrc:DataElement"] if c.source else ["cv:InformationConcept"]),
        ("skos:prefLabel", _labels(c.nl, c.fr)),
        ("skos:definition", _labels(*c.definition) if c.definition else []),
        ("eag:definedIn", [c.defined_in.qname] if c.defined_in else []),
        ("authsrc:hasSource", [c.source.qname] if c.source else []),
        ("authsrc:isAuthoritative", [] if c.flag is None else ["true" if c.flag else "false"]),
        ("skos:closeMatch", c.close),
        ("skos:exactMatch", c.exact),
    ]


def _regulation_pairs(r: Regulation) -> list:
    return [
        ("a", ["eli:LegalResource"]),
        ("dct:title", _labels(r.nl, r.fr)),
        ("eli:date_document", [f'"{r.when.isoformat()}"^^xsd:date']),
        ("eli:id_local", [_lit(r.numac)]),
        ("eli:changes", [t.qname for t in r.changes]),
        ("eli:based_on", [t.qname for t in r.based_on]),
    ]


def _step_pairs(s: Step) -> list:
    return [
        ("a", ["eag:ProcessStep"]),
        ("eag:order", [str(s.order)]),
        ("eag:activity", [f"activity:{s.activity}"]),
        ("eag:performedBy", [s.performer.qname]),
        ("eag:usesApplication", [s.app.qname]),
        ("eag:reads", [c.qname for c in s.reads]),
        ("eag:captures", [c.qname for c in s.captures]),
    ]


def _write_service(f: _TurtleFile, svc: Service):
    desc_lit = _long_lit if svc.long_description else _lit
    f.comment(svc.title[0])
    f.block(svc.qname, [
        ("a", ["cpsv:PublicService"]),
        ("dct:identifier", [_lit(svc.ident)]),
        ("dct:title", _labels(*svc.title)),
        ("dct:description", [desc_lit(svc.description[0], "nl"), desc_lit(svc.description[1], "fr")]),
        ("dct:type", [f"eag:{svc.stype}"]),
        ("cv:hasCompetentAuthority", [svc.auth.qname]),
        ("eag:executingAuthority", [svc.executing.qname] if svc.executing else []),
        ("eag:grantingMode", [f"eag:{svc.mode}"]),
        ("eag:annualCases", [str(svc.cases)]),
        ("dct:spatial", [svc.territory.qname] if svc.territory else []),
        ("cv:hasLegalResource", [r.qname for r in svc.legal]),
        ("cv:isGroupedBy", [svc.event]),
        ("cv:holdsRequirement", [r.qname for r in svc.reqs]),
        ("cpsv:hasInput", [e.qname for e in svc.evidence]),
        ("cpsv:produces", [o.qname for o in svc.outputs]),
        ("cv:hasChannel", [c[0] for c in svc.channels]),
        ("cpsv:follows", [r.qname for r in svc.rules]),
        ("rdfs:seeAlso", [_Coll(svc.see_also)] if svc.see_also else []),
    ])
    stack = list(svc.reqs)
    while stack:
        r = stack.pop(0)
        f.block(r.qname, [("a", [r.cls]), ("dct:identifier", [_lit(r.ident)]), ("dct:title", _labels(r.nl, r.fr)),
                          ("cv:hasConcept", [c.qname for c in r.concepts]), ("cv:hasRequirement", [c.qname for c in r.children])])
        stack.extend(r.children)
    for e in svc.evidence:
        f.block(e.qname, [("a", ["cv:Evidence"]), ("dct:identifier", [_lit(e.ident)]), ("dct:title", _labels(e.nl, e.fr)),
                          ("cv:supportsConcept", [e.concept.qname] if e.concept else []),
                          ("dct:isPartOf", [e.part_of.qname] if e.part_of else []), ("dct:conformsTo", [e.conforms.qname])])
    for o in svc.outputs:
        f.block(o.qname, [("a", ["cv:Output"]), ("dct:identifier", [_lit(o.ident)]), ("dct:title", _labels(o.nl, o.fr)),
                          ("dct:type", [f"outputtype:{o.otype}"]), ("dct:isPartOf", [o.part_of.qname] if o.part_of else []),
                          ("eag:usableAs", [o.usable.qname] if o.usable else [])])
    for qname, ident, kind in svc.channels:
        f.block(qname, [("a", ["cv:Channel"]), ("dct:identifier", [_lit(ident)]), ("dct:type", [f"eag:{kind}"])])
    for r in svc.rules:
        f.block(r.qname, [("a", ["cpsv:Rule"]), ("dct:identifier", [_lit(r.ident)]), ("dct:title", _labels(r.nl, r.fr)),
                          ("cpsv:implements", [r.implements.qname])])
    f.comment(f"Proces: {svc.title[0]}")
    steps = [_BNode(_step_pairs(s)) for s in svc.steps] if svc.blank_steps else [s.qname for s in svc.steps]
    f.block(f"process:{svc.local}", [
        ("a", ["eag:Process"]),
        ("dct:title", _labels(f"Behandeling: {svc.title[0]}", f"Traitement : {svc.title[1]}")),
        ("eag:ownedBy", [svc.process_owner.qname]),
        ("eag:realises", [svc.qname]),
        ("eag:hasStep", steps),
    ])
    if not svc.blank_steps:
        for s in svc.steps:
            f.block(s.qname, _step_pairs(s))
