"""The eagraph command as a user meets it: help, version, info, query, output conventions."""

from __future__ import annotations

import csv
import io
import json

import pytest

from eagraph import __version__
from helpers import write

MODEL = """@prefix cpsv: <http://purl.org/vocab/cpsv#> .
@prefix cv: <http://data.europa.eu/m8g/> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix ex: <http://example.org/> .

ex:fin a cv:PublicOrganisation ;
    skos:prefLabel "FOD Financiën"@nl , "SPF Finances"@fr .

ex:tax-return a cpsv:PublicService ;
    dct:title "Belastingaangifte"@nl , "Déclaration d'impôt"@fr ;
    cv:hasCompetentAuthority ex:fin .

ex:vat a cpsv:PublicService ;
    dct:title "Btw-aangifte"@nl , "Déclaration TVA"@fr ;
    cv:hasCompetentAuthority ex:fin .
"""


@pytest.fixture
def model(tmp_path):
    write(tmp_path, "fin.ttl", MODEL)
    return tmp_path


def test_version(run):
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"eagraph {__version__}"


def test_help_lists_the_commands(run):
    result = run("--help")
    assert result.exit_code == 0
    for command in ("info", "query"):
        assert f"  {command}" in result.stdout


def test_info_text_counts_classes_authorities_languages_files(model, run):
    result = run("info", model)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "cpsv:PublicService" in out and "      2" in out
    assert "FOD Financiën" in out
    assert "nl             3 texts (required)" in out
    assert "fin.ttl  (turtle, 11 statements)" in out
    assert "\x1b[" not in out  # no colour when not on a terminal


def test_info_json(model, run):
    result = run("info", model, "--format", "json")
    data = json.loads(result.stdout)
    assert data["triples"] == 11
    assert data["classes"] == {"http://purl.org/vocab/cpsv#PublicService": 2, "http://data.europa.eu/m8g/PublicOrganisation": 1}
    assert data["authorities"] == [{"iri": "http://example.org/fin", "label": "FOD Financiën", "counts": {"services": 2}}]
    assert data["languages"] == {"fr": 3, "nl": 3}
    assert data["files"] == [{"path": "fin.ttl", "format": "turtle", "triples": 11}]


SELECT = "SELECT ?s ?t WHERE { ?s a cpsv:PublicService ; dct:title ?t FILTER(LANG(?t) = 'nl') } ORDER BY ?s"


def test_query_select_table(model, run):
    result = run("query", model, SELECT)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["s", "t"]
    assert "<http://example.org/tax-return>  Belastingaangifte@nl" in result.stdout
    assert lines[-1] == "(2 rows)"


def test_query_select_csv_and_json(model, run):
    rows = list(csv.reader(io.StringIO(run("query", model, SELECT, "--format", "csv").stdout)))
    assert rows == [["s", "t"], ["http://example.org/tax-return", "Belastingaangifte"],
                    ["http://example.org/vat", "Btw-aangifte"]]
    data = json.loads(run("query", model, SELECT, "--format", "json").stdout)
    assert data["head"]["vars"] == ["s", "t"]
    assert data["results"]["bindings"][1]["t"] == {"type": "literal", "value": "Btw-aangifte", "xml:lang": "nl"}


def test_query_csv_cells_cannot_become_formulas(tmp_path, run):
    """A title an attacker wrote ('=HYPERLINK(…)') reaches the manager's spreadsheet as text."""
    write(tmp_path, "evil.ttl", '@prefix dct: <http://purl.org/dc/terms/> .\n'
          '<http://example.org/a> dct:title "=HYPERLINK(\\"http://evil.example\\")" ; dct:extent -3 .\n')
    query = "SELECT ?t ?n WHERE { ?s dct:title ?t ; dct:extent ?n }"
    rows = list(csv.reader(io.StringIO(run("query", tmp_path, query, "--format", "csv").stdout)))
    assert rows == [["t", "n"], ["'=HYPERLINK(\"http://evil.example\")", "-3"]]


def test_query_ask(model, run):
    assert run("query", model, "ASK { ?s a cpsv:PublicService }").stdout.strip() == "yes"
    assert json.loads(run("query", model, "ASK { ?s a eag:Process }", "--format", "json").stdout) == {
        "head": {}, "boolean": False}


def test_query_construct_from_a_file(model, run, tmp_path):
    query = write(tmp_path, "q/titles.rq",
                  "CONSTRUCT { ?s skos:prefLabel ?t } WHERE { ?s dct:title ?t FILTER(LANG(?t) = 'fr') }")
    turtle = run("query", model, query, "--format", "turtle").stdout
    assert 'skos:prefLabel "Déclaration TVA"@fr' in turtle
    jsonld = json.loads(run("query", model, query, "--format", "json").stdout)
    assert {node["@id"] for node in jsonld} == {"http://example.org/tax-return", "http://example.org/vat"}


def test_query_default_path_is_the_current_folder(model, run, monkeypatch):
    monkeypatch.chdir(model)
    assert run("query", "ASK { ?s a cpsv:PublicService }").stdout.strip() == "yes"


