"""``eagraph import cpsv-ap``: a catalogue that others wrote (2.x or 3.x, any syntax, files or a SPARQL
endpoint) becomes one file per competent authority under the folder the import owns; earlier names
are mapped and counted, nothing is lost, and a re-import changes only the import's own files."""

from __future__ import annotations

import shutil
import urllib.request
from pathlib import Path

from rdflib import BNode, Graph, URIRef
from rdflib.compare import isomorphic

from eagraph.ontology.cpsv_versions import map_earlier_names
from helpers import REFERENCE, REPO

DATA = REPO / "tests" / "data" / "cpsv"
EXAMPLE = REFERENCE / "semic" / "cpsv-ap-3.2.0" / "example-public-service.ttl"
CV = "http://data.europa.eu/m8g/"


def imported(model: Path, folder: str = "catalogue") -> Graph:
    graph = Graph()
    for path in sorted((model / folder).glob("*.ttl")):
        graph.parse(path, format="turtle")
    return graph


def test_a_22_catalogue_in_turtle_keeps_its_legal_bases_under_the_32_names(run, tmp_path):
    result = run("import", "cpsv-ap", DATA / "catalogue-2.2.ttl", "--out", tmp_path / "model")
    assert result.exit_code == 0, result.output
    assert "mapped 3 cv:hasFormalFramework → cv:hasLegalResource" in result.stderr
    assert "mapped 2 cpsv:FormalFramework → eli:LegalResource" in result.stderr
    assert "mapped 1 cv:CriterionRequirement → cv:Requirement" in result.stderr
    assert "imported 31 statements, 4 services of 2 authorities" in result.stderr
    files = sorted(p.name for p in (tmp_path / "model" / "catalogue").iterdir())
    assert files == ["famiris.ttl", "fps-social-security.ttl", "no-authority.ttl"]
    graph = imported(tmp_path / "model")
    source = Graph().parse(DATA / "catalogue-2.2.ttl")
    assert isomorphic(graph, map_earlier_names(source).graph), "statements were lost or added"
    legal = list(graph.objects(URIRef("https://catalogue.example.org/service/child-benefit"),
                               URIRef(CV + "hasLegalResource")))
    assert len(legal) == 2
    famiris = (tmp_path / "model" / "catalogue" / "famiris.ttl").read_text(encoding="utf-8")
    assert famiris.startswith("# Written by eagraph import from the CPSV-AP catalogue catalogue-2.2.ttl")
    assert "Geboortepremie" in famiris and "Ordonnantie gezinsbijslagen" in famiris
    # the text opening time has no 3.2 form: kept under its 2.x name, and said so
    assert "schema:openingHours (1)" in result.stderr


def test_the_same_catalogue_in_rdf_xml_gives_the_same_files(run, tmp_path):
    assert run("import", "cpsv-ap", DATA / "catalogue-2.2.ttl", "--out", tmp_path / "a").exit_code == 0
    result = run("import", "cpsv-ap", DATA / "catalogue-2.2.rdf", "--out", tmp_path / "b")
    assert result.exit_code == 0, result.output
    assert "mapped 3 cv:hasFormalFramework → cv:hasLegalResource" in result.stderr
    for path in sorted((tmp_path / "a" / "catalogue").iterdir()):
        theirs = (tmp_path / "b" / "catalogue" / path.name).read_text(encoding="utf-8")
        assert theirs.split("\n", 1)[1] == path.read_text(encoding="utf-8").split("\n", 1)[1], path.name


def test_a_folder_of_sources_is_read_whole(run, tmp_path):
    shutil.copy(EXAMPLE, tmp_path / "semic.ttl")
    shutil.copy(DATA / "catalogue-2.2.rdf", tmp_path / "other.rdf")
    result = run("import", "cpsv-ap", tmp_path, "--out", tmp_path / "model")
    assert result.exit_code == 0, result.output
    assert "5 services of 3 authorities" in result.stderr
    assert len(imported(tmp_path / "model")) == 67 + 31


CHANGED_TITLE = "Tax-on-web: the personal income tax return online"
SECOND_SERVICE = """
<http://example.com/publicService2> a <http://purl.org/vocab/cpsv#PublicService> ;
    <http://purl.org/dc/terms/title> "Rectification de la déclaration"@fr ;
    <http://data.europa.eu/m8g/hasCompetentAuthority> <http://example.com/publicOrganisation1> .
"""
ARCHITECT = """@prefix eag: <https://w3id.org/eagraph/ns#> .
@prefix ex: <http://example.com/> .

# What the architects know about FPS Finance's tax-on-web that the catalogue does not say.
ex:publicService1 eag:grantingMode eag:OnRequest ;
    eag:annualCases 3200000 .
"""


