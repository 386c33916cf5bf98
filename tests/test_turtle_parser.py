"""The positional Turtle parser: same graph as rdflib, and positions that point at the text."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib.compare import isomorphic

from eagraph.workspace.turtle import TurtleSyntaxError, parse_turtle, resolve_iri

from helpers import MODELS, reference_turtle

XSD_STRING = rdflib.XSD.string


def as_rdflib(text: str, base: str) -> rdflib.Graph:
    """rdflib's reading of the same text, normalised as RDF 1.1 says: "x"^^xsd:string is "x",
    and language tags compare in lower case."""
    graph = rdflib.Graph()
    graph.parse(data=text, format="turtle", publicID=base)
    plain = rdflib.Graph()
    for s, p, o in graph:
        if isinstance(o, rdflib.Literal) and o.datatype == XSD_STRING:
            o = rdflib.Literal(str(o))
        elif isinstance(o, rdflib.Literal) and o.language:
            o = rdflib.Literal(str(o), lang=o.language.lower())
        plain.add((s, p, o))
    return plain


def ours(text: str, base: str) -> rdflib.Graph:
    return rdflib.Graph().parse(data=parse_turtle(text, base).ntriples(), format="nt")


def turtle_files() -> list[Path]:
    files = sorted(MODELS.rglob("*.ttl")) + reference_turtle()
    return [f for f in files if f.is_file()]


@pytest.mark.parametrize("path", turtle_files(), ids=lambda p: p.name)
def test_same_graph_as_rdflib(path: Path):
    text = path.read_text(encoding="utf-8")
    base = "file:///" + path.name
    expected, actual = as_rdflib(text, base), ours(text, base)
    assert len(actual) == len(expected)
    assert isomorphic(actual, expected)


TRICKY = '''@prefix : <http://example.org/ns#> .
PREFIX ex: <http://example.org/>
@base <http://example.org/base/> .
# a comment before the subject
:s a :Thing ; :p "plain" , "tagged"@en-GB ,
      'single "q"'@nl ;
   :q """long
