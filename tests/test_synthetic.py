"""The synthetic model generator (bench/synthetic/): deterministic, parseable, to scale, and its labels
are exactly what the model contract's definitions find in the generated data."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib import RDF, URIRef

from helpers import bench_synthetic

SYN = "https://w3id.org/eagraph/synthetic/"
ELI = re.compile(r"^http://www\.ejustice\.just\.fgov\.be/eli/(wet|besluit|decreet|ordonnantie)/\d{4}/\d{2}/\d{2}/\d{10}/staatsblad$")

PREFIXES = """
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX dct: <http://purl.org/dc/terms/>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX cv: <http://data.europa.eu/m8g/>
PREFIX cpsv: <http://purl.org/vocab/cpsv#>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX authsrc: <http://vocab.belgif.be/ns/authsrc#>
PREFIX eag: <https://w3id.org/eagraph/ns#>
"""
# The contract's definitions, written independently of the generator.
REQUIRED = "((cv:holdsRequirement/cv:hasRequirement*/cv:hasConcept)|(cpsv:hasInput/cv:supportsConcept))"


def available(c: str, src: str) -> str:
    return f"""{c} authsrc:hasSource {src} .
    FILTER (EXISTS {{ {c} authsrc:isAuthoritative true }}
            || (NOT EXISTS {{ {c} authsrc:isAuthoritative ?anyflag }} && EXISTS {{ {src} authsrc:isAuthoritative true }}))"""


def consults(s: str, src: str) -> str:
    return f"""{s} cv:hasCompetentAuthority|eag:executingAuthority ?auth .
    {src} dct:publisher|(authsrc:hasAgreement/authsrc:hasConsumer) ?party .
    FILTER (?auth = ?party || EXISTS {{ ?auth org:subOrganizationOf ?party }})"""


ASKED = "?s a cpsv:PublicService ; cpsv:hasInput ?e . FILTER NOT EXISTS { ?e dct:isPartOf ?anywhere }"
ON_REQUEST = "?s a cpsv:PublicService ; dct:type eag:Entitlement ; eag:grantingMode eag:OnRequest ."

QUERIES = {
    "only-once-violation": f"""SELECT ?s ?r WHERE {{
        {ASKED} ?e cv:supportsConcept ?c . {available("?c", "?src")}
        VALUES ?k {{ 1 2 3 }} BIND (IF(?k = 1, ?e, IF(?k = 2, ?c, ?src)) AS ?r) }}""",
    "automatic-granting-candidate": f"""SELECT ?s ?r WHERE {{
        {ON_REQUEST} ?s {REQUIRED} ?c0 .
        FILTER NOT EXISTS {{ ?s {REQUIRED} ?c . FILTER NOT EXISTS {{ {available("?c", "?src")} {consults("?s", "?src")} }} }}
        ?s {REQUIRED} ?cr . ?cr authsrc:hasSource ?r . }}""",
    "proactive-granting-candidate": f"""SELECT ?s ?r WHERE {{
        {{ SELECT ?s (COUNT(DISTINCT ?c) AS ?n) WHERE {{ {ON_REQUEST} ?s {REQUIRED} ?c }} GROUP BY ?s }}
        {{ SELECT ?s (COUNT(DISTINCT ?c) AS ?k) WHERE {{ {ON_REQUEST} ?s {REQUIRED} ?c . {available("?c", "?src")} {consults("?s", "?src")} }} GROUP BY ?s }}
        FILTER (?k < ?n && 4 * ?k >= 3 * ?n)
        ?s {REQUIRED} ?r . FILTER NOT EXISTS {{ {available("?r", "?src2")} {consults("?s", "?src2")} }} }}""",
    "missing-agreement": f"""SELECT ?s ?r WHERE {{
        ?s a cpsv:PublicService ; {REQUIRED} ?c . {available("?c", "?r")}
        FILTER NOT EXISTS {{ {available("?c", "?src2")} {consults("?s", "?src2")} }} }}""",
    "certificate-loop": f"""SELECT ?s ?r WHERE {{
        {ASKED} ?e dct:conformsTo ?t .
        ?s2 cpsv:produces/eag:usableAs ?t ; cv:hasCompetentAuthority|eag:executingAuthority ?a2 .
        FILTER NOT EXISTS {{
            ?s cv:hasCompetentAuthority|eag:executingAuthority ?a1 .
            FILTER (?a1 = ?a2 || EXISTS {{ ?a1 org:subOrganizationOf ?a2 }} || EXISTS {{ ?a2 org:subOrganizationOf ?a1 }}
                    || EXISTS {{ ?a1 org:subOrganizationOf ?g . ?a2 org:subOrganizationOf ?g }}) }}
        VALUES ?k {{ 1 2 }} BIND (IF(?k = 1, ?e, ?s2) AS ?r) }}""",
    "duplicate-data-collection": """SELECT ?s ?r WHERE {
        { SELECT (?c AS ?s) WHERE { ?x a cpsv:PublicService ; cpsv:hasInput ?e . FILTER NOT EXISTS { ?e dct:isPartOf ?p }
                                    ?e cv:supportsConcept ?c } GROUP BY ?c HAVING (COUNT(DISTINCT ?x) >= 2) }
        ?r a cpsv:PublicService ; cpsv:hasInput ?e2 . FILTER NOT EXISTS { ?e2 dct:isPartOf ?p2 } ?e2 cv:supportsConcept ?s }""",
    "shared-capability": """SELECT ?s ?r WHERE {
        { SELECT (?cap AS ?s) WHERE { ?app eag:supportsCapability ?cap ; eag:ownedBy ?a .
                                      OPTIONAL { ?a org:subOrganizationOf ?parent } BIND (COALESCE(?parent, ?a) AS ?g) }
          GROUP BY ?cap HAVING (COUNT(DISTINCT ?g) >= 2) }
        ?r eag:supportsCapability ?s }""",
    "orphan-regulation": """SELECT ?s ?r WHERE { ?s a eli:LegalResource .
        FILTER NOT EXISTS { ?x cv:hasLegalResource|cpsv:implements|eag:definedIn|eag:legalBasis|eli:based_on|eli:changes ?s } }""",
}


def _findings(rows) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for s, r in rows:
        out[s]  # noqa: B018 - a subject without related IRIs (orphan regulations) still counts
        if r:
            out[s].add(r)
    return dict(out)


def run_rdflib(graph: rdflib.Graph, kind: str) -> dict[str, set[str]]:
    return _findings((str(row[0]), str(row[1]) if row[1] is not None else None) for row in graph.query(PREFIXES + QUERIES[kind]))


def run_oxigraph(store: ox.Store, kind: str) -> dict[str, set[str]]:
    return _findings((sol[0].value, sol[1].value if sol[1] is not None else None) for sol in store.query(PREFIXES + QUERIES[kind]))


def labelled(labels: dict, kind: str) -> dict[str, set[str]]:
    return {f["subject"]: set(f["related"]) for f in labels["findings"] if f["kind"] == kind}


def ttl_files(root: Path) -> list[Path]:
    return sorted(root.rglob("*.ttl"))


def file_bytes(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def synthetic():
    return bench_synthetic()


@pytest.fixture(scope="module")
def small(synthetic, tmp_path_factory):
    out = tmp_path_factory.mktemp("small")
    manifest = synthetic.generate(out, 60, seed=1)
    return out, manifest, json.loads(manifest.labels.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def small_graph(small):
    graph = rdflib.Graph()
    for path in ttl_files(small[0]):
        graph.parse(path, format="turtle")
    return graph


@pytest.fixture(scope="module")
def medium(synthetic, tmp_path_factory):
    out = tmp_path_factory.mktemp("medium")
    manifest = synthetic.generate(out, 600, seed=7)
    store = ox.Store()
    for path in ttl_files(out):
        store.bulk_load(path=str(path), format=ox.RdfFormat.TURTLE)
    return out, manifest, json.loads(manifest.labels.read_text(encoding="utf-8")), store


def test_same_seed_same_bytes_other_seed_other_model(synthetic, tmp_path, small):
    synthetic.generate(tmp_path / "again", 60, seed=1)
    synthetic.generate(tmp_path / "other", 60, seed=2)
    first = file_bytes(small[0])
    assert file_bytes(tmp_path / "again") == first
    other = file_bytes(tmp_path / "other")
    assert other != first
    assert other["labels.json"] != first["labels.json"]


def test_refuses_a_non_empty_directory_unless_forced(synthetic, tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(FileExistsError):
        synthetic.generate(tmp_path, 40, seed=1)
    synthetic.generate(tmp_path, 80, seed=1, force=True)
    stale = tmp_path / "authorities" / "ksz" / "services-99.ttl"
    stale.write_text("# left over\n")
    manifest = synthetic.generate(tmp_path, 40, seed=1, force=True)
    assert not stale.exists()
    assert (tmp_path / "notes.txt").read_text() == "mine"
    assert len(ttl_files(tmp_path)) == manifest.files


def test_too_small_a_model_is_refused(synthetic, tmp_path):
    with pytest.raises(ValueError):
        synthetic.generate(tmp_path, synthetic.MIN_SERVICES - 1)


def test_every_file_parses_with_rdflib_and_pyoxigraph(small):
    out, manifest, _ = small
    merged = ox.Store()
    for path in ttl_files(out):
        graph = rdflib.Graph().parse(path, format="turtle")
        assert len(graph) > 0, path
        merged.bulk_load(path=str(path), format=ox.RdfFormat.TURTLE)
    assert len(merged) == manifest.triples


def test_rdflib_reads_the_same_model(small, small_graph):
    assert len(small_graph) == small[1].triples


def test_prefixes_declared_are_used(small):
    for path in ttl_files(small[0]):
        text = path.read_text(encoding="utf-8")
        head, body = text.split("\n\n", 1)
        for prefix in re.findall(r"@prefix (\w+):", head):
            assert f"{prefix}:" in body, (path, prefix)


def test_triples_and_files_scale_with_services(small, medium):
    for out, manifest in ((small[0], small[1]), (medium[0], medium[1])):
        assert 70 <= manifest.triples / manifest.services <= 130, manifest
        assert manifest.files == len(ttl_files(out))
        assert manifest.authorities == max(10, round(manifest.services / 60))
        service_files = list(out.glob("authorities/*/services-*.ttl"))
        assert manifest.services / 6.5 <= len(service_files) <= manifest.services / 3.5
    assert len(medium[3]) == medium[1].triples


def test_repository_layout(small):
    out, _, _ = small
    assert (out / "eagraph.toml").read_text() == '[model]\ninclude = ["**/*.ttl"]\nlanguages = ["nl", "fr"]\n'
    shared = {p.name for p in (out / "shared").iterdir()}
    for name in ("events.ttl", "capabilities.ttl", "evidence-types.ttl", "activities.ttl", "regulations-01.ttl", "concepts-01.ttl"):
        assert name in shared
    folders = [p for p in (out / "authorities").iterdir()]
    assert len(folders) == 10
    for folder in folders:
        assert (folder / "authority.ttl").exists() and (folder / "applications.ttl").exists()
    assert sum(1 for f in folders if (f / "sources.ttl").exists()) >= 3
    assert sum(1 for f in folders if list(f.glob("services-*.ttl"))) == 9  # all but the service integrator


def test_every_service_has_nl_and_fr_title_and_description(small_graph):
    services = set(small_graph.subjects(RDF.type, URIRef("http://purl.org/vocab/cpsv#PublicService")))
    assert len(services) == 60
    for prop in ("http://purl.org/dc/terms/title", "http://purl.org/dc/terms/description"):
        for s in services:
            langs = {o.language for o in small_graph.objects(s, URIRef(prop))}
            assert {"nl", "fr"} <= langs, (s, prop)
    idents = [str(next(small_graph.objects(s, URIRef("http://purl.org/dc/terms/identifier")))) for s in services]
    assert len(set(idents)) == len(idents)


def test_enterprise_numbers_pass_mod_97(small_graph):
    orgs = set(small_graph.subjects(RDF.type, URIRef("http://data.europa.eu/m8g/PublicOrganisation")))
    numbers = [str(o) for s in orgs for o in small_graph.objects(s, URIRef("http://purl.org/dc/terms/identifier"))]
    assert len(numbers) >= len(orgs) - 2  # sub-organisations that are no legal entity lack one
    for number in numbers:
        assert re.fullmatch(r"\d{10}", number), number
        assert int(number[8:]) == 97 - int(number[:8]) % 97, number
    assert len(set(numbers)) == len(numbers)


def test_every_link_target_is_defined(small_graph):
    subjects = set(small_graph.subjects())
    typed = set(small_graph.subjects(RDF.type, None))
    for s, p, o in small_graph:
        if isinstance(o, URIRef) and p != RDF.type and (str(o).startswith(SYN) or str(o).startswith("http://www.ejustice")):
            assert o in subjects and o in typed, (s, p, o)


def test_regulations_have_eli_iris(small_graph):
    regs = set(small_graph.subjects(RDF.type, URIRef("http://data.europa.eu/eli/ontology#LegalResource")))
    assert regs
    for r in regs:
        assert ELI.match(str(r)), r


def test_processes_have_three_to_eight_ordered_steps(medium):
    store = medium[3]
    rows = store.query(PREFIXES + "SELECT ?p ?o WHERE { ?p a eag:Process ; eag:hasStep ?st . ?st eag:order ?o }")
    orders = defaultdict(list)
    for sol in rows:
        orders[sol[0].value].append(int(sol[1].value))
    assert len(orders) == 600
    for process, values in orders.items():
        assert 3 <= len(values) <= 8, process
        assert sorted(values) == list(range(1, len(values) + 1)), process


def test_labels_name_every_kind_and_hard_negatives(synthetic, small, medium):
    for _, _, labels, *_ in (small, medium):
        assert set(labels) == {"seed", "services", "findings", "hard_negatives"}
        assert {f["kind"] for f in labels["findings"]} == set(synthetic.KINDS)
        negatives = labels["hard_negatives"]
        assert {h["kind"] for h in negatives} >= {"duplicate-service", "automatic-granting-candidate", "only-once-violation",
                                                   "certificate-loop", "missing-agreement", "shared-capability",
                                                   "orphan-regulation", "concept-harmonisation", "duplicate-data-collection"}
        for h in negatives:
            assert h["subjects"] and h["why"] and h["kind"] in synthetic.KINDS
            flagged = {f["subject"] for f in labels["findings"] if f["kind"] == h["kind"]}
            flagged |= {r for f in labels["findings"] if f["kind"] == h["kind"] and f["kind"] == "duplicate-service" for r in f["related"]}
            assert not flagged & set(h["subjects"]), h


def test_rates_are_proportional_to_size(medium):
    labels = medium[2]
    counts = defaultdict(int)
    for f in labels["findings"]:
        counts[f["kind"]] += 1
    for kind in ("only-once-violation", "automatic-granting-candidate", "proactive-granting-candidate", "certificate-loop", "missing-agreement"):
        assert 0.015 * 600 <= counts[kind] <= 0.05 * 600, (kind, counts[kind])


@pytest.mark.parametrize("kind", ["only-once-violation", "automatic-granting-candidate", "orphan-regulation", "certificate-loop",
                                  "proactive-granting-candidate", "missing-agreement"])
def test_contract_queries_find_the_labels_rdflib(small, small_graph, kind):
    got = run_rdflib(small_graph, kind)
    assert got == labelled(small[2], kind)
    assert got


@pytest.mark.parametrize("kind", ["only-once-violation", "automatic-granting-candidate", "proactive-granting-candidate",
                                  "missing-agreement", "certificate-loop", "duplicate-data-collection", "shared-capability",
                                  "orphan-regulation"])
def test_contract_queries_find_the_labels_oxigraph(medium, kind):
    got = run_oxigraph(medium[3], kind)
    assert got == labelled(medium[2], kind)
    assert got


def _objects(store: ox.Store, s: str, p: str) -> set[str]:
    return {q.object.value for q in store.quads_for_pattern(ox.NamedNode(s), ox.NamedNode(p), None)}


def test_duplicates_are_alike_and_territorial_look_alikes_are_not(medium):
    _, _, labels, store = medium
    dct, cv = "http://purl.org/dc/terms/", "http://data.europa.eu/m8g/"

    def concepts(s):
        return {c for r in _objects(store, s, cv + "holdsRequirement") for c in _objects(store, r, cv + "hasConcept")}

    clusters = [[f["subject"], *f["related"]] for f in labels["findings"] if f["kind"] == "duplicate-service"]
    assert clusters
    for members in clusters:
        first = members[0]
        for other in members[1:]:
            assert _objects(store, other, dct + "type") == _objects(store, first, dct + "type")
            assert _objects(store, other, cv + "hasLegalResource") == _objects(store, first, cv + "hasLegalResource")
            assert _objects(store, other, dct + "spatial") == _objects(store, first, dct + "spatial")
            assert concepts(other) == concepts(first)
            assert _objects(store, other, dct + "title") != _objects(store, first, dct + "title")  # paraphrased
    for h in labels["hard_negatives"]:
        if h["kind"] == "duplicate-service" and "territor" in h["why"]:
            spatial = [frozenset(_objects(store, s, dct + "spatial")) for s in h["subjects"]]
            assert all(spatial) and len(set(spatial)) == len(spatial)
        elif h["kind"] == "duplicate-service":
            a, b = h["subjects"]
            assert _objects(store, a, cv + "hasLegalResource").isdisjoint(_objects(store, b, cv + "hasLegalResource"))


def test_harmonisation_concepts_differ_in_definition_and_regulation(medium):
    _, _, labels, store = medium
    skos, eag = "http://www.w3.org/2004/02/skos/core#", "https://w3id.org/eagraph/ns#"
    findings = [f for f in labels["findings"] if f["kind"] == "concept-harmonisation"]
    assert findings
    for f in findings:
        regs = _objects(store, f["subject"], eag + "definedIn")
        definition = _objects(store, f["subject"], skos + "definition")
        others = [r for r in f["related"] if "/concept/" in r]
        assert others
        for o in others:
            assert _objects(store, o, eag + "definedIn") != regs
            assert _objects(store, o, skos + "definition") != definition
            assert _objects(store, o, eag + "definedIn") <= set(f["related"])


def test_command_line(synthetic, tmp_path, capsys):
    out = tmp_path / "cli"
    assert synthetic.main(["--services", "40", "--seed", "5", "--out", str(out)]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["services"] == 40 and printed["files"] == len(ttl_files(out))
    assert synthetic.main(["--services", "40", "--out", str(out)]) == 2
    assert "not empty" in capsys.readouterr().err
    assert synthetic.main(["--services", "40", "--out", str(out), "--force"]) == 0
