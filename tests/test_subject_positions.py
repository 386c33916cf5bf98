"""The subject reader (``turtle.subject_positions``): where each named subject of a Turtle file is
first written, exactly as the positional parser says, on our models and on files written by others,
or None where only the parser can tell; and locating findings reads no more than that (issue 16)."""

from __future__ import annotations

from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eagraph.workspace.limits import MAX_NESTING
from eagraph.workspace.turtle import TurtleSyntaxError, parse_turtle, subject_positions

from helpers import MODELS, REPO, bench_synthetic, reference_turtle

BASE = "file:///models/x.ttl"


def parser_subjects(text: str, base: str = BASE) -> dict[str, tuple[int, int]] | None:
    """The positional parser's places of the named subjects; None where it refuses the text."""
    try:
        subjects = parse_turtle(text, base).subjects
    except TurtleSyntaxError:
        return None
    return {term: place for term, place in subjects.items() if not term.startswith("_:")}


def repository_turtle() -> list[Path]:
    """Every Turtle file of the repository: the example model, the official files of others (SEMIC,
    belgif), the shapes and ontology eagraph ships, the starter model and the tests' models."""
    files = {*MODELS.rglob("*.ttl"), *reference_turtle(), *(REPO / "tests" / "data").rglob("*.ttl"),
             *(REPO / "validators").rglob("*.ttl"), *(REPO / "ontology").rglob("*.ttl"),
             *(REPO / "gittools").rglob("*.ttl")}
    return sorted(f for f in files if f.is_file())


def test_same_places_as_the_parser_in_every_turtle_file_of_the_repository():
    files = repository_turtle()
    assert len(files) >= 80
    read = 0
    for path in files:
        text = path.read_bytes().decode("utf-8-sig")
        expected = parser_subjects(text)
        if expected is None:  # a test's broken file: the parser reports it, the reader leaves it to the parser
            assert subject_positions(text, BASE) is None, path
            continue
        assert subject_positions(text, BASE) == expected, path
        read += 1
    assert read >= len(files) - 5  # nearly all are valid Turtle: the comparison is not vacuous


@pytest.fixture(scope="module")
def synthetic_model(tmp_path_factory):
    folder = tmp_path_factory.mktemp("synthetic")
    bench_synthetic().generate(folder / "model", 60, seed=1)
    return folder / "model"


def test_same_places_as_the_parser_in_a_synthetic_model(synthetic_model):
    files = sorted(synthetic_model.rglob("*.ttl"))
    assert len(files) >= 20
    for path in files:
        text = path.read_text(encoding="utf-8")
        expected = parser_subjects(text)
        assert expected, path
        assert subject_positions(text, BASE) == expected, path


# Statements that start anywhere on a line, and dots, hashes and newlines that end none.
TRICKY = [
    "@prefix ex: <http://e/> .\nex:a ex:p ex:o . ex:b ex:p ex:o .\nex:b ex:p ex:c .\n",
    '@prefix ex: <http://e/> .\nex:a ex:p "x"@en.ex:b ex:p ex:o .\n',
    "@prefix ex: <http://e/> .\nex:a ex:p 1.ex:b ex:p ex:o .\n",
    "@prefix ex: <http://e/> .\nex:a ex:p 1.5, .5, 1.e5, -2 .\nex:b ex:p ex:o.\n"
    "ex:c ex:p <x>.ex:d ex:p ex:o .\n",
    '@prefix ex: <http://e/> .\nex:a ex:p """one\nex:fake ex:p ex:o .\n""" .\n'
    "ex:b ex:p '''x\n. ex:no ex:p ex:o .''' .\n",
    "@prefix ex: <http://e/> .\nex:a ex:p ex:o ; # a comment . ex:fake ex:p ex:o .\n"
    "    ex:q ex:r .\nex:b ex:p ex:o .\n",
    '@prefix ex: <http://e/> .\nex:a ex:p "a # b . ex:c" ; ex:q "\\". ex:d" .\nex:e ex:p ex:o .\n',
    "@prefix ex: <http://e/> .\nex:a.b ex:p ex:o.c .\nex:a\\.c ex:p ex:o .\nex:x\\#y ex:p ex:o .\n",
    "PREFIX ex: <http://e/>\nex:a ex:p ex:o .\nprefix ex: <http://f/>\nex:a ex:p ex:o .\n"
    "BASE <http://g/>\n<r> ex:p ex:o .\n",
    "@base <http://a/> .\n<r> <p> <o> .\n@base <sub/> .\n<r> <p> <o> .\n@prefix : <rel#> .\n:s <p> <o> .\n",
    "@prefix ex: <http://e/> .\n( ex:a ex:b ) ex:p ex:o .\n[ ex:p ex:o ] ex:q ex:r .\n[] ex:p ex:o .\n"
    "_:b ex:p ( ex:c [ ex:d ex:e ] ) .\nex:after ex:p [ ex:q [ ex:r ex:s ] ] .\n",
    "<http://e/a> <http://e/p> <http://e/o> .\n<http://e/b> <http://e/p> \"x\\u00e9\"@fr .\n",
    "@prefix ex: <http://e/> .\r\nex:a ex:p ex:o ;\r\n  ex:q ex:r .\r\n\r\nex:b ex:p ex:o .\r\n",
    "@prefix é: <http://e/é#> .\n# ünïcode\né:ça é:p \"déjà vu\" . é:ensuite é:p é:o .\n",
    "@prefix ex: <http://e/> .\nex:a ex:p ex:o .\n\n\n    ex:indented ex:p ex:o .\nex:a ex:q ex:o .\n",
    "@prefix ex: <http://e/> .\nex:a a ex:C ; ex:p true, false ; ex:q \"x\"^^ex:t .ex:b ex:p ex:o .\n",
]


