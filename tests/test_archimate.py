"""The ArchiMate export as Archi and The Open Group read it: valid against the exchange-format XSDs,
only relationships ArchiMate allows, readable views."""

from __future__ import annotations

from itertools import combinations

import pytest
from lxml import etree

from eagraph.generators.archimate import export_archimate, validate_exchange
from eagraph.workspace import load
from helpers import MODELS, REFERENCE

ARCHIMATE = REFERENCE / "archimate"
NS = "{http://www.opengroup.org/xsd/archimate/3.0/}"
TYPE = "{http://www.w3.org/2001/XMLSchema-instance}type"


@pytest.fixture(scope="module")
def exported():
    return export_archimate(load(MODELS), "Belgian federal services")


def allowed_relationships() -> dict[tuple[str, str], set[str]]:
    keys = {k.get("char"): k.get("relationship").removesuffix("Relationship")
            for k in etree.parse(str(ARCHIMATE / "relationships-keys.xml")).getroot()}
    table = etree.parse(str(ARCHIMATE / "relationships.xml")).getroot()
    return {(s.get("concept"), t.get("concept")): {keys[c] for c in t.get("relations")}
            for s in table.iter("source") for t in s.iter("target")}


def test_export_validates_against_the_official_xsds(exported):
    assert validate_exchange(exported, ARCHIMATE / "xsd") == []
    broken = exported.replace(b'xsi:type="BusinessService"', b'xsi:type="NoSuchElement"', 1)
    assert validate_exchange(broken, ARCHIMATE / "xsd")  # the check can fail


def test_every_relationship_is_one_archimate_allows(exported):
    document = etree.fromstring(exported)
    types = {e.get("identifier"): e.get(TYPE) for e in document.iter(NS + "element")}
    allowed = allowed_relationships()
    relationships = list(document.iter(NS + "relationship"))
    assert len(relationships) > 1000
    wrong = [(types[r.get("source")], r.get(TYPE), types[r.get("target")]) for r in relationships
             if r.get(TYPE) not in allowed.get((types[r.get("source")], types[r.get("target")]), set())]
    assert wrong == []


def test_names_in_every_language_and_properties_for_what_archimate_lacks(exported):
    document = etree.fromstring(exported)
    legal_aid = next(e for e in document.iter(NS + "element")
                     if any(p.findtext(NS + "value") == "https://w3id.org/eagraph/be/service/legal-aid"
                            for p in e.iter(NS + "property")))
    assert legal_aid.get(TYPE) == "BusinessService"
    names = {n.get("{http://www.w3.org/XML/1998/namespace}lang"): n.text for n in legal_aid.findall(NS + "name")}
    assert names["nl"] == "Juridische tweedelijnsbijstand (pro-Deoadvocaat)" and "fr" in names
    values = [p.findtext(NS + "value") for p in legal_aid.iter(NS + "property")]
    assert "195000" in values and "JUS-002" in values


def test_a_view_per_authority_and_per_life_event_without_overlaps(exported):
    document = etree.fromstring(exported)
    types = {e.get("identifier"): e.get(TYPE) for e in document.iter(NS + "element")}
    views = list(document.iter(NS + "view"))
    actors = sum(1 for t in types.values() if t == "BusinessActor")
    events = sum(1 for t in types.values() if t == "BusinessEvent")
    assert len(views) == actors + events
    for view in views:
        boxes = [tuple(int(n.get(k)) for k in "xywh") for n in view.iter(NS + "node")]
        for (x1, y1, w1, h1), (x2, y2, w2, h2) in combinations(boxes, 2):
            assert x1 + w1 <= x2 or x2 + w2 <= x1 or y1 + h1 <= y2 or y2 + h2 <= y1, view.findtext(NS + "name")


def test_export_command(run, tmp_path):
    result = run("export", "archimate", MODELS, "-o", tmp_path / "model.xml")
    assert result.exit_code == 0
    assert validate_exchange((tmp_path / "model.xml").read_bytes(), ARCHIMATE / "xsd") == []


