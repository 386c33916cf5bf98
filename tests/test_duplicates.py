"""duplicate-service (eagraph.analyses.duplicates): exact findings and their explanations on small
hand-written models, the planted cases of models/, and quality on a synthetic model."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from eagraph.analyses import duplicates as D
from eagraph.workspace import load
from helpers import MODELS, bench_synthetic

DATA = Path(__file__).resolve().parent / "data" / "duplicates"
EX = "https://example.org/dup/"
BE = "https://w3id.org/eagraph/be/service/"


@pytest.fixture(scope="module")
def small():
    return load(DATA / "model.ttl", cache=False)


@pytest.fixture(scope="module")
def example():
    return load(MODELS, cache=False)


def test_duplicates_across_two_authorities_with_the_reasons(small):
    findings = {f.subject: f for f in D.DUPLICATE_SERVICE.findings(small)}
    found = findings[EX + "childcare-allowance-agency"]
    assert found.code == "duplicate-service"
    assert found.related == (EX + "childcare-allowance-city",)
    assert found.extra["reasons"] == [
        "same legal basis", "same requirements", "outputs usable as the same evidence", "same life events",
        "same service type", "same granting mode", "titles 0.41 similar", "descriptions 0.61 similar"]
    assert found.message["en"].startswith("“childcare-allowance-agency” and “childcare-allowance-city” seem to "
                                          "deliver the same service: same legal basis; same requirements;")
    assert found.message["nl"].endswith("zelfde wijze van toekenning; titels 0,41 gelijkend; beschrijvingen 0,61 gelijkend")
    assert found.message["fr"].startswith("« childcare-allowance-agency » et « childcare-allowance-city » semblent "
                                          "fournir le même service : même base légale ; mêmes conditions")
    assert 0.0 <= found.score <= 1.0
    assert found.location is not None and found.location.file == "model.ttl"


def test_findings_name_services_by_their_titles_in_the_report_language(small):
    """As `eagraph analyze` runs it (through an AnalysisModel), services are named by their titles."""
    from eagraph.analyses.registry import analyze

    found = {f.subject: f for f in analyze(small, kinds=["duplicate-service"], locate=False)}
    message = found[EX + "childcare-allowance-agency"].message
    assert message["nl"].startswith("“Tegemoetkoming in de kosten van kinderopvang” en “Toelage voor kinderopvang”")
    assert message["fr"].startswith("« Intervention dans les frais d'accueil d'enfants » et « Allocation pour")


def test_a_cluster_of_three_is_one_finding(small):
    findings = {f.subject: f for f in D.DUPLICATE_SERVICE.findings(small)}
    found = findings[EX + "dog-licence-1"]
    assert found.related == (EX + "dog-licence-2", EX + "dog-licence-3")
    assert "(3 services)" in found.message["en"]
    assert len(found.extra["pairs"]) == 3


def test_look_alikes_and_other_territories_are_not_duplicates(small):
    findings = D.DUPLICATE_SERVICE.findings(small)
    assert sorted(f.subject for f in findings) == [EX + "childcare-allowance-agency", EX + "dog-licence-1"]
    reported = {s for f in findings for s in (f.subject, *f.related)}
    assert not reported & {EX + "parking-card-disabled", EX + "parking-card-residents",
                           EX + "felling-permit-north", EX + "felling-permit-south"}


def test_example_model_planted_duplicates(example):
    pairs = {tuple(sorted((f.subject, *f.related))) for f in D.DUPLICATE_SERVICE.findings(example)}
    assert pairs == {
        (BE + "household-composition-certificate", BE + "household-composition-certificate-online"),
        (BE + "address-change-declaration", BE + "address-change-online"),
        (BE + "criminal-record-extract", BE + "criminal-record-extract-online"),
    }
    reported = {s for p in pairs for s in p}
    assert BE + "parking-card-disabled" not in reported and BE + "residents-parking-permit" not in reported


def _f1(want: set, got: set) -> float:
    tp = len(want & got)
    return 2 * tp / (len(want) + len(got)) if want or got else 1.0


def test_synthetic_quality(tmp_path):
    bench_synthetic().generate(tmp_path / "m", 600, seed=3)
    labels = json.loads((tmp_path / "m" / "labels.json").read_text(encoding="utf-8"))
    ws = load(tmp_path / "m", cache=False)

    def pairs(rows):
        return {tuple(sorted(p)) for subject, related in rows for p in itertools.combinations({subject, *related}, 2)}

    want = pairs((f["subject"], f["related"]) for f in labels["findings"] if f["kind"] == "duplicate-service")
    got = pairs((f.subject, f.related) for f in D.DUPLICATE_SERVICE.findings(ws))
    assert want and _f1(want, got) >= 0.9


def test_registered():
    from eagraph.analyses.registry import kinds

    known = kinds()
    assert known["duplicate-service"].run is D.find_duplicate_services


_NESTED_TERRITORIES = """\
@prefix cpsv: <http://purl.org/vocab/cpsv#> . @prefix cv: <http://data.europa.eu/m8g/> .
@prefix dct: <http://purl.org/dc/terms/> . @prefix eag: <https://w3id.org/eagraph/ns#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> . @prefix ex: <https://example.org/dup/> .
ex:BE3 skos:broader ex:BE . ex:namur skos:broader ex:BE3 . ex:liege dct:isPartOf ex:BE3 .
ex:requirement cv:hasConcept ex:recognition .
ex:card-output eag:usableAs ex:parking-card .
"""


def _card(name: str, authority: str, territory: str, title: str) -> str:
    return f"""ex:{name} a cpsv:PublicService ; dct:title "{title}"@fr ; cv:hasCompetentAuthority ex:{authority} ;
    dct:spatial ex:{territory} ; cv:hasLegalResource ex:decree ; cv:holdsRequirement ex:requirement ;
    cpsv:produces ex:{name}-output ; cv:isGroupedBy ex:disability ; dct:type eag:Entitlement ;
    eag:grantingMode eag:OnRequest .
