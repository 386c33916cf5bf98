"""The world: the whole model as objects, built step by step by the mixins of the modules named
after what they build."""

from __future__ import annotations

from random import Random

from .authorities import Authorities
from .concepts import Concepts
from .kinds import KINDS
from .labels import GroundTruth
from .objects import App, Authority, Capability, Concept, EvidenceType, Regulation, Service, Source, Territory
from .planning import Planning
from .regulations import Regulations
from .services import Services
from .shared import Shared
from .text import _slug, _uc
from .vocabulary import DOMAINS, LOOKALIKE_NOTIONS, NOTIONS, REG_KINDS, SAME_DEFINITION_NOTIONS


class World(Authorities, Regulations, Concepts, Shared, Planning, Services, GroundTruth):
    """Builds the model as objects, plants the findings and computes the labels."""

    def __init__(self, services: int, seed: int):
        self.n = services
        self.seed = seed
        self.rng = Random(seed)
        self.authorities: list[Authority] = []
        self.by_key: dict[str, Authority] = {}
        self.territories: list[Territory] = []
        self.region_terr: dict[str, Territory] = {}
        self.sources: list[Source] = []
        self.concepts: list[Concept] = []
        self.concept_labels: set[str] = set()
        self.concept_iris: set[str] = set()
        self.regs: list[Regulation] = []
        self.reg_pool: dict[tuple, list] = {}
        self.numacs: set[str] = set()
        self.etypes: list[EvidenceType] = []
        self.applicant_docs: list[EvidenceType] = []
        self.services: list[Service] = []
        self.apps: list[App] = []
        self.app_titles: set[str] = set()
        self.caps: list[Capability] = []
        self.top_caps: dict[str, Capability] = {}
        self.func_caps: dict[str, Capability] = {}
        self.leaf_owner: dict[str, Authority] = {}
        self.leaves: dict[str, Capability] = {}
        self.events: list[tuple] = []
        self.used_keys: dict[tuple, int] = {}  # (thing, audience, territory) -> editions delivered
        self.pools: dict[tuple, list] = {}
        self.exhausted: set[tuple] = set()
        self.enterprise_numbers: set[int] = set()
        self.commons: dict[str, list] = {}
        self.planted: dict[str, list] = {k: [] for k in KINDS}
        self.dup_clusters: dict[int, list] = {}
        self.cluster_state: dict[tuple, dict] = {}
        self.harmonisation: list[tuple] = []
        self.hard_negatives: list[dict] = []
        self.producers: list[tuple] = []
        self.ddc_concepts: dict[int, Concept] = {}
        self.singles: list[tuple] = []
        self.nonauth_used: int = 0
        self.counters: dict[tuple, int] = {}
        self.cluster_members: dict[tuple, list] = {}



    # -- the whole -----------------------------------------------------------------------------

    def build(self):
        self._build_authorities()
        self._build_sources()
        self._build_access()
        self._build_vocabularies()
        self._build_capabilities()
        slots = self._plan()
        later = ("cl", "hn-cert-same", "hn-cert-fetched")  # they need the certificates other services produce
        for s in slots:
            if s.role not in later:
                self._service(s)
        for s in slots:
            if s.role in later:
                self._service(s)
        self.services.sort(key=lambda s: s.num)
        self._post()

    def _post(self):
        """What relates services and regulations planted one by one: facts captured elsewhere, the
        clusters' hard negatives, notions to harmonise (and their look-alikes), orphan regulations.
        The order of these steps is the order of the random draws: kept as it was."""
        background = [s for s in self.services if s.role == "bg"]
        self._captured_elsewhere(background)
        self._cluster_negatives()
        domains = [d for d in DOMAINS if DOMAINS[d]["commons"]]
        self._notions_to_harmonise(domains, background)
        self._same_definition_negatives(domains)
        self._lookalike_negatives(domains)
        self._orphan_regulations(domains)

    def _captured_elsewhere(self, background: list) -> None:
        """Facts one service asks for and other services only capture by hand."""
        rng = self.rng
        for svc, c in self.singles:
            for other in rng.sample([s for s in background if s is not svc], min(2, len(background))):
                other.steps[0].captures.append(c)

    def _cluster_negatives(self) -> None:
        """Services alike in title that are not duplicates (another territory, another audience)."""
        for (role, _), members in sorted(self.cluster_members.items(), key=lambda kv: (kv[0][0], kv[0][1])):
            if len(members) < 2:
                continue
            if role == "hn-territory":
                why = "the same service offered by different authorities for different territories (dct:spatial)"
            else:
                why = "titles alike, but different audience, legal basis (cv:hasLegalResource) and outputs"
            self.hard_negatives.append(dict(kind="duplicate-service", subjects=[m.qname for m in members], why=why))

    def _notions_to_harmonise(self, domains: list, background: list) -> None:
        """Planted: one notion defined differently by several regulations."""
        rng = self.rng
        order = list(range(len(NOTIONS)))
        rng.shuffle(order)
        for idx in order[: max(1, min(len(NOTIONS), round(self.n / 500)))]:
            labels, definitions = NOTIONS[idx]
            size = 3 if rng.random() < 0.3 else 2
            jurs = rng.sample(list(REG_KINDS), size)
            which = rng.sample(range(3), size)
            group = []
            for j in range(size):
                nl, fr = labels[j % 2]
                reg = self._new_reg(jurs[j], rng.choice(domains))
                d_nl, d_fr = definitions[which[j]]
                c = Concept(f"concept:{_slug(labels[0][0])}-{jurs[j]}", nl, fr, defined_in=reg,
                            definition=(_uc(d_nl) + ".", _uc(d_fr) + "."))
                group.append(self._add_concept(c, unique=False))
            if rng.random() < 0.5:
                for c in group[1:]:
                    c.close.append(group[0].qname)
            for c in group:
                others = [o for o in group if o is not c]
                self.harmonisation.append((c, [o.qname for o in others] + [o.defined_in.qname for o in others]))
                if background:
                    s = rng.choice(background)
                    s.reqs.append(self._req(s, [c]))

    def _same_definition_negatives(self, domains: list) -> None:
        """Hard negatives: one notion, the same words in two regulations."""
        rng = self.rng
        for idx in range(min(len(SAME_DEFINITION_NOTIONS), max(1, round(self.n / 2500)))):
            (nl, fr), (d_nl, d_fr) = SAME_DEFINITION_NOTIONS[idx]
            pair = []
            for jur in rng.sample(list(REG_KINDS), 2):
                reg = self._new_reg(jur, rng.choice(domains))
                pair.append(self._add_concept(Concept(f"concept:{_slug(nl)}-{jur}", nl, fr, defined_in=reg,
                                                      definition=(_uc(d_nl) + ".", _uc(d_fr) + ".")), unique=False))
            pair[1].exact.append(pair[0].qname)
            self.hard_negatives.append(dict(kind="concept-harmonisation", subjects=[c.qname for c in pair],
                                            why="one notion (skos:exactMatch) with the same definition in both regulations"))

    def _lookalike_negatives(self, domains: list) -> None:
        """Hard negatives: alike labels, two notions."""
        rng = self.rng
        for idx in range(min(len(LOOKALIKE_NOTIONS), max(1, round(self.n / 2500)))):
            reg = self._new_reg(rng.choice(list(REG_KINDS)), rng.choice(domains))
            pair = [self._add_concept(Concept(f"concept:{_slug(nl)}", nl, fr, defined_in=reg,
                                              definition=(_uc(d_nl) + ".", _uc(d_fr) + ".")))
                    for (nl, fr), (d_nl, d_fr) in LOOKALIKE_NOTIONS[idx]]
            self.hard_negatives.append(dict(kind="concept-harmonisation", subjects=[c.qname for c in pair],
                                            why="labels alike but two different notions, defined in one regulation"))

    def _orphan_regulations(self, domains: list) -> None:
        """Planted: regulations nothing refers to (some of them amend a regulation that is cited)."""
        rng = self.rng
        targets = list(self.regs)
        for _ in range(max(1, round(self.n / 400))):
            if rng.random() < 0.3:
                target = rng.choice(targets)
                reg = self._new_reg(target.jur, target.domain, 0, after=target.when, changes=target)
            else:
                reg = self._new_reg(rng.choice(list(REG_KINDS)), rng.choice(domains), rng.randrange(2))
            self.planted["orphan-regulation"].append(reg.qname)
        refs = self._reg_refs()
        for prop in ("eli:based_on", "eli:changes", "cpsv:implements", "eag:legalBasis", "eag:definedIn"):
            only = [r.qname for r in self.regs if refs.get(r.qname) == {prop}]
            if only:
                self.hard_negatives.append(dict(kind="orphan-regulation", subjects=only[:5], why=f"cited only through {prop}"))

    def _reg_refs(self) -> dict:
        refs: dict[str, set] = {}
        for svc in self.services:
            for r in svc.legal:
                refs.setdefault(r.qname, set()).add("cv:hasLegalResource")
            for rule in svc.rules:
                refs.setdefault(rule.implements.qname, set()).add("cpsv:implements")
        for c in self.concepts:
            if c.defined_in is not None:
                refs.setdefault(c.defined_in.qname, set()).add("eag:definedIn")
        for s in self.sources:
            for ag in s.agreements:
                refs.setdefault(ag.basis.qname, set()).add("eag:legalBasis")
        for r in self.regs:
            for t in r.changes:
                refs.setdefault(t.qname, set()).add("eli:changes")
            for t in r.based_on:
                refs.setdefault(t.qname, set()).add("eli:based_on")
        return refs
