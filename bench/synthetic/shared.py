"""What services share: evidence types, life events, the capability map and applications."""

from __future__ import annotations

from .objects import App, Authority, Capability, EvidenceType
from .text import _slug
from .vocabulary import APPLICANT_DOCS, APP_SUFFIXES, CAP_FUNCTIONS, CAP_TOP, DOMAINS, EVENTS, SUPPORT_CAPS


class Shared:
    """Builds what the services of the world share."""

    # -- evidence types, events, capabilities, applications ---------------------------------------

    def _build_vocabularies(self):
        self.applicant_docs = [EvidenceType(f"evidencetype:{k}", nl, fr) for k, nl, fr in APPLICANT_DOCS]
        self.events = [(f"event:{k}", nl, fr, doms, biz) for k, nl, fr, doms, biz in EVENTS]

    def _leaf(self, a: Authority, fkey: str, fnl: str, ffr: str, domain: str) -> Capability:
        dn = DOMAINS[domain]
        key = f"{fkey}-{_slug(dn['nl'])}"
        nl, fr = f"{fnl} {dn['nl']}", f"{ffr} – {dn['fr']}"
        owner = self.leaf_owner.get(key)
        if owner is not None and owner is not a.group:
            key = f"{key}-{a.group.key}"
            nl, fr = f"{nl} ({a.group.short_nl})", f"{fr} ({a.group.short_fr})"
        cap = self.leaves.get(key)
        if cap is None:
            cap = Capability(f"capability:{key}", nl, fr, self.func_caps[fkey])
            self.leaves[key] = cap
            self.caps.append(cap)
            self.leaf_owner[key] = a.group
        return cap

    def _app_title(self, domain: str) -> str:
        prefix = DOMAINS[domain]["app"]
        for _ in range(8):
            title = prefix + self.rng.choice(APP_SUFFIXES)
            if title not in self.app_titles:
                break
        else:
            k = 2
            while f"{title} {k}" in self.app_titles:
                k += 1
            title = f"{title} {k}"
        self.app_titles.add(title)
        return title

    def _add_app(self, owner: Authority, title: str, caps: list, uses: list) -> App:
        app = App(f"application:{owner.key}-{len(owner.apps) + 1:02d}", title, owner, caps, uses)
        owner.apps.append(app)
        self.apps.append(app)
        return app

    def _build_capabilities(self):
        rng = self.rng
        for key, nl, fr in CAP_TOP:
            self.top_caps[key] = Capability(f"capability:{key}", nl, fr, None)
            self.caps.append(self.top_caps[key])
        for key, nl, fr, top in CAP_FUNCTIONS:
            self.func_caps[key] = Capability(f"capability:{key}", nl, fr, self.top_caps[top])
            self.caps.append(self.func_caps[key])
        for a in self.authorities:
            offset = rng.randrange(len(CAP_FUNCTIONS))
            for j in range(2 + min(8, a.quota // 15)):
                fkey, fnl, ffr, _ = CAP_FUNCTIONS[(offset + j) % len(CAP_FUNCTIONS)]
                domain = a.domains[j % len(a.domains)]
                caps = [self._leaf(a, fkey, fnl, ffr, domain)]
                if rng.random() < 0.3:
                    fkey2, fnl2, ffr2, _ = CAP_FUNCTIONS[(offset + j + 4) % len(CAP_FUNCTIONS)]
                    extra = self._leaf(a, fkey2, fnl2, ffr2, domain)
                    if extra is not caps[0]:
                        caps.append(extra)
                sources = list(a.access.values())
                uses = rng.sample(sources, min(len(sources), rng.randint(0, 2)))
                self._add_app(a, self._app_title(domain), caps, uses)
        # Planted: support capabilities that several authorities each run their own application for.
        groups = []
        for a in self.authorities:
            if all(g is not a.group for g in groups):
                groups.append(a.group)
        members = {id(g): [a for a in self.authorities if a.group is g] for g in groups}
        n_shared = max(1, min(len(SUPPORT_CAPS) - 1, round(len(self.authorities) / 8)))
        for key, nl, fr, product in SUPPORT_CAPS[:n_shared]:
            cap = Capability(f"capability:{key}", nl, fr, self.top_caps["ondersteuning"])
            self.caps.append(cap)
            for g in rng.sample(groups, rng.randint(2, min(4, len(groups)))):
                owner = rng.choice(members[id(g)])
                self._add_app(owner, f"{product} {owner.short_nl}", [cap], [])
            self.planted["shared-capability"].append(cap.qname)
        # Hard negative: a parent and its sub-organisation, each with an application for one capability.
        parents = [a for a in self.authorities if a.children]
        if parents:
            key, nl, fr, product = SUPPORT_CAPS[-1]
            cap = Capability(f"capability:{key}", nl, fr, self.top_caps["ondersteuning"])
            self.caps.append(cap)
            parent = rng.choice(parents)
            child = rng.choice(parent.children)
            self._add_app(parent, f"{product} {parent.short_nl}", [cap], [])
            self._add_app(child, f"{product} {child.short_nl}", [cap], [])
            self.hard_negatives.append(dict(kind="shared-capability", subjects=[cap.qname],
                                            why="the applications belong to an authority and its own sub-organisation"))
        # Hard negative: functions whose narrower capabilities several authorities support.
        narrow = [f for f in self.func_caps.values()
                  if len({id(self.leaf_owner[k]) for k, c in self.leaves.items() if c.broader is f}) >= 2]
        for f in narrow[:3]:
            self.hard_negatives.append(dict(kind="shared-capability", subjects=[f.qname],
                                            why="different authorities support only narrower capabilities (skos:broader)"))