# -- import ------------------------------------------------------------------------------------------------
def summary(document: bytes):
    """Elements and relationships as the exchange format has them: types, ends, names,
    documentation and properties (by name), each in every language."""
    root = etree.fromstring(document)
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    definitions = {d.get("identifier"): d.findtext(NS + "name") for d in root.iter(NS + "propertyDefinition")}

    def texts(item, tag):
        return tuple(sorted((n.get(lang), n.text) for n in item.findall(NS + tag)))

    def properties(item):
        return tuple(sorted((definitions[p.get("propertyDefinitionRef")], texts(p, "value"))
                            for p in item.findall(f"{NS}properties/{NS}property")))

    elements = {e.get("identifier"): (e.get(TYPE), texts(e, "name"), texts(e, "documentation"), properties(e))
                for e in root.iter(NS + "element")}
    relationships = {r.get("identifier"): (r.get(TYPE), r.get("source"), r.get("target"), texts(r, "name"),
                                           texts(r, "documentation"), properties(r))
                     for r in root.iter(NS + "relationship")}
    return elements, relationships


def test_archisurance_round_trip_keeps_every_element_relationship_name_and_property(run, tmp_path):
    source = ARCHIMATE / "archisurance.xml"
    assert run("import", "archimate", source, "--out", tmp_path / "model").exit_code == 0
    assert run("export", "archimate", tmp_path / "model", "-o", tmp_path / "again.xml").exit_code == 0
    again = (tmp_path / "again.xml").read_bytes()
    assert validate_exchange(again, ARCHIMATE / "xsd") == []
    before, after = summary(source.read_bytes()), summary(again)
    assert (len(before[0]), len(before[1])) == (120, 178)
    assert after[0] == before[0]
    assert after[1] == before[1]
    assert len(list(etree.fromstring(source.read_bytes()).iter(NS + "view"))) == 17  # views are drawn anew
    assert list(etree.fromstring(again).iter(NS + "view"))


def test_contract_terms_come_from_matching_elements():
    import rdflib

    from eagraph.importers.archimate import import_archimate

    graph = import_archimate(ARCHIMATE / "archisurance.xml")
    service = rdflib.URIRef("http://purl.org/vocab/cpsv#PublicService")
    services = set(graph.subjects(rdflib.RDF.type, service))
    assert len(services) == sum(1 for e in etree.parse(str(ARCHIMATE / "archisurance.xml")).iter(NS + "element")
                                if e.get(TYPE) == "BusinessService")
    realised = set(graph.objects(None, rdflib.URIRef("https://w3id.org/eagraph/ns#realises")))
    assert realised and realised <= services  # a process realising a service: eag:realises
    roles = [s for s in graph.subjects(rdflib.URIRef("https://w3id.org/eagraph/ns#archimateType"),
                                       rdflib.Literal("BusinessRole"))]
    assert roles and all((r, rdflib.RDF.type, rdflib.URIRef("https://w3id.org/eagraph/ns#ArchimateElement")) in graph
                         for r in roles)  # no contract class: kept as a generic element