@pytest.mark.parametrize("text", TRICKY, ids=range(len(TRICKY)))
def test_same_places_as_the_parser_where_statements_hide(text):
    expected = parser_subjects(text)
    assert expected is not None
    assert subject_positions(text, BASE) == expected


def test_a_statement_that_may_nest_too_deep_and_a_mistake_are_left_to_the_parser():
    levels = MAX_NESTING + 1
    deep = "@prefix ex: <http://e/> .\nex:a ex:p " + "[ ex:p " * levels + "ex:o" + " ]" * levels + " .\n"
    assert parser_subjects(deep) is None  # the parser refuses it, at its line
    assert subject_positions(deep, BASE) is None
    assert subject_positions("@prefix ex: <http://e/> .\nex:a ex:p ex:o\nex:b ex:p ex:o .\nnope:x ex:p ex:o .\n",
                             BASE) is None
    assert subject_positions("@prefox ex: <http://e/> .\n", BASE) is None


# Any document of these pieces, joined by any separator (none too): where the parser reads it, the
# reader gives the same places.
_SUBJECTS = ["ex:a", "ex:b", "ex:a.b", "<http://e/c>", "<rel>", "_:x", "[]", "[ ex:p ex:o ]", "( 1 ex:o )", ":s"]
_OBJECTS = ["ex:o", '"x"', '"x"@en', '"a . b # c"', '"""l1\nex:z ex:p ex:o .\n"""', "'''q'''", "1", "1.5", ".5",
            "1e5", "true", "<http://e/o#f>", "[ ex:q ex:r ]", "( ex:o )", '"t"^^ex:dt', "_:x"]
_GAPS = [" ", "\n", "\t", "", " # a comment . ex:hidden ex:p ex:o .\n", "\n\n    "]


@st.composite
def documents(draw) -> str:
    parts = ["@prefix ex: <http://e/> .", draw(st.sampled_from(["@prefix : <http://f/> .", "PREFIX : <http://f/>"]))]
    for _ in range(draw(st.integers(1, 6))):
        gap = draw(st.sampled_from(_GAPS))
        objects = draw(st.lists(st.sampled_from(_OBJECTS), min_size=1, max_size=3))
        predicate = draw(st.sampled_from(["ex:p", "a", "<http://e/p>"]))
        statement = (draw(st.sampled_from(_SUBJECTS)) + " " + predicate + " " + ("," + gap).join(objects) +
                     draw(st.sampled_from(["", " ; ex:q ex:r", " ;"])))
        parts.append(statement + draw(st.sampled_from(["", " ", "\n"])) + ".")
    return "".join(part + draw(st.sampled_from(_GAPS)) for part in parts)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_same_places_as_the_parser_in_any_document_of_tricky_pieces(text):
    expected = parser_subjects(text)
    if expected is not None:
        assert subject_positions(text, BASE) == expected


def test_locating_findings_reads_the_subjects_not_every_statement(tmp_path):
    """A finding is placed by its subject: the files it is in are not parsed for every statement's
    position (at 10,000 services that took 5 s for a thousand files, in every cold ``analyze``)."""
    from eagraph.check import locate
    from eagraph.findings import Finding, Severity
    from eagraph.workspace import load
    from eagraph.workspace import workspace as module

    for number in range(12):
        (tmp_path / f"s{number:02}.ttl").write_text(
            "@prefix cpsv: <http://purl.org/vocab/cpsv#> .\n@prefix dct: <http://purl.org/dc/terms/> .\n\n"
            + "".join(f'<https://example.org/other/{number}-{n}> dct:title "x . y" .\n' for n in range(number))
            + f"<https://example.org/service/{number}> a cpsv:PublicService ;\n"
            f'    dct:title "Service {number}"@en .\n', encoding="utf-8")
    workspace = load(tmp_path, cache=False)
    findings = [Finding("X", Severity.INFO, f"https://example.org/service/{number}", {"en": "x"})
                for number in range(12)]
    with mock.patch.object(module, "parse_source", side_effect=AssertionError("parsed whole")):
        places = locate(workspace, findings)
    assert [(p.file, p.line, p.column) for p in places] == [(f"s{n:02}.ttl", 4 + n, 1) for n in range(12)]