ex:{name}-output eag:usableAs ex:parking-card .
"""


def test_a_territory_within_another_is_not_another_territory(tmp_path):
    """A municipality's counter and the federal authority deliver the same card: the municipality lies
    within Belgium (skos:broader, dct:isPartOf, transitively), so the two are duplicates; two
    municipalities' counters each serve their own territory and are not."""
    (tmp_path / "model.ttl").write_text(
        _NESTED_TERRITORIES
        + _card("federal-card", "federal", "BE", "Carte de stationnement pour personnes handicapées")
        + _card("namur-card", "namur", "namur", "Obtenir la carte de stationnement PMR")
        + _card("liege-card", "liege", "liege", "Carte de stationnement PMR au guichet"), encoding="utf-8")
    pairs = {tuple(sorted((p.a, p.b))) for p in D.duplicate_pairs(load(tmp_path, cache=False))}
    assert pairs == {(EX + "federal-card", EX + "namur-card"), (EX + "federal-card", EX + "liege-card")}


def test_what_neither_service_states_is_no_evidence_against(tmp_path):
    """Two catalogue entries of one registration (an obligation: no granting mode; no evidence listed)
    share every family they state; what neither states does not count as a difference."""
    (tmp_path / "model.ttl").write_text(_NESTED_TERRITORIES + "".join(f"""
ex:{name} a cpsv:PublicService ; dct:title "{title}"@fr ; cv:hasCompetentAuthority ex:agency ;
    cv:hasLegalResource ex:ordinance ; cv:holdsRequirement ex:requirement ; cv:isGroupedBy ex:job-loss ;
    dct:type eag:Obligation ; cpsv:produces ex:{name}-output .
ex:{name}-output dct:type ex:document .
""" for name, title in (("registration", "Inscription comme chercheur d'emploi"),
                        ("registration-online", "S'inscrire en ligne sur le portail"))), encoding="utf-8")
    pairs = D.duplicate_pairs(load(tmp_path, cache=False))
    assert [tuple(sorted((p.a, p.b))) for p in pairs] == [(EX + "registration", EX + "registration-online")]
    assert pairs[0].structure > 0.9


