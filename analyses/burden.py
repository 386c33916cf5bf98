"""The administrative burden of the model's services in hours and euros a year (the Standard Cost Model).

The Standard Cost Model (OECD and EU SCM manual; the Belgian Kafka test) prices a service as
burden = price x quantity: the price is the time a case takes the applicant (finding information,
obtaining each piece of evidence, filling in, travelling to a counter, waiting) times the value of
an hour, plus fees and the cost of evidence; the quantity is the number of cases a year
(``eag:annualCases``). Whatever the model does not state comes from the ``[burden]`` defaults of
eagraph.toml, and every figure says how much of it rests on such defaults ("62 % assumed"), so a
manager sees how far a figure is the model's and how far eagraph's guess.

Everything is computed in :class:`~decimal.Decimal` (durations in seconds, money in euros) and
rounded only when shown, so a figure computed by hand agrees to the cent.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import cached_property
from decimal import Decimal, InvalidOperation

from eagraph.workspace.config import OPTIONS
from eagraph.workspace.errors import EagraphError

from .model import CV, DCT, EAG, AnalysisModel, node_key, query_function, workspace_of

#: The Standard Cost Model's parts of a case, in the order they are shown.
PARTS = ("information", "evidence", "filling_in", "travel", "waiting", "fees")
#: What each part is called in a report.
PART_TITLES = {"information": "finding information", "evidence": "obtaining evidence", "filling_in": "filling in",
               "travel": "travel to a counter", "waiting": "waiting", "fees": "fees"}

CITIZENS = EAG + "Citizens"
BUSINESSES = EAG + "Businesses"
COUNTER = EAG + "Counter"
#: Every statement the burden reads beyond the analysis model.
FACTS = (EAG + "informationTime", EAG + "fillingInTime", EAG + "travelTime", EAG + "waitingTime",
         EAG + "obtainingTime", EAG + "eligiblePopulation", CV + "hasCost", CV + "hasValue", CV + "value", CV + "ifAccessedThrough",
         DCT + "audience", CV + "isGroupedBy", DCT + "conformsTo", CV + "hasChannel",
         DCT + "type", EAG + "sharedApplicants", EAG + "withService", EAG + "sharedCases")
HOUR = Decimal(3600)


class BurdenError(EagraphError):
    """A time, fee or number in the model that the burden cannot read; names the file and line."""


# -- tariffs ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Tariffs:
    """The ``[burden]`` settings: the value of an hour, and the defaults for what the model does not
    state (durations in seconds, money in euros)."""

    citizen_hour: Decimal
    business_hour: Decimal
    information_time: Decimal
    filling_in_time: Decimal
    counter_trip: Decimal
    waiting_time: Decimal
    evidence_time: Decimal
    evidence_cost: Decimal

    @classmethod
    def from_settings(cls, settings: dict[str, object], source: str = "eagraph.toml") -> "Tariffs":
        """The tariffs from ``[burden]`` as eagraph.toml states them, the defaults of OPTIONS elsewhere."""
        values = {}
        for option in OPTIONS:
            if option.section != "burden":
                continue
            value = settings.get(option.key, option.default)
            if option.type is float:
                values[option.key] = Decimal(str(value))
            else:
                values[option.key] = duration_seconds(str(value), f"{source}: [burden] {option.key}")
        return cls(**values)


_DURATION = re.compile(r"P(?:T(?=\d)(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?")


def duration_seconds(text: str, where: str) -> Decimal:
    """The seconds of an xsd:duration in hours, minutes and seconds (``PT1H30M``); else BurdenError.

    Days, months and years are refused: an applicant's effort is counted in hours (``PT8H``), and a
    month has no fixed number of hours."""
    match = _DURATION.fullmatch(text.strip())
    if match is None or text.strip() in ("P", "PT"):
        raise BurdenError(f"{where}: {text!r} is no duration in hours and minutes (write PT1H30M, PT20M)")
    hours, minutes, seconds = (Decimal(g) if g else Decimal(0) for g in match.groups())
    return hours * HOUR + minutes * 60 + seconds


# -- amounts ------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Amount:
    """Hours and euros, and how much of each rests on defaults rather than on the model.

    The arithmetic names its four fields rather than looping over ``fields()``: a burden at 10,000
    services adds and multiplies amounts about a million times."""

    hours: Decimal = Decimal(0)
    euros: Decimal = Decimal(0)
    assumed_hours: Decimal = Decimal(0)
    assumed_euros: Decimal = Decimal(0)

    def __add__(self, other: "Amount") -> "Amount":
        return Amount(self.hours + other.hours, self.euros + other.euros, self.assumed_hours + other.assumed_hours,
                      self.assumed_euros + other.assumed_euros)

    def __sub__(self, other: "Amount") -> "Amount":
        return self + other.times(Decimal(-1))

    def times(self, factor: Decimal) -> "Amount":
        return Amount(self.hours * factor, self.euros * factor, self.assumed_hours * factor,
                      self.assumed_euros * factor)

    @property
    def assumed_hours_share(self) -> Decimal:
        return self.assumed_hours / self.hours if self.hours else Decimal(0)

    @property
    def assumed_euros_share(self) -> Decimal:
        return self.assumed_euros / self.euros if self.euros else Decimal(0)


def time_amount(seconds: Decimal, hour: Decimal, assumed: bool) -> Amount:
    hours = seconds / HOUR
    euros = hours * hour
    return Amount(hours, euros, hours if assumed else Decimal(0), euros if assumed else Decimal(0))


def money_amount(euros: Decimal, assumed: bool) -> Amount:
    return Amount(Decimal(0), euros, Decimal(0), euros if assumed else Decimal(0))


def total(amounts) -> Amount:
    """The sum of ``amounts``, field by field in their order (the same additions as adding them one
    to another, without an Amount made per addition: half a million at 10,000 services)."""
    hours = euros = assumed_hours = assumed_euros = Decimal(0)
    for amount in amounts:
        hours += amount.hours
        euros += amount.euros
        assumed_hours += amount.assumed_hours
        assumed_euros += amount.assumed_euros
    return Amount(hours, euros, assumed_hours, assumed_euros)


# -- the model's facts --------------------------------------------------------------------------
@dataclass
class Facts:
    """The statements the burden reads (literals too), by subject and predicate, and where to point
    at one that cannot be read."""

    values: dict[str, dict[str, list]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(list)))
    terms: dict[str, object] = field(default_factory=dict)
    workspace: object = None
    _nodes: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def read(cls, source) -> "Facts":
        facts = cls(workspace=workspace_of(source))
        predicates = " ".join(f"<{p}>" for p in FACTS)
        for row in query_function(source)(f"SELECT ?s ?p ?o WHERE {{ VALUES ?p {{ {predicates} }} ?s ?p ?o }}"):
            key = node_key(row[0])
            facts.terms[key] = row[0]
            facts.values[key][row[1].value].append(row[2])
        return facts

    def nodes(self, s: str, p: str) -> list[str]:
        """The IRIs and blank nodes ``s`` links to by ``p``, sorted: made once per pair (a service's
        channels, audiences and events are asked for again and again), a list of its own each time."""
        found = self._nodes.get((s, p))
        if found is None:
            found = self._nodes[(s, p)] = tuple(sorted(node_key(o) for o in self.values.get(s, {}).get(p, ())
                                                       if not hasattr(o, "language")))
        return list(found)

    def where(self, s: str, p: str) -> str:
        """``file:line:col`` of the statement, for a message; the subject's IRI when it has no place."""
        located = None
        if self.workspace is not None and s in self.terms:
            import pyoxigraph as ox

            located = self.workspace.locate_statement(self.terms[s], ox.NamedNode(p))
        return f"{located}: {s}" if located else s

    def literal(self, s: str, p: str):
        """The one literal of ``p`` on ``s`` (the smallest when several are stated), or None."""
        found = sorted((o.value for o in self.values.get(s, {}).get(p, ()) if hasattr(o, "language")))
        return found[0] if found else None

    def seconds(self, s: str, p: str) -> Decimal | None:
        text = self.literal(s, p)
        return None if text is None else duration_seconds(text, f"{self.where(s, p)} {_short(p)}")

    def number(self, s: str, p: str) -> Decimal | None:
        text = self.literal(s, p)
        if text is None:
            return None
        try:
            value = Decimal(text)
        except InvalidOperation:
            value = Decimal(-1)
        if not value.is_finite() or value < 0:
            raise BurdenError(f"{self.where(s, p)} {_short(p)}: {text!r} is not a number, 0 or more")
        return value


