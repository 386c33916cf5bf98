"""Loading a model folder: every format, positions, broken files, the cache."""

from __future__ import annotations

import json
import pickle
import re

import pytest

from eagraph.workspace import ModelSyntaxError, load
from eagraph.workspace.errors import SourceProblem
from helpers import write

TTL = """@prefix ex: <http://example.org/> .
@prefix dct: <http://purl.org/dc/terms/> .

ex:service a ex:Service ;
    dct:title "Kinderbijslag"@nl ,
        "Allocations familiales"@fr ;
    ex:step [ ex:order 1 ; ex:label "check" ] ,
        [ ex:order 2 ; ex:label "pay" ] .
"""
NT = '<http://example.org/other> <http://purl.org/dc/terms/title> "Other"@en .\n'
RDFXML = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns:dct="http://purl.org/dc/terms/">
  <rdf:Description rdf:about="http://example.org/xml-thing">
    <dct:title xml:lang="nl">Ding</dct:title>
  </rdf:Description>
</rdf:RDF>
"""
JSONLD = json.dumps({
    "@context": {"ex": "http://example.org/", "title": "http://purl.org/dc/terms/title"},
    "@graph": [{"@id": "ex:json-thing", "title": "JSON"}],
}, indent=2)


@pytest.fixture
def model(tmp_path):
    write(tmp_path, "a/service.ttl", TTL)
    write(tmp_path, "b/other.nt", NT)
    write(tmp_path, "c/thing.rdf", RDFXML)
    write(tmp_path, "d/thing.jsonld", JSONLD)
    return tmp_path


def test_loads_every_format_into_one_graph_per_file(model):
    ws = load(model, cache=False)
    assert [f.relpath for f in ws.files] == ["a/service.ttl", "b/other.nt", "c/thing.rdf", "d/thing.jsonld"]
    assert ws.triple_count == 9 + 1 + 1 + 1
    rows = list(ws.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"))
    assert [(r["g"].value, int(r["n"].value)) for r in rows] == [
        ("file:///a/service.ttl", 9), ("file:///b/other.nt", 1), ("file:///c/thing.rdf", 1), ("file:///d/thing.jsonld", 1)]


def test_locates_subjects_and_statements(model):
    ws = load(model, cache=False)
    assert str(ws.locate("http://example.org/service")) == "a/service.ttl:4:1"
    assert str(ws.locate("http://example.org/other")) == "b/other.nt:1:1"
    assert str(ws.locate("http://example.org/xml-thing")) == "c/thing.rdf:4:3"
    assert str(ws.locate("http://example.org/json-thing")) == "d/thing.jsonld:8:7"
    title = ws.locate_statement("http://example.org/service", "http://purl.org/dc/terms/title",
                                '"Allocations familiales"@fr')
    assert (title.line, title.column) == (6, 9)
    assert ws.locate("http://example.org/nowhere") is None


def test_locates_blank_nodes_from_query_results(model):
    """The store renames blank nodes; eagraph still finds each one by what it says."""
    ws = load(model, cache=False)
    rows = ws.query('SELECT ?step ?order WHERE { ?step <http://example.org/order> ?order } ORDER BY ?order')
    places = [(int(r["order"].value), ws.locate(r["step"])) for r in rows]
    assert [(order, str(place)) for order, place in places] == [(1, "a/service.ttl:7:13"), (2, "a/service.ttl:8:9")]


BROKEN = {
    "bad.ttl": ("@prefix ex: <http://example.org/> .\nex:a ex:b ex:c\nex:d ex:e ex:f .\n", 3, 1),
    "bad.nt": ("<http://example.org/a> <http://example.org/b> .\n", 1, 47),
    "bad.rdf": ('<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
                "  <rdf:Description>\n</rdf:RDF>\n", 4, None),
    "bad.jsonld": ('{\n  "@context": {},\n  "@id": "http://example.org/x",\n  "http://example.org/p": [1,\n}\n', 5, None),
}


def test_every_broken_file_is_reported_with_its_position(tmp_path):
    write(tmp_path, "good.ttl", TTL)
    for name, (text, _, _) in BROKEN.items():
        write(tmp_path, name, text)
    with pytest.raises(ModelSyntaxError) as raised:
        load(tmp_path, cache=False)
    problems = {p.file: p for p in raised.value.problems}
    assert sorted(problems) == sorted(BROKEN)
    for name, (_, line, column) in BROKEN.items():
        assert problems[name].line == line, name
        if column is not None:
            assert problems[name].column == column, name
        assert problems[name].message


def test_cli_reports_syntax_errors_as_file_line_column_with_exit_2(tmp_path, run):
    write(tmp_path, "good.ttl", TTL)
    for name, (text, _, _) in BROKEN.items():
        write(tmp_path, name, text)
    result = run("info", tmp_path)
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr
    for name, (_, line, _) in BROKEN.items():
        assert re.search(rf"^{re.escape(name)}:{line}:\d+: error: ", result.stderr, re.M), result.stderr
    assert "ex:d ex:e ex:f .\n    ^" in result.stderr  # the offending line, with a caret under the column
    assert "4 syntax errors in 4 files" in result.stderr


def test_xml_entities_are_refused(tmp_path):
    write(tmp_path, "laughs.rdf", '<?xml version="1.0"?>\n<!DOCTYPE r [\n <!ENTITY a "aaaa">\n]>\n'
          '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>\n')
    with pytest.raises(ModelSyntaxError) as raised:
        load(tmp_path, cache=False)
    assert raised.value.problems[0].line == 3
    assert "entities" in raised.value.problems[0].message


def test_positions_are_read_once_and_then_come_from_the_cache(model, tmp_path_factory):
    from eagraph.workspace.cache import ParseCache

    cache = ParseCache(tmp_path_factory.mktemp("cache"))
    first = load(model, cache=cache)
    assert not (cache.directory / "parsed").exists()  # loading alone parses nothing twice
    first.index_positions()
    entries = sorted((cache.directory / "parsed").rglob("*"))
    assert len([e for e in entries if e.is_file()]) == 4
    second = load(model, cache=cache)
    second.index_positions()
    assert [second.positions(f).ntriples for f in second.files] == [first.positions(f).ntriples for f in first.files]
    assert str(second.locate("http://example.org/service")) == "a/service.ttl:4:1"
    assert sorted((cache.directory / "parsed").rglob("*")) == entries  # nothing parsed again
    # A change in one file is a new cache key: the new text is what positions come from.
    write(model, "a/service.ttl", "\n" + TTL.replace("Kinderbijslag", "Groeipakket"))
    third = load(model, cache=cache)
    assert "Groeipakket" in third.positions("a/service.ttl").ntriples
    assert str(third.locate("http://example.org/service")) == "a/service.ttl:5:1"


def test_include_and_exclude_from_config(model):
    write(model, "eagraph.toml", '[model]\ninclude = ["**/*.ttl", "**/*.nt"]\nexclude = ["b/**"]\nlanguages = ["nl"]\n')
    ws = load(model, cache=False)
    assert [f.relpath for f in ws.files] == ["a/service.ttl"]
    assert ws.config.languages == ("nl",)


def test_bad_config_is_a_clear_error(model, run):
    write(model, "eagraph.toml", "[model]\nlanguages = nl\n")
    result = run("info", model)
    assert result.exit_code == 2
    assert "eagraph.toml" in result.stderr and "line 2" in result.stderr


def test_unknown_config_key_warns(model, run):
    write(model, "eagraph.toml", '[model]\nlangauges = ["nl"]\n')
    result = run("info", model)
    assert result.exit_code == 0
    assert "unknown setting 'model.langauges'" in result.stderr


def test_missing_folder_is_a_clear_error(tmp_path, run):
    result = run("info", tmp_path / "nope")
    assert result.exit_code == 2
    assert "no such file or folder" in result.stderr


def test_relative_iris_resolve_against_the_file_path(tmp_path):
    write(tmp_path, "sub/rel.ttl", "<#me> <http://example.org/p> <other.ttl#you> .\n")
    ws = load(tmp_path, cache=False)
    expected = "<file:///sub/rel.ttl#me> <http://example.org/p> <file:///sub/other.ttl#you> .\n"
    assert ws.positions(ws.files[0]).ntriples == expected
    assert str(next(iter(ws.store)).subject) == "<file:///sub/rel.ttl#me>"


def test_positional_parser_and_store_agree_on_every_file(model):
    ws = load(model, cache=False)
    for model_file in ws.files:
        assert len(ws.positions(model_file).document.lines) == model_file.triples > 0, model_file.relpath
    assert sum(f.triples for f in ws.files) == ws.triple_count == 12


def test_positions_read_in_worker_processes_equal_those_read_here(model, monkeypatch):
    from eagraph.workspace import workspace as module

    here = load(model, cache=False)
    here.index_positions()
    monkeypatch.setattr(module, "PARALLEL_MIN_FILES", 1)
    monkeypatch.setattr(module, "PARALLEL_MIN_BYTES", 0)
    parallel = load(model, cache=False, positions=True)
    for model_file in here.files:
        ours, theirs = here.positions(model_file), parallel._positions[model_file.relpath]
        assert (theirs.ntriples, theirs.subjects, list(theirs.document.lines)) == (
            ours.ntriples, ours.subjects, list(ours.document.lines))
    assert str(parallel.locate("http://example.org/service")) == "a/service.ttl:4:1"


def test_a_broken_file_stops_the_position_workers_cleanly(model, monkeypatch):
    from eagraph.workspace import workspace as module

    monkeypatch.setattr(module, "PARALLEL_MIN_FILES", 1)
    monkeypatch.setattr(module, "PARALLEL_MIN_BYTES", 0)
    write(model, "z/broken.ttl", "@prefix ex: <http://example.org/> .\nex:a ex:b .\n")
    with pytest.raises(ModelSyntaxError) as raised:
        load(model, cache=False, positions=True)
    assert [p.file for p in raised.value.problems] == ["z/broken.ttl"]


def test_a_syntax_error_crosses_process_boundaries_intact():
    """Workers (the site's languages, each version of a diff) report a broken file to the parent."""
    error = pickle.loads(pickle.dumps(ModelSyntaxError([SourceProblem("a.ttl", 3, 4, "expected '.'")])))
    assert error.render() == "a.ttl:3:4: error: expected '.'\n1 syntax error in 1 file"