def test_a_re_import_changes_only_its_own_files_and_diff_shows_what_the_catalogue_changed(run, tmp_path):
    catalogue = tmp_path / "catalogue.ttl"
    catalogue.write_text(EXAMPLE.read_text(encoding="utf-8") + SECOND_SERVICE, encoding="utf-8")
    model = tmp_path / "model"
    assert run("import", "cpsv-ap", catalogue, "--out", model).exit_code == 0
    architect = model / "architects" / "tax-on-web.ttl"
    architect.parent.mkdir()
    architect.write_text(ARCHITECT, encoding="utf-8")
    before = tmp_path / "before"
    shutil.copytree(model, before)

    text = catalogue.read_text(encoding="utf-8")
    original_title = "Tax-on-web"
    assert original_title in text
    changed_text = text.replace(f'"{original_title}"@en', f'"{CHANGED_TITLE}"@en').replace(SECOND_SERVICE, "")
    catalogue.write_text(changed_text, encoding="utf-8")
    result = run("import", "cpsv-ap", catalogue, "--out", model)
    assert result.exit_code == 0, result.output

    assert architect.read_text(encoding="utf-8") == ARCHITECT
    changed = sorted(str(p.relative_to(model)) for p in model.rglob("*.ttl")
                     if p.read_bytes() != (before / p.relative_to(model)).read_bytes())
    assert changed == ["catalogue/publicorganisation1.ttl"]
    diff = run("diff", before, model, "--no-findings")
    assert diff.exit_code == 0, diff.output
    assert f"dct:title: “Tax-on-web” (en) → “{CHANGED_TITLE}” (en)" in diff.stdout
    assert "- service “Rectification de la déclaration” (example.com/publicService2): removed" in diff.stdout
    assert "1 removed, 1 changed" in diff.stdout  # the architects' statements did not change


def test_an_authority_dropped_from_the_catalogue_loses_its_file_and_nothing_else(run, tmp_path):
    model = tmp_path / "model"
    assert run("import", "cpsv-ap", DATA / "catalogue-2.2.ttl", "--out", model).exit_code == 0
    stamps = {p: p.stat().st_mtime_ns for p in (model / "catalogue").iterdir()}
    again = run("import", "cpsv-ap", DATA / "catalogue-2.2.ttl", "--out", model)
    assert "0 written, 3 unchanged, 0 removed" in again.stderr
    assert stamps == {p: p.stat().st_mtime_ns for p in (model / "catalogue").iterdir()}, "a file was rewritten"
    mine = model / "catalogue" / "notes.ttl"
    mine.write_text("# an architect's notes, in the import's folder\n", encoding="utf-8")
    other_import = model / "catalogue" / "inventory.ttl"
    other_import.write_text("# Written by eagraph import from inventory.csv; a new import of it replaces this file.\n",
                            encoding="utf-8")
    result = run("import", "cpsv-ap", EXAMPLE, "--out", model)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (model / "catalogue").iterdir()) == [
        "inventory.ttl", "notes.ttl", "publicorganisation1.ttl"]
    assert "1 written, 0 unchanged, 3 removed" in result.stderr


def test_an_import_never_replaces_a_file_it_did_not_write(run, tmp_path):
    model = tmp_path / "model"
    (model / "catalogue").mkdir(parents=True)
    theirs = model / "catalogue" / "famiris.ttl"
    theirs.write_text("# Famiris, by hand\n", encoding="utf-8")
    result = run("import", "cpsv-ap", DATA / "catalogue-2.2.ttl", "--out", model)
    assert result.exit_code == 2
    assert "would replace files it did not write" in result.stderr and "famiris.ttl" in result.stderr
    assert theirs.read_text(encoding="utf-8") == "# Famiris, by hand\n"
    assert sorted(p.name for p in (model / "catalogue").iterdir()) == ["famiris.ttl"]


def test_a_hostile_rdf_xml_catalogue_is_refused_at_its_file_and_nothing_is_written(run, tmp_path):
    hostile = tmp_path / "catalogue.rdf"
    hostile.write_text('<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n'
                       '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">&e;</rdf:RDF>\n',
                       encoding="utf-8")
    result = run("import", "cpsv-ap", hostile, "--out", tmp_path / "model")
    assert result.exit_code == 2
    assert "catalogue.rdf" in result.stderr and "Traceback" not in result.output
    assert not (tmp_path / "model").exists()