def _short(iri: str) -> str:
    for prefix, namespace in (("eag:", EAG), ("cv:", CV), ("dct:", DCT)):
        if iri.startswith(namespace):
            return prefix + iri[len(namespace):]
    return iri


# -- one service --------------------------------------------------------------------------------
@dataclass(frozen=True)
class ServiceBurden:
    """What one case of a service costs its applicant, by part, and how many cases there are."""

    service: str
    label: str
    cases: int | None
    audience: str  # "businesses" or "citizens"
    per_case: dict[str, Amount]
    authorities: tuple[str, ...]
    events: tuple[str, ...]
    eligible: int | None = None

    @cached_property
    def per_year(self) -> dict[str, Amount]:
        """By part, a year (computed once: the report reads it per row, per group and for the total)."""
        cases = Decimal(self.cases or 0)
        return {part: amount.times(cases) for part, amount in self.per_case.items()}

    @property
    def non_take_up(self) -> int | None:
        """Eligible people or businesses that do not get the entitlement: eligible minus cases."""
        if self.eligible is None or self.cases is None:
            return None
        return max(self.eligible - self.cases, 0)


def service_burden(model: AnalysisModel, facts: Facts, tariffs: Tariffs, service: str) -> ServiceBurden:
    """One case of ``service``: each SCM part, from the model where it says, else from the tariffs."""
    business = for_businesses(facts, service)
    hour = hour_of(facts, tariffs, service)
    parts = dict.fromkeys(PARTS, Amount())
    stated = facts.seconds(service, EAG + "informationTime")
    parts["information"] = time_amount(tariffs.information_time if stated is None else stated, hour, stated is None)
    parts["evidence"] = total(evidence_amount(model, facts, tariffs, evidence, hour)
                              for evidence in model.asked_evidence(service))
    channels = facts.nodes(service, CV + "hasChannel") or [None]
    share = Decimal(1) / len(channels)
    for channel in channels:  # the cases go through the service's channels in equal shares
        for part, amount in channel_amounts(facts, tariffs, service, channel, hour).items():
            parts[part] = parts[part] + amount.times(share)
    cases = model.cases(service)
    eligible = facts.number(service, EAG + "eligiblePopulation")
    return ServiceBurden(service=service, label=model.label(service, mark=False), cases=cases,
                         audience="businesses" if business else "citizens", per_case=parts,
                         authorities=tuple(model.objects(service, CV + "hasCompetentAuthority")),
                         events=tuple(facts.nodes(service, CV + "isGroupedBy")),
                         eligible=None if eligible is None else int(eligible))


