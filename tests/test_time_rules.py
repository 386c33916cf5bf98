"""The rules of time (EAG155-EAG159) on one hand-written model: exactly the things expected are
reported, and the cases the rules leave alone (a service that moved to the repealing law, one
retired in time, a phase on the same day as the one before) are not."""

from __future__ import annotations

from eagraph.validators.validate import validate
from eagraph.workspace import load
from helpers import write

EX = "https://example.org/"
TIME_RULES = {"EAG155", "EAG156", "EAG157", "EAG158", "EAG159"}

MODEL = """@prefix cpsv: <http://purl.org/vocab/cpsv#> .
@prefix cv: <http://data.europa.eu/m8g/> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix eag: <https://w3id.org/eagraph/ns#> .
@prefix eli: <http://data.europa.eu/eli/ontology#> .
@prefix ex: <https://example.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

# EAG155: retired before active; the same day is fine; a date that is no date is EAG150's, not ours
ex:app-backwards a eag:ApplicationComponent ;
    eag:activeFrom "2020-01-01"^^xsd:date ; eag:retiredFrom "2019-01-01"^^xsd:date .
ex:app-same-day a eag:ApplicationComponent ;
    eag:plannedFrom "2020-01-01"^^xsd:date ; eag:activeFrom "2020-01-01"^^xsd:date .
ex:app-text a eag:ApplicationComponent ; eag:activeFrom "2020" ; eag:retiredFrom "2019-01-01"^^xsd:date .

# EAG156: an end of force before the entry into force
ex:law-backwards a eli:LegalResource ;
    eli:first_date_entry_in_force "2015-01-01"^^xsd:date ; eli:date_no_longer_in_force "2014-01-01"^^xsd:date .

# EAG157: live before its law
ex:law-2028 a eli:LegalResource ; eli:first_date_entry_in_force "2028-01-01"^^xsd:date .
ex:service-early a cpsv:PublicService ; eag:activeFrom "2027-06-01"^^xsd:date ; cv:hasLegalResource ex:law-2028 .
ex:service-on-time a cpsv:PublicService ; eag:activeFrom "2028-01-01"^^xsd:date ; cv:hasLegalResource ex:law-2028 .

# EAG158: outliving its law (ended, or repealed by a law in force since a date)
ex:law-old a eli:LegalResource ; eli:repealed_by ex:law-new .
ex:law-new a eli:LegalResource ; eli:first_date_entry_in_force "2026-01-01"^^xsd:date .
ex:law-ending a eli:LegalResource ; eli:date_no_longer_in_force "2030-01-01"^^xsd:date .
ex:service-stays a cpsv:PublicService ; cv:hasLegalResource ex:law-old .
ex:service-moved a cpsv:PublicService ; cv:hasLegalResource ex:law-old , ex:law-new .
ex:service-retires-in-time a cpsv:PublicService ; eag:retiredFrom "2029-12-31"^^xsd:date ;
    cv:hasLegalResource ex:law-ending .
ex:service-retires-late a cpsv:PublicService ; eag:retiredFrom "2031-01-01"^^xsd:date ;
    cv:hasLegalResource ex:law-ending .

# EAG159: what depends on an application or source retired first
ex:source-gone a eag:Thing ; eag:retiredFrom "2027-01-01"^^xsd:date .
ex:app-gone a eag:ApplicationComponent ; eag:retiredFrom "2027-01-01"^^xsd:date .
ex:app-on-gone-source a eag:ApplicationComponent ; eag:uses ex:source-gone .
ex:app-retired-with-it a eag:ApplicationComponent ; eag:uses ex:source-gone ; eag:retiredFrom "2027-01-01"^^xsd:date .
ex:process a eag:Process ; eag:realises ex:service-on-process ; eag:hasStep ex:step .
ex:step a eag:ProcessStep ; eag:usesApplication ex:app-gone .
ex:service-on-process a cpsv:PublicService .
# ... unless the same link names a replacement in use on that day (not one that comes too late)
ex:app-new a eag:ApplicationComponent ; eag:activeFrom "2026-06-01"^^xsd:date .
ex:app-too-late a eag:ApplicationComponent ; eag:activeFrom "2027-06-01"^^xsd:date .
ex:process-replaced a eag:Process ; eag:hasStep [ a eag:ProcessStep ; eag:usesApplication ex:app-gone , ex:app-new ] .
ex:process-gap a eag:Process ; eag:hasStep [ a eag:ProcessStep ; eag:usesApplication ex:app-gone , ex:app-too-late ] .
ex:service-on-evidence a cpsv:PublicService ; cpsv:hasInput ex:evidence .
ex:evidence a cv:Evidence ; dct:isPartOf ex:source-gone .
"""


def test_the_rules_of_time_report_exactly_what_the_dates_contradict(tmp_path):
    write(tmp_path, "eagraph.toml", '[model]\nlanguages = ["nl", "fr"]\n')
    write(tmp_path, "model.ttl", MODEL)
    findings = [f for f in validate(load(tmp_path, cache=False)).findings if f.code in TIME_RULES]
    found = {(f.code, f.subject.removeprefix(EX)) for f in findings}
    assert found == {
        ("EAG155", "app-backwards"),
        ("EAG156", "law-backwards"),
        ("EAG157", "service-early"),
        ("EAG158", "service-stays"),
        ("EAG158", "service-retires-late"),
        ("EAG159", "app-on-gone-source"),
        ("EAG159", "process"),
        ("EAG159", "service-on-process"),
        ("EAG159", "service-on-evidence"),
        ("EAG159", "process-gap"),
    }
    assert all(f.location is not None and f.location.file == "model.ttl" and f.location.line > 0 for f in findings)
    early = next(f for f in findings if f.code == "EAG157")
    assert early.location.line == MODEL.splitlines().index(next(
        line for line in MODEL.splitlines() if line.startswith("ex:service-early"))) + 1
    assert early.message["en"] == ("service is in use (eag:activeFrom) before its legal basis (cv:hasLegalResource) "
                                   "enters into force (eli:first_date_entry_in_force)")
    assert set(early.message) == {"en", "nl", "fr"}