XXE = b"""<?xml version="1.0"?>
<!DOCTYPE model [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" identifier="m"><name>&secret;</name></model>
"""
LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" identifier="m"><name>&lol3;</name></model>
"""


@pytest.mark.parametrize(("name", "data", "message"), [
    ("xxe.xml", XXE, "xxe.xml:2: the file declares XML entities ('secret'); they are refused"),
    ("laughs.xml", LAUGHS, "laughs.xml:3: the file declares XML entities ('lol'); they are refused"),
    ("broken.xml", b'<?xml version="1.0"?>\n<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/">\n<elements>\n</model>\n',
     "broken.xml:4: not well-formed XML"),
    ("other.xml", b'<?xml version="1.0"?>\n<html/>\n', "other.xml:2: <html> is not an ArchiMate exchange model"),
    ("noid.xml", b'<?xml version="1.0"?>\n<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" identifier="m">\n'
                 b'<elements><element xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="Node"/></elements>'
                 b'</model>\n', "noid.xml:3: <element> has no identifier"),
])
def test_bad_and_hostile_xml_is_refused_with_file_and_line(run, tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    result = run("import", "archimate", path, "--out", tmp_path / "out")
    assert result.exit_code == 2 and message in result.stderr, result.stderr
    assert not (tmp_path / "out").exists()  # nothing written


# -- the round trip Archi users live with (issue 15) -----------------------------------------------------------
ARCHI_STYLE = REFERENCE.parent / "archimate" / "archi-style.xml"


def kept_parts(document: bytes) -> dict[str, str]:
    """The model's name, documentation, metadata, organisation folders and views, each in canonical
    XML (attributes sorted, layout whitespace left out), as Archi would read them."""
    root = etree.fromstring(document, etree.XMLParser(remove_blank_text=True))
    found = {}
    for tag in ("name", "documentation", "metadata", "organizations", "views"):
        found[tag] = sorted(etree.tostring(item, method="c14n", exclusive=True) for item in root.findall(NS + tag))
    found["identifier"] = root.get("identifier")
    return found


@pytest.mark.parametrize("source", [ARCHIMATE / "archisurance.xml", ARCHI_STYLE], ids=["archisurance", "archi-style"])
def test_import_then_export_keeps_name_metadata_folders_and_views(run, tmp_path, source):
    assert run("import", "archimate", source, "--out", tmp_path / "model").exit_code == 0
    assert run("export", "archimate", tmp_path / "model", "-o", tmp_path / "again.xml").exit_code == 0
    again = (tmp_path / "again.xml").read_bytes()
    assert validate_exchange(again, ARCHIMATE / "xsd") == []
    before, after = kept_parts(source.read_bytes()), kept_parts(again)
    assert after == before
    assert summary(again) == summary(source.read_bytes())
    views = len(list(etree.fromstring(again).iter(NS + "view")))
    assert views == (17 if source.name == "archisurance.xml" else 1)


def test_two_exports_give_the_same_bytes(run, tmp_path):
    for name in ("a.xml", "b.xml"):
        assert run("export", "archimate", MODELS, "-o", tmp_path / name).exit_code == 0
    assert (tmp_path / "a.xml").read_bytes() == (tmp_path / "b.xml").read_bytes()
    ids = [e.get("identifier") for e in etree.fromstring((tmp_path / "a.xml").read_bytes()).iter(NS + "element")]
    assert len(ids) == len(set(ids)) > 100


@pytest.mark.parametrize("turtle", [
    "",  # nothing at all
    "ex:s a cpsv:PublicService ; dct:title \"Dienst\"@nl .",  # no relationship, no view
])
def test_a_model_without_relationships_or_views_exports_valid(tmp_path, turtle):
    from helpers import PREFIXES

    (tmp_path / "m.ttl").write_text(PREFIXES + turtle + "\n", encoding="utf-8")
    document = export_archimate(load(tmp_path))
    assert validate_exchange(document, ARCHIMATE / "xsd") == []
    assert b"<relationships/>" not in document and b"<diagrams/>" not in document


def test_a_view_part_whose_element_left_the_model_is_dropped(run, tmp_path):
    assert run("import", "archimate", ARCHI_STYLE, "--out", tmp_path / "model").exit_code == 0
    turtle = tmp_path / "model" / "archi-style.ttl"
    import rdflib

    graph = rdflib.Graph().parse(turtle)
    gone = rdflib.URIRef("https://w3id.org/eagraph/archimate/id-5e2c0a7b9d/id-proces-behandelen")
    graph.remove((gone, None, None))
    graph.remove((None, None, gone))
    turtle.write_text(graph.serialize(format="turtle"), encoding="utf-8")
    assert run("export", "archimate", tmp_path / "model", "-o", tmp_path / "again.xml").exit_code == 0
    again = (tmp_path / "again.xml").read_bytes()
    assert validate_exchange(again, ARCHIMATE / "xsd") == []
    view = next(etree.fromstring(again).iter(NS + "view"))
    assert {n.get("identifier") for n in view.iter(NS + "node")} == {"id-n-burger", "id-n-groep", "id-n-dienst",
                                                                       "id-n-loket", "id-n-dossier", "id-n-noot"}
    assert {c.get("identifier") for c in view.iter(NS + "connection")} == {"id-c-gebruikt", "id-c-noot"}


def test_the_imported_model_survives_fmt_and_validates_as_before(run, tmp_path):
    assert run("import", "archimate", ARCHI_STYLE, "--out", tmp_path / "model").exit_code == 0
    assert run("fmt", tmp_path / "model", "--check").exit_code == 0
    result = run("validate", tmp_path / "model", "--format", "json")
    import json

    subjects = {f["subject"].rsplit("/", 1)[-1] for f in json.loads(result.stdout)["findings"]}
    # what the contract asks of the service, the actor and the process; nothing about the kept
    # model, folders or views, and no unknown term
    assert subjects and subjects <= {"id-dienst-vergunning", "id-actor-burger", "id-proces-behandelen", "id-app-loket"}


def test_impact_knows_imported_elements_and_follows_their_relationships(run, tmp_path):
    assert run("import", "archimate", ARCHI_STYLE, "--out", tmp_path / "model").exit_code == 0
    base = "https://w3id.org/eagraph/archimate/id-5e2c0a7b9d/"
    result = run("impact", tmp_path / "model", base + "id-dossier", "--format", "json")
    assert result.exit_code == 0, result.stderr
    import json

    found = json.loads(result.stdout)
    assert found["kind"] == "ArchiMate DataObject"
    nodes = {d["node"].removeprefix(base) for items in found["dependents"].values() for d in items}
    # the process reads the dossier, the service is realised by that process; the relationships too
    assert {"id-proces-behandelen", "id-dienst-vergunning", "id-rel-leest"} <= nodes


PLAN = """
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:fin a cv:PublicOrganisation ; skos:prefLabel "FOD Financiën"@nl .
ex:permit a cpsv:PublicService ; dct:title "Vergunning"@nl ; cv:hasCompetentAuthority ex:fin .
ex:old-app a eag:ApplicationComponent ; dct:title "Oude toepassing"@nl ; eag:retiredFrom "2028-01-01"^^xsd:date .
ex:new-app a eag:ApplicationComponent ; dct:title "Nieuwe toepassing"@nl ; eag:activeFrom "2027-06-01"^^xsd:date .
ex:today a eag:Plateau ; dct:title "Vandaag"@nl ; eag:plateauIncludes ex:old-app , ex:permit .
ex:target a eag:Plateau ; dct:title "Doel 2028"@nl ; eag:plateauIncludes ex:new-app , ex:permit .
ex:gap a eag:Gap ; dct:title "Nieuwe toepassing ontbreekt"@nl ; eag:gapFrom ex:today ; eag:gapTo ex:target .
ex:move a eag:Initiative ; dct:title "Overstap"@nl ; eag:initiativeOwner ex:fin ; eag:affects ex:new-app , ex:old-app ;
    eag:leadsTo ex:target ; eag:dueDate "2027-12-31"^^xsd:date ; eag:initiativeStatus eag:InProgress .
