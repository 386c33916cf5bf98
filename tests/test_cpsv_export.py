"""``export cpsv-ap`` on data others wrote: nothing the CPSV-AP 3.2.0 and CCCEV 2.1.0 vocabularies
define is lost, nothing is invented, earlier CPSV-AP names are mapped, and the command says
truthfully whether its output conforms to SEMIC's shapes (and never adds a violation)."""

from __future__ import annotations

import pytest
import rdflib
from rdflib import OWL, RDF, BNode, URIRef
from rdflib.compare import isomorphic

from eagraph.generators.cpsv_ap import check_export, cpsv_ap_export, export_cpsv_ap
from eagraph.validators.validate import profile_runner
from eagraph.workspace import load
from helpers import MODELS, REFERENCE, SEMIC_PROFILES, write

SEMIC_EXAMPLE = REFERENCE / "semic" / "cpsv-ap-3.2.0" / "example-public-service.ttl"
CCCEV_EXAMPLES = sorted((REFERENCE / "semic" / "cccev-2.1.0").glob("*.ttl"))
VOCABULARIES = (SEMIC_PROFILES / "cpsv-ap-3.2.0" / "cpsv-ap.ttl", SEMIC_PROFILES / "cccev-2.1.0" / "cccev.ttl")
PROFILES = ("cpsv-ap-3.2", "cccev-2.1")
EX = rdflib.Namespace("http://example.com/")
CV = rdflib.Namespace("http://data.europa.eu/m8g/")
DCT = rdflib.DCTERMS


def defined_terms() -> set[URIRef]:
    """The classes and properties the two vocabulary files declare, read here independently."""
    graph = rdflib.Graph()
    for path in VOCABULARIES:
        graph.parse(path)
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
    return {term for kind in kinds for term in graph.subjects(RDF.type, kind) if isinstance(term, URIRef)}


def model_folder(tmp_path, source) -> tuple:
    write(tmp_path / "model", "data.ttl", source.read_text(encoding="utf-8"))
    return tmp_path / "model", rdflib.Graph().parse(source)


def reachable(graph: rdflib.Graph, node) -> rdflib.Graph:
    """The statements of ``node`` and of the blank nodes below it."""
    out, todo = rdflib.Graph(), [node]
    while todo:
        for s, p, o in graph.triples((todo.pop(), None, None)):
            out.add((s, p, o))
            if isinstance(o, BNode):
                todo.append(o)
    return out


def profile_violations(folder) -> set[tuple]:
    """The official shapes' results as they are (``validate`` shows a link to an undefined node as
    EAG090 instead of its class violation; that presentation is not what is compared here)."""
    _, findings = profile_runner(PROFILES)(load(folder, cache=False))
    return {(f.subject, f.path, f.code) for f in findings}


@pytest.mark.parametrize("source", [SEMIC_EXAMPLE, *CCCEV_EXAMPLES], ids=lambda p: p.stem)
def test_every_statement_the_vocabularies_define_is_kept(tmp_path, source):
    folder, data = model_folder(tmp_path, source)
    exported = export_cpsv_ap(load(folder, cache=False))
    terms = defined_terms()
    wanted = {(s, p, o) for s, p, o in data
              if (p in terms or p == RDF.type and o in terms) and not isinstance(s, BNode) and not isinstance(o, BNode)}
    assert wanted and wanted - set(exported) == set()


def test_opening_hours_keep_their_time_structure_and_contact_points_stay(tmp_path):
    folder, data = model_folder(tmp_path, SEMIC_EXAMPLE)
    exported = export_cpsv_ap(load(folder, cache=False))
    for hours in (EX.openingHours1, EX.specialOpeningHours1):
        assert isomorphic(reachable(data, hours), reachable(exported, hours) - rdflib.Graph())
    assert (EX.publicService1, CV.contactPoint, EX.contactPoint1) in exported
    assert (EX.contactPoint1, CV.telephone, rdflib.Literal("+32 257 25757")) in exported
    assert (EX.evidenceType1, CV.evidenceTypeClassification, EX.certicate) in exported


