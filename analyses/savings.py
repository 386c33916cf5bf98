"""What acting on a finding saves its applicants, in hours and euros a year, from the burden model.

Each finding kind that relieves applicants has one rule here (:data:`RULES`) that says what acting on
one of its findings removes from a case of which service, as a :class:`Relief`: a share of whole parts
of the Standard Cost Model (all of them: the application is gone) or single pieces of evidence (the
applicant stops obtaining them). What a relief is worth is then read from ``burden.py``'s own
functions (:func:`~eagraph.analyses.burden.service_burden`, :func:`~eagraph.analyses.burden.evidence_amount`):
there is one cost model, not two. The rules, as docs/burden.md states them:

- ``only-once-violation``, ``certificate-loop``: the applicant stops obtaining the evidence the finding
  names (its ``related`` evidence asked by the subject service), for every case of the service.
- ``automatic-granting-candidate``: the whole application, every part of every case.
- ``proactive-granting-candidate``: finding information, and of filling in the share of the required
  concepts the authority can consult (the applicant confirms what is known, completes the rest).
- ``duplicate-data-collection``: all services but one stop asking for evidence of the concept; the one
  with the most cases (then the first IRI) keeps collecting it.
- ``duplicate-service``: only what the model states of the applicants who apply for both of two of the
  services (``eag:sharedApplicants``): once merged, they apply once, for the service with the most
  cases (then the first IRI), and no more for the other, so its whole application is saved for that
  share of its cases. A pair without shared applicants saves nothing: its overlap could be anything
  from none to all the cases of the smaller service, and an upper bound would be no saving to budget on.
- Other kinds (``missing-agreement``, ``shared-capability`` … relieve applicants only through another
  finding) carry no savings.

Reliefs of several findings on one service are merged (evidence joined, the larger share of a part
kept), so a plan that fixes one evidence twice, or a service granted automatically whose evidence is
also an only-once violation, saves it once: :func:`scenario` is the burden after a plan.
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path

from eagraph.findings import Finding, Savings
from eagraph.workspace.errors import EagraphError

from .burden import (PARTS, Amount, BurdenError, BurdenReport, Facts, ServiceBurden, Tariffs, burden,
                     evidence_amount, hour_of, relieved_report, service_burden, total)
from .model import CV, EAG, AnalysisModel

#: The kinds for which non-take-up (eligible minus cases) is shown with the savings.
GRANTING = ("automatic-granting-candidate", "proactive-granting-candidate")
#: The largest findings file ``--apply`` reads (a file of ten thousand findings is a few megabytes).
MAX_FINDINGS_FILE = 64 * 1024 * 1024


class ScenarioError(EagraphError):
    """A findings file ``eagraph burden --apply`` cannot read; names the file (and line) and what is wrong."""


# -- reliefs --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Relief:
    """What acting on findings removes from one case of a service: a share of whole parts, and pieces
    of evidence the applicant no longer obtains."""

    shares: Mapping[str, Decimal] = field(default_factory=dict)
    evidence: frozenset[str] = frozenset()

    @classmethod
    def whole(cls, share: Decimal) -> "Relief":
        """The whole application, in ``share`` of the cases."""
        return cls(shares=dict.fromkeys(PARTS, share))

    def merged(self, other: "Relief") -> "Relief":
        shares = dict(self.shares)
        for part, share in other.shares.items():
            shares[part] = max(shares.get(part, Decimal(0)), share)
        return Relief(shares, self.evidence | other.evidence)


def _dropped_evidence(model: AnalysisModel, facts: Facts, subject: str, related: tuple[str, ...]) -> dict[str, Relief]:
    asked = set(model.asked_evidence(subject))
    dropped = frozenset(e for e in related if e in asked)
    return {subject: Relief(evidence=dropped)} if dropped else {}


def _automatic(model: AnalysisModel, facts: Facts, subject: str, related: tuple[str, ...]) -> dict[str, Relief]:
    return {subject: Relief.whole(Decimal(1))}


def _proactive(model: AnalysisModel, facts: Facts, subject: str, related: tuple[str, ...]) -> dict[str, Relief]:
    required = model.required_concepts(subject)
    if not required:
        return {}
    missing = set(related)
    known = Decimal(len([c for c in required if c not in missing])) / len(required)
    return {subject: Relief(shares={"information": Decimal(1), "filling_in": known})}


def _keeper(model: AnalysisModel, services) -> str:
    """Of services that do one thing twice, the one that keeps doing it: the most cases, then the first IRI."""
    return min(services, key=lambda s: (-(model.cases(s) or 0), s))


def _duplicate_collection(model: AnalysisModel, facts: Facts, subject: str,
                          related: tuple[str, ...]) -> dict[str, Relief]:
    services = model.service_set
    askers = [s for s in related if s in services]
    if len(askers) < 2:
        return {}
    keeper = _keeper(model, askers)
    reliefs = {}
    for service in askers:
        dropped = frozenset(e for e in model.asked_evidence(service)
                            if subject in model.objects(e, CV + "supportsConcept"))
        if service != keeper and dropped:
            reliefs[service] = Relief(evidence=dropped)
    return reliefs


def shared_cases(model: AnalysisModel, facts: Facts, services) -> dict[frozenset[str], Decimal]:
    """The applicants a year who apply for both of two of ``services``, by pair, as the model states them
    (``eag:sharedApplicants``, on either service; the larger where both state it). BurdenError, naming the
    statement, for more shared applicants than either service has cases."""
    members, found = set(services), {}
    for service in sorted(members):
        for node in facts.nodes(service, EAG + "sharedApplicants"):
            shared = facts.number(node, EAG + "sharedCases")
            for other in facts.nodes(node, EAG + "withService"):
                if other not in members or other == service or shared is None:
                    continue
                for one in (service, other):
                    cases = model.cases(one)
                    if cases is not None and shared > cases:
                        raise BurdenError(f"{facts.where(node, EAG + 'sharedCases')} eag:sharedCases: {shared} shared "
                                          f"applicants, more than the {cases} cases a year of {one}")
                pair = frozenset((service, other))
                found[pair] = max(found.get(pair, Decimal(0)), shared)
    return found


def _duplicate_service(model: AnalysisModel, facts: Facts, subject: str,
                       related: tuple[str, ...]) -> dict[str, Relief]:
    services = model.service_set
    shares: dict[str, Decimal] = {}
    for pair, shared in shared_cases(model, facts, [s for s in (subject, *related) if s in services]).items():
        relieved = next(s for s in sorted(pair) if s != _keeper(model, pair))
        cases = model.cases(relieved)
        if cases:  # a service without cases has no quantity to relieve (its savings are unknown)
            shares[relieved] = min(shares.get(relieved, Decimal(0)) + shared / cases, Decimal(1))
        else:
            shares[relieved] = shares.get(relieved, Decimal(0))
    return {service: Relief.whole(share) for service, share in shares.items()}


#: The rule of each kind that relieves applicants: (model, facts, subject, related) -> relief by service.
RULES = {
    "only-once-violation": _dropped_evidence,
    "certificate-loop": _dropped_evidence,
    "automatic-granting-candidate": _automatic,
    "proactive-granting-candidate": _proactive,
    "duplicate-data-collection": _duplicate_collection,
    "duplicate-service": _duplicate_service,
}


def relief_of(model: AnalysisModel, facts: Facts, code: str, subject: str, related: Iterable[str]) -> dict[str, Relief]:
    """What acting on one finding removes, by service; empty for a kind without a rule or a subject
    the model does not know."""
    rule = RULES.get(code)
    if rule is None or not knows(model, code, subject):
        return {}
    return rule(model, facts, subject, tuple(related))


def knows(model: AnalysisModel, code: str, subject: str) -> bool:
    """Whether the finding's subject is in the model: a service, or (duplicate data collection) a concept."""
    if code == "duplicate-data-collection":
        return subject in model.types or subject in model.links or subject in model.backlinks
    return subject in model.service_set


