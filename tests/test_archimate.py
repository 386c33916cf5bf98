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
