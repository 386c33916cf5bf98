"""Services: each slot of the plan becomes a service with its texts, requirements, evidence,
outputs, process and rules, the planted finding or hard negative included."""

from __future__ import annotations

from .objects import Audience, Authority, Concept, Evidence, EvidenceType, Output, Requirement, Rule, Service, Slot, Step, Thing
from .patterns import END_STEPS, HN_WHY, MIDDLE_STEPS, MODE_SENT, MOMENTS, OPENERS, OUTPUT_OF, OUTPUT_TITLE, PERIODS, ROLE_TYPES, TYPE_SENT
from .text import _lc, _slug, _uc
from .vocabulary import DOMAINS, SHARED_FACTS


#: The finding each planting role plants (the ground truth's name for it).
_PLANTED = {"oo": "only-once-violation", "agc": "automatic-granting-candidate", "pgc": "proactive-granting-candidate",
            "ma": "missing-agreement", "cl": "certificate-loop"}


class Services:
    """Builds the services of the world from the plan."""

    # -- services ------------------------------------------------------------------------------

    def _count(self, svc: Service, what: str) -> int:
        key = (svc.num, what)
        self.counters[key] = self.counters.get(key, 0) + 1
        return self.counters[key]

    def _texts(self, a: Authority, thing: Thing, aud: Audience, tv: int, av: int, edition: int, mode: str, territory):
        rng = self.rng
        t_nl, t_art_nl, t_fr, t_art_fr = thing.variants[tv]
        a_nl, a_fr = aud.variants[av]
        title = [f"{t_nl} {a_nl}", f"{t_fr} {a_fr}"]
        if edition:
            title[0] += f" (regeling {2000 + edition})"
            title[1] += f" (régime {2000 + edition})"
        op_nl, op_fr = OPENERS[thing.stype][rng.randrange(2)]
        first_nl = [op_nl.format(A=a.nl, T=t_art_nl, AUD=a_nl)]
        first_fr = [_uc(op_fr.format(A=a.fr, T=t_art_fr, AUD=a_fr))]
        dom = DOMAINS[thing.domain]
        if dom["purposes"] and rng.random() < 0.7:
            p_nl, p_fr = rng.choice(dom["purposes"])
            first_nl.append(p_nl)
            first_fr.append(p_fr)
        cond = rng.choice(dom["conds"]) if dom["conds"] else ("aan de voorwaarden voldoet", "remplissez les conditions")
        period, moment = rng.choice(PERIODS), rng.choice(MOMENTS)
        slots_nl = dict(cond=cond[0], amount=rng.choice((250, 500, 750, 1000, 1500, 2500, 5000)), period=period[0],
                        months=rng.choice((3, 6, 12)), moment=moment[0], days=rng.choice((30, 45, 60, 90)), years=rng.choice((3, 5, 10)))
        slots_fr = dict(slots_nl, cond=cond[1], period=period[1], moment=moment[1])
        pool = TYPE_SENT[thing.stype]
        rest_nl, rest_fr = [], []
        for s_nl, s_fr in rng.sample(pool, min(len(pool), rng.randint(2, 3))):
            rest_nl.append(s_nl.format(**slots_nl))
            rest_fr.append(s_fr.format(**slots_fr))
        if thing.stype == "Entitlement" and mode in MODE_SENT:
            rest_nl.append(MODE_SENT[mode][0])
            rest_fr.append(MODE_SENT[mode][1])
        if territory is not None:
            rest_nl.append(f"De regeling geldt op het grondgebied van {territory.nl}.")
            rest_fr.append(f"Le régime s'applique au territoire suivant : {territory.fr}.")
        long = rng.random() < 0.25
        if long:
            desc = ("\n\n".join((" ".join(first_nl), " ".join(rest_nl))), "\n\n".join((" ".join(first_fr), " ".join(rest_fr))))
        else:
            desc = (" ".join(first_nl + rest_nl), " ".join(first_fr + rest_fr))
        return tuple(title), desc, long

    def _mode(self, stype: str, role: str, state) -> str:
        if stype != "Entitlement":
            return "OnRequest"
        if state is not None:
            return state["mode"]
        fixed = {"agc": "OnRequest", "pgc": "OnRequest", "hn-below": "OnRequest", "hn-automatic": "Automatic", "hn-proactive": "Proactive"}
        if role in fixed:
            return fixed[role]
        r = self.rng.random()
        return "OnRequest" if r < 0.7 else ("Proactive" if r < 0.85 else "Automatic")

    def _event(self, domain: str, kind: str) -> str:
        business = kind == "b"
        cands = [e for e in self.events if domain in e[3] and e[4] == business] or [e for e in self.events if e[4] == business]
        return self.rng.choice(cands)[0]

    def _req(self, svc: Service, concepts: list) -> Requirement:
        i = self._count(svc, "req")
        cls = self.rng.choice(("cv:Criterion", "cv:Criterion", "cv:Requirement", "cv:InformationRequirement"))
        nl = "Voorwaarde: " + " en ".join(_lc(c.nl) for c in concepts)
        fr = "Condition : " + " et ".join(_lc(c.fr) for c in concepts)
        return Requirement(f"requirement:{svc.local}-{i}", f"REQ-{svc.num:06d}-{i}", cls, nl, fr, list(concepts))

    def _asked(self, svc: Service, etype: EvidenceType, concept) -> Evidence:
        i = self._count(svc, "ev")
        return Evidence(f"evidence:{svc.local}-{i}", f"EV-{svc.num:06d}-{i}", etype.nl, etype.fr, etype, concept, None)

    def _fetched(self, svc: Service, c: Concept, etype: EvidenceType | None = None) -> Evidence:
        i = self._count(svc, "ev")
        return Evidence(f"evidence:{svc.local}-{i}", f"EV-{svc.num:06d}-{i}", f"{c.nl} (bron: {c.source.nl})",
                        f"{c.fr} (source : {c.source.fr})", etype or c.doc, c, c.source)

    def _content_bg(self, svc: Service, avail: list):
        """Clean by construction: available concepts only through requirements or fetched evidence."""
        rng = self.rng
        taken: list = []
        for _ in range(rng.randint(1, 3)):
            cs = []
            for _ in range(1 if rng.random() < 0.8 else 2):
                if avail and rng.random() < 0.4:
                    c = rng.choice(avail)
                    if any(c is t for t in taken):
                        continue
                else:
                    c = self._common(svc, taken)
                cs.append(c)
                taken.append(c)
            if cs:
                svc.reqs.append(self._req(svc, cs))
        for _ in range(rng.randint(1, 3)):
            if avail and rng.random() < 0.35:
                c = rng.choice(avail)
                if any(ev.concept is c for ev in svc.evidence):
                    continue
                svc.evidence.append(self._fetched(svc, c))
            else:
                c = self._own_concept(svc, taken) if rng.random() < 0.5 else None
                if c is not None:
                    taken.append(c)
                svc.evidence.append(self._asked(svc, rng.choice(self.applicant_docs), c))

    def _split_reqs(self, svc: Service, concepts: list) -> list:
        out, i = [], 0
        while i < len(concepts):
            k = self.rng.randint(1, 2)
            out.append(self._req(svc, concepts[i:i + k]))
            i += k
        return out

    def _content_all_available(self, svc: Service, avail: list, variant: str):
        """Every required concept available in a source the service's authorities may consult."""
        rng = self.rng
        need: list = []
        if variant == "via-parent":
            src = rng.choice(self._parent_only(svc.auth))
            need = [rng.choice([c for c in src.concepts if c.available])]
        elif variant == "via-executing":
            src = rng.choice(self._exec_sources(svc.auth, svc.executing))
            need = [rng.choice([c for c in src.concepts if c.available])]
        elif variant == "concept-flag":
            need = [c for c in self.available if c.qname == "concept:inkomen-referentiejaar"]
        pool = [c for c in avail if all(c is not x for x in need)]
        cs = need + rng.sample(pool, min(len(pool), max(0, rng.randint(2, 4) - len(need))))
        rng.shuffle(cs)
        reqs = self._split_reqs(svc, cs)
        if variant == "nested":
            if len(reqs) >= 2:
                reqs[0].children.append(reqs.pop(1))
            elif len(reqs[0].concepts) >= 2:
                child = self._req(svc, [reqs[0].concepts.pop()])
                reqs[0].children.append(child)
        svc.reqs.extend(reqs)
        if rng.random() < 0.5:
            svc.evidence.append(self._fetched(svc, rng.choice(cs)))
        if rng.random() < 0.3:
            svc.evidence.append(self._asked(svc, self.applicant_docs[3], None))  # a sworn statement supports no concept

    def _content_partly_available(self, svc: Service, avail: list, options: tuple):
        rng = self.rng
        n, k = rng.choice([o for o in options if o[1] <= len(avail)])
        cs = rng.sample(avail, k)
        taken = list(cs)
        missing = []
        ask_own = rng.random() < 0.5
        for j in range(n - k):
            c = self._own_concept(svc, taken) if ask_own and j == 0 else self._common(svc, taken)
            taken.append(c)
            missing.append(c)
        in_reqs = cs + (missing[1:] if ask_own else missing)
        rng.shuffle(in_reqs)
        svc.reqs.extend(self._split_reqs(svc, in_reqs))
        if ask_own:
            svc.evidence.append(self._asked(svc, rng.choice(self.applicant_docs), missing[0]))
        if rng.random() < 0.5:
            svc.evidence.append(self._fetched(svc, rng.choice(cs)))

    def _other_producer(self, svc: Service, same: bool):
        """A certificate a service of the same authority group (same=True) or of another group produces."""
        groups = {id(a.group) for a in svc.authorities}

        def fits(y):
            return y is not svc and (id(y.auth.group) in groups) == same

        for _ in range(40):  # usually a few draws suffice; the scan below is the fallback
            if not self.producers:
                break
            y, t = self.rng.choice(self.producers)
            if fits(y):
                return y, t
        cands = [(y, t) for y, t in self.producers if fits(y)]
        return self.rng.choice(cands) if cands else None

    def _shared_fact(self, i: int) -> Concept:
        if i not in self.ddc_concepts:
            nl, fr = SHARED_FACTS[i % len(SHARED_FACTS)]
            if i >= len(SHARED_FACTS):
                dom = list(DOMAINS)[(i // len(SHARED_FACTS)) % len(DOMAINS)]
                nl, fr = f"{nl} ({DOMAINS[dom]['nl']}, {i // len(SHARED_FACTS)})", f"{fr} ({DOMAINS[dom]['fr']}, {i // len(SHARED_FACTS)})"
            c = self._add_concept(Concept(f"concept:gedeeld-{_slug(nl)}", nl, fr))
            self.ddc_concepts[i] = c
            self.planted["duplicate-data-collection"].append(c.qname)
        return self.ddc_concepts[i]

    def _nonauth_concept(self) -> Concept:
        bases = self.unavailable_with_source
        i = self.nonauth_used
        self.nonauth_used += 1
        if i < len(bases):
            return bases[i]
        base = bases[i % len(bases)]
        year = 2000 + i
        return self._add_concept(Concept(f"{base.qname}-{year}", f"{base.nl} aanslagjaar {year}", f"{base.fr} exercice d'imposition {year}",
                                         base.source, base.flag, base.defined_in, None, base.doc))

    def _service(self, slot: Slot) -> Service:
        """The slot's service: its texts and legal basis, what its role plants, then its outputs, rule
        and process. The order of the random draws is the generator's contract: every draw here,
        moved, would change every model and the thresholds tuned on them."""
        svc, state = self._bare_service(slot)
        avail = self._avail(svc.consults())
        role = self._plant(svc, slot.params, state, avail)
        self._record(svc, role, slot.params)
        if svc.stype == "Entitlement" and svc.mode == "OnRequest" and role not in ("agc", "pgc", "hn-below", "dup"):
            self._keep_below_automatic(svc)
        self._outputs(svc)
        self._rule_and_links(svc)
        self._process(svc)
        self.services.append(svc)
        return svc

    def _bare_service(self, slot: Slot) -> tuple[Service, dict | None]:
        """The service with its texts, legal basis, life event and channels; and, for a duplicate, the
        state its cluster shares (None for the cluster's first service)."""
        rng = self.rng
        a, role, p = slot.auth, slot.role, slot.params
        thing, aud, edition = slot.key if slot.key is not None else self._pick_key(a, ROLE_TYPES.get(role))
        tv, av = p.get("tv", rng.randrange(2)), p.get("av", rng.randrange(2))
        state = self.cluster_state.get(("dup", p["cluster"])) if role == "dup" else None
        mode = self._mode(thing.stype, role, state)
        executing = slot.executing
        if executing is None and role == "bg" and a.scope != "local" and rng.random() < 0.04:
            executing = rng.choice([x for x in self.authorities if x.scope == "local"])
        title, desc, long = self._texts(a, thing, aud, tv, av, edition, mode, a.territory)
        legal, event = self._basis(a, thing, aud, role, edition, state)
        kinds = ["Online", "Counter", "Phone", "Post", "Email"]
        n_ch = rng.randint(1, 3)
        types = (["Online"] + rng.sample(kinds[1:], n_ch - 1)) if rng.random() < 0.85 else rng.sample(kinds, n_ch)
        num = slot.num
        local = f"ps-{num:06d}"
        channels = [(f"channel:{local}-{i}", f"CH-{num:06d}-{i}", t) for i, t in enumerate(types, 1)]
        cases = int(10 ** rng.uniform(1, 5.7))
        return Service(num, f"service:{local}", f"PS-{num:06d}", role, a, executing, thing, thing.stype, mode, title,
                       desc, long, cases, a.territory, legal, event, channels), state

    def _basis(self, a: Authority, thing: Thing, aud: Audience, role: str, edition: int, state: dict | None):
        """The legal basis and life event: a duplicate's cluster shares them; another audience, or
        another edition of a scheme, has its own regulation."""
        if state is not None:
            return state["legal"], state["event"]
        if role == "hn-lookalike" or edition:
            return [self._new_reg(a.jur, thing.domain)], self._event(thing.domain, aud.kind)
        legal = [self._legal(a.jur, thing.domain)]
        if self.rng.random() < 0.25:
            extra = self._legal(a.jur, thing.domain)
            if extra is not legal[0]:
                legal.append(extra)
        return legal, self._event(thing.domain, aud.kind)

    def _plant(self, svc: Service, p: dict, state: dict | None, avail: list) -> str:
        """The requirements and evidence the role plants; the role the service ends with (a planting
        that finds nothing to plant with leaves a background service, recorded as none)."""
        role = svc.role
        if role == "dup":
            self._plant_duplicate(svc, p, state)
        elif role in ("agc", "hn-automatic", "hn-proactive"):
            self._content_all_available(svc, avail, p.get("variant", "plain"))
        elif role == "pgc":
            self._content_partly_available(svc, avail, ((4, 3), (5, 4), (6, 5), (7, 6), (8, 6)))
        elif role == "hn-below":
            self._content_partly_available(svc, avail, ((3, 2), (2, 1)))
        else:
            self._content_bg(svc, avail)
            planter = self._planters().get(role)
            if planter is not None and planter(svc, p, avail) is False:
                return "bg"
        return role

    def _planters(self) -> dict:
        """What each role of a background service adds to it; False: there was nothing to add it with."""
        return {"oo": self._plant_only_once, "ma": self._plant_missing_agreement, "cl": self._plant_certificate_loop,
                "ddc": self._plant_duplicate_collection, "hn-fetched": self._plant_fetched,
                "hn-captured": self._plant_captured, "hn-nonauth": self._plant_nonauthentic,
                "hn-cert-same": self._plant_certificate_of_same, "hn-cert-fetched": self._plant_certificate_fetched,
                "hn-ma-parent": self._plant_parent_source, "hn-ma-exec": self._plant_executing_source,
                "hn-ddc-single": self._plant_single_collection}

    def _plant_duplicate(self, svc: Service, p: dict, state: dict | None) -> None:
        rng = self.rng
        if state is None:
            taken: list = []
            for _ in range(rng.randint(1, 3)):
                taken.append(self._common(svc, taken))
            state = dict(legal=svc.legal, event=svc.event, mode=svc.mode, concepts=taken)
            self.cluster_state[("dup", p["cluster"])] = state
        svc.reqs.extend(self._split_reqs(svc, list(state["concepts"])))
        for _ in range(rng.randint(1, 2)):
            own = self._own_concept(svc, list(state["concepts"])) if rng.random() < 0.5 else None
            svc.evidence.append(self._asked(svc, rng.choice(self.applicant_docs), own))
        self.dup_clusters.setdefault(p["cluster"], []).append(svc)

    def _plant_only_once(self, svc: Service, p: dict, avail: list) -> None:
        rng = self.rng
        for c in rng.sample(avail, 2 if len(avail) >= 2 and rng.random() < 0.25 else 1):
            svc.evidence.append(self._asked(svc, c.doc, c))

    def _plant_missing_agreement(self, svc: Service, p: dict, avail: list) -> None:
        c = self.rng.choice([c for c in p["source"].concepts if c.available])
        if p["variant"] == "req":
            svc.reqs.append(self._req(svc, [c]))
        else:
            svc.evidence.append(self._fetched(svc, c))

    def _plant_certificate_loop(self, svc: Service, p: dict, avail: list) -> bool:
        return self._ask_certificate(svc, same=False)

    def _plant_duplicate_collection(self, svc: Service, p: dict, avail: list) -> None:
        svc.evidence.append(self._asked(svc, self.rng.choice(self.applicant_docs), self._shared_fact(p["concept"])))

    def _plant_fetched(self, svc: Service, p: dict, avail: list) -> None:
        if not any(ev.part_of is not None for ev in svc.evidence):
            svc.evidence.append(self._fetched(svc, self.rng.choice(avail)))

    def _plant_captured(self, svc: Service, p: dict, avail: list) -> None:
        svc.extra_captures.append(self.rng.choice(self.available))

    def _plant_nonauthentic(self, svc: Service, p: dict, avail: list) -> None:
        c = self._nonauth_concept()
        svc.evidence.append(self._asked(svc, c.doc, c))

    def _plant_certificate_of_same(self, svc: Service, p: dict, avail: list) -> bool:
        return self._ask_certificate(svc, same=True)

    def _ask_certificate(self, svc: Service, same: bool) -> bool:
        """Evidence that is the certificate another service delivers (of the service's own authority
        group, or of another: a loop); False when no service delivers one."""
        prod = self._other_producer(svc, same=same)
        if prod is not None:
            svc.evidence.append(self._asked(svc, prod[1], None))
        return prod is not None

    def _plant_certificate_fetched(self, svc: Service, p: dict, avail: list) -> bool:
        prod = self._other_producer(svc, same=False)
        if prod is not None:
            svc.evidence.append(self._fetched(svc, self.rng.choice(avail), prod[1]))
        return prod is not None

    def _plant_parent_source(self, svc: Service, p: dict, avail: list) -> None:
        rng = self.rng
        src = rng.choice(self._parent_only(svc.auth))
        svc.reqs.append(self._req(svc, [rng.choice([c for c in src.concepts if c.available])]))

    def _plant_executing_source(self, svc: Service, p: dict, avail: list) -> None:
        rng = self.rng
        src = rng.choice(self._exec_sources(svc.auth, svc.executing))
        svc.reqs.append(self._req(svc, [rng.choice([c for c in src.concepts if c.available])]))

    def _plant_single_collection(self, svc: Service, p: dict, avail: list) -> None:
        nl, fr = SHARED_FACTS[-1 - (len(self.singles) % len(SHARED_FACTS))]
        c = self._add_concept(Concept(f"concept:{svc.local}-gegeven", f"{nl} – {svc.title[0]}",
                                      f"{fr} – {svc.title[1]}"), unique=False)
        svc.evidence.append(self._asked(svc, self.rng.choice(self.applicant_docs), c))
        self.singles.append((svc, c))

    def _record(self, svc: Service, role: str, p: dict) -> None:
        """The ground truth: the finding the service plants, or the hard negative it is."""
        if role in _PLANTED:
            self.planted[_PLANTED[role]].append(svc.qname)
        if role in HN_WHY:
            kind, why = HN_WHY[role]
            self.hard_negatives.append(dict(kind=kind, subjects=[svc.qname], why=why))
        if role in ("hn-territory", "hn-lookalike"):
            self.cluster_members.setdefault((role, p.get("cluster", p.get("pair"))), []).append(svc)

    def _keep_below_automatic(self, svc: Service) -> None:
        """An entitlement granted on request keeps fewer than 75 % of its concepts available, unless
        planted so."""
        acc = svc.consults()
        while True:
            req = svc.required_concepts()
            k = sum(1 for c in req if c.available and c.source.key in acc)
            if not req or 4 * k < 3 * len(req):
                break
            svc.reqs.append(self._req(svc, [self._common(svc, req)]))

    def _rule_and_links(self, svc: Service) -> None:
        """Now and then a decision rule (citing the service's regulation or a decree implementing it)
        and pages of the authority's website."""
        rng, local, title = self.rng, svc.local, svc.title
        if rng.random() < 0.3:
            reg = rng.choice(svc.legal)
            if rng.random() < 0.3:  # an implementing decree only the rule cites
                reg = self._new_reg(reg.jur, reg.domain, 1, after=reg.when, based_on=reg)
            svc.rules.append(Rule(f"rule:{local}-1", f"RULE-{svc.num:06d}-1", f"Beslissingsregel: {title[0]}",
                                  f"Règle de décision : {title[1]}", reg))
        if rng.random() < 0.03:
            svc.see_also = [f"<https://{svc.auth.key}.example.org/nl/{local}>",
                            f"<https://{svc.auth.key}.example.org/fr/{local}>"]

    def _outputs(self, svc: Service):
        rng = self.rng
        kinds = [OUTPUT_OF[svc.stype]]
        if svc.stype == "Entitlement" and rng.random() < 0.4:
            kinds.append("betaling")
        usable_p = 1.0 if svc.role == "producer" else {"Certificate": 0.6, "Authorisation": 0.4, "Entitlement": 0.15}.get(svc.stype, 0.1)
        if svc.executing is not None:
            usable_p = 0.0  # keeps "a service of another authority" unambiguous for certificate loops
        for j, kind in enumerate(kinds, 1):
            t_nl, t_fr = OUTPUT_TITLE[kind]
            out = Output(f"output:{svc.local}-{j}", f"OUT-{svc.num:06d}-{j}", t_nl.format(t=svc.title[0]),
                         t_fr.format(t=svc.title[1]), kind)
            if svc.auth.published and rng.random() < 0.4:
                out.part_of = rng.choice(svc.auth.published)
            if j == 1 and rng.random() < usable_p:
                et = EvidenceType(f"evidencetype:{svc.local}", f"Bewijs: {svc.title[0]}", f"Preuve : {svc.title[1]}")
                self.etypes.append(et)
                out.usable = et
                self.producers.append((svc, et))
            svc.outputs.append(out)

    def _process(self, svc: Service):
        rng = self.rng
        owner = svc.auth if svc.executing is None or rng.random() < 0.6 else svc.executing
        svc.process_owner = owner
        acc = svc.consults()
        reads = [c for c in svc.required_concepts() if c.available and c.source.key in acc][:3]
        captures = [ev.concept for ev in svc.evidence if ev.part_of is None and ev.concept is not None][:2] + svc.extra_captures
        acts = ["ontvangst"]
        route = None
        if reads:
            acts.append("gegevensraadpleging")
            routes = [c.source.integrator for c in reads if c.source.integrator is not None]
            if routes and rng.random() < 0.5:
                route = routes[0]
                acts.append("gegevensuitwisseling")
        end = list(END_STEPS[svc.stype])
        room = rng.randint(3, 8) - len(acts) - len(end)
        if len(acts) + len(end) < 3:
            room = max(room, 1)
        if room > 0:
            acts += rng.sample(MIDDLE_STEPS, min(room, len(MIDDLE_STEPS)))
        acts += end
        svc.blank_steps = rng.random() < 0.3
        for i, act in enumerate(acts, 1):
            performer = owner
            if act == "gegevensuitwisseling":
                performer = route
            elif svc.executing is not None and rng.random() < 0.3:
                performer = svc.auth if owner is svc.executing else svc.executing
            step = Step(None if svc.blank_steps else f"process:{svc.local}-{i}", i, act, performer, rng.choice(performer.apps))
            if act == "gegevensraadpleging":
                step.reads = reads
            elif act == "ontvangst":
                step.captures = captures
            svc.steps.append(step)
