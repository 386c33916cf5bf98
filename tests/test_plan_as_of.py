"""issue 18's done-when test: one model with lifecycles and an initiative, read ``--as-of`` three dates
through the CLI, against expectations worked out by hand for ``info``, ``validate`` and ``analyze``.

What is in use or in force on each date (workspace/lifecycle.py; the model contract's Lifecycles):

| thing                          | 2024-06-01     | 2026-09-01          | 2030-01-01           |
|--------------------------------|----------------|---------------------|----------------------|
| application legacy             | in use         | in use              | retired (2027)       |
| application platform           | planned        | in use (2026-07)    | in use               |
| application soc-cases          | in use (1)     | in use (1)          | retired (2028)       |
| regulation old-law             | in force       | repealed (2026)     | repealed             |
| regulation new-law             | not yet        | in force (2026)     | in force             |
| regulation future-law          | not yet        | not yet             | in force (2029)      |
| service allowance              | in use         | in use              | retired (2028)       |
| service allowance-online       | planned        | planned             | in use (2028)        |
| process assessment, initiative | always (no lifecycle dates)                                         |

(1) phasing out from 2025, so it was active before that.

The initiative go-online (due 2027-12-31, in progress) resolves allowance's only-once violation.
"""

from __future__ import annotations

import json

import pytest

from helpers import write

