"""The structural finding kinds: only-once, granting, access, certificates, collection, capabilities, regulations.

Each function implements one kind exactly as the model contract defines it ("Definitions the
analyses use" in the vocabulary), reading only the shared :class:`AnalysisModel`, and makes its
findings with its :class:`Kind` (whose name and severity they carry). Scores are the
expected benefit, in [0, 1]: cases a year (``eag:annualCases``, on a log scale up to ten million;
unknown volumes count low), the authorities involved and the items saved.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from eagraph.findings import Finding, Severity

from . import coverage as cov
from .kind import Kind, Reads
from .model import CV, DCT, EAG, ENTITLEMENT, LABEL_PREDICATES, ON_REQUEST, AnalysisModel
from .model import READS as MODEL_READS
from .wording import messages, names, quote

UNKNOWN_VOLUME = 0.2  # the volume factor of a service without eag:annualCases
#: What the structural kinds read: the analysis model's facts, its labels aside (only messages name them).
MODEL_FACTS = Reads(MODEL_READS - LABEL_PREDICATES)


# -- scoring ------------------------------------------------------------------------------------
def volume(cases: Iterable[int | None]) -> float:
    """Cases a year on a log scale: 10 a year is 0.14, 10,000 is 0.57, 10 million or more is 1.
    Unknown volumes count as :data:`UNKNOWN_VOLUME` (less than a known small service never)."""
    cases = list(cases)
    known = [c for c in cases if c is not None]
    if not known:
        return UNKNOWN_VOLUME
    return min(1.0, math.log10(1 + sum(max(0, c) for c in known)) / 7)


def benefit(cases: Iterable[int | None], authorities: int, items: int) -> float:
    """The expected benefit: mostly volume, then authorities involved (up to 4), items saved (up to 3)."""
    return 0.6 * volume(cases) + 0.25 * min(1.0, authorities / 4) + 0.15 * min(1.0, items / 3)


# -- only-once-violation ------------------------------------------------------------------------
def only_once_violations(model: AnalysisModel, kind: Kind) -> list[Finding]:
    """Evidence asked from the applicant supports a concept available in an authentic source."""
    findings = []
    for service in model.services:
        hits = []  # (evidence, concept, sources)
        for evidence in model.asked_evidence(service):
            for concept in model.objects(evidence, CV + "supportsConcept"):
                sources = model.available_sources(concept)
                if sources:
                    hits.append((evidence, concept, sources))
        if not hits:
            continue
        related = [x for evidence, concept, sources in hits for x in (evidence, concept, *sources)]
        publishers = [p for _, _, sources in hits for s in sources for p in model.objects(s, DCT + "publisher")]
        groups = model.groups_of(model.authorities_of(service) + publishers)
        evidence_count = len({e for e, _, _ in hits})

        def say(language, service=service, hits=hits):
            items = "; ".join(_item(model, language, *hit) for hit in hits)
            svc = quote(model.label(service, language), language)
            return {"en": f"{svc} asks the applicant for {items}: fetch it from the authentic source "
                          f"instead (only-once principle).",
                    "nl": f"{svc} vraagt de aanvrager om {items}: haal het op bij de authentieke bron "
                          f"(eenmalige gegevensopvraging).",
                    "fr": f"{svc} demande au demandeur {items} : consultez plutôt la source authentique "
                          f"(principe only-once)."}[language]

        findings.append(kind.finding(service, related, messages(say),
                                     benefit([model.cases(service)], len(groups), evidence_count)))
    return findings


def _item(model: AnalysisModel, language: str, evidence: str, concept: str, sources: list[str]) -> str:
    ev, c, s = model.label(evidence, language), model.label(concept, language), names(model, sources, language)
    return {"en": f"{ev} although {s} already holds {c}",
            "nl": f"{ev} hoewel {s} {c} al bevat",
            "fr": f"{ev} alors que {s} détient déjà {c}"}[language]


# -- automatic and proactive granting -----------------------------------------------------------
def _granting(model: AnalysisModel) -> Iterable[tuple[str, list[str], dict[str, list[str]]]]:
    """Entitlements granted on request with required concepts: (service, required, consultable sources by concept)."""
    for service in model.services:
        if ENTITLEMENT not in model.service_type(service) or ON_REQUEST not in model.granting_mode(service):
            continue
        required = model.required_concepts(service)
        if not required:
            continue
        authorities = model.authorities_of(service)
        usable = {}
        for concept in required:
            sources = [s for s in model.available_sources(concept) if model.may_consult(authorities, s)]
            if sources:
                usable[concept] = sources
        yield service, required, usable


def automatic_granting_candidates(model: AnalysisModel, kind: Kind) -> list[Finding]:
    findings = []
    for service, required, usable in _granting(model):
        if len(usable) != len(required):
            continue
        sources = [s for concept in required for s in usable[concept]]
        publishers = [p for s in sources for p in model.objects(s, DCT + "publisher")]
        groups = model.groups_of(model.authorities_of(service) + publishers)

        def say(language, service=service, required=required, sources=sources):
            svc = quote(model.label(service, language), language)
            concepts, where, n = names(model, required, language), names(model, sources, language), len(required)
            return {"en": f"{svc} is granted on request, but all {n} facts it needs ({concepts}) are in authentic "
                          f"sources its authority may consult ({where}): grant it automatically.",
                    "nl": f"{svc} wordt op aanvraag toegekend, maar alle {n} gegevens die nodig zijn ({concepts}) "
                          f"staan in authentieke bronnen die de overheid mag raadplegen ({where}): ken het "
                          f"automatisch toe.",
                    "fr": f"{svc} est octroyé sur demande, mais les {n} données nécessaires ({concepts}) se trouvent "
                          f"dans des sources authentiques que l'autorité peut consulter ({where}) : octroyez-le "
                          f"automatiquement."}[language]

        findings.append(kind.finding(service, sources, messages(say),
                                     benefit([model.cases(service)], len(groups), len(required))))
    return findings


def proactive_granting_candidates(model: AnalysisModel, kind: Kind) -> list[Finding]:
    findings = []
    for service, required, usable in _granting(model):
        if len(usable) == len(required) or 4 * len(usable) < 3 * len(required):
            continue
        missing = [c for c in required if c not in usable]
        sources = [s for c in usable for s in usable[c]]
        publishers = [p for s in sources for p in model.objects(s, DCT + "publisher")]
        groups = model.groups_of(model.authorities_of(service) + publishers)

        def say(language, service=service, required=required, usable=usable, missing=missing):
            svc = quote(model.label(service, language), language)
            k, n, absent = len(usable), len(required), names(model, missing, language)
            return {"en": f"{svc} is granted on request; {k} of the {n} facts it needs are in authentic sources "
                          f"its authority may consult, only {absent} is missing: send the citizen a proposal "
                          f"to accept (proactive granting).",
                    "nl": f"{svc} wordt op aanvraag toegekend; {k} van de {n} gegevens die nodig zijn staan in "
                          f"authentieke bronnen die de overheid mag raadplegen, alleen {absent} ontbreekt: stuur "
                          f"de burger een voorstel (proactieve toekenning).",
                    "fr": f"{svc} est octroyé sur demande ; {k} des {n} données nécessaires se trouvent dans des "
                          f"sources authentiques que l'autorité peut consulter, seul manque {absent} : envoyez "
                          f"une proposition au citoyen (octroi proactif)."}[language]

        score = benefit([model.cases(service)], len(groups), len(usable)) * (0.5 + 0.4 * len(usable) / len(required))
        findings.append(kind.finding(service, missing, messages(say), score))
    return findings


# -- missing-agreement --------------------------------------------------------------------------
def missing_agreements(model: AnalysisModel, kind: Kind) -> list[Finding]:
    findings = []
    for service in model.services:
        authorities = model.authorities_of(service)
        lacking, concepts = [], []
        for concept in model.required_concepts(service):
            sources = model.available_sources(concept)
            if sources and not any(model.may_consult(authorities, s) for s in sources):
                lacking += sources
                concepts.append(concept)
        if not lacking:
            continue
        lacking = list(dict.fromkeys(lacking))
        publishers = [p for s in lacking for p in model.objects(s, DCT + "publisher")]

        def say(language, service=service, lacking=lacking, concepts=concepts, authorities=authorities):
            svc = quote(model.label(service, language), language)
            what, where, who = (names(model, concepts, language), names(model, lacking, language),
                                names(model, authorities, language))
            return {"en": f"{svc} needs {what}, available only in {where}, which none of its authorities ({who}) "
                          f"has an agreement to consult: ask for an access agreement.",
                    "nl": f"{svc} heeft {what} nodig, alleen beschikbaar in {where}, maar geen van zijn overheden "
                          f"({who}) heeft een machtiging om die te raadplegen: vraag een machtiging aan.",
                    "fr": f"{svc} a besoin de {what}, disponible uniquement dans {where}, qu'aucune de ses "
                          f"autorités ({who}) n'est autorisée à consulter : demandez une autorisation "
                          f"d'accès."}[language]

        groups = model.groups_of(authorities + publishers)
        findings.append(kind.finding(service, lacking, messages(say),
                                     benefit([model.cases(service)], len(groups), len(concepts))))
    return findings


# -- certificate-loop ---------------------------------------------------------------------------
def certificate_loops(model: AnalysisModel, kind: Kind) -> list[Finding]:
    """Asked evidence conforms to an evidence type that another authority's service produces."""
    findings = []
    producers = model.producers
    for service in model.services:
        authorities = model.authorities_of(service)
        mine = model.groups_of(authorities)
        hits = []  # (evidence, other services)
        for evidence in model.asked_evidence(service):
            others = [other for evidence_type in model.objects(evidence, DCT + "conformsTo")
                      for other in producers.get(evidence_type, ())
                      if other != service and not (model.groups_of(model.authorities_of(other)) & mine)]
            if others:
                hits.append((evidence, list(dict.fromkeys(others))))
        if not hits:
            continue
        related = [x for evidence, others in hits for x in (evidence, *others)]
        other_authorities = [a for _, others in hits for o in others for a in model.authorities_of(o)]

        def say(language, service=service, hits=hits):
            svc = quote(model.label(service, language), language)
            items = "; ".join(_loop_item(model, language, evidence, others) for evidence, others in hits)
            return {"en": f"{svc} asks the applicant for {items}: another authority makes the certificate, so "
                          f"obtain it from that authority instead of sending the citizen to fetch it.",
                    "nl": f"{svc} vraagt de aanvrager om {items}: een andere overheid maakt dat attest, vraag het "
                          f"dus aan die overheid in plaats van de burger het te laten halen.",
                    "fr": f"{svc} demande au demandeur {items} : une autre autorité établit ce certificat, "
                          f"obtenez-le auprès d'elle au lieu de l'envoyer le chercher au citoyen."}[language]

        groups = model.groups_of(authorities + other_authorities)
        findings.append(kind.finding(service, related, messages(say),
                                     benefit([model.cases(service)], len(groups), len(hits))))
    return findings


