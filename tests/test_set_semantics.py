"""A statement written in two files is one statement (issue 15): what ``query``, ``info``, the
exports, ``validate`` and ``analyze`` say of a folder holding the same file twice equals what they
say of one copy. Oxigraph's union of named graphs is a multiset; the model is the merged graph."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

REFERENCE = Path(__file__).parent / "data" / "reference"
SEMIC = REFERENCE / "semic" / "cpsv-ap-3.2.0" / "example-public-service.ttl"
SERVICES = "SELECT ?s WHERE { ?s a cpsv:PublicService }"


@pytest.fixture
def once_and_twice(tmp_path):
    """The SEMIC example in one folder, and in another folder twice (two files, same text)."""
    once, twice = tmp_path / "once", tmp_path / "twice"
    once.mkdir()
    twice.mkdir()
    shutil.copy(SEMIC, once / "service.ttl")
    shutil.copy(SEMIC, twice / "service.ttl")
    shutil.copy(SEMIC, twice / "copy-of-service.ttl")
    return once, twice


def _out(run, *args) -> str:
    result = run(*args)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_query_on_the_same_file_twice_returns_what_it_returns_on_one_copy(run, once_and_twice):
    once, twice = once_and_twice
    # (statements about blank nodes aside: each file's blank nodes are its own, as RDF merges them)
    for sparql in (SERVICES, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o FILTER(!isBlank(?s) && !isBlank(?o)) }",
                   "SELECT ?t WHERE { ?s dct:title ?t } ORDER BY ?t"):
        expected = json.loads(_out(run, "query", once, sparql, "--format", "json"))
        assert json.loads(_out(run, "query", twice, sparql, "--format", "json")) == expected, sparql
    rows = json.loads(_out(run, "query", twice, SERVICES, "--format", "json"))
    assert len(rows["results"]["bindings"]) == 1  # one service, not one per file


def test_a_statement_is_still_found_in_each_file_that_writes_it(once_and_twice):
    from eagraph.workspace import load

    workspace = load(once_and_twice[1], cache=False)
    rows = list(workspace.query("SELECT ?g WHERE { GRAPH ?g { <http://example.com/publicService1> a ?c } }"))
    assert len(rows) == 2  # provenance kept: GRAPH ?g reaches both files


def test_info_counts_distinct_statements_and_notes_the_repeated_ones(run, once_and_twice):
    once, twice = once_and_twice
    one, two = (json.loads(_out(run, "info", folder, "--format", "json")) for folder in once_and_twice)
    blank = _blank_statements(once)  # each file's blank nodes are its own (RDF's merge): those count twice
    assert two["triples"] == one["triples"] + blank and two["classes"]["http://purl.org/vocab/cpsv#PublicService"] == 1
    assert two["written"] == 2 * one["triples"]
    assert two["repeated"][0]["files"] == ["copy-of-service.ttl", "service.ttl"]
    assert two["repeated"][0]["statements"] == one["triples"] - blank
    assert one["repeated"] == []
    text = _out(run, "info", twice)
    assert "written in more than one file, counted once" in text
    assert "in copy-of-service.ttl and service.ttl, such as <http://" in text
    assert "more than one file" not in _out(run, "info", once)


def _blank_statements(folder: Path) -> int:
    """Statements with a blank node: each file's blank nodes are its own, so never repeated."""
    from eagraph.workspace import load

    sparql = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o FILTER(isBlank(?s) || isBlank(?o)) }"
    rows = load(folder, cache=False).query(sparql)
    return int(next(iter(rows))["n"].value)


def test_the_jsonld_export_writes_each_value_once(run, once_and_twice, tmp_path):
    for folder in once_and_twice:
        _out(run, "export", "jsonld", folder, "-o", tmp_path / f"{folder.name}.jsonld")
    document = json.loads((tmp_path / "twice.jsonld").read_text())
    service = next(node for node in document["@graph"] if node["id"].endswith("publicService1"))
    assert service["type"] == "PublicService"  # not ["PublicService", "PublicService"]

    def without_blank_nodes(document):
        return [n for n in document["@graph"] if '"_:' not in json.dumps(n)]

    expected = without_blank_nodes(json.loads((tmp_path / "once.jsonld").read_text()))
    assert without_blank_nodes(document) == expected and len(expected) > 5