@pytest.mark.parametrize("source", [SEMIC_EXAMPLE, *CCCEV_EXAMPLES, MODELS], ids=lambda p: p.stem)
def test_the_export_adds_no_violation_the_model_does_not_have(tmp_path, source):
    folder = source if source.is_dir() else model_folder(tmp_path, source)[0]
    write(tmp_path / "export", "export.ttl", export_cpsv_ap(load(folder, cache=False)).serialize(format="turtle"))
    assert profile_violations(tmp_path / "export") <= profile_violations(folder)


def test_a_link_to_a_value_the_model_does_not_describe_is_kept_not_dropped_into_a_violation(tmp_path):
    # An EU corporate-body IRI as competent authority: dropping the link (as the export did) left
    # the service without the authority CPSV-AP requires, a violation the model does not have.
    digit = URIRef("http://publications.europa.eu/resource/authority/corporate-body/DIGIT")
    text = SEMIC_EXAMPLE.read_text(encoding="utf-8").replace("cv:hasCompetentAuthority ex:publicOrganisation1",
                                                             f"cv:hasCompetentAuthority <{digit}>")
    write(tmp_path / "model", "data.ttl", text)
    exported = export_cpsv_ap(load(tmp_path / "model", cache=False))
    assert (EX.publicService1, CV.hasCompetentAuthority, digit) in exported
    write(tmp_path / "export", "export.ttl", exported.serialize(format="turtle"))
    assert profile_violations(tmp_path / "export") <= profile_violations(tmp_path / "model")


CATALOGUE = """@prefix cpsv: <http://purl.org/vocab/cpsv#> . @prefix cv: <http://data.europa.eu/m8g/> .
@prefix dct: <http://purl.org/dc/terms/> . @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix ex: <http://example.com/> .
ex:service a cpsv:PublicService ; dct:identifier "s1" ; dct:title "Service"@en ; dct:description "A service"@en ;
    cv:hasCompetentAuthority ex:authority ; dct:type ex:unknown-type ;
    dct:language <http://publications.europa.eu/resource/authority/language/FIN>, "Finnish" ;
    cv:hasFormalFramework ex:law .
ex:law a cpsv:FormalFramework ; dct:title "The law"@en .
ex:authority a cv:PublicOrganisation ; dct:identifier "a1" ; skos:prefLabel "Authority"@en .
"""


def test_nothing_is_invented_and_earlier_names_are_mapped(tmp_path, run):
    write(tmp_path / "model", "catalogue.ttl", CATALOGUE)
    result = run("export", "cpsv-ap", tmp_path / "model", "-o", tmp_path / "out.ttl")
    assert result.exit_code == 0, result.stderr
    assert "mapped 1 cv:hasFormalFramework → cv:hasLegalResource" in result.stderr
    exported = rdflib.Graph().parse(tmp_path / "out.ttl")
    finnish = URIRef("http://publications.europa.eu/resource/authority/language/FIN")
    assert {o for o in exported.objects(EX.service, DCT.language)} == {finnish, rdflib.Literal("Finnish")}
    assert (EX.service, CV.hasLegalResource, EX.law) in exported
    assert (EX.law, RDF.type, URIRef("http://data.europa.eu/eli/ontology#LegalResource")) in exported
    assert (EX["unknown-type"], RDF.type, rdflib.SKOS.Concept) not in exported  # named, not described
    assert (EX.authority, DCT.spatial, None) not in exported  # the model says nowhere where it is
    assert "violation" in result.stderr and "in the model itself" in result.stderr