def merge(reliefs: Iterable[dict[str, Relief]]) -> dict[str, Relief]:
    merged: dict[str, Relief] = {}
    for relief in reliefs:
        for service, one in relief.items():
            merged[service] = merged[service].merged(one) if service in merged else one
    return merged


# -- what a relief is worth -----------------------------------------------------------------------
@dataclass
class Calculator:
    """The burden model's figures for reliefs: one case of each service, computed once."""

    model: AnalysisModel
    facts: Facts
    tariffs: Tariffs
    _services: dict[str, ServiceBurden] = field(default_factory=dict)

    @classmethod
    def of(cls, source, model: AnalysisModel, settings: dict | None = None,
           config_source: str = "eagraph.toml") -> "Calculator":
        if settings is None:
            settings = getattr(getattr(source, "config", None), "burden", {}) or {}
        return cls(model, Facts.read(source), Tariffs.from_settings(settings, config_source))

    @classmethod
    def on(cls, report: BurdenReport, model: AnalysisModel) -> "Calculator":
        """The calculator of the services ``report`` priced on ``model``: nothing read or priced again."""
        return cls(model, report.facts, report.tariffs, {service.service: service for service in report.services})

    def service(self, service: str) -> ServiceBurden:
        if service not in self._services:
            self._services[service] = service_burden(self.model, self.facts, self.tariffs, service)
        return self._services[service]

    def per_case(self, service: str, relief: Relief) -> dict[str, Amount]:
        """What ``relief`` removes from one case of ``service``, by part."""
        case = self.service(service).per_case
        removed = {part: case[part].times(share) for part, share in relief.shares.items()}
        whole = relief.shares.get("evidence", Decimal(0))
        if whole < 1:  # in the other cases, the pieces named
            asked = set(self.model.asked_evidence(service))
            hour = hour_of(self.facts, self.tariffs, service)
            pieces = total(evidence_amount(self.model, self.facts, self.tariffs, e, hour)
                           for e in sorted(relief.evidence) if e in asked)
            removed["evidence"] = case["evidence"].times(whole) + pieces.times(1 - whole)
        return removed

    def per_year(self, reliefs: dict[str, Relief]) -> Amount | None:
        """What ``reliefs`` save a year; None when a service concerned states no annual cases."""
        found = Amount()
        for service, relief in reliefs.items():
            cases = self.service(service).cases
            if cases is None:
                return None
            found = found + total(self.per_case(service, relief).values()).times(Decimal(cases))
        return found

    def savings(self, finding: Finding) -> Savings | None:
        """The savings of ``finding``; None for a kind without a rule or a volume the model does not state."""
        reliefs = relief_of(self.model, self.facts, finding.code, finding.subject, finding.related)
        saved = self.per_year(reliefs) if reliefs else None
        if saved is None:
            return None
        share = saved.assumed_euros_share if saved.euros else saved.assumed_hours_share
        take_up = self.service(finding.subject).non_take_up if finding.code in GRANTING else None
        return Savings(hours=saved.hours, euros=saved.euros, assumed_share=share, non_take_up=take_up)