def test_validate_and_analyze_see_one_statement(run, once_and_twice):
    """A guard: a maxCount rule (EAG002, one dct:identifier) and the analyses see one statement where two
    files write it (they counted DISTINCT values before the merged graph, and must go on doing so)."""
    once, twice = once_and_twice

    def codes(folder, *args):
        result = run(*args, folder, "--format", "json")
        return sorted((f["code"], f["subject"]) for f in json.loads(result.stdout)["findings"])

    assert codes(twice, "validate") == codes(once, "validate")
    assert codes(twice, "analyze", "--no-validate") == codes(once, "analyze", "--no-validate")


def _default_graph(workspace) -> list:
    import pyoxigraph as ox

    return list(workspace.store.quads_for_pattern(None, None, None, ox.DefaultGraph()))


def test_a_model_without_repeated_statements_is_held_once(once_and_twice):
    """Memory (issue 16: the peak of ``analyze``): where no file repeats another's statement, queries
    read the files' graphs as they are; the store holds no second, merged copy of the model."""
    from eagraph.check import CheckOptions, check
    from eagraph.validators.validate import ValidationOptions
    from eagraph.workspace import load

    workspace = load(once_and_twice[0], cache=False)
    results = check(workspace, CheckOptions(validation=ValidationOptions(), cache=False))
    assert results.validation is not None
    assert workspace.triple_count == workspace.written_count > 0
    assert _default_graph(workspace) == []
    services = workspace.query("SELECT (COUNT(*) AS ?n) WHERE { ?s a <http://purl.org/vocab/cpsv#PublicService> }")
    assert int(next(iter(services))["n"].value) == 1


