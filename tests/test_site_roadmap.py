"""The roadmap on the site: one timeline of initiatives, lifecycles and regulations in force (SVG,
readable without a script), the same narrowed to each authority and life event, and each entity
page's lifecycle. Pages are rendered without mkdocs: what is tested is what the reader gets to see."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from eagraph.generators.site.build import mkdocs_config
from eagraph.generators.site.content import SiteContent
from eagraph.generators.site.pages import Pages, SiteFindings, environment
from eagraph.ontology import ensure_ontology
from eagraph.workspace import load
from helpers import PREFIXES, write

MODEL = PREFIXES + """
@prefix eli: <http://data.europa.eu/eli/ontology#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:fin a cv:PublicOrganisation ; skos:prefLabel "FOD Financiën"@nl .
ex:mob a cv:PublicOrganisation ; skos:prefLabel "FOD Mobiliteit"@nl .
ex:moving a cv:LifeEvent ; dct:title "Verhuizen"@nl .
ex:permit a cpsv:PublicService ; dct:title "Vergunning"@nl ; cv:hasCompetentAuthority ex:fin ;
    cv:hasLegalResource ex:law ; cv:isGroupedBy ex:moving .
ex:law a eli:LegalResource ; dct:title "Oude wet"@nl ; eli:first_date_entry_in_force "2020-01-01"^^xsd:date ;
    eli:repealed_by ex:law2 .
ex:law2 a eli:LegalResource ; dct:title "Nieuwe wet"@nl ; eli:first_date_entry_in_force "2028-01-01"^^xsd:date .
ex:app a eag:ApplicationComponent ; dct:title "Oude toepassing"@nl ; eag:ownedBy ex:mob ;
    eag:phasingOutFrom "2026-01-01"^^xsd:date ; eag:retiredFrom "2029-06-30"^^xsd:date .
ex:move a eag:Initiative ; dct:title "<script>alert(1)</script> digitaal"@nl ; eag:initiativeOwner ex:fin ;
    eag:affects ex:permit ; eag:dueDate "2027-12-31"^^xsd:date ; eag:initiativeStatus eag:InProgress .
"""


def render(tmp_path, model: str = MODEL, language: str = "nl") -> dict[str, str]:
    write(tmp_path, "model/model.ttl", model)
    workspace = load(tmp_path / "model")
    ensure_ontology(workspace)
    content = SiteContent.read(workspace)
    return {path: body for path, _, body in Pages(content, SiteFindings(), language, environment(), {}).all()}


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, str]:
    return render(tmp_path_factory.mktemp("roadmap"))


def page(pages: dict[str, str], prefix: str) -> str:
    found = [body for path, body in pages.items() if path.startswith(prefix) and not path.endswith("index.md")]
    assert len(found) == 1, f"{prefix}: {sorted(p for p in pages if p.startswith('roadmap/'))}"
    return found[0]


def test_the_roadmap_draws_every_dated_thing_on_a_timeline_of_years(pages):
    body = pages["roadmap/index.md"]
    svg = re.search(r"<svg.*?</svg>", body, re.S).group(0)
    years = re.findall(r">(\d{4})</text>", svg)
    assert years[0] == "2020" and "2030" in years  # from the first entry into force to after the last date
    described = re.search(r"<desc>(.*?)</desc>", svg, re.S).group(1)
    assert "einddatum 2027-12-31, lopend" in described  # the initiative: due date and status, in words
    assert "Uitfasering 2026-01-01, Buiten gebruik 2029-06-30" in described  # the application's phases
    assert "Inwerkingtreding 2020-01-01, Opgeheven 2028-01-01" in described  # the old law, repealed by the new
    assert svg.count("<polygon") == 1  # the initiative's due date
    assert "<script>" not in body and "&lt;script&gt;alert(1)&lt;/script&gt; digitaal" in svg


def test_the_roadmap_has_a_static_page_per_authority_and_life_event(pages):
    index = pages["roadmap/index.md"]
    fin, mob, moving = (page(pages, f"roadmap/{prefix}") for prefix in ("authority-fin", "authority-mob", "event-"))
    # the authority owning the initiative and its service's law; not the other's application
    assert "digitaal" in fin and "Oude wet" in fin and "Oude toepassing" not in fin
    assert "Oude toepassing" in mob and "digitaal" not in mob and "Oude wet" not in mob
    assert "Oude wet" in moving and "digitaal" in moving and "Oude toepassing" not in moving
    links = re.findall(r'<a href="((?:authority|event)-[^"]+\.html)"', index)
    assert len(links) == 3 and all(f"roadmap/{link[:-5]}.md" in pages for link in links)


def test_every_entity_page_shows_its_lifecycle(pages):
    application = page(pages, "applications/")
    assert "<h2>Levenscyclus</h2>" in application
    assert "<dt>Uitfasering</dt><dd>2026-01-01</dd><dt>Buiten gebruik</dt><dd>2029-06-30</dd>" in application
    old = pages["regulations/law.md"]
    assert "<dt>Inwerkingtreding</dt><dd>2020-01-01</dd><dt>Opgeheven</dt><dd>2028-01-01</dd>" in old
    assert "Levenscyclus" not in page(pages, "services/")  # a thing without dates has no lifecycle


def test_a_date_that_is_no_date_leaves_the_roadmap_without_it_instead_of_failing(tmp_path):
    broken = MODEL.replace('"2029-06-30"^^xsd:date', '"soon"^^xsd:date')
    body = render(tmp_path, broken)["roadmap/index.md"]
    assert "Uitfasering 2026-01-01" in body and "soon" not in body


def test_the_roadmap_is_in_the_navigation_and_its_scoped_pages_are_not():
    config = json.loads(mkdocs_config("fr", ("nl", "fr"), None, Path("site")))
    assert {"Feuille de route": "roadmap/index.md"} in config["nav"]
    assert "/roadmap/*.md" in config["not_in_nav"].splitlines()