def with_savings(findings: list[Finding], source, model: AnalysisModel) -> list[Finding]:
    """``findings`` with the savings of those of a kind with a rule (the others as they are).

    A time, cost or tariff the burden cannot read stops ``eagraph burden``, not the analysis: the
    findings come without savings, and a warning (the CLI shows it) names the statement."""
    if not any(f.code in RULES for f in findings):
        return findings
    try:
        calculator = Calculator.of(source, model)
        return [replace(f, savings=calculator.savings(f)) if f.code in RULES else f for f in findings]
    except BurdenError as exc:
        warnings.warn(f"{exc}: the findings carry no savings", stacklevel=2)
        return findings


# -- scenarios -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Planned:
    """A finding of a plan, as a findings file states it."""

    code: str
    subject: str
    related: tuple[str, ...] = ()
    score: float | None = None


@dataclass(frozen=True)
class ScenarioRow:
    level: str
    subject: str
    label: str
    before: Amount
    after: Amount

    @property
    def saved(self) -> Amount:
        return self.before - self.after


#: The columns of a scenario table.
SCENARIO_COLUMNS = ("level", "subject", "label", "hours_before", "hours_after", "hours_saved", "euros_before",
                    "euros_after", "euros_saved", "assumed_euros_share_saved")


@dataclass(frozen=True)
class Scenario:
    """The burden before and after acting on a plan's findings, by service, authority, event and in total."""

    rows: tuple[ScenarioRow, ...]
    applied: int
    #: findings whose kind has no rule (they save nothing the model can say)
    without_rule: tuple[str, ...] = ()
    #: findings whose subject is not in the model
    not_in_model: tuple[str, ...] = ()
    columns: tuple[str, ...] = SCENARIO_COLUMNS

    def of_level(self, level: str) -> list[ScenarioRow]:
        return [row for row in self.rows if row.level == level]

    @property
    def total(self) -> ScenarioRow:
        return self.of_level("total")[0]