def _loop_item(model: AnalysisModel, language: str, evidence: str, others: list[str]) -> str:
    ev = model.label(evidence, language)
    who = names(model, others, language, quoted=True)
    makers = names(model, [a for o in others for a in model.authorities_of(o)], language)
    many = len(set(others)) > 1
    return {"en": f"{ev}, which {who} ({makers}) {'produce' if many else 'produces'}",
            "nl": f"{ev}, dat {who} ({makers}) {'afleveren' if many else 'aflevert'}",
            "fr": f"{ev}, que {who} ({makers}) {'délivrent' if many else 'délivre'}"}[language]


# -- duplicate-data-collection ------------------------------------------------------------------
def duplicate_data_collections(model: AnalysisModel, kind: Kind) -> list[Finding]:
    """Two or more services ask the applicant for evidence of one concept."""
    askers: dict[str, list[str]] = {}
    for service in model.services:
        for evidence in model.asked_evidence(service):
            for concept in model.objects(evidence, CV + "supportsConcept"):
                services = askers.setdefault(concept, [])
                if service not in services:
                    services.append(service)
    findings = []
    for concept, services in sorted(askers.items()):
        if len(services) < 2:
            continue
        groups = model.groups_of(a for s in services for a in model.authorities_of(s))

        def say(language, concept=concept, services=services):
            c, n, who = model.label(concept, language), len(services), names(model, services, language, quoted=True)
            return {"en": f"{n} services ask the applicant for {c}: {who}. Collect it once and share it.",
                    "nl": f"{n} diensten vragen de aanvrager om {c}: {who}. Verzamel het één keer en deel het.",
                    "fr": f"{n} services demandent {c} au demandeur : {who}. Collectez-le une fois et "
                          f"partagez-le."}[language]

        findings.append(kind.finding(concept, services, messages(say),
                                     benefit([model.cases(s) for s in services], len(groups), len(services) - 1)))
    return findings