def for_businesses(facts: Facts, service: str) -> bool:
    """A service whose ``dct:audience`` is businesses only (else it is for citizens)."""
    audiences = set(facts.nodes(service, DCT + "audience"))
    return bool(audiences) and audiences <= {BUSINESSES}


def hour_of(facts: Facts, tariffs: Tariffs, service: str) -> Decimal:
    """The value of an hour of the service's applicants: a business's or a citizen's."""
    return tariffs.business_hour if for_businesses(facts, service) else tariffs.citizen_hour


def evidence_amount(model: AnalysisModel, facts: Facts, tariffs: Tariffs, evidence: str, hour: Decimal) -> Amount:
    """Obtaining one piece of evidence: its own time and cost, else its evidence type's, else the defaults."""
    holders = [evidence, *facts.nodes(evidence, DCT + "conformsTo")]
    seconds = next((s for s in (facts.seconds(h, EAG + "obtainingTime") for h in holders) if s is not None), None)
    cost = next((c for c in (costs_of(facts, h, None) for h in holders) if c is not None), None)
    return (time_amount(tariffs.evidence_time if seconds is None else seconds, hour, seconds is None)
            + money_amount(tariffs.evidence_cost if cost is None else cost, cost is None))


def costs_of(facts: Facts, holder: str, channel: str | None) -> Decimal | None:
    """The euros of the ``cv:hasCost`` of ``holder`` that apply through ``channel`` (a cost with
    ``cv:ifAccessedThrough`` applies through those channels only); None when it states no cost."""
    found = None
    for cost in facts.nodes(holder, CV + "hasCost"):
        through = facts.nodes(cost, CV + "ifAccessedThrough")
        if through and channel not in through:
            continue
        value = facts.number(cost, CV + "hasValue")
        if value is None:
            older = " (cv:value is CPSV-AP 2.x's name for it; `eagraph import cpsv-ap` maps it)" \
                if facts.literal(cost, CV + "value") is not None else ""
            raise BurdenError(f"{facts.where(holder, CV + 'hasCost')} cv:hasCost: the cost {cost} has no "
                              f"cv:hasValue{older}")
        found = (found or Decimal(0)) + value
    return found