def scenario(source, planned: Iterable[Planned], settings: dict | None = None,
             config_source: str = "eagraph.toml", *, model: AnalysisModel | None = None,
             before: BurdenReport | None = None) -> Scenario:
    """The burden of ``source`` before and after acting on ``planned`` (the reliefs merged, see the module).

    ``model``: the source's AnalysisModel when the caller has it; ``before``: the burden the caller
    computed on that model with these ``settings`` (the site's dashboard shows it too). Neither is
    computed again: the burden after is the services ``before`` priced, relieved (at 10,000 services a
    model is seconds to build and the burden seconds to compute)."""
    model = model or AnalysisModel.build(source)
    before = before or burden(source, settings, model=model, config_source=config_source)
    calculator = Calculator.on(before, model)
    reliefs, applied, without_rule, missing = [], 0, [], []
    for plan in planned:
        if plan.code not in RULES:
            without_rule.append(f"{plan.code} {plan.subject}")
        elif not knows(model, plan.code, plan.subject):
            missing.append(f"{plan.code} {plan.subject}")
        else:
            reliefs.append(relief_of(model, calculator.facts, plan.code, plan.subject, plan.related))
            applied += 1
    removed = {service: calculator.per_case(service, relief) for service, relief in merge(reliefs).items()}
    after = relieved_report(before, model, removed)
    return Scenario(rows=_paired(before, after), applied=applied, without_rule=tuple(without_rule),
                    not_in_model=tuple(missing))


def _paired(before: BurdenReport, after: BurdenReport) -> tuple[ScenarioRow, ...]:
    later = {(row.level, row.subject): row for row in after.rows}
    rows = [ScenarioRow(row.level, row.subject, row.label, row.amount, later[(row.level, row.subject)].amount)
            for row in before.rows]
    order = {"total": 0, "authority": 1, "event": 2, "service": 3}
    return tuple(sorted(rows, key=lambda r: (order[r.level], -r.saved.euros, -r.before.euros, r.subject)))


def read_findings_file(path: Path) -> list[Planned]:
    """The findings of a file ``eagraph analyze --format json`` wrote; ScenarioError for anything else."""
    try:
        if path.stat().st_size > MAX_FINDINGS_FILE:
            raise ScenarioError(f"{path}: more than {MAX_FINDINGS_FILE // (1024 * 1024)} MiB: not a findings file")
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ScenarioError(f"{path}: cannot be read: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ScenarioError(f"{path}: is not UTF-8 text: not a findings file of `eagraph analyze --format json`") \
            from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ScenarioError(f"{path}:{exc.lineno}:{exc.colno}: not JSON: {exc.msg}") from None
    except RecursionError:
        raise ScenarioError(f"{path}: JSON nested too deeply: not a findings file") from None
    if not isinstance(document, dict) or not isinstance(document.get("findings"), list):
        raise ScenarioError(f'{path}: expected {{"findings": [...]}}, as `eagraph analyze --format json` writes it')
    return [_planned(path, number, item) for number, item in enumerate(document["findings"], 1)]


def _planned(path: Path, number: int, item: object) -> Planned:
    where = f"{path}: finding {number}"
    if not isinstance(item, dict):
        raise ScenarioError(f"{where}: is not an object")
    code = item.get("kind", item.get("code"))
    subject, related, score = item.get("subject"), item.get("related", []), item.get("score")
    if not isinstance(code, str) or not code:
        raise ScenarioError(f"{where}: has no kind (a string such as only-once-violation)")
    if not isinstance(subject, str) or not subject:
        raise ScenarioError(f"{where}: has no subject (an IRI)")
    if not isinstance(related, list) or not all(isinstance(r, str) for r in related):
        raise ScenarioError(f"{where}: related must be a list of IRIs")
    if score is not None and (isinstance(score, bool) or not isinstance(score, (int, float))):
        raise ScenarioError(f"{where}: score must be a number or null")
    return Planned(code, subject, tuple(related), None if score is None else float(score))


__all__ = ["RULES", "SCENARIO_COLUMNS", "Calculator", "Planned", "Relief", "Scenario", "ScenarioError",
           "ScenarioRow", "read_findings_file", "relief_of", "scenario", "with_savings"]