def test_a_statement_repeated_by_a_graph_added_later_is_still_one_statement(tmp_path):
    """The model was read as it is (nothing repeated) until the ontology, loaded later, repeats one of
    its statements: from then on that statement counts once, as in a model that repeated it from the start."""
    from eagraph.ontology import ensure_ontology
    from eagraph.workspace import load

    (tmp_path / "audiences.ttl").write_text(
        "@prefix eag: <https://w3id.org/eagraph/ns#> .\n@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        "eag:Citizens a skos:Concept .\n", encoding="utf-8")
    workspace = load(tmp_path, cache=False)
    count = "SELECT (COUNT(*) AS ?n) WHERE { <https://w3id.org/eagraph/ns#Citizens> a ?c }"
    assert int(next(iter(workspace.query(count)))["n"].value) == 1
    ensure_ontology(workspace)  # the ontology says eag:Citizens a skos:Concept too
    assert int(next(iter(workspace.query(count)))["n"].value) == 1
    assert workspace.triple_count == 1


def test_a_subject_described_in_two_files_without_a_common_statement_is_read_as_written(tmp_path):
    """Repeats are looked for among the subjects written in more than one file (workspace._repeats):
    two files that say different things of one node repeat nothing, and the model stays held once."""
    from eagraph.workspace import load

    prefix = "@prefix dct: <http://purl.org/dc/terms/> .\n"
    (tmp_path / "a.ttl").write_text(prefix + '<http://example.com/s> dct:title "A"@en .\n', encoding="utf-8")
    (tmp_path / "b.ttl").write_text(prefix + '<http://example.com/s> dct:title "B"@en .\n'
                                    '<http://example.com/t> dct:title "A"@en .\n', encoding="utf-8")
    workspace = load(tmp_path, cache=False)
    assert workspace.triple_count == workspace.written_count == 3
    assert _default_graph(workspace) == []
    (tmp_path / "c.ttl").write_text(prefix + '<http://example.com/t> dct:title "A"@en .\n', encoding="utf-8")
    workspace = load(tmp_path, cache=False)
    assert (workspace.triple_count, workspace.written_count) == (3, 4)
    assert [files for _, files in workspace.repeated_statements()] == [["b.ttl", "c.ttl"]]


class _RecordingStore:
    """An Oxigraph store that notes the text of every query it answers."""

    def __init__(self, store):
        self.store, self.queries = store, []

    def query(self, text, **options):
        self.queries.append(text)
        return self.store.query(text, **options)

    def __len__(self):
        return len(self.store)

    def __getattr__(self, name):
        return getattr(self.store, name)


def _merged(folder, places: bool):
    """How the model in ``folder`` is read once the ontology is added and the first query merges it:
    as written (the files' graphs) or as a merged copy, its statements counted once, the repeated
    ones; ``places``: with where every file's subjects are written known first (as a check reads them
    while the model loads). Also whether the merge read every statement of the store for it."""
    from eagraph.ontology import ensure_ontology
    from eagraph.workspace import load
    from eagraph.workspace.workspace import subject_places_of

    workspace = load(folder, cache=False)
    if places:
        workspace.keep_subject_places(subject_places_of(workspace.files, workspace.config))
    workspace.store = recording = _RecordingStore(workspace.store)
    ensure_ontology(workspace)
    workspace.query("ASK { ?s ?p ?o }")
    state = (workspace._union, workspace.triple_count, len(_default_graph(workspace)),
             [files for _, files in workspace.repeated_statements()])
    return state, any("GROUP BY ?s" in text for text in recording.queries)


@pytest.mark.parametrize("files", [
    {"a.ttl": '<http://example.com/s> dct:title "A"@en .'},  # nothing repeated
    {"a.ttl": '<http://example.com/s> dct:title "A"@en .',  # one subject, nothing in common
     "b.ttl": '<http://example.com/s> dct:title "B"@en .'},
    {"a.ttl": '<http://example.com/s> dct:title "A"@en .',  # a statement in two files
     "b.ttl": '<http://example.com/t> dct:title "A"@en . <http://example.com/s> dct:title "A"@en .'},
    {"a.ttl": 'eag:Citizens a skos:Concept .'},  # a statement the ontology repeats
    {"a.ttl": 'eag:Citizens dct:title "C"@en .'},  # a subject of the ontology's, nothing in common
])
def test_the_merge_learns_which_subjects_files_share_from_where_they_write_them(tmp_path, files):
    """A check reads where every file's subjects are written while the model loads (on the core the
    load leaves idle); the first query's merge then takes from them which subjects two graphs share,
    instead of reading every statement of the store (0.6 s at 10,000 services). The model is read
    as the query found it: as written, or merged, each statement counted once."""
    prefixes = ("@prefix dct: <http://purl.org/dc/terms/> .\n@prefix eag: <https://w3id.org/eagraph/ns#> .\n"
                "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n")
    for name, text in files.items():
        (tmp_path / name).write_text(prefixes + text + "\n", encoding="utf-8")
    known, read_all_for_it = _merged(tmp_path, places=True)
    assert not read_all_for_it
    assert (known, True) == _merged(tmp_path, places=False)


def test_an_analysis_knows_every_files_subjects_before_the_merge(monkeypatch, once_and_twice):
    """``analyze`` reads where every file's subjects are written while the model loads, and its merge
    uses them when they are there by then (here: waited for): the findings of the folder that holds
    one file twice are those of a check that reads nothing early."""
    import eagraph.check as check_module
    from eagraph.check import CheckOptions, check_path
    from eagraph.forking import no_forking
    from eagraph.validators.validate import ValidationOptions
    from eagraph.workspace.workspace import Workspace

    found = []
    learn = Workspace._subjects_known_shared
    monkeypatch.setattr(Workspace, "_subjects_known_shared", lambda self: found.append(learn(self)) or found[-1])
    monkeypatch.setattr(check_module, "ready", lambda pending: pending() is not None)  # wait for them
    options = CheckOptions(validation=ValidationOptions(), kinds=(), cache=False)
    if check_module.fork_workers() < 2:
        monkeypatch.setattr(check_module, "fork_workers", lambda: 2)
    early = check_path(once_and_twice[1], options)
    assert len(found) == 1 and found[0] is not None and len(found[0]) > 5  # the example's subjects, shared
    with no_forking():
        alone = check_path(once_and_twice[1], options)
    assert early.validation.findings == alone.validation.findings
    assert early.analysis == alone.analysis
