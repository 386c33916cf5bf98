"""The ground truth: the findings the contract's definitions give over the objects, checked against
what was planted, and labels.json."""

from __future__ import annotations

from .kinds import KINDS
from .objects import App, Service
from .text import _full


class GroundTruth:
    """Computes the world's findings and labels."""

    # -- the ground truth ----------------------------------------------------------------------

    def evaluate(self) -> dict[str, dict[str, list[str]]]:
        """The findings of the structural kinds, with the contract's definitions, over the objects."""
        found: dict[str, dict[str, list[str]]] = {k: {} for k in KINDS}
        producers = self._producers()
        askers: dict[str, list[str]] = {}
        for svc in self.services:
            self._evidence_findings(svc, producers, askers, found)
            self._granting_findings(svc, found)
        for concept, services in askers.items():
            if len(services) >= 2:
                found["duplicate-data-collection"][concept] = services
        found["shared-capability"] = self._shared_capabilities()
        refs = self._reg_refs()
        found["orphan-regulation"] = {r.qname: [] for r in self.regs if r.qname not in refs}
        return found

    def _producers(self) -> dict[str, list[Service]]:
        """The services whose output is usable as each evidence type."""
        producers: dict[str, list[Service]] = {}
        for svc in self.services:
            for o in svc.outputs:
                if o.usable is not None:
                    assert svc.executing is None
                    producers.setdefault(o.usable.qname, []).append(svc)
        return producers

    def _evidence_findings(self, svc: Service, producers: dict, askers: dict, found: dict) -> None:
        """Only-once violations and certificate loops of a service's evidence; who asks each concept."""
        groups = {id(a.group) for a in svc.authorities}
        once, loop = [], []
        for ev in svc.evidence:
            if ev.part_of is not None:
                continue
            if ev.concept is not None:
                lst = askers.setdefault(ev.concept.qname, [])
                if svc.qname not in lst:
                    lst.append(svc.qname)
                if ev.concept.available:
                    once += [ev.qname, ev.concept.qname, ev.concept.source.qname]
            others = [y.qname for y in producers.get(ev.conforms.qname, ()) if id(y.auth.group) not in groups]
            if others:
                loop += [ev.qname] + others
        if once:
            found["only-once-violation"][svc.qname] = once
        if loop:
            found["certificate-loop"][svc.qname] = loop

    def _granting_findings(self, svc: Service, found: dict) -> None:
        """Automatic and proactive granting candidates, and missing agreements, of a service's requirements."""
        acc = svc.consults()
        req = svc.required_concepts()
        if svc.stype == "Entitlement" and svc.mode == "OnRequest" and req:
            ok = [c for c in req if c.available and c.source.key in acc]
            if len(ok) == len(req):
                found["automatic-granting-candidate"][svc.qname] = [c.source.qname for c in ok]
            elif 4 * len(ok) >= 3 * len(req):
                found["proactive-granting-candidate"][svc.qname] = [c.qname for c in req if all(c is not o for o in ok)]
        lacking = [c.source.qname for c in req if c.available and c.source.key not in acc]
        if lacking:
            found["missing-agreement"][svc.qname] = lacking

    def _shared_capabilities(self) -> dict[str, list[str]]:
        """Capabilities realised by applications of two or more authority groups."""
        by_cap: dict[str, list[App]] = {}
        for app in self.apps:
            for cap in app.caps:
                by_cap.setdefault(cap.qname, []).append(app)
        return {cap: [x.qname for x in apps] for cap, apps in by_cap.items()
                if len({id(x.owner.group) for x in apps}) >= 2}

    def verify(self, found: dict):
        """The background is clean: the analyses find exactly what was planted."""
        for kind in ("only-once-violation", "automatic-granting-candidate", "proactive-granting-candidate", "missing-agreement",
                     "certificate-loop", "shared-capability", "orphan-regulation"):
            got, want = set(found[kind]), set(self.planted[kind])
            if got != want:
                raise RuntimeError(f"{kind}: unplanted {sorted(got - want)[:5]}, missing {sorted(want - got)[:5]}")
        got, want = set(found["duplicate-data-collection"]), set(self.planted["duplicate-data-collection"])
        if not want <= got:
            raise RuntimeError(f"duplicate-data-collection: missing {sorted(want - got)[:5]}")
        roles = {s.qname: s.role for s in self.services}
        for concept in got - want:  # implied: several planted only-once violations ask for one available fact
            if not all(roles[s] == "oo" for s in found["duplicate-data-collection"][concept]):
                raise RuntimeError(f"duplicate-data-collection: unplanted {concept}")

    def labels(self, found: dict) -> dict:
        findings = []
        for kind in KINDS:
            rows = []
            if kind == "duplicate-service":
                for _, members in sorted(self.dup_clusters.items()):
                    members = sorted(members, key=lambda s: s.num)
                    if len(members) >= 2:
                        rows.append((members[0].qname, [m.qname for m in members[1:]]))
            elif kind == "concept-harmonisation":
                rows = [(c.qname, related) for c, related in self.harmonisation]
            else:
                rows = list(found[kind].items())
            for subject, related in sorted((_full(s), sorted({_full(r) for r in rel})) for s, rel in rows):
                findings.append({"kind": kind, "subject": subject, "related": related})
        hard = [{"kind": h["kind"], "subjects": [_full(s) for s in h["subjects"]], "why": h["why"]} for h in self.hard_negatives]
        return {"seed": self.seed, "services": self.n, "findings": findings, "hard_negatives": hard}