string with "quotes" """ ;
   :n 1, -2.5, 3e10 ;
   ex:loc\\-al ex:a.b ;
   :list ( 1 [ :in 2 ] ) ;
   :bn [ :x :y ] .
[] :p :o .
_:lab :p _:lab .
<rel> :p <#frag> .
'''


def at(text: str, position: tuple[int, int]) -> str:
    line, column = position
    return text.splitlines()[line - 1][column - 1:]


def test_positions_of_statements_and_subjects():
    doc = parse_turtle(TRICKY, "file:///tricky.ttl")
    where = {s: (line, col) for s, line, col in zip(doc.statements, doc.lines, doc.columns)}
    ns = "http://example.org/ns#"
    assert where[f'<{ns}s> <{ns}p> "tagged"@en-gb'] == (5, 28)
    assert at(TRICKY, where[f'<{ns}s> <{ns}p> "tagged"@en-gb']).startswith('"tagged"@en-GB')
    assert at(TRICKY, where[f'<{ns}s> <{ns}p> "single \\"q\\""@nl']).startswith("'single")
    assert where[f'<{ns}s> <{ns}q> "long\\nstring with \\"quotes\\" "'] == (7, 7)
    assert at(TRICKY, where[f'<{ns}s> <{ns}n> "3e10"^^<http://www.w3.org/2001/XMLSchema#double>']) == "3e10 ;"
    assert at(TRICKY, where[f"<{ns}s> <http://example.org/loc-al> <http://example.org/a.b>"]) == "ex:a.b ;"
    assert doc.subjects[f"<{ns}s>"] == (5, 1)
    assert doc.subjects["<http://example.org/base/rel>"] == (15, 1)
    assert at(TRICKY, where[f"<http://example.org/base/rel> <{ns}p> <http://example.org/base/#frag>"]) == "<#frag> ."
    # A nested blank node is a subject at its opening bracket; a collection cell at its element.
    nested = next(s for s in doc.statements if s.endswith(f"<{ns}x> <{ns}y>")).split(" ")[0]
    assert at(TRICKY, doc.subjects[nested]) == "[ :x :y ] ."
    inner = next(s for s in doc.statements if s.endswith(f'<{ns}in> "2"^^<http://www.w3.org/2001/XMLSchema#integer>'))
    assert at(TRICKY, doc.subjects[inner.split(" ")[0]]) == "[ :in 2 ] ) ;"
    assert len(doc.statements) == len(doc.lines) == len(doc.columns) == 20


@pytest.mark.parametrize("text, line, column, message", [
    ("@prefix : <http://e/> .\n:a :b :c\n:d :e :f .\n", 3, 1, "expected '.'"),
    ("@prefix : <http://e/> .\n:a :b \"open\n", 2, 7, "unterminated"),
    ("@prefix : <http://e/> .\n:a :b <has space> .\n", 2, 7, "malformed IRI"),
    ("@prefix : <http://e/> .\n:a nope:b :c .\n", 2, 4, "undeclared prefix 'nope:'"),
    ("@prefix : <http://e/> .\n:a :b ( :c :d .\n", 2, 15, "expected an object"),
    ("@prefix : <http://e/> .\n:a :b [ :c :d .\n", 2, 15, "expected ']'"),
    ("@prefix : <http://e/> .\n:a :b \"x\"^^ .\n", 2, 13, "datatype"),
    ("@prefox : <http://e/> .\n", 1, 1, "unknown directive"),
])
def test_syntax_errors_name_the_position(text, line, column, message):
    with pytest.raises(TurtleSyntaxError) as raised:
        parse_turtle(text, "file:///x.ttl")
    offset = raised.value.offset
    assert text.count("\n", 0, offset) + 1 == line
    assert offset - (text.rfind("\n", 0, offset) + 1) + 1 == column
    assert message in raised.value.message


@pytest.mark.parametrize("base, reference, expected", [
    ("http://a/b/c/d;p?q", "g", "http://a/b/c/g"),
    ("http://a/b/c/d;p?q", "./g", "http://a/b/c/g"),
    ("http://a/b/c/d;p?q", "../g", "http://a/b/g"),
    ("http://a/b/c/d;p?q", "../../../g", "http://a/g"),
    ("http://a/b/c/d;p?q", "#s", "http://a/b/c/d;p?q#s"),
    ("http://a/b/c/d;p?q", "?y", "http://a/b/c/d;p?y"),
    ("http://a/b/c/d;p?q", "//g", "http://g"),
    ("http://a/b/c/d;p?q", "/./g", "http://a/g"),
    ("urn:x:y", "#frag", "urn:x:y#frag"),
    ("file:///models/a.ttl", "b.ttl#x", "file:///models/b.ttl#x"),
])
def test_relative_iris_resolve_as_rfc3986_says(base, reference, expected):
    assert resolve_iri(base, reference) == expected


# --- Property: any graph rdflib can write, eagraph reads back the same --------------------

iris = st.builds(lambda a, b: f"http://example.org/{a}/{b}",
                 st.sampled_from(["x", "y", "ns#", "a.b"]),
                 st.text(alphabet="abcXYZ019_-é", min_size=1, max_size=6))
texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=30)
literals = st.one_of(
    texts.map(rdflib.Literal),
    st.tuples(texts, st.sampled_from(["nl", "fr", "en-GB", "de"])).map(lambda t: rdflib.Literal(t[0], lang=t[1])),
    st.integers(-10**12, 10**12).map(rdflib.Literal),
    st.booleans().map(rdflib.Literal),
    st.decimals(allow_nan=False, allow_infinity=False, places=3).map(rdflib.Literal),
)
nodes = st.one_of(iris.map(rdflib.URIRef), st.sampled_from(["b1", "b2", "b3"]).map(rdflib.BNode))
triples = st.tuples(nodes, iris.map(rdflib.URIRef), st.one_of(nodes, literals))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(triples, max_size=25), st.sampled_from(["turtle", "longturtle", "nt"]))
def test_reads_back_what_rdflib_writes(statements, fmt):
    graph = rdflib.Graph()
    graph.bind("ex", "http://example.org/x/")
    for statement in statements:
        graph.add(statement)
    text = graph.serialize(format=fmt)
    expected = as_rdflib(text, "file:///g.ttl")
    actual = ours(text, "file:///g.ttl")
    assert len(actual) == len(expected)
    assert isomorphic(actual, expected)
