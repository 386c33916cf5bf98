"""Regulations: ELI identifiers, amendments and the legal basis of services."""

from __future__ import annotations

from datetime import date, timedelta

from .objects import Regulation
from .text import _date_fr, _date_nl, _fr, _lc
from .vocabulary import DOMAINS, REG_KINDS


class Regulations:
    """Builds the regulations of the world."""

    # -- regulations ---------------------------------------------------------------------------

    def _new_reg(self, jur: str, domain: str, kind_idx: int = 0, *, after: date | None = None, changes=None, based_on=None):
        rng = self.rng
        kind = REG_KINDS[jur][kind_idx]
        if after is None:
            when = date(rng.randint(1965, 2023), rng.randint(1, 12), rng.randint(1, 28))
        else:
            when = min(after + timedelta(days=rng.randint(60, 5000)), date(2024, 12, 20))
        while True:
            numac = f"{when.year}{rng.randint(1, 999999):06d}"
            if numac not in self.numacs:
                self.numacs.add(numac)
                break
        topic = rng.choice(DOMAINS[domain]["topics"])
        fem = kind[2] == "f"
        head_nl = f"{kind[0]} van {_date_nl(when)}"
        head_fr = f"{kind[1]} du {_date_fr(when)}"
        if changes is not None:
            nl = f"{head_nl} tot wijziging van {self._ref_nl(changes)}"
            fr = f"{head_fr} modifiant {self._ref_fr(changes)}"
            topic = changes.topic
        elif based_on is not None:
            nl = f"{head_nl} tot uitvoering van {self._ref_nl(based_on)}"
            fr = f"{head_fr} portant exécution {_fr('de', self._ref_fr(based_on))}"
            topic = based_on.topic
        else:
            nl = f"{head_nl} betreffende {topic[0]}"
            fr = f"{head_fr} {'relative' if fem else 'relatif'} {_fr('à', topic[1])}"
            if rng.random() < 0.1:
                nl += f' (hierna: "Regeling {DOMAINS[domain]["nl"]} {when.year}")'
                fr += f' (ci-après : "Régime {DOMAINS[domain]["fr"]} {when.year}")'
        qname = f"<http://www.ejustice.just.fgov.be/eli/{kind[3]}/{when.year}/{when.month:02d}/{when.day:02d}/{numac}/staatsblad>"
        reg = Regulation(qname, when, jur, kind, domain, topic, nl, fr, numac)
        if changes is not None:
            reg.changes.append(changes)
        if based_on is not None:
            reg.based_on.append(based_on)
        self.regs.append(reg)
        return reg

    @staticmethod
    def _ref_nl(reg: Regulation) -> str:
        kind = reg.kind[0]
        art = "het" if kind.startswith("Decreet") or kind.startswith("Koninklijk") or kind.startswith("Besluit") else "de"
        return f"{art} {_lc(kind)} van {_date_nl(reg.when)} betreffende {reg.topic[0]}"

    @staticmethod
    def _ref_fr(reg: Regulation) -> str:
        kind = reg.kind[1]
        art = "l'" if kind[:1] in "AEIOUÉ" else ("la " if reg.kind[2] == "f" else "le ")
        rel = "relative" if reg.kind[2] == "f" else "relatif"
        return f"{art}{_lc(kind)} du {_date_fr(reg.when)} {rel} {_fr('à', reg.topic[1])}"

    def _legal(self, jur: str, domain: str) -> Regulation:
        """A regulation services, concepts and agreements of (jur, domain) cite; new ones appear as they are needed."""
        rng = self.rng
        pool = self.reg_pool.setdefault((jur, domain), [])
        if pool and rng.random() >= 0.22:
            return rng.choice(pool)
        r = rng.random()
        laws = [x for x in pool if x.kind is REG_KINDS[jur][0] and not x.changes]
        if r < 0.55 or (r >= 0.85 and not pool):
            reg = self._new_reg(jur, domain, 0)
        elif r < 0.85:
            base = None
            if laws and rng.random() < 0.6:
                base = rng.choice(laws)
            elif rng.random() < 0.5:
                base = self._new_reg(jur, domain, 0)  # a law cited only through eli:based_on
            reg = self._new_reg(jur, domain, 1, after=base.when if base else None, based_on=base)
        else:
            target = rng.choice(pool)
            reg = self._new_reg(jur, domain, 0, after=target.when, changes=target)
        pool.append(reg)
        return reg
