"""Authorities: the core list, generated agencies and municipalities, and how many services each
one delivers."""

from __future__ import annotations

from .authority_names import AGENCY_TOPICS, CORE_AUTHORITIES, INTEGRATORS, MUNICIPALITIES, REGIONS, SYNTHETIC_PLACE_HEADS, SYNTHETIC_PLACE_TAILS
from .objects import Authority, Territory
from .patterns import AGENCY_PREFIXES, COMMUNITY_DOMAINS, FEDERAL_DOMAINS, LEVEL_WEIGHTS
from .text import _mod97, _slug
from .vocabulary import SCOPE_DOMAINS


class Authorities:
    """Builds the authorities of the world."""

    # -- authorities ---------------------------------------------------------------------------

    def _add_auth(self, key, nl, fr, level, region, parent, domains, acronym, *, integrator=False, territory=None, ident=True):
        scope = {"Federal": "national", "Community": "national", "Regional": "regional", "Local": "local"}[level]
        if level == "Federal":
            jur = "fed"
        elif level == "Community":
            jur = "cvl" if region == "vl" else "cfr"
        else:
            jur = region
        if territory is None and level == "Regional":
            territory = self.region_terr[region]
        a = Authority(key, f"authority:{key}", nl, fr, level, scope, region, tuple(domains), acronym, parent,
                      integrator=integrator, territory=territory, jur=jur)
        if ident:
            while True:
                base = self.rng.randint(2_000_000, 9_999_999)
                if base not in self.enterprise_numbers:
                    self.enterprise_numbers.add(base)
                    a.ident = _mod97(base)
                    break
        if parent is not None:
            parent.children.append(a)
        self.authorities.append(a)
        self.by_key[key] = a
        return a

    def _build_authorities(self):
        count = max(10, round(self.n / 60))
        n_int = 1 if count < 40 else 2
        n_local = max(2, round(count * 0.4))
        n_core = count - n_int - n_local
        for r, (nl, fr) in REGIONS.items():
            t = Territory(f"territory:{_slug(nl)}", nl, fr)
            self.territories.append(t)
            self.region_terr[r] = t
        for key, nl, fr, level, region, acr in INTEGRATORS[:n_int]:
            self._add_auth(key, nl, fr, level, region, None, ("gegevensdeling",), acr, integrator=True)
        for key, nl, fr, level, region, parent, domains, acr in CORE_AUTHORITIES[:n_core]:
            par = self.by_key[parent] if parent else None
            self._add_auth(key, nl, fr, level, region, par, domains, acr, ident=par is None)
        if n_core > len(CORE_AUTHORITIES):
            self._extra_agencies(n_core - len(CORE_AUTHORITIES))
        self._municipalities(n_local)
        # Services per authority: largest remainder over level weights (sub-organisations a bit less).
        weights = [0.0 if a.integrator else LEVEL_WEIGHTS[a.level] * (0.6 if a.parent else 1.0) for a in self.authorities]
        total = sum(weights)
        raw = [self.n * w / total for w in weights]
        quotas = [int(x) for x in raw]
        order = sorted(range(len(raw)), key=lambda i: (quotas[i] - raw[i], i))
        for i in order[: self.n - sum(quotas)]:
            quotas[i] += 1
        for i, w in enumerate(weights):
            if w > 0 and quotas[i] == 0:
                j = max(range(len(quotas)), key=lambda k: quotas[k])
                quotas[j] -= 1
                quotas[i] += 1
        for a, q in zip(self.authorities, quotas):
            a.quota = q

    def _extra_agencies(self, count: int):
        rng = self.rng
        patterns = (("Federal", None), ("Regional", "vl"), ("Regional", "wa"), ("Federal", None), ("Regional", "br"),
                    ("Community", "vl"), ("Community", "wa"))
        names = {a.nl for a in self.authorities}
        i = 0
        while count > 0:
            level, region = patterns[i % len(patterns)]
            i += 1
            domains = {"Federal": FEDERAL_DOMAINS, "Regional": SCOPE_DOMAINS["regional"], "Community": COMMUNITY_DOMAINS}[level]
            domain = rng.choice(domains)
            topic_nl, topic_fr = AGENCY_TOPICS[domain]
            parents = [a for a in self.authorities if a.level == level and a.region == region and a.parent is None
                       and not a.integrator and level != "Community"]
            if parents and rng.random() < 0.15:
                parent = rng.choice(parents)
                nl, fr = f"Directie {topic_nl}", f"Direction {topic_fr}"
                if nl in names:
                    nl, fr = f"{nl} ({parent.short_nl})", f"{fr} ({parent.short_fr})"
                if nl in names:
                    continue
                names.add(nl)
                self._add_auth(_slug(nl), nl, fr, level, region, parent, (domain,), None, ident=rng.random() < 0.5)
                count -= 1
                continue
            for pfx_nl, pfx_fr in AGENCY_PREFIXES[(level, region)]:
                nl, fr = f"{pfx_nl} {topic_nl}", f"{pfx_fr} {topic_fr}"
                if nl not in names:
                    break
            else:
                k = 2
                while f"{nl} {k}" in names:
                    k += 1
                nl, fr = f"{nl} {k}", f"{fr} {k}"
            names.add(nl)
            self._add_auth(_slug(nl), nl, fr, level, region, None, (domain,), None)
            count -= 1

    def _municipalities(self, count: int):
        rng = self.rng
        pattern = ("vl", "wa", "vl", "br", "vl", "wa", "vl", "wa", "vl", "br")
        pools = {r: list(names) for r, names in MUNICIPALITIES.items()}
        for pool in pools.values():
            rng.shuffle(pool)
        made = 0
        while made < count:
            region = pattern[made % len(pattern)]
            if pools[region]:
                nl, fr = pools[region].pop(0)
            else:
                nl = (rng.choice(("", "", "Sint-", "Oost-", "West-", "Groot-")) + rng.choice(SYNTHETIC_PLACE_HEADS)
                      + rng.choice(SYNTHETIC_PLACE_TAILS))
                fr = nl
            key = "gemeente-" + _slug(nl)
            if key in self.by_key:
                if not pools[region]:
                    nl = fr = f"{nl}-{made}"  # the synthetic names ran out
                    key = "gemeente-" + _slug(nl)
                if key in self.by_key:
                    continue
            made += 1
            terr = Territory(f"territory:{_slug(nl)}", nl, fr)
            self.territories.append(terr)
            fr_name = ("Commune d'" if fr[:1] in "AEIOUYÉ" else "Commune de ") + fr
            self._add_auth(key, f"Gemeente {nl}", fr_name, "Local", region, None, SCOPE_DOMAINS["local"], None, territory=terr)