MODEL = """@prefix application: <https://example.org/application/> .
@prefix authority: <https://example.org/authority/> .
@prefix authsrc: <http://vocab.belgif.be/ns/authsrc#> .
@prefix capability: <https://example.org/capability/> .
@prefix channel: <https://example.org/channel/> .
@prefix concept: <https://example.org/concept/> .
@prefix cpsv: <http://purl.org/vocab/cpsv#> .
@prefix cv: <http://data.europa.eu/m8g/> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix eag: <https://w3id.org/eagraph/ns#> .
@prefix eli: <http://data.europa.eu/eli/ontology#> .
@prefix evidence: <https://example.org/evidence/> .
@prefix initiative: <https://example.org/initiative/> .
@prefix process: <https://example.org/process/> .
@prefix regulation: <https://example.org/regulation/> .
@prefix service: <https://example.org/service/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix source: <https://example.org/source/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

authority:fin a cv:PublicOrganisation ;
    skos:prefLabel "FOD Financiën"@nl , "SPF Finances"@fr ;
    dct:identifier "0206734318" ;
    eag:governmentLevel eag:Federal .

authority:soc a cv:PublicOrganisation ;
    skos:prefLabel "Sociale Zekerheid"@nl , "Sécurité sociale"@fr ;
    dct:identifier "0206709374" ;
    eag:governmentLevel eag:Federal .

channel:online a cv:Channel ;
    dct:title "Online"@nl , "En ligne"@fr ;
    dct:identifier "CH-1" ;
    dct:type eag:Online .

capability:case-management a eag:Capability ;
    skos:prefLabel "Dossierbeheer"@nl , "Gestion des dossiers"@fr .

concept:income a cv:InformationConcept ;
    skos:prefLabel "Inkomen"@nl , "Revenu"@fr ;
    authsrc:hasSource source:tax-register ;
    authsrc:isAuthoritative true .

source:tax-register a authsrc:DataSource ;
    dct:title "Fiscaal register"@nl , "Registre fiscal"@fr ;
    authsrc:hasProvider authority:fin ;
    dct:publisher authority:fin .

evidence:income-statement a cv:Evidence ;
    dct:title "Inkomensattest"@nl , "Attestation de revenus"@fr ;
    dct:identifier "EV-1" ;
    cv:supportsConcept concept:income .

application:legacy a eag:ApplicationComponent ;
    dct:title "Oud dossiersysteem"@nl , "Ancien système de dossiers"@fr ;
    eag:ownedBy authority:fin ;
    eag:supportsCapability capability:case-management ;
    eag:activeFrom "2010-01-01"^^xsd:date ;
    eag:retiredFrom "2027-01-01"^^xsd:date .

application:platform a eag:ApplicationComponent ;
    dct:title "Nieuw platform"@nl , "Nouvelle plateforme"@fr ;
    eag:ownedBy authority:fin ;
    eag:supportsCapability capability:case-management ;
    eag:plannedFrom "2025-01-01"^^xsd:date ;
    eag:activeFrom "2026-07-01"^^xsd:date .

application:soc-cases a eag:ApplicationComponent ;
    dct:title "Dossiers sociale zekerheid"@nl , "Dossiers sécurité sociale"@fr ;
    eag:ownedBy authority:soc ;
    eag:supportsCapability capability:case-management ;
    eag:phasingOutFrom "2025-01-01"^^xsd:date ;
    eag:retiredFrom "2028-01-01"^^xsd:date .

regulation:old-law a eli:LegalResource ;
    dct:title "Oude wet"@nl , "Ancienne loi"@fr ;
    eli:first_date_entry_in_force "2000-01-01"^^xsd:date ;
    eli:repealed_by regulation:new-law .

regulation:new-law a eli:LegalResource ;
    dct:title "Nieuwe wet"@nl , "Nouvelle loi"@fr ;
    eli:first_date_entry_in_force "2026-01-01"^^xsd:date .

regulation:future-law a eli:LegalResource ;
    dct:title "Toekomstige wet"@nl , "Loi future"@fr ;
    eli:first_date_entry_in_force "2029-01-01"^^xsd:date .

service:allowance a cpsv:PublicService ;
    dct:identifier "S-1" ;
    dct:title "Toelage op papier"@nl , "Allocation sur papier"@fr ;
    dct:description "Een toelage, aangevraagd met een attest."@nl ,
        "Une allocation, demandée avec une attestation."@fr ;
    dct:type eag:Entitlement ;
    eag:grantingMode eag:OnRequest ;
    eag:annualCases 5000 ;
    cv:hasCompetentAuthority authority:fin ;
    cv:hasChannel channel:online ;
    cpsv:hasInput evidence:income-statement ;
    cv:hasLegalResource regulation:old-law , regulation:new-law ;
    eag:retiredFrom "2028-01-01"^^xsd:date .

service:allowance-online a cpsv:PublicService ;
    dct:identifier "S-2" ;
    dct:title "Automatische toelage"@nl , "Allocation automatique"@fr ;
    dct:description "Dezelfde toelage, zonder aanvraag."@nl ;
    dct:type eag:Entitlement ;
    eag:grantingMode eag:Automatic ;
    eag:annualCases 5000 ;
    cv:hasCompetentAuthority authority:fin ;
    cv:hasChannel channel:online ;
    cv:hasLegalResource regulation:new-law ;
    eag:plannedFrom "2025-01-01"^^xsd:date ;
    eag:activeFrom "2028-01-01"^^xsd:date .

initiative:go-online a eag:Initiative ;
    dct:title "Toelage zonder attest"@nl , "Allocation sans attestation"@fr ;
    eag:dueDate "2027-12-31"^^xsd:date ;
    eag:initiativeStatus eag:InProgress ;
    eag:initiativeOwner authority:fin ;
    eag:affects service:allowance , service:allowance-online ;
    eag:resolves [ eag:findingKind "only-once-violation" ; eag:findingSubject service:allowance ] .

process:assessment a eag:Process ;
    dct:title "Beoordeling"@nl , "Évaluation"@fr ;
    eag:ownedBy authority:fin ;
    eag:realises service:allowance ;
    eag:hasStep [ a eag:ProcessStep ; dct:title "Dossier nakijken"@nl , "Vérifier le dossier"@fr ;
        eag:order 1 ; eag:usesApplication application:legacy ] .
"""

EX = "https://example.org/"
EAG = "https://w3id.org/eagraph/ns#"
D1, D2, D3 = "2024-06-01", "2026-09-01", "2030-01-01"
FIN = {"services": 1, "processes": 1, "sources": 1}


@pytest.fixture(scope="module")
def model(tmp_path_factory):
    folder = tmp_path_factory.mktemp("plan")
    write(folder, "eagraph.toml", '[model]\nlanguages = ["nl", "fr"]\n')
    write(folder, "model.ttl", MODEL)
    return folder


def line_of(text: str) -> int:
    """The line of MODEL starting with ``text``: where a finding about it must point."""
    return next(n for n, line in enumerate(MODEL.splitlines(), 1) if line.startswith(text))


def as_json(run, *args):
    result = run(*args, "--format", "json")
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


