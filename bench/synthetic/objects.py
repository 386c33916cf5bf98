"""The model, as objects: the dataclasses the world builds and the files are written from, and
the Manifest generate() returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .text import _fr, _slug
from .vocabulary import AUDIENCES, DOMAINS, ENT_HEADS, ENT_OBJECTS, OTHER_THINGS, SCOPE_DOMAINS


@dataclass(frozen=True, slots=True)
class Thing:
    key: str
    stype: str
    scope: str
    domain: str
    kind: str
    variants: tuple  # ((nl, nl with article, fr, fr with article), ...)


@dataclass(frozen=True, slots=True)
class Audience:
    key: str
    kind: str
    variants: tuple  # ((nl, fr), ...)


def _build_things() -> dict[tuple[str, str], list[Thing]]:
    things: dict[tuple[str, str], list[Thing]] = {}
    for (scope, domain), objects in ENT_OBJECTS.items():
        for kind, *obj_variants in objects:
            obj_key = _slug(obj_variants[0][0])
            for head_key, head_variants, prep_nl, prep_fr in ENT_HEADS:
                variants = []
                for i in range(2):
                    (h_nl, h_nl_art), (h_fr, h_fr_art) = head_variants[i]
                    o_nl, o_fr = obj_variants[i]
                    variants.append((f"{h_nl} {prep_nl} {o_nl}", f"{h_nl_art} {prep_nl} {o_nl}",
                                     f"{h_fr} {_fr(prep_fr, o_fr)}", f"{h_fr_art} {_fr(prep_fr, o_fr)}"))
                things.setdefault((scope, domain), []).append(
                    Thing(f"{head_key}|{obj_key}", "Entitlement", scope, domain, kind, tuple(variants)))
    for (scope, domain), entries in OTHER_THINGS.items():
        for stype, kind, *variants in entries:
            things.setdefault((scope, domain), []).append(
                Thing(_slug(variants[0][0]), stype, scope, domain, kind, tuple(variants)))
    for scope, domains in SCOPE_DOMAINS.items():
        for domain in domains:
            for t_nl, t_fr in DOMAINS[domain]["topics"][:2]:
                variants = ((f"Informatie over {t_nl}", f"informatie over {t_nl}",
                             f"Information sur {t_fr}", f"des informations sur {t_fr}"),
                            (f"Uitleg over {t_nl}", f"uitleg over {t_nl}",
                             f"Explications sur {t_fr}", f"des explications sur {t_fr}"))
                things.setdefault((scope, domain), []).append(
                    Thing("info|" + _slug(t_nl), "Information", scope, domain, "cb", variants))
    return things


THINGS = _build_things()
AUDS = tuple(Audience(key, kind, variants) for key, kind, variants in AUDIENCES)
AUDS_BY_KIND = {"c": tuple(a for a in AUDS if a.kind == "c"), "b": tuple(a for a in AUDS if a.kind == "b"), "cb": AUDS}


@dataclass(slots=True, eq=False)
class Territory:
    qname: str
    nl: str
    fr: str


@dataclass(slots=True, eq=False)
class Regulation:
    qname: str  # <ELI IRI>
    when: date
    jur: str
    kind: tuple
    domain: str
    topic: tuple
    nl: str
    fr: str
    numac: str
    changes: list = field(default_factory=list)
    based_on: list = field(default_factory=list)


@dataclass(slots=True, eq=False)
class EvidenceType:
    qname: str
    nl: str
    fr: str


@dataclass(slots=True, eq=False)
class Authority:
    key: str
    qname: str
    nl: str
    fr: str
    level: str
    scope: str
    region: str | None
    domains: tuple
    acronym: tuple | None = None
    parent: "Authority | None" = None
    ident: str | None = None
    integrator: bool = False
    territory: Territory | None = None
    jur: str = "fed"
    quota: int = 0
    children: list = field(default_factory=list)
    published: list = field(default_factory=list)
    consumes: list = field(default_factory=list)
    access: dict = field(default_factory=dict)  # source key -> Source, in source order
    apps: list = field(default_factory=list)

    @property
    def group(self) -> "Authority":
        return self.parent or self

    @property
    def short_nl(self) -> str:
        return self.acronym[0] if self.acronym else self.nl

    @property
    def short_fr(self) -> str:
        return self.acronym[1] if self.acronym else self.fr


@dataclass(slots=True, eq=False)
class Source:
    key: str
    qname: str
    nl: str
    fr: str
    publisher: Authority
    integrator: Authority | None
    authoritative: bool
    agreements: list = field(default_factory=list)
    concepts: list = field(default_factory=list)


@dataclass(slots=True, eq=False)
class Agreement:
    qname: str
    ident: str
    source: Source
    consumers: list
    basis: Regulation


@dataclass(slots=True, eq=False)
class Concept:
    qname: str
    nl: str
    fr: str
    source: Source | None = None
    flag: bool | None = None
    defined_in: Regulation | None = None
    definition: tuple | None = None
    doc: EvidenceType | None = None
    close: list = field(default_factory=list)
    exact: list = field(default_factory=list)

    @property
    def available(self) -> bool:
        if self.source is None:
            return False
        return self.flag if self.flag is not None else self.source.authoritative


@dataclass(slots=True, eq=False)
class Requirement:
    qname: str
    ident: str
    cls: str
    nl: str
    fr: str
    concepts: list
    children: list = field(default_factory=list)


@dataclass(slots=True, eq=False)
class Evidence:
    qname: str
    ident: str
    nl: str
    fr: str
    conforms: EvidenceType
    concept: Concept | None = None
    part_of: Source | None = None


@dataclass(slots=True, eq=False)
class Output:
    qname: str
    ident: str
    nl: str
    fr: str
    otype: str
    part_of: Source | None = None
    usable: EvidenceType | None = None


@dataclass(slots=True, eq=False)
class Step:
    qname: str | None
    order: int
    activity: str
    performer: Authority
    app: "App"
    reads: list = field(default_factory=list)
    captures: list = field(default_factory=list)


@dataclass(slots=True, eq=False)
class Rule:
    qname: str
    ident: str
    nl: str
    fr: str
    implements: Regulation


@dataclass(slots=True, eq=False)
class App:
    qname: str
    title: str
    owner: Authority
    caps: list
    uses: list


@dataclass(slots=True, eq=False)
class Capability:
    qname: str
    nl: str
    fr: str
    broader: "Capability | None"


@dataclass(slots=True, eq=False)
class Slot:
    auth: Authority
    role: str
    params: dict = field(default_factory=dict)
    executing: Authority | None = None
    key: tuple | None = None  # (Thing, Audience, edition) decided when planning
    num: int = 0


@dataclass(slots=True, eq=False)
class Service:
    num: int
    qname: str
    ident: str
    role: str
    auth: Authority
    executing: Authority | None
    thing: Thing
    stype: str
    mode: str
    title: tuple
    description: tuple
    long_description: bool
    cases: int
    territory: Territory | None
    legal: list
    event: str
    channels: list
    reqs: list = field(default_factory=list)
    evidence: list = field(default_factory=list)
    outputs: list = field(default_factory=list)
    rules: list = field(default_factory=list)
    steps: list = field(default_factory=list)
    process_owner: Authority | None = None
    blank_steps: bool = False
    see_also: list = field(default_factory=list)
    extra_captures: list = field(default_factory=list)

    @property
    def local(self) -> str:
        return self.qname.split(":", 1)[1]

    @property
    def authorities(self) -> list:
        return [self.auth] + ([self.executing] if self.executing else [])

    def required_concepts(self) -> list:
        """Required concepts per the contract: requirements (nested too) and the concepts evidence supports."""
        out: dict[int, Concept] = {}
        stack = list(self.reqs)
        while stack:
            req = stack.pop()
            for c in req.concepts:
                out.setdefault(id(c), c)
            stack.extend(req.children)
        for ev in self.evidence:
            if ev.concept is not None:
                out.setdefault(id(ev.concept), ev.concept)
        return list(out.values())

    def consults(self) -> dict:
        acc: dict[str, Source] = {}
        for a in self.authorities:
            acc.update(a.access)
        return acc


@dataclass
class Manifest:
    """What ``generate`` wrote."""

    out_dir: Path
    seed: int
    services: int
    authorities: int
    files: int
    triples: int
    labels: Path
    findings: dict[str, int]
    hard_negatives: int