# -- shared-capability --------------------------------------------------------------------------
def shared_capabilities(model: AnalysisModel, kind: Kind) -> list[Finding]:
    """Applications of two or more authority groups support one capability (directly)."""
    findings = []
    for capability, applications in sorted(model.applications_by_capability.items()):
        owners = [o for a in applications for o in model.objects(a, EAG + "ownedBy")]
        groups = sorted(model.groups_of(owners))
        if len(groups) < 2:
            continue

        def say(language, capability=capability, applications=applications, groups=groups):
            cap, n = model.label(capability, language), len(groups)
            who, apps = names(model, groups, language), names(model, applications, language)
            return {"en": f"{n} authorities ({who}) each run their own application for {cap} ({apps}): "
                          f"candidate for a shared platform.",
                    "nl": f"{n} overheden ({who}) hebben elk een eigen toepassing voor {cap} ({apps}): kandidaat "
                          f"voor een gedeeld platform.",
                    "fr": f"{n} autorités ({who}) ont chacune leur propre application pour {cap} ({apps}) : "
                          f"candidat pour une plateforme partagée."}[language]

        score = 0.2 + 0.5 * min(1.0, (len(groups) - 1) / 9) + 0.3 * min(1.0, len(applications) / 12)
        findings.append(kind.finding(capability, applications, messages(say), score))
    return findings