@pytest.mark.parametrize("day, applications, regulations, per_authority", [
    # fin: a service, its process and its source always; legacy (D1), legacy and platform (D2), platform (D3)
    (D1, 2, 1, {"fin": {**FIN, "applications": 1}, "soc": {"applications": 1}}),
    (D2, 3, 1, {"fin": {**FIN, "applications": 2}, "soc": {"applications": 1}}),
    (D3, 1, 2, {"fin": {**FIN, "applications": 1}, "soc": {}}),
])
def test_info(run, model, day, applications, regulations, per_authority):
    summary = as_json(run, "info", model, "--as-of", day)
    classes = summary["classes"]
    assert classes.get(EAG + "ApplicationComponent", 0) == applications
    assert classes["http://data.europa.eu/eli/ontology#LegalResource"] == regulations
    assert classes["http://purl.org/vocab/cpsv#PublicService"] == 1  # allowance, then allowance-online
    assert classes[EAG + "Initiative"] == 1 and classes[EAG + "Process"] == 1
    assert {a["iri"].removeprefix(EX + "authority/"): a["counts"] for a in summary["authorities"]} == per_authority


def test_info_sees_which_service_is_there(run, model):
    sparql = "SELECT ?s WHERE { ?s a <http://purl.org/vocab/cpsv#PublicService> }"
    seen = {day: run("query", model, sparql, "--format", "csv", "--as-of", day).stdout.split()[1:]
            for day in (D1, D2, D3)}
    assert seen == {D1: [EX + "service/allowance"], D2: [EX + "service/allowance"],
                    D3: [EX + "service/allowance-online"]}


@pytest.mark.parametrize("day, expected", [
    # legacy retires in 2027 while the process on it, and the service that process realises
    # (allowance, until 2028), are still in use: EAG159 on both, while legacy is in the model.
    (D1, {("EAG159", "service/allowance", "service:allowance"),
          ("EAG159", "process/assessment", "process:assessment")}),
    (D2, {("EAG159", "service/allowance", "service:allowance"),
          ("EAG159", "process/assessment", "process:assessment")}),
    # legacy and allowance are gone: the process realises no service (EAG126); allowance-online is
    # there, and has no French description (EAG005). The initiative still names a finding about
    # allowance: it is left out with allowance, not reported as half-written (EAG163).
    (D3, {("EAG005", "service/allowance-online", "service:allowance-online"),
          ("EAG126", "process/assessment", "process:assessment")}),
])
def test_validate(run, model, day, expected):
    found = as_json(run, "validate", model, "--as-of", day)["findings"]
    assert {(f["code"], f["subject"].removeprefix(EX)) for f in found} == {(c, s) for c, s, _ in expected}
    lines = {(f["code"], f["subject"].removeprefix(EX)): f["line"] for f in found}
    assert lines == {(c, s): line_of(start) for c, s, start in expected}  # at the file's lines: nothing moved


@pytest.mark.parametrize("day, expected, backlog", [
    # allowance asks for the income statement the tax register holds (only-once), and fin may
    # consult it, so it could grant automatically; legacy (fin) and soc-cases (soc) share a
    # capability. The initiative owns the only-once violation, not the other two.
    (D1, {("only-once-violation", "service/allowance"), ("automatic-granting-candidate", "service/allowance"),
          ("shared-capability", "capability/case-management")},
     {"service/allowance", "capability/case-management"}),
    # the same, platform joining legacy at fin
    (D2, {("only-once-violation", "service/allowance"), ("automatic-granting-candidate", "service/allowance"),
          ("shared-capability", "capability/case-management")},
     {"service/allowance", "capability/case-management"}),
    # allowance retired: its findings are gone; allowance-online grants automatically; soc-cases
    # retired: fin alone runs case management. future-law is in force and nothing cites it. The
    # initiative was due 2027-12-31 and is still in progress: overdue.
    (D3, {("orphan-regulation", "regulation/future-law"), ("initiative-overdue", "initiative/go-online")},
     {"regulation/future-law"}),
])
def test_analyze(run, model, day, expected, backlog):
    found = as_json(run, "analyze", model, "--as-of", day, "--no-validate")["findings"]
    assert {(f["kind"], f["subject"].removeprefix(EX)) for f in found} == expected
    unowned = as_json(run, "analyze", model, "--as-of", day, "--no-validate", "--kind", "unowned-backlog")["findings"]
    assert {f["subject"].removeprefix(EX) for f in unowned} == backlog


def test_the_overdue_initiative_is_late_by_the_days_since_its_date(run, model):
    found = as_json(run, "analyze", model, "--as-of", D3, "--no-validate", "--kind", "initiative-overdue")["findings"]
    assert [f["message"] for f in found] == [
        "Initiative “Toelage zonder attest (nl)” was due on 2027-12-31 (732 days ago) and is in progress: "
        "finish it, or plan it again with a new eag:dueDate."]