def channel_amounts(facts: Facts, tariffs: Tariffs, service: str, channel: str | None,
                    hour: Decimal) -> dict[str, Amount]:
    """Filling in, travel, waiting and fees of one case through ``channel`` (None: the service has none)."""
    counter = channel is not None and COUNTER in facts.nodes(channel, DCT + "type")
    stated = facts.seconds(channel, EAG + "fillingInTime") if channel else None
    if stated is None:
        stated = facts.seconds(service, EAG + "fillingInTime")
    amounts = {"filling_in": time_amount(tariffs.filling_in_time if stated is None else stated, hour, stated is None)}
    for part, predicate, default in (("travel", EAG + "travelTime", tariffs.counter_trip),
                                     ("waiting", EAG + "waitingTime", tariffs.waiting_time)):
        stated = facts.seconds(channel, predicate) if channel else None
        if stated is not None:
            amounts[part] = time_amount(stated, hour, False)
        elif counter:
            amounts[part] = time_amount(default, hour, True)
    fee = costs_of(facts, service, channel)
    amounts["fees"] = money_amount(fee or Decimal(0), False)  # no cost stated: the service is free
    return amounts


# -- the report ---------------------------------------------------------------------------------
#: The columns of a burden table, in order; hours and euros per part, then the totals and shares.
COLUMNS = ("level", "subject", "label", "cases", *(f"{p}_hours" for p in PARTS if p != "fees"), "hours",
           *(f"{p}_euros" for p in PARTS), "euros", "assumed_hours_share", "assumed_euros_share", "non_take_up")


@dataclass(frozen=True)
class BurdenRow:
    """One line of the report: a service, an authority, a life event, or the total, a year."""

    level: str  # "service", "authority", "event" or "total"
    subject: str
    label: str
    cases: int | None
    parts: dict[str, Amount]
    non_take_up: int | None = None

    @cached_property
    def amount(self) -> Amount:
        """All parts together (computed once: sorting, rendering and the scenario read it)."""
        return total(self.parts.values())

    def values(self) -> dict[str, object]:
        """The row by :data:`COLUMNS`: hours to 2 decimals, euros to the cent, shares to 4 decimals."""
        amount = self.amount
        row: dict[str, object] = {"level": self.level, "subject": self.subject, "label": self.label,
                                  "cases": self.cases}
        for part in PARTS:
            if part != "fees":
                row[f"{part}_hours"] = cents(self.parts[part].hours)
        row["hours"] = cents(amount.hours)
        for part in PARTS:
            row[f"{part}_euros"] = cents(self.parts[part].euros)
        row["euros"] = cents(amount.euros)
        row["assumed_hours_share"] = amount.assumed_hours_share.quantize(Decimal("0.0001"))
        row["assumed_euros_share"] = amount.assumed_euros_share.quantize(Decimal("0.0001"))
        row["non_take_up"] = self.non_take_up
        return row


