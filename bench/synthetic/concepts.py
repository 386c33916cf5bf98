"""Information concepts and the authentic sources that hold them, and which authority may consult
which source."""

from __future__ import annotations

from .objects import Agreement, Authority, Concept, EvidenceType, Regulation, Service, Source
from .patterns import LOCAL_SOURCES
from .text import _slug
from .vocabulary import DOMAINS, OWN_FACTS, SOURCES


class Concepts:
    """Builds the concepts, sources and access of the world."""

    # -- concepts and sources ------------------------------------------------------------------

    def _add_concept(self, c: Concept, unique: bool = True) -> Concept:
        assert not unique or c.nl not in self.concept_labels, c.nl
        assert c.qname not in self.concept_iris, c.qname
        self.concept_labels.add(c.nl)
        self.concept_iris.add(c.qname)
        self.concepts.append(c)
        return c

    def _build_sources(self):
        founding: dict[str, Regulation] = {}
        for key, nl, fr, roles, integ_role, authoritative, concepts in SOURCES:
            publisher = next((self.by_key[r] for r in roles if r in self.by_key), None)
            if publisher is None:
                continue
            integrator = self.by_key.get(integ_role) if integ_role else None
            src = Source(key, f"source:{key}", nl, fr, publisher, integrator, authoritative)
            publisher.published.append(src)
            # One regulation defines the concepts of a publisher's sources: they are distinct notions.
            if publisher.key not in founding:
                founding[publisher.key] = self._legal(publisher.jur, publisher.domains[0])
            reg = founding[publisher.key]
            for ckey, cnl, cfr, flag, doc, definition in concepts:
                doc_type = EvidenceType(f"evidencetype:doc-{ckey}", doc[0], doc[1])
                self.etypes.append(doc_type)
                src.concepts.append(self._add_concept(Concept(f"concept:{ckey}", cnl, cfr, src, flag, reg, definition, doc_type)))
            self.sources.append(src)
        self.available = [c for s in self.sources for c in s.concepts if c.available]
        self.sources_with_available = {c.source.key for c in self.available}
        self.unavailable_with_source = [c for s in self.sources for c in s.concepts if not c.available]

    @staticmethod
    def _own_sources(a: Authority) -> set:
        return {s.key for s in a.published} | {s.key for s in a.consumes}

    def _build_access(self):
        rng = self.rng
        for a in self.authorities:
            if a.integrator:
                continue
            for s in self.sources:
                if s.publisher is a or s.publisher is a.parent:
                    continue
                if s.key == "rijksregister":
                    p = 0.92
                elif set(s.publisher.domains) & set(a.domains):
                    p = 0.55
                elif a.level == "Local" and s.key in LOCAL_SOURCES:
                    p = 0.35
                else:
                    p = 0.12
                if a.parent is not None:
                    p *= 0.3
                if rng.random() < p:
                    a.consumes.append(s)
        for a in self.authorities:
            keys = self._own_sources(a) | (self._own_sources(a.parent) if a.parent else set())
            a.access = {s.key: s for s in self.sources if s.key in keys}
        order = {id(a): i for i, a in enumerate(self.authorities)}
        for s in self.sources:
            consumers = [a for a in self.authorities if any(x is s for x in a.consumes)]
            rng.shuffle(consumers)
            i = 0
            while i < len(consumers):
                k = rng.randint(1, 4)
                group = sorted(consumers[i:i + k], key=lambda a: order[id(a)])
                i += k
                ident = f"BER-{rng.randint(9, 24):02d}/{rng.randint(1, 250):03d}"
                basis = self._legal(s.publisher.jur, "gegevensdeling")
                s.agreements.append(Agreement(f"agreement:{s.key}-{len(s.agreements) + 1:02d}", ident, s, group, basis))

    def _common(self, svc: Service, taken: list) -> Concept:
        """A fact no authentic source holds, shared by the services of one domain."""
        domain = svc.thing.domain
        if domain not in self.commons:
            reg = self._legal("fed" if svc.auth.scope == "national" else svc.auth.jur, domain)
            self.commons[domain] = [
                self._add_concept(Concept(f"concept:{_slug(nl)}", nl, fr, defined_in=reg)) for nl, fr in DOMAINS[domain]["commons"]]
        free = [c for c in self.commons[domain] if all(c is not t for t in taken)]
        if free:
            return self.rng.choice(free)
        return self._own_concept(svc, taken)

    def _own_concept(self, svc: Service, taken: list) -> Concept:
        """A fact only this service collects (no source, no definition)."""
        facts = OWN_FACTS[svc.stype]
        used = {c.nl.split(":", 1)[0] for c in taken}
        free = [f for f in facts if f[0] not in used] or list(facts)
        f_nl, f_fr = self.rng.choice(free)
        where_nl = f" ({svc.territory.nl})" if svc.territory else ""
        where_fr = f" ({svc.territory.fr})" if svc.territory else ""
        nl, fr = f"{f_nl}: {svc.title[0]}{where_nl}", f"{f_fr} : {svc.title[1]}{where_fr}"
        k = self._count(svc, "concept")
        if nl in self.concept_labels:
            nl, fr = f"{nl} [{svc.ident}/{k}]", f"{fr} [{svc.ident}/{k}]"
        return self._add_concept(Concept(f"concept:{svc.local}-{k}", nl, fr))