def test_the_command_says_whether_the_output_conforms_and_strict_fails_without_writing(tmp_path, run):
    folder, _ = model_folder(tmp_path, SEMIC_EXAMPLE)
    result = run("export", "cpsv-ap", folder, "-o", tmp_path / "out.ttl")
    assert result.exit_code == 0 and (tmp_path / "out.ttl").is_file()
    assert "2 violations of the CPSV-AP 3.2.0 and CCCEV 2.1.0 shapes, of which 2 are in the model itself" \
        in result.stderr
    strict = run("export", "cpsv-ap", folder, "--strict", "-o", tmp_path / "strict.ttl")
    assert strict.exit_code == 1 and not (tmp_path / "strict.ttl").exists()
    assert "strict.ttl not written" in strict.stderr
    text = SEMIC_EXAMPLE.read_text(encoding="utf-8") + "\nex:federalreduction a skos:Concept ; " \
        "skos:prefLabel \"Federal tax reduction\"@en .\n"
    write(tmp_path / "fixed", "data.ttl", text)
    fixed = run("export", "cpsv-ap", tmp_path / "fixed", "--strict", "-o", tmp_path / "fixed.ttl")
    assert fixed.exit_code == 0 and "conforms to the CPSV-AP 3.2.0 and CCCEV 2.1.0 shapes" in fixed.stderr
    assert (tmp_path / "fixed.ttl").is_file()


def test_a_violation_on_a_blank_node_is_known_as_the_models_own(tmp_path):
    # A blank node has another name in the export than in the model: the check tells them apart by
    # the IRI and properties that lead to it, so the model's own violation is not blamed on the export.
    text = SEMIC_EXAMPLE.read_text(encoding="utf-8").replace(
        "cv:holdsRequirement ex:requirement1 ;",
        'cv:holdsRequirement ex:requirement1, [ a cv:Requirement ; dct:identifier "req-2" ] ;')
    write(tmp_path / "model", "data.ttl", text)
    check = check_export(cpsv_ap_export(load(tmp_path / "model", cache=False)))
    blank = [f for f in check.violations if f.subject.startswith("_:")]
    assert blank and check.in_model == len(check.violations) and check.added == 0


def test_a_violation_of_a_model_in_earlier_names_is_known_as_the_models_own(tmp_path, run):
    # A 2.x cv:CriterionRequirement without a title: read as the 3.2 cv:Requirement it is, it lacks
    # the title CPSV-AP requires. That is the model's, not something the export added.
    write(tmp_path / "model", "catalogue.ttl", CATALOGUE.replace(
        "cv:hasFormalFramework ex:law .", 'cv:hasFormalFramework ex:law ; cv:holdsRequirement ex:criterion .\n'
        'ex:criterion a cv:CriterionRequirement ; dct:identifier "c1" .'))
    result = run("export", "cpsv-ap", tmp_path / "model", "-o", tmp_path / "out.ttl")
    assert "mapped 1 cv:CriterionRequirement → cv:Requirement" in result.stderr
    assert "4 violations of the CPSV-AP 3.2.0 and CCCEV 2.1.0 shapes, of which 4 are in the model itself" \
        in result.stderr, result.stderr


def test_a_catalogue_through_import_then_export_keeps_what_the_vocabularies_define(run, tmp_path):
    """Issue 15's bar: SEMIC's example through ``import cpsv-ap`` then ``export cpsv-ap`` keeps every
    statement whose terms the two vocabularies define, and adds no violation the input lacks."""
    assert run("import", "cpsv-ap", SEMIC_EXAMPLE, "--out", tmp_path / "model").exit_code == 0
    assert run("export", "cpsv-ap", tmp_path / "model", "-o", tmp_path / "out.ttl").exit_code == 0
    data, exported = rdflib.Graph().parse(SEMIC_EXAMPLE), rdflib.Graph().parse(tmp_path / "out.ttl")
    terms = defined_terms()
    wanted = {(s, p, o) for s, p, o in data
              if (p in terms or p == RDF.type and o in terms) and not isinstance(s, BNode) and not isinstance(o, BNode)}
    assert wanted and wanted - set(exported) == set()
    for hours in (EX.openingHours1, EX.specialOpeningHours1):  # the blank-node structures too
        assert isomorphic(reachable(data, hours), reachable(exported, hours))
    write(tmp_path / "exported", "out.ttl", (tmp_path / "out.ttl").read_text(encoding="utf-8"))
    original = model_folder(tmp_path / "input", SEMIC_EXAMPLE)[0]
    assert profile_violations(tmp_path / "exported") <= profile_violations(original)
