"""Planning: which authority delivers which kind of service, the planted cases of every finding kind
and the hard negatives first, then the background."""

from __future__ import annotations

from .objects import AUDS_BY_KIND, Audience, Authority, Slot, Source, THINGS, Thing
from .patterns import TYPE_WEIGHTS
from .vocabulary import SCOPE_DOMAINS


class Planning:
    """Plans the services of the world."""

    # -- planning ------------------------------------------------------------------------------

    def _avail(self, access: dict) -> list:
        return [c for c in self.available if c.source.key in access]

    def _holds_available(self, s: Source) -> bool:
        return s.key in self.sources_with_available

    def _has_ent(self, a: Authority) -> bool:
        return any(t.stype == "Entitlement" for d in a.domains for t in THINGS.get((a.scope, d), ()))

    def _parent_only(self, a: Authority) -> list:
        """Sources with available concepts a sub-organisation may consult only through its parent."""
        if a.parent is None:
            return []
        own = self._own_sources(a)
        return [s for k, s in a.access.items() if k not in own and self._holds_available(s)]

    def _exec_sources(self, a: Authority, e: Authority) -> list:
        return [s for k, s in e.access.items() if k not in a.access and self._holds_available(s)]

    def _exec_partners(self, a: Authority, workers: list) -> list:
        return [e for e in workers if e.group is not a.group and self._exec_sources(a, e)]

    def _ma_sources(self, a: Authority) -> list:
        return [s for s in self.sources if s.key not in a.access and self._holds_available(s)
                and all(s.key not in self._own_sources(ch) for ch in a.children)]

    def _pick_key(self, a: Authority, types=None, territories=None):
        """A (thing, audience, edition) no service has delivered in the territory yet: background services are all different."""
        rng = self.rng
        terrs = territories if territories is not None else [a.territory.qname if a.territory else None]
        if types is None:
            mine = self._pool(a.scope, a.domains, None)
            avail_types = [t for t, _ in TYPE_WEIGHTS if any(x.stype == t for x in mine)]
            weights = [w for t, w in TYPE_WEIGHTS if t in avail_types]
            chosen = rng.choices(avail_types, weights)[0]
            pools = [self._pool(a.scope, a.domains, frozenset({chosen})), mine]
        else:
            pools = [self._pool(a.scope, a.domains, types)]
        pools.append(self._pool(a.scope, SCOPE_DOMAINS[a.scope], types))

        for pool in pools:
            if not pool:
                continue
            for _ in range(25):
                t = rng.choice(pool)
                aud = rng.choice(AUDS_BY_KIND[t.kind])
                if all((t.key, aud.key, terr) not in self.used_keys for terr in terrs):
                    return t, aud, self._take_key(t, aud, terrs)
        exhausted = (a.scope, types, tuple(terrs))
        if exhausted not in self.exhausted:
            pairs = [(t, aud) for t in pools[-1] for aud in AUDS_BY_KIND[t.kind]]
            rng.shuffle(pairs)
            for t, aud in pairs:
                if all((t.key, aud.key, terr) not in self.used_keys for terr in terrs):
                    return t, aud, self._take_key(t, aud, terrs)
            self.exhausted.add(exhausted)
        # Every combination is taken (large models): another edition of a scheme is another service.
        t = rng.choice(pools[-1])
        aud = rng.choice(AUDS_BY_KIND[t.kind])
        return t, aud, self._take_key(t, aud, terrs)

    def _pool(self, scope: str, domains: tuple, types) -> list:
        key = (scope, domains, types)
        if key not in self.pools:
            self.pools[key] = [x for d in domains for x in THINGS.get((scope, d), ()) if types is None or x.stype in types]
        return self.pools[key]

    def _take_key(self, t: Thing, aud: Audience, terrs: list) -> int:
        """Mark (thing, audience) as delivered in the territories; returns the edition it gets (0 for the first)."""
        edition = max(self.used_keys.get((t.key, aud.key, terr), 0) for terr in terrs)
        for terr in terrs:
            self.used_keys[(t.key, aud.key, terr)] = edition + 1
        return edition

    def _plan(self) -> list[Slot]:
        """A slot per service, numbered: the planted cases and hard negatives first, then the background.
        The steps run in this order because each draws from the one random generator."""
        plan = Plan(self)
        plan.certificate_producers()
        plan.duplicate_services()
        plan.same_service_other_territories()
        plan.one_thing_two_audiences()
        plan.automatic_granting()
        plan.proactive_granting()
        plan.missing_agreements()
        plan.only_once_violations()
        plan.certificate_loops()
        plan.duplicate_data_collections()
        plan.single_hard_negatives()
        return plan.numbered()