def cents(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"))


@dataclass(frozen=True)
class BurdenReport:
    """The burden of a model as a plain table (:data:`COLUMNS`, :attr:`rows`) for every format:
    services, then authorities, then life events, then the total."""

    rows: tuple[BurdenRow, ...]
    tariffs: Tariffs
    #: services without ``eag:annualCases``: their price is known, their quantity is not, so they count for nothing
    without_cases: tuple[str, ...] = ()
    columns: tuple[str, ...] = COLUMNS
    #: each service's case as priced, and the facts read: what a scenario on this report starts from
    #: (:func:`relieved_report`), so it prices no service again; not part of the table
    services: tuple[ServiceBurden, ...] = field(default=(), repr=False, compare=False)
    facts: Facts | None = field(default=None, repr=False, compare=False)

    def of_level(self, level: str) -> list[BurdenRow]:
        return [row for row in self.rows if row.level == level]

    @property
    def total(self) -> BurdenRow:
        return self.of_level("total")[0]


def burden(source, settings: dict[str, object] | None = None, *, model: AnalysisModel | None = None,
           config_source: str = "eagraph.toml", relief: dict[str, dict[str, Amount]] | None = None) -> BurdenReport:
    """The burden of every service of ``source`` (a Workspace), by service, authority, life event and in total.

    ``settings``: the ``[burden]`` table of eagraph.toml (default: the workspace's configuration).
    A service's burden counts for each of its competent authorities in equal shares, so the
    authorities add up to the total; it counts whole for each life event it belongs to (life events
    overlap, so they need not add up).

    ``relief``: by service, what acting on findings removes from one case, by part (see savings.py):
    the burden after acting on them."""
    if settings is None:
        settings = getattr(getattr(source, "config", None), "burden", {}) or {}
    tariffs = Tariffs.from_settings(settings, config_source)
    model = model or AnalysisModel.build(source)
    facts = Facts.read(source)
    services = [relieved(service_burden(model, facts, tariffs, s), (relief or {}).get(s)) for s in model.services]
    return report_of(model, services, tariffs, facts)


def relieved_report(before: BurdenReport, model: AnalysisModel, relief: dict[str, dict[str, Amount]]) -> BurdenReport:
    """The burden after ``relief`` (by service, what one case no longer costs, by part; see savings.py) on
    the services ``before`` priced: what :func:`burden` with ``relief`` returns, without reading or
    pricing the model again (``model``: the one ``before`` was computed on)."""
    services = [relieved(service, relief.get(service.service)) for service in before.services]
    return report_of(model, services, before.tariffs, before.facts)


def report_of(model: AnalysisModel, services: list[ServiceBurden], tariffs: Tariffs, facts: Facts) -> BurdenReport:
    """The report of priced ``services``: a row per service, authority and life event, and the total."""
    rows = sorted((BurdenRow("service", s.service, s.label, s.cases, s.per_year, s.non_take_up) for s in services),
                  key=lambda r: (-r.amount.euros, r.subject))
    rows += grouped(model, services, "authority", lambda s: s.authorities, split=True)
    rows += grouped(model, services, "event", lambda s: s.events, split=False)
    counted = [s for s in services if s.cases is not None]
    rows.append(BurdenRow("total", "", "total", sum(s.cases for s in counted),
                          {p: total(s.per_year[p] for s in services) for p in PARTS}))
    return BurdenReport(rows=tuple(rows), tariffs=tariffs,
                        without_cases=tuple(sorted(s.service for s in services if s.cases is None)),
                        services=tuple(services), facts=facts)


def relieved(service: ServiceBurden, removed: dict[str, Amount] | None) -> ServiceBurden:
    """``service`` with ``removed`` (per case, by part) taken off its burden."""
    if not removed:
        return service
    return replace(service, per_case={part: amount - removed.get(part, Amount())
                                      for part, amount in service.per_case.items()})


def total_hours(workspace) -> Decimal:
    """The applicants' total hours a year (the ``burden_hours`` metric of ``[[targets]]``)."""
    return burden(workspace).total.amount.hours


def grouped(model: AnalysisModel, services: list[ServiceBurden], level: str, keys, *, split: bool) -> list[BurdenRow]:
    """A row per authority or life event: the sum of its services' burden (``split``: a service with
    several groups counts for each in equal shares)."""
    parts: dict[str, dict[str, Amount]] = defaultdict(lambda: dict.fromkeys(PARTS, Amount()))
    cases: dict[str, int] = defaultdict(int)
    for service in services:
        groups = keys(service)
        share = Decimal(1) / len(groups) if split and groups else Decimal(1)
        yearly = service.per_year if share == 1 else {part: amount.times(share) for part, amount in
                                                      service.per_year.items()}  # a figure a year times 1 is itself
        for group in groups:
            for part, amount in yearly.items():
                parts[group][part] = parts[group][part] + amount
            cases[group] += service.cases or 0
    rows = [BurdenRow(level, group, model.label(group, mark=False), cases[group], parts[group]) for group in parts]
    return sorted(rows, key=lambda r: (-r.amount.euros, r.subject))


__all__ = ["PARTS", "PART_TITLES", "COLUMNS", "Amount", "BurdenError", "BurdenReport", "BurdenRow", "ServiceBurden",
           "Tariffs", "burden", "duration_seconds", "evidence_amount", "hour_of", "relieved", "relieved_report",
           "report_of", "service_burden"]