def test_into_must_stay_inside_the_model(run, tmp_path):
    result = run("import", "cpsv-ap", EXAMPLE, "--out", tmp_path / "model", "--into", "../elsewhere")
    assert result.exit_code == 2 and "inside the model" in result.stderr
    assert not (tmp_path / "elsewhere").exists()


def test_blank_nodes_stay_whole_and_a_service_without_authority_has_one_file(tmp_path):
    from eagraph.importers.cpsv_ap import import_catalogue

    graph = Graph().parse(data="""
        @prefix cpsv: <http://purl.org/vocab/cpsv#> . @prefix cv: <http://data.europa.eu/m8g/> .
        @prefix dct: <http://purl.org/dc/terms/> .
        <https://x.org/a/s1> a cpsv:PublicService ; cv:hasCompetentAuthority <https://x.org/org/a> ;
            cv:hasCost [ cv:hasValue 10 ; dct:description [ dct:title "shared" ] ] .
        <https://x.org/b/s2> a cpsv:PublicService ; cv:hasCompetentAuthority <https://x.org/other/a> .
        <https://x.org/c/s3> a cpsv:PublicService ; dct:title "no authority" .
    """, format="turtle")
    catalogue = import_catalogue(graph)
    # two authorities whose IRIs end alike get two files, neither overwriting the other
    assert len([name for name in catalogue.files if name.startswith("a-")]) == 2
    assert set(catalogue.files["no-authority"].subjects()) == {URIRef("https://x.org/c/s3")}
    merged = Graph()
    for part in catalogue.files.values():
        merged += part
    assert isomorphic(merged, graph)
    holding_blank = [name for name, part in catalogue.files.items()
                     if any(isinstance(s, BNode) for s in part.subjects())]
    assert len(holding_blank) == 1


def test_the_catalogue_of_a_sparql_endpoint(run, server, tmp_path):
    data = EXAMPLE.read_bytes()
    request = urllib.request.Request(f"{server.url}/store?graph=https://catalogue.example.org/g", data=data,
                                     method="PUT", headers={"Content-Type": "text/turtle"})
    urllib.request.urlopen(request, timeout=10).read()
    result = run("import", "cpsv-ap", "--endpoint", server.url, "--timeout", "10", "--out", tmp_path / "model")
    assert result.exit_code == 0, result.output
    assert "imported 67 statements, 1 service of 1 authority" in result.stderr
    assert isomorphic(imported(tmp_path / "model"), Graph().parse(EXAMPLE))
    header = (tmp_path / "model" / "catalogue" / "publicorganisation1.ttl").read_text(encoding="utf-8")
    assert header.startswith(f"# Written by eagraph import from the CPSV-AP catalogue {server.url}")


def test_an_endpoint_that_answers_no_rdf_is_an_error_not_a_traceback(run, tmp_path):
    import http.server
    import threading

    class Liar(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            body = b"<html>this is no RDF</html>\n"
            self.send_response(200)
            self.send_header("Content-Type", "application/n-triples")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    httpd = http.server.HTTPServer(("127.0.0.1", 0), Liar)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{httpd.server_address[1]}"
        result = run("import", "cpsv-ap", "--endpoint", url, "--timeout", "5", "--out", tmp_path / "model")
    finally:
        httpd.shutdown()
    assert result.exit_code == 2
    assert "not N-Triples" in result.stderr and "Traceback" not in result.output
    assert not (tmp_path / "model" / "catalogue").exists()


def test_sources_or_endpoint_but_not_neither(run, tmp_path):
    result = run("import", "cpsv-ap", "--out", tmp_path / "model")
    assert result.exit_code == 2 and "--endpoint" in result.output


def test_a_folder_the_models_config_leaves_out_is_said(run, tmp_path):
    model = tmp_path / "model"
    model.mkdir()
    (model / "eagraph.toml").write_text('[model]\ninclude = ["model/**/*.ttl"]\n', encoding="utf-8")
    result = run("import", "cpsv-ap", EXAMPLE, "--out", model)
    assert "catalogue is not part of the model" in result.stderr and '"catalogue/*.ttl"' in result.stderr
    result = run("import", "cpsv-ap", EXAMPLE, "--out", model, "--into", "model/catalogue")
    assert result.exit_code == 0 and "not part of the model" not in result.stderr