class Plan:
    """The slots planned so far and what every step asks of an authority: how many services it has
    left to deliver and what it may consult (worked out once: it is fixed by the time of planning)."""

    def __init__(self, world):
        self.world = world
        self.rng, self.n = world.rng, world.n
        self.free = {a.key: a.quota for a in world.authorities}
        self.workers = [a for a in world.authorities if not a.integrator]
        self.slots: list[Slot] = []
        workers = self.workers
        self.n_avail = {a.key: len(world._avail(a.access)) for a in workers}
        self.parent_only = {a.key: world._parent_only(a) for a in workers}
        self.partners = {a.key: world._exec_partners(a, workers) for a in workers}
        self.ma_sources = {a.key: world._ma_sources(a) for a in workers}
        self.has_ent = {a.key: world._has_ent(a) for a in workers}

    def rate(self, r, lo=1):
        return max(lo, round(self.n * r))

    def eligible(self, pred, need=1):
        return [a for a in self.workers if self.free[a.key] >= need and pred(a)]

    def take(self, a, role, **params):
        self.free[a.key] -= 1
        s = Slot(a, role, params)
        self.slots.append(s)
        return s

    def certificate_producers(self):
        """Producers of certificates others may ask for (background services, several authorities)."""
        rng, eligible = self.rng, self.eligible
        groups_done: set[int] = set()
        for _ in range(max(3, self.rate(0.02) // 2 + 2)):
            el = eligible(lambda a: id(a.group) not in groups_done) or eligible(lambda a: True)
            if not el:
                break
            a = rng.choice(el)
            self.take(a, "producer")
            groups_done.add(id(a.group))

    def duplicate_services(self):
        """Duplicate services: clusters of one thing for one audience (national, or one region)."""
        rng, eligible = self.rng, self.eligible
        for i in range(self.rate(0.012)):
            members = []
            if rng.random() < 0.2:
                regional = eligible(lambda a: a.scope == "regional")
                by_region = {}
                for a in regional:
                    by_region.setdefault(a.region, []).append(a)
                options = [v for v in by_region.values() if len(v) >= 2]
                if options:
                    members = rng.sample(rng.choice(options), 2)
            if not members:
                k = 3 if rng.random() < 0.15 else 2
                if rng.random() < 0.15:
                    el = eligible(lambda a: a.scope == "national", need=k)
                    members = [rng.choice(el)] * k if el else []
                else:
                    el = eligible(lambda a: a.scope == "national")
                    members = rng.sample(el, k) if len(el) >= k else []
            if not members:
                continue
            thing, aud, ed = self.world._pick_key(members[0])
            for j, m in enumerate(members):
                tv, av = ((0, 0), (1, 1), (0, 1))[j]
                self.take(m, "dup", cluster=i, tv=tv, av=av).key = (thing, aud, ed)

    def same_service_other_territories(self):
        """Hard negatives: the same service for different territories."""
        rng, eligible = self.rng, self.eligible
        for i in range(self.rate(0.002)):
            locals_ = eligible(lambda a: a.scope == "local")
            members = []
            if len(locals_) >= 2 and rng.random() < 0.7:
                members = rng.sample(locals_, min(len(locals_), rng.randint(2, 4)))
            else:
                by_region = {}
                for a in eligible(lambda a: a.scope == "regional"):
                    by_region.setdefault(a.region, []).append(a)
                if len(by_region) >= 2:
                    members = [rng.choice(v) for v in rng.sample(list(by_region.values()), min(3, len(by_region)))]
            if len(members) < 2:
                continue
            key = self.world._pick_key(members[0], None, [m.territory.qname for m in members])
            for m in members:
                self.take(m, "hn-territory", cluster=i).key = key

    def one_thing_two_audiences(self):
        """Hard negatives: one thing for two audiences (look alike, differ structurally)."""
        rng = self.rng
        for i in range(self.rate(0.002)):
            el = self.eligible(lambda a: True, need=2)
            if not el:
                break
            a = rng.choice(el)
            thing, aud1, ed = self.world._pick_key(a)
            terr = a.territory.qname if a.territory else None
            aud2 = rng.choice([x for x in AUDS_BY_KIND[thing.kind] if x is not aud1])
            ed2 = self.world._take_key(thing, aud2, [terr])
            self.take(a, "hn-lookalike", pair=i).key = (thing, aud1, ed)
            self.take(a, "hn-lookalike", pair=i).key = (thing, aud2, ed2)

    def automatic_granting(self):
        """Automatic-granting candidates, in variants that exercise the access rules."""
        rng, eligible = self.rng, self.eligible
        has_ent, n_avail, parent_only, partners = self.has_ent, self.n_avail, self.parent_only, self.partners
        variants = {
            "plain": lambda a: has_ent[a.key] and n_avail[a.key] >= 2,
            # a sub-organisation, its parent's access
            "via-parent": lambda a: has_ent[a.key] and bool(parent_only[a.key]),
            "via-executing": lambda a: has_ent[a.key] and bool(partners[a.key]),  # the executing authority's access
            "nested": lambda a: has_ent[a.key] and n_avail[a.key] >= 2,  # a concept in a nested requirement
            "concept-flag": lambda a: has_ent[a.key] and "inkomenshistoriek" in a.access,  # flag on the concept wins
        }
        for i in range(self.rate(0.025, 2)):
            v = list(variants)[i % len(variants)]
            el = eligible(variants[v])
            if not el:
                v, el = "plain", eligible(variants["plain"])
            if not el:
                continue
            a = rng.choice(el)
            s = self.take(a, "agc", variant=v)
            if v == "via-executing":
                s.executing = rng.choice(partners[a.key])

    def proactive_granting(self):
        for _ in range(self.rate(0.02)):
            el = self.eligible(lambda a: self.has_ent[a.key] and self.n_avail[a.key] >= 3)
            if el:
                self.take(self.rng.choice(el), "pgc")

    def missing_agreements(self):
        """A source consulted without an agreement: asked for as evidence, or fetched, by turns."""
        rng = self.rng
        for i in range(self.rate(0.02)):
            el = self.eligible(lambda a: bool(self.ma_sources[a.key]))
            if el:
                a = rng.choice(el)
                self.take(a, "ma", variant=("req", "fetch")[i % 2], source=rng.choice(self.ma_sources[a.key]))

    def only_once_violations(self):
        for _ in range(self.rate(0.03, 2)):
            el = self.eligible(lambda a: self.n_avail[a.key] >= 1)
            if el:
                self.take(self.rng.choice(el), "oo")

    def certificate_loops(self):
        for _ in range(self.rate(0.02)):
            el = self.eligible(lambda a: True)
            if el:
                self.take(self.rng.choice(el), "cl")

    def duplicate_data_collections(self):
        """Two to four services of any authorities that ask the applicant for one fact."""
        rng = self.rng
        for i in range(self.rate(0.004)):
            el = self.eligible(lambda a: True)
            k = rng.randint(2, 4)
            if len(el) < 2:
                break
            for a in rng.sample(el, min(k, len(el))):
                self.take(a, "ddc", concept=i)

    def single_hard_negatives(self):
        """Hard negatives of one service each: they look like a finding of the kind HN_WHY names."""
        rng = self.rng
        has_ent, n_avail, parent_only, partners = self.has_ent, self.n_avail, self.parent_only, self.partners
        producer_groups = {id(s.auth.group) for s in self.slots if s.role == "producer"}
        singles = {
            "hn-automatic": lambda a: has_ent[a.key] and n_avail[a.key] >= 2,
            "hn-proactive": lambda a: has_ent[a.key] and n_avail[a.key] >= 2,
            "hn-below": lambda a: has_ent[a.key] and n_avail[a.key] >= 2,
            "hn-fetched": lambda a: n_avail[a.key] >= 1,
            "hn-captured": lambda a: True,
            "hn-nonauth": lambda a: True,
            "hn-cert-same": lambda a: id(a.group) in producer_groups,
            "hn-cert-fetched": lambda a: n_avail[a.key] >= 1,
            "hn-ma-parent": lambda a: bool(parent_only[a.key]),
            "hn-ma-exec": lambda a: bool(partners[a.key]),
            "hn-ddc-single": lambda a: True,
        }
        for _ in range(self.rate(0.002)):
            for role, pred in singles.items():
                el = self.eligible(pred)
                if not el:
                    continue
                a = rng.choice(el)
                s = self.take(a, role)
                if role == "hn-ma-exec":
                    s.executing = rng.choice(partners[a.key])

    def numbered(self) -> list[Slot]:
        """Everything else is background; number the services authority by authority, shuffled."""
        world = self.world
        by_auth = {a.key: [] for a in world.authorities}
        for s in self.slots:
            by_auth[s.auth.key].append(s)
        ordered = []
        for a in world.authorities:
            mine = by_auth[a.key] + [Slot(a, "bg") for _ in range(self.free[a.key])]
            self.rng.shuffle(mine)
            ordered.extend(mine)
        for i, s in enumerate(ordered, 1):
            s.num = i
        return ordered