def test_query_syntax_error_points_at_the_query(model, run):
    result = run("query", model, "SELECT ?s WHERE {\n  ?s a cpsv:PublicService\n  FILTR(?s) }")
    assert result.exit_code == 2
    assert result.stderr.startswith("query:3:")
    assert "Traceback" not in result.stderr


def test_missing_query_file_is_a_usage_error(model, run):
    result = run("query", model, "nothing.rq")
    assert result.exit_code == 2
    assert "nothing.rq: no such query file" in result.stderr


def test_quiet_and_verbose(model, run):
    verbose = run("info", model, "--verbose")
    assert "loaded 11 statements from 1 file " in verbose.stderr
    quiet = run("info", model, "--quiet")
    assert quiet.stderr == "" and "cpsv:PublicService" in quiet.stdout


def test_colour_can_be_forced_and_no_color_wins_by_default(model, run, monkeypatch):
    assert "\x1b[1m" in run("--color", "info", model).stdout
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in run("info", model).stdout


def test_output_piped_into_head_ends_quietly():
    """The example model's 8,000 statements overflow the pipe, so eagraph does write to a closed pipe."""
    import subprocess
    import sys

    from helpers import MODELS

    pipeline = subprocess.run(
        f'"{sys.executable}" -m eagraph query "{MODELS}" "SELECT ?s ?p ?o WHERE {{ ?s ?p ?o }}" | head -n 1',
        shell=True, capture_output=True, text=True, executable="/bin/bash")
    assert pipeline.stdout.split() == ["s", "p", "o"]
    assert "Traceback" not in pipeline.stderr


@pytest.mark.parametrize(("query", "expected"), [
    ("SELECT ?s WHERE { ?s a foo:Bar }",
     "query:1:24: error: unknown prefix foo: (declare it: PREFIX foo: <...>)\n"
     "    SELECT ?s WHERE { ?s a foo:Bar }\n                           ^\n"),
    ("PREFIX y: <http://y/>\n# z:a in a comment, \"w:b\" in a string\nSELECT * WHERE { ?s y:p x:q }",
     "query:3:25: error: unknown prefix x: (declare it: PREFIX x: <...>)\n"),
    ("SELCT ?s WHERE { ?s ?p ?o }",
     "query:1:1: error: SELCT: a query starts with SELECT, ASK, CONSTRUCT or DESCRIBE\n"),
    ("DELETE WHERE { ?s ?p ?o }", "query:1:1: error: DELETE: updates are not run by `eagraph query`;"),
    ("PREFIX ex: <http://example.org/>\nINSERT DATA { ex:a ex:b ex:c }",
     "query:2:1: error: INSERT: updates are not run"),
])
def test_query_mistakes_are_said_in_words(model, run, query, expected):
    result = run("query", model, query)
    assert result.exit_code == 2
    assert result.stderr.startswith(expected)
    assert "\\u{" not in result.stderr and "expected CONSTRUCT" not in result.stderr
    assert len(result.stderr.splitlines()) <= 3


def test_query_syntax_error_without_unicode_ranges(model, run):
    result = run("query", model, "SELECT ?s WHERE { ?s ?p ?o . ?s ?p ?o ?o }")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == "query:1:43: error: SPARQL syntax: expected BIND"


def test_query_forgotten_is_a_usage_error(model, run):
    result = run("query", model)
    assert result.exit_code == 2
    assert "query [OPTIONS] [PATH] QUERY|FILE.rq" in result.stderr
    assert "no query given" in result.stderr and "SPARQL syntax" not in result.stderr


def test_prefixes_in_strings_iris_and_comments_are_not_declared_for_you():
    from eagraph.workspace.querying import with_prefixes

    query = 'SELECT * WHERE { ?s dct:title "skos:x" ; <http://a/eag:b> ?o } # owl:c'
    assert with_prefixes(query) == "PREFIX dct: <http://purl.org/dc/terms/>\n" + query
    declared = "PREFIX dct: <http://example.org/>\nSELECT * WHERE { ?s dct:title ?t }"
    assert with_prefixes(declared) == declared


def test_readme_tour_query_file_exists_and_runs(run, monkeypatch):
    """The tour's `eagraph query … FILE.rq` line works as written, from the repository's top, and the
    query files in the example model's folder are no part of the model."""
    import shlex

    from eagraph.workspace import load
    from helpers import MODELS, REPO, tour_lines

    lines = [line for line in tour_lines() if line.startswith("eagraph query") and ".rq" in line]
    assert lines
    monkeypatch.chdir(REPO)
    for line in lines:
        args = shlex.split(line, comments=True)[1:]
        assert all((REPO / a).is_file() for a in args if a.endswith(".rq")), line
        result = run(*args)
        assert result.exit_code == 0, result.stderr
        assert len(result.stdout.splitlines()) > 5
    assert [f.source.relpath for f in load(MODELS).files if not f.source.relpath.endswith(".ttl")] == []


def test_starting_eagraph_does_not_import_what_only_site_and_impact_need():
    """Every command starts by importing the ``eagraph`` group: the site generator and the impact
    analysis (0.3 s at every start) are imported by the commands that use them, not by all."""
    import subprocess
    import sys

    code = ("import sys; import eagraph.cli.main; "
            "print(sorted(m for m in ('eagraph.generators.site.build', 'eagraph.analyses.impact') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.strip() == "[]", done.stderr
