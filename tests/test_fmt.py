"""`eagraph fmt`: one canonical layout, never a lost statement or comment, the same answer twice."""

from __future__ import annotations

import string
from pathlib import Path

import pytest
import rdflib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eagraph.gittools.fmt import format_turtle, same_graph
from eagraph.gittools.commented_turtle import FormatError
from helpers import MODELS, reference_turtle, write

BASE = "urn:eagraph:fmt:probe-a:"
TURTLE_FILES = sorted(MODELS.rglob("*.ttl")) + reference_turtle()


@pytest.mark.parametrize("path", TURTLE_FILES, ids=lambda p: p.name)
def test_every_model_and_reference_file_formats_losslessly_and_idempotently(path):
    text = path.read_text(encoding="utf-8-sig")
    formatted = format_turtle(text, path.name)
    assert same_graph(text, formatted, BASE)
    assert format_turtle(formatted, path.name) == formatted
    comments = [line.strip() for line in text.splitlines() if line.strip().startswith("#")]
    assert all(comment in formatted for comment in comments)  # every comment line is still there


def test_canonical_layout():
    text = """@prefix ex: <https://example.org/> .
@prefix unused: <https://unused.example/> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
ex:b dct:title "B"@nl ; a ex:Thing ; ex:z ex:y , ex:x ; ex:count 007 .
ex:a ex:p [ ex:q "nested" ] ; skos:prefLabel "A" ; a ex:Thing ; ex:list ( 1 2 ) ;
  dct:description \"\"\"two
lines\"\"\"@en .
"""
    assert format_turtle(text) == """@prefix dct: <http://purl.org/dc/terms/> .
@prefix ex: <https://example.org/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .

ex:a a ex:Thing ;
    skos:prefLabel "A" ;
    dct:description \"\"\"two
lines\"\"\"@en ;
    ex:list ( 1 2 ) ;
    ex:p [
        ex:q "nested"
    ] .

ex:b a ex:Thing ;
    dct:title "B"@nl ;
    ex:count 007 ;
    ex:z ex:x , ex:y .
"""


def test_comments_stay_with_their_subject_and_property():
    text = """# The file's header.
@prefix ex: <https://example.org/> .

# About b.
ex:b ex:p ex:o .  # trailing note on b
# About a.
ex:a ex:p ex:o ;
    # why q
    ex:q ex:o .
# The end.
"""
    formatted = format_turtle(text)
    assert formatted == """# The file's header.

@prefix ex: <https://example.org/> .

# About a.
ex:a ex:p ex:o ;
    # why q
    ex:q ex:o .

# About b.
# trailing note on b
ex:b ex:p ex:o .

# The end.
"""
    assert format_turtle(formatted) == formatted


def test_relative_iris_and_syntax_errors_are_refused_with_the_line():
    with pytest.raises(FormatError, match=r"x.ttl:2: the file uses relative IRIs"):
        format_turtle("@prefix ex: <https://example.org/> .\nex:a ex:p <other> .\n", "x.ttl")
    with pytest.raises(FormatError, match=r"x.ttl:2: not valid Turtle"):
        format_turtle("@prefix ex: <https://example.org/> .\nex:a ex:p .\n", "x.ttl")


# -- generated graphs: whatever rdflib writes, fmt keeps it and agrees with itself ---------------------
NAMESPACES = ["https://example.org/", "http://purl.org/dc/terms/", "https://example.org/other#"]
TEXT = st.text(alphabet=string.ascii_letters + " éß\"'\\\n\t<>#{}*_", max_size=12)
IRIS = st.builds(lambda ns, local: rdflib.URIRef(ns + local), st.sampled_from(NAMESPACES),
                 st.text(alphabet=string.ascii_lowercase + "-0123456789", min_size=1, max_size=6))
LITERALS = st.one_of(
    st.builds(rdflib.Literal, TEXT),
    st.builds(lambda t, lang: rdflib.Literal(t, lang=lang), TEXT, st.sampled_from(["nl", "fr", "en-GB"])),
    st.builds(lambda n: rdflib.Literal(str(n), datatype=rdflib.XSD.integer), st.integers(-1000, 1000)),
    st.builds(lambda lex: rdflib.Literal(lex, datatype=rdflib.XSD.decimal), st.sampled_from(["1.50", "-0.5", ".5"])),
    st.sampled_from([rdflib.Literal(True), rdflib.Literal("2024-02-29", datatype=rdflib.XSD.date)]),
)
BLANKS = st.sampled_from([rdflib.BNode(f"g{i}") for i in range(4)])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.one_of(IRIS, BLANKS), IRIS, st.one_of(IRIS, LITERALS, BLANKS)), min_size=1, max_size=25),
       st.booleans())
def test_generated_graphs_format_losslessly_and_idempotently(triples, with_list):
    graph = rdflib.Graph()
    graph.bind("ex", NAMESPACES[0])
    graph.bind("dct", NAMESPACES[1])
    for triple in triples:
        graph.add(triple)
    if with_list:
        rdflib.collection.Collection(graph, rdflib.BNode("list"), [rdflib.Literal(1), rdflib.URIRef(NAMESPACES[0] + "x")])
        graph.add((rdflib.URIRef(NAMESPACES[0] + "holder"), rdflib.URIRef(NAMESPACES[0] + "items"), rdflib.BNode("list")))
    text = graph.serialize(format="turtle")
    formatted = format_turtle(text)
    assert same_graph(text, formatted, BASE)
    assert format_turtle(formatted) == formatted


# -- the command -----------------------------------------------------------------------------------------
def test_check_lists_what_would_change_and_fmt_rewrites(run, tmp_path):
    model = tmp_path / "model"
    messy = "@prefix ex: <https://example.org/> .\nex:b ex:p ex:o .\nex:a ex:p ex:o .\n"
    write(model, "a.ttl", messy)
    write(model, "b.ttl", format_turtle(messy))
    result = run("fmt", model, "--check")
    assert result.exit_code == 1 and "would reformat" in result.output and "a.ttl" in result.output
    assert "b.ttl" not in result.output
    assert (model / "a.ttl").read_text() == messy  # --check changes nothing
    assert run("fmt", model).exit_code == 0
    assert (model / "a.ttl").read_text() == format_turtle(messy)
    assert run("fmt", model, "--check").exit_code == 0


def test_a_refused_file_is_left_as_it_was(run, tmp_path):
    model = tmp_path / "model"
    broken = "@prefix ex: <https://example.org/> .\nex:a ex:p <relative> .\n"
    write(model, "a.ttl", broken)
    result = run("fmt", model)
    assert result.exit_code == 2 and "a.ttl:2: the file uses relative IRIs" in result.stderr
    assert (model / "a.ttl").read_text() == broken
    assert [p.name for p in model.iterdir()] == ["a.ttl"]  # no temporary file left


def test_fmt_of_one_file(run, tmp_path):
    path = write(tmp_path, "one.ttl", "@prefix ex: <https://example.org/> .\nex:b ex:p ex:o . ex:a ex:p ex:o .\n")
    assert run("fmt", path).exit_code == 0
    assert Path(path).read_text().index("ex:a") < Path(path).read_text().index("ex:b")


def test_the_example_model_passes_its_own_format_check(run):
    """The CI and pre-commit files `eagraph init` writes run exactly this check on a model."""
    result = run("fmt", "--check", MODELS)
    assert result.exit_code == 0, result.stdout + result.stderr
