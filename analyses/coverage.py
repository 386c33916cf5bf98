"""What each finding kind needs, and how much of the model has it.

A kind finds only what the model states: ``only-once-violation`` needs evidence linked to a concept
that an authentic source holds; a catalogue written without those links gives zero findings, which
is not a clean bill of health. Each kind therefore declares a coverage function
``(AnalysisModel) -> Coverage``: of the things it looks at (``total``), how many carry the facts it
reads (``have``). ``analyze`` shows it in every report format and on the site, so zero findings on
zero coverage is never read as all clear.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .model import AUTHSRC, CV, DCT, EAG, ELI, ENTITLEMENT, AnalysisModel

DOCS = "docs/analyses.md#coverage"


@dataclass(frozen=True)
class Coverage:
    """Of ``total`` things a kind looks at (``unit``), ``have`` carry what it needs (``needs``)."""

    kind: str
    have: int
    total: int
    unit: str  # "evidence items asked from applicants"
    needs: str  # "linked to an authentic source (cv:supportsConcept → a concept with authsrc:hasSource)"

    @property
    def blind(self) -> bool:
        """Nothing in the model carries what the kind needs: its silence says nothing."""
        return self.have == 0

    def text(self) -> str:
        """'only-once-violation: 0 of 41 evidence items … are linked to …, see docs/analyses.md#coverage'."""
        said = f"{self.kind}: {self.have} of {self.total} {self.unit} {self.needs}"
        return f"{said}; no finding of this kind means no data, not all clear (see {DOCS})" if self.blind else said

    def to_dict(self) -> dict:
        return {"kind": self.kind, "have": self.have, "total": self.total, "unit": self.unit, "needs": self.needs,
                "blind": self.blind}


def _count(kind: str, things: Iterable[str], has: Callable[[str], bool], unit: str, needs: str) -> Coverage:
    things = list(dict.fromkeys(things))
    return Coverage(kind, sum(1 for thing in things if has(thing)), len(things), unit, needs)


def asked_evidence(model: AnalysisModel) -> list[str]:
    return [e for s in model.services for e in model.asked_evidence(s)]


def _sourced(model: AnalysisModel, evidence: str) -> bool:
    return any(model.objects(c, AUTHSRC + "hasSource") for c in model.objects(evidence, CV + "supportsConcept"))


def only_once(model: AnalysisModel) -> Coverage:
    return _count("only-once-violation", asked_evidence(model), lambda e: _sourced(model, e),
                  "evidence items asked from applicants",
                  "support a concept held in an authentic source (cv:supportsConcept, authsrc:hasSource)")


def granting(kind: str) -> Callable[[AnalysisModel], Coverage]:
    def coverage(model: AnalysisModel) -> Coverage:
        def known(service: str) -> bool:
            return ENTITLEMENT in model.service_type(service) and bool(model.granting_mode(service)) \
                and bool(model.required_concepts(service))
        return _count(kind, model.services, known, "services",
                      "are entitlements with a granting mode and required concepts "
                      "(dct:type eag:Entitlement, eag:grantingMode, cv:hasConcept or cv:supportsConcept)")
    return coverage


def missing_agreement(model: AnalysisModel) -> Coverage:
    concepts = [c for s in model.services for c in model.required_concepts(s)]
    return _count("missing-agreement", concepts, lambda c: bool(model.objects(c, AUTHSRC + "hasSource")),
                  "concepts services require", "name the authentic source holding them (authsrc:hasSource)")


def certificate_loop(model: AnalysisModel) -> Coverage:
    return _count("certificate-loop", asked_evidence(model),
                  lambda e: any(model.producers.get(t) for t in model.objects(e, DCT + "conformsTo")),
                  "evidence items asked from applicants",
                  "conform to an evidence type a service's output is usable as "
                  "(dct:conformsTo, cpsv:produces, eag:usableAs)")


def duplicate_collection(model: AnalysisModel) -> Coverage:
    return _count("duplicate-data-collection", asked_evidence(model),
                  lambda e: bool(model.objects(e, CV + "supportsConcept")),
                  "evidence items asked from applicants", "say which concept they support (cv:supportsConcept)")


def shared_capability(model: AnalysisModel) -> Coverage:
    return _count("shared-capability", model.of_class(EAG + "ApplicationComponent"),
                  lambda a: bool(model.objects(a, EAG + "supportsCapability") and model.objects(a, EAG + "ownedBy")),
                  "applications", "name their capability and owner (eag:supportsCapability, eag:ownedBy)")


def orphan_regulation(model: AnalysisModel) -> Coverage:
    return _count("orphan-regulation", model.of_class(ELI + "LegalResource"), lambda r: True,
                  "regulations (eli:LegalResource)", "are checked for what refers to them")


def duplicate_service(model: AnalysisModel) -> Coverage:
    return _count("duplicate-service", model.services, lambda s: bool(model.labels.get(s)),
                  "services", "have a title (dct:title)")


def concept_harmonisation(model: AnalysisModel) -> Coverage:
    return _count("concept-harmonisation", model.of_class(CV + "InformationConcept"),
                  lambda c: bool(model.objects(c, EAG + "definedIn")),
                  "information concepts", "name the regulation defining them (eag:definedIn)")