def test_the_findings_do_not_depend_on_the_order_the_store_answers_in(example, monkeypatch):
    """The text model learns its word statistics from a sample of every n-th service: numbered in IRI
    order, not in the store's answer order, the sample (and so every score) is the model's own. Found
    at 10,000 services, where the sample is a fifth of the services and the store's layout changed."""
    monkeypatch.setattr(D, "IDF_SAMPLE", 7)  # a sample of about 7 services, as 2,000 are of 10,000

    class Reversed:
        """The same model, every query's rows in the opposite order."""

        def query(self, text):
            return list(example.query(text))[::-1]

    def pairs(source):
        return [(p.a, p.b, p.score, p.title, p.description) for p in D.duplicate_pairs(source)]

    found = pairs(example)
    assert found and pairs(Reversed()) == found


def test_titles_of_spaces_in_one_language_are_no_text_not_a_crash(tmp_path):
    """Two services alike but for titles that are only spaces in German: scikit-learn raised "empty
    vocabulary" (a traceback for a user's typo); the German titles now compare as no text, and the
    Dutch ones still make the pair a duplicate."""
    from helpers import PREFIXES, write

    write(tmp_path, "model.ttl", PREFIXES + """@prefix eli: <http://data.europa.eu/eli/ontology#> .
ex:a a cpsv:PublicService ; dct:identifier "A" ; dct:title "Bouwvergunning aanvragen"@nl , "   "@de ;
    cv:hasLegalResource ex:law ; cv:holdsRequirement ex:req .
ex:b a cpsv:PublicService ; dct:identifier "B" ; dct:title "Bouwvergunning aanvragen"@nl , " "@de ;
    cv:hasLegalResource ex:law ; cv:holdsRequirement ex:req .
ex:law a eli:LegalResource ; dct:title "Wet"@nl .
ex:req a cv:Requirement ; dct:title "Eigenaar"@nl .
""")
    pairs = D.duplicate_pairs(load(tmp_path), keep_all=True)
    assert [(p.a.rsplit("/", 1)[1], p.b.rsplit("/", 1)[1], round(p.title, 3)) for p in pairs] == [("a", "b", 1.0)]


def test_the_services_statements_are_read_in_one_pass_each_property_in_the_stores_order(tmp_path):
    """The services' table is read by one pass over each service's statements, filtered by property:
    not a join of the properties with every service (VALUES ?p probed each pair, 2.5 times slower at
    10,000 services). What a property says last in the store's order stays what the table keeps: two
    titles in one language, two yearly counts, written in two files."""
    from helpers import PREFIXES, write

    write(tmp_path, "a.ttl", PREFIXES + """
ex:a a cpsv:PublicService ; dct:title "Bouwvergunning"@nl , "Omgevingsvergunning"@nl , "Permis"@fr ;
    dct:description "Een vergunning"@nl ; eag:annualCases 10 , 30 .
ex:b a cpsv:PublicService ; dct:title "Parkeerkaart"@nl ; eag:annualCases 5 .
""")
    write(tmp_path, "b.ttl", PREFIXES + """
ex:a dct:title "Bouwen"@nl ; eag:annualCases 20 .
""")
    workspace = load(tmp_path, cache=False)
    asked: list[str] = []

    def query(text):
        asked.append(text)
        return workspace.query(text)

    data = D._read_services(query)
    assert not [text for text in asked if "VALUES ?p" in text and "} ?s ?p ?o }" in text]  # the services' own

    def last(iri: str, predicate: str) -> dict[str, str]:
        rows = workspace.query(f"SELECT ?o WHERE {{ <{iri}> <{predicate}> ?o }}")
        return {row["o"].language or "": row["o"].value for row in rows}

    titles = {iri: last(iri, "http://purl.org/dc/terms/title") for iri in data.iris}
    assert {data.iris[i]: t for i, t in data.titles.items()} == titles
    assert len(titles[data.iris[0]]) == 2
    cases = {iri: int(last(iri, "https://w3id.org/eagraph/ns#annualCases")[""]) for iri in data.iris}
    assert {data.iris[i]: c for i, c in data.cases.items()} == cases