# -- orphan-regulation --------------------------------------------------------------------------
def orphan_regulations(model: AnalysisModel, kind: Kind) -> list[Finding]:
    """Regulations that no cv:hasLegalResource, cpsv:implements, eag:definedIn, eag:legalBasis,
    eli:based_on or eli:changes points at."""
    findings = []
    for regulation in model.regulations:
        if model.references_to(regulation):
            continue

        def say(language, regulation=regulation):
            reg = quote(model.label(regulation, language), language)
            return {"en": f"Nothing in the model refers to {reg}: no service, rule, concept, agreement or other "
                          f"regulation cites it. Link what it governs, or remove it.",
                    "nl": f"Niets in het model verwijst naar {reg}: geen dienst, regel, concept, machtiging of "
                          f"andere regelgeving. Koppel wat ze regelt, of verwijder ze.",
                    "fr": f"Rien dans le modèle ne renvoie à {reg} : aucun service, règle, concept, autorisation "
                          f"ou autre réglementation ne la cite. Reliez ce qu'elle régit, ou "
                          f"supprimez-la."}[language]

        findings.append(kind.finding(regulation, (), messages(say), 0.05))
    return findings


# -- the kinds (registry.py lists them) ---------------------------------------------------------
KINDS: tuple[Kind, ...] = (
    Kind(
        name="only-once-violation", reads=MODEL_FACTS, coverage=cov.only_once,
        severity=Severity.WARNING, run=only_once_violations,
        summary="A service asks the applicant for evidence of a fact that an authentic source already holds.",
        help="""**What it finds.** A public service whose evidence asked from the applicant (`cpsv:hasInput`
without `dct:isPartOf`) supports (`cv:supportsConcept`) an information concept that is available in an
authentic source (`authsrc:hasSource` S, `authsrc:isAuthoritative true` on the concept or, when the concept
says nothing, on S). One finding per service; `related` lists the evidence, concepts and sources.

**Why it matters.** The only-once principle (law of 5 May 2014): citizens and businesses must not be asked
again for data an authentic source holds. Whether the authority has an agreement yet is a separate finding
(`missing-agreement`).

**What to do.** Fetch the fact from the source: give the evidence `dct:isPartOf` the source, and stop asking.""",
    ),
    Kind(
        name="automatic-granting-candidate", reads=MODEL_FACTS,
        coverage=cov.granting("automatic-granting-candidate"),
        severity=Severity.INFO, run=automatic_granting_candidates,
        summary="An entitlement granted on request whose every required fact is in sources its authority may consult.",
        help="""**What it finds.** A service of type `eag:Entitlement` with `eag:grantingMode eag:OnRequest`,
at least one required concept (its requirements' `cv:hasConcept`, nested requirements included, and the
concepts its evidence supports), every one of them available in an authentic source that one of the
service's authorities (competent or executing, or an organisation they belong to) may consult: as
publisher or as consumer of an agreement. `related` lists the sources used.

**Why it matters.** Automatic granting of rights: nobody entitled has to apply, nobody is forgotten.

**What to do.** Grant the right without a request (`eag:grantingMode eag:Automatic`).""",
    ),
    Kind(
        name="proactive-granting-candidate", reads=MODEL_FACTS,
        coverage=cov.granting("proactive-granting-candidate"),
        severity=Severity.INFO, run=proactive_granting_candidates,
        directness=0.9,
        summary="An entitlement granted on request for which most (75 % or more), not all, required facts are available.",
        help="""**What it finds.** The same entitlements as `automatic-granting-candidate`, granted on request,
for which at least 75 % but not all required concepts are available in sources the service's authorities may
consult. `related` lists the concepts still missing. Entitlements already proactive or automatic are skipped.

**Why it matters.** The authority knows almost everything: it can send a pre-filled proposal that the
citizen only has to confirm or complete.

**What to do.** Send a proposal (`eag:grantingMode eag:Proactive`), and look for a source of the missing facts.""",
    ),
    Kind(
        name="missing-agreement", reads=MODEL_FACTS, coverage=cov.missing_agreement,
        severity=Severity.WARNING, run=missing_agreements,
        directness=0.8,
        summary="A service needs a fact held only in sources its authorities have no agreement to consult.",
        help="""**What it finds.** A service with a required concept that is available only in authentic
sources none of its authorities (nor an organisation they belong to) may consult: they neither publish the
source nor appear as `authsrc:hasConsumer` of one of its agreements. A service integrator
(`authsrc:hasIntegrator`) shows the route, but grants no access. `related` names the sources.

**Why it matters.** Without an agreement the authority cannot fetch the fact and keeps asking the citizen.

**What to do.** Ask the source's authority for an access agreement, and record it as an `authsrc:Agreement`.""",
    ),
    Kind(
        name="certificate-loop", reads=MODEL_FACTS, coverage=cov.certificate_loop,
        severity=Severity.WARNING, run=certificate_loops,
        summary="A service asks the applicant for a certificate that a service of another authority produces.",
        help="""**What it finds.** Evidence asked from the applicant that conforms to (`dct:conformsTo`) an
evidence type which an output (`cpsv:produces`) of a service of another authority is usable as
(`eag:usableAs`). Sub-organisations are not another authority than their parent. `related` lists the
evidence and the services producing it.

**Why it matters.** The citizen carries paper from one administration to another: one authority makes a
certificate only for another one to read.

**What to do.** Obtain the data from the producing authority (or its source) and stop asking for the certificate.""",
    ),
    Kind(
        name="duplicate-data-collection", reads=MODEL_FACTS, coverage=cov.duplicate_collection,
        severity=Severity.INFO, run=duplicate_data_collections,
        directness=0.9,
        summary="Several services ask citizens for evidence of the same fact.",
        help="""**What it finds.** An information concept for which two or more services ask the applicant
for evidence (`cpsv:hasInput` without `dct:isPartOf`, `cv:supportsConcept` the concept). Data keyed in
during a process step (`eag:captures`) does not count. `related` lists the services.

**Why it matters.** The same fact is collected, checked and stored several times, and may diverge.

**What to do.** Collect it once, in one register, and let the other services consult it.""",
    ),
    Kind(
        name="shared-capability", reads=MODEL_FACTS, coverage=cov.shared_capability,
        severity=Severity.INFO, run=shared_capabilities,
        directness=0.6,
        summary="Several authorities run their own application for one capability.",
        help="""**What it finds.** A capability that applications (`eag:supportsCapability`) owned
(`eag:ownedBy`) by two or more different authorities support directly. Sub-organisations of one parent
count as one authority; applications of a narrower capability (`skos:broader`) are not counted for the
broader one. `related` lists the applications.

**Why it matters.** Each authority builds and runs the same kind of system.

**What to do.** Consider a shared platform or service for the capability.""",
    ),
    Kind(
        name="orphan-regulation", reads=MODEL_FACTS, coverage=cov.orphan_regulation,
        severity=Severity.INFO, run=orphan_regulations,
        directness=0.5,
        summary="A regulation nothing in the model refers to.",
        help="""**What it finds.** An `eli:LegalResource` that no `cv:hasLegalResource`, `cpsv:implements`,
`eag:definedIn`, `eag:legalBasis`, `eli:based_on` or `eli:changes` points at.

**Why it matters.** Either the model misses the services, rules or concepts the regulation governs, or the
regulation is obsolete and can be dropped from the model.

**What to do.** Link the services, rules or concepts to it, or remove it.""",
    ),
)