"""
#: the plan's links, as (subject, ArchiMate relationship, object) of the exported file
PLAN_RELATIONSHIPS = {("FOD Financiën", "Assignment", "Overstap"), ("Overstap", "Realization", "Nieuwe toepassing"),
                      ("Overstap", "Realization", "Oude toepassing"), ("Overstap", "Realization", "Doel 2028"),
                      ("Vandaag", "Aggregation", "Oude toepassing"), ("Vandaag", "Aggregation", "Vergunning"),
                      ("Doel 2028", "Aggregation", "Nieuwe toepassing"), ("Doel 2028", "Aggregation", "Vergunning"),
                      ("Vandaag", "Association", "Nieuwe toepassing ontbreekt"),
                      ("Nieuwe toepassing ontbreekt", "Association", "Doel 2028")}


def test_initiatives_plateaus_and_gaps_export_as_work_packages_plateaus_and_gaps(tmp_path):
    from helpers import PREFIXES

    (tmp_path / "m.ttl").write_text(PREFIXES + PLAN, encoding="utf-8")
    document = export_archimate(load(tmp_path))
    assert validate_exchange(document, ARCHIMATE / "xsd") == []
    root = etree.fromstring(document)
    names = {e.get("identifier"): e.findtext(NS + "name") for e in root.iter(NS + "element")}
    types = {e.findtext(NS + "name"): e.get(TYPE) for e in root.iter(NS + "element")}
    assert {types["Overstap"], types["Vandaag"], types["Doel 2028"], types["Nieuwe toepassing ontbreekt"]} == {
        "WorkPackage", "Plateau", "Gap"} and types["Overstap"] == "WorkPackage" and types["Vandaag"] == "Plateau"
    found = {(names[r.get("source")], r.get(TYPE), names[r.get("target")]) for r in root.iter(NS + "relationship")}
    assert PLAN_RELATIONSHIPS <= found
    allowed = allowed_relationships()
    assert [r for r in found if r[1] not in allowed[(types[r[0]], types[r[2]])]] == []
    package = next(e for e in root.iter(NS + "element") if e.findtext(NS + "name") == "Overstap")
    assert "2027-12-31" in [v.text for v in package.iter(NS + "value")]  # its due date, as a property


def test_work_packages_plateaus_and_gaps_import_as_initiatives_plateaus_and_gaps(tmp_path):
    from rdflib import Literal, URIRef
    from rdflib.namespace import XSD

    from eagraph.importers.archimate import import_archimate
    from helpers import PREFIXES

    (tmp_path / "model").mkdir()
    (tmp_path / "model/m.ttl").write_text(PREFIXES + PLAN, encoding="utf-8")
    (tmp_path / "plan.xml").write_bytes(export_archimate(load(tmp_path / "model")))
    graph = import_archimate(tmp_path / "plan.xml", base="https://example.org/imported/")
    eag = "https://w3id.org/eagraph/ns#"
    rdf_type = URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")

    def named(title: str) -> URIRef:
        found = [s for s, o in graph.subject_objects(URIRef("http://purl.org/dc/terms/title")) if str(o) == title]
        found += [s for s, o in graph.subject_objects(URIRef("http://www.w3.org/2004/02/skos/core#prefLabel"))
                  if str(o) == title]
        found = [s for s in found if (s, rdf_type, URIRef(eag + "ArchimateView")) not in graph]  # not its view
        assert len(found) == 1, title
        return found[0]

    move, today, target, gap = (named(t) for t in ("Overstap", "Vandaag", "Doel 2028", "Nieuwe toepassing ontbreekt"))
    assert {graph.value(n, rdf_type) for n in (move, today, gap)} == {URIRef(eag + c) for c in
                                                                       ("Initiative", "Plateau", "Gap")}
    assert graph.value(move, rdf_type) == URIRef(eag + "Initiative")
    assert set(graph.objects(move, URIRef(eag + "affects"))) == {named("Nieuwe toepassing"), named("Oude toepassing")}
    assert graph.value(move, URIRef(eag + "initiativeOwner")) == named("FOD Financiën")
    assert graph.value(move, URIRef(eag + "leadsTo")) == target
    assert graph.value(move, URIRef(eag + "dueDate")) == Literal("2027-12-31", datatype=XSD.date)
    assert set(graph.objects(target, URIRef(eag + "plateauIncludes"))) == {named("Nieuwe toepassing"),
                                                                            named("Vergunning")}
    assert (graph.value(gap, URIRef(eag + "gapFrom")), graph.value(gap, URIRef(eag + "gapTo"))) == (today, target)
