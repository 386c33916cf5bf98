"""eagraph's SHACL-to-SPARQL engine reports exactly what pyshacl reports (differential test)."""

from __future__ import annotations

import pyshacl
import rdflib
from rdflib.namespace import SH

from eagraph.workspace import load
from helpers import REPO
from validators_support import compile_and_run

DATA = REPO / "tests" / "data" / "differential"


def pyshacl_results(data: rdflib.Graph, shapes: rdflib.Graph) -> set[tuple]:
    _, report, _ = pyshacl.validate(data, shacl_graph=shapes, advanced=True, allow_infos=True,
                                    allow_warnings=True)
    out = set()
    for result in report.subjects(rdflib.RDF.type, SH.ValidationResult):
        focus = report.value(result, SH.focusNode)
        component = report.value(result, SH.sourceConstraintComponent)
        shape = report.value(result, SH.sourceShape)
        value = report.value(result, SH.value)
        severity = report.value(result, SH.resultSeverity)
        out.add((focus.n3() if isinstance(focus, rdflib.URIRef) else "_", str(component), _shape_key(shape),
                 _value_key(value, component), str(severity)))
    return out


def _shape_key(shape) -> str:
    return str(shape) if isinstance(shape, rdflib.URIRef) else "_"


def _value_key(value, component) -> str:
    if value is None or str(component).endswith(("MinCountConstraintComponent", "MaxCountConstraintComponent",
                                                    "QualifiedMinCountConstraintComponent", "HasValueConstraintComponent",
                                                    "UniqueLangConstraintComponent")):
        return ""
    if isinstance(value, rdflib.BNode):
        return "_"
    if isinstance(value, rdflib.Literal) and value.datatype == rdflib.XSD.string:
        value = rdflib.Literal(str(value))
    return value.n3()


def test_same_results_as_pyshacl_on_a_model_full_of_violations(tmp_path):
    (tmp_path / "data.ttl").write_text((DATA / "data.ttl").read_text(encoding="utf-8"), encoding="utf-8")
    workspace = load(tmp_path, cache=False)
    shapes = rdflib.Graph().parse(DATA / "shapes.ttl")
    ours = compile_and_run(workspace, shapes)
    theirs = pyshacl_results(rdflib.Graph().parse(DATA / "data.ttl"), shapes)
    assert len(theirs) > 30  # the model really is full of violations
    assert ours == theirs


def test_constraints_shared_among_processes_give_the_findings_of_one(monkeypatch, tmp_path):
    """validate with the cores to spare shares the constraints among forked processes: the report is
    the one a single process gives, finding for finding and in the same order."""
    import shutil

    from eagraph.validators import validate as engine

    model = tmp_path / "model"
    shutil.copytree(REPO / "models", model)
    (model / "authorities" / "broken.ttl").write_text(
        "@prefix cpsv: <http://purl.org/vocab/cpsv#> .\n@prefix eag: <https://w3id.org/eagraph/ns#> .\n"
        "<https://w3id.org/eagraph/be/service/x> a cpsv:PublicService ; eag:uses <https://example.org/nowhere> .\n",
        encoding="utf-8")
    one = engine.validate(load(model, cache=False))
    monkeypatch.setattr(engine, "SHARED_FROM", 0)
    calls = []
    real_run_shared = engine.run_shared

    def counted(*args):
        calls.append(args[-1])
        return real_run_shared(*args)

    monkeypatch.setattr(engine, "run_shared", counted)
    shared = engine.validate(load(model, cache=False), workers=3)
    assert calls == [3], "the constraints were not shared"
    assert one.findings and shared.findings == one.findings
    assert shared.checked_constraints == one.checked_constraints


def test_focus_nodes_of_one_class_or_of_the_tested_property_are_not_listed_first(tmp_path):
    """A shape on the instances of one class joins them as a plain pattern, and a value test of the
    property its ``sh:targetSubjectsOf`` names reads that property once, without a sub-select that
    lists the focus nodes first (a fifth of such a constraint's time at 10,000 services); a value
    of one class (no subclass) is asked for that type, not joined with a list of one. The findings
    stay pyshacl's, for a focus node typed in two files (met twice by the query) too."""
    shapes_text = """@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:ThingShape a sh:NodeShape ; sh:targetClass ex:Thing ;
    sh:property [ sh:path ex:count ; sh:datatype xsd:integer ; sh:minCount 1 ; sh:maxCount 1 ] ,
        [ sh:path ex:kind ; sh:class ex:Kind ] .
ex:CodeShape a sh:NodeShape ; sh:targetSubjectsOf ex:code ;
    sh:property [ sh:path ex:code ; sh:nodeKind sh:Literal ; sh:pattern "^[A-Z]+$" ] .
"""
    (tmp_path / "a.ttl").write_text("""@prefix ex: <http://example.org/> .
ex:one a ex:Thing ; ex:count "x" , 2 ; ex:code "ab" , ex:other ; ex:kind ex:big , ex:odd .
ex:two a ex:Thing ; ex:code "OK" ; ex:kind ex:big .
ex:big a ex:Kind .
""", encoding="utf-8")
    (tmp_path / "b.ttl").write_text("""@prefix ex: <http://example.org/> .
ex:one a ex:Thing ; ex:code "ab" .
ex:three ex:code 7 .
""", encoding="utf-8")
    shapes = rdflib.Graph().parse(data=shapes_text, format="turtle")
    workspace = load(tmp_path, cache=False)
    from eagraph.validators.validate import compile_shapes

    queries = [constraint.query for constraint in compile_shapes(workspace, shapes)]
    assert len(queries) == 6 and not [q for q in queries if "{ SELECT DISTINCT ?this WHERE" in q or "VALUES" in q]
    data = rdflib.Graph()
    for name in ("a.ttl", "b.ttl"):
        data.parse(tmp_path / name)
    theirs = pyshacl_results(data, shapes)
    assert len(theirs) == 8
    assert compile_and_run(workspace, shapes) == theirs
