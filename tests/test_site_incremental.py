"""What a site build may reuse, and that a rebuild never shows a stale page: the diagrams of the last
build come from one pack in the cache (a damaged pack is laid out again; another output folder, as a
preview session, reuses it too), and a rebuild after each kind of change (a label on a neighbour's
page, a finding that comes or goes, the search index) gives the same site as a build from scratch;
the dashboard's burden and scenario are computed once, beside each other."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from eagraph.generators.site import SiteOptions
from eagraph.generators.site import diagrams as site_diagrams
from eagraph.workspace import load
from helpers import PREFIXES, write
from site_support import render_site

MODEL = PREFIXES + """@prefix eli: <http://data.europa.eu/eli/ontology#> .
ex:fin a cv:PublicOrganisation ; skos:prefLabel "FOD Financiën"@nl , "SPF Finances"@fr .
ex:permit a cpsv:PublicService ; dct:identifier "P-1" ; dct:title "Vergunning Alfa"@nl , "Permis Alfa"@fr ;
    cv:hasCompetentAuthority ex:fin ; dct:type eag:Information ; cv:hasLegalResource ex:law .
ex:other a cpsv:PublicService ; dct:identifier "P-2" ; dct:title "Andere Dienst"@nl , "Autre service"@fr ;
    cv:hasCompetentAuthority ex:fin ; dct:type eag:Information .
ex:law a eli:LegalResource ; dct:title "Wet Delta"@nl , "Loi Delta"@fr .
"""


def _build(model: Path, out: Path, cache: Path | None):
    return render_site(load(model), out, SiteOptions(languages=("nl",), cache_dir=cache), trend_commits=0)


def _files(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*.html"))}


def test_diagrams_come_from_one_pack_and_a_damaged_pack_is_laid_out_again(tmp_path, monkeypatch):
    write(tmp_path, "model/model.ttl", MODEL)
    cache, out = tmp_path / "cache", tmp_path / "site"
    _build(tmp_path / "model", out, cache)
    first = _files(out)
    assert "<svg" in first["nl/services/permit.html"]
    outside_sites = [p for p in cache.rglob("*") if p.is_file() and "sites" not in p.relative_to(cache).parts
                     and "diagrams" in p.relative_to(cache).parts]
    assert outside_sites == []  # no cache file per diagram
    packs = sorted(cache.rglob("site-diagrams/**/*.pack"))
    assert packs and {p.parent.name for p in packs} == {"nl"} and len(packs) <= 4  # shards of the model's diagrams
    before = {p: p.stat().st_ino for p in packs}  # a shard written again is a new file (written whole, renamed)

    laid_out: list[int] = []
    original = site_diagrams._run_dot
    monkeypatch.setattr(site_diagrams, "_run_dot", lambda dot, sources: laid_out.append(len(sources))
                        or original(dot, sources))
    write(tmp_path, "model/model.ttl", MODEL.replace("Wet Delta", "Wet Epsilon"))
    _build(tmp_path / "model", out, cache)
    assert sum(laid_out) == 2  # only the permit's diagram and the law's own name the law
    assert "Wet Epsilon" in _files(out)["nl/services/permit.html"]
    rewritten = [p for p in sorted(cache.rglob("site-diagrams/**/*.pack")) if before.get(p) != p.stat().st_ino]
    assert 1 <= len(rewritten) <= 2  # the shards of the two new diagrams, and no other
    laid_out.clear()
    _build(tmp_path / "model", tmp_path / "elsewhere", cache)  # another folder: a preview session's, say
    assert laid_out == [] and _files(tmp_path / "elsewhere") == _files(out)

    for pack in cache.rglob("site-diagrams/**/*.pack"):
        pack.write_bytes(b"\0damaged" * 10)
    laid_out.clear()
    write(tmp_path, "model/model.ttl", MODEL)
    _build(tmp_path / "model", out, cache)
    assert sum(laid_out) >= 2  # every diagram again, and the site as the first build made it
    assert _files(out) == first


AUTHORITIES = PREFIXES + """
ex:fin a cv:PublicOrganisation ; skos:prefLabel "FOD Financiën"@nl , "SPF Finances"@fr .
ex:y a cv:PublicOrganisation ; skos:prefLabel "FOD Binnenlandse Zaken"@nl .
"""
SERVICES = PREFIXES + """@prefix eli: <http://data.europa.eu/eli/ontology#> .
ex:permit a cpsv:PublicService ; dct:identifier "P-1" ; dct:title "Vergunning Alfa"@nl , "Permis Alfa"@fr ;
    cv:hasCompetentAuthority ex:fin ; dct:type eag:Information ; cv:hasLegalResource ex:law ;
    cpsv:hasInput ex:e1 ; cv:holdsRequirement ex:req .
ex:other a cpsv:PublicService ; dct:identifier "P-2" ; dct:title "Andere Dienst"@nl , "Autre service"@fr ;
    cv:hasCompetentAuthority ex:fin ; dct:type eag:Information .
ex:law a eli:LegalResource ; dct:title "Wet Delta"@nl , "Loi Delta"@fr .
"""
DATA = PREFIXES + """@prefix authsrc: <http://vocab.belgif.be/ns/authsrc#> .
ex:concept a cv:InformationConcept ; skos:prefLabel "Inkomen"@nl ; authsrc:hasSource ex:register .
ex:register a authsrc:DataSource ; dct:title "Register"@nl ; authsrc:isAuthoritative true ; dct:publisher ex:y .
ex:e1 a cv:Evidence ; dct:title "Loonfiche"@nl .
ex:req a cv:Requirement ; dct:title "Voorwaarde"@nl ; cv:hasConcept ex:concept .
"""


def _site(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*"))
            if p.is_file() and p.suffix in (".html", ".json", ".js") and "assets" not in p.parts}


def test_a_rebuild_after_each_kind_of_change_matches_a_fresh_build(tmp_path):
    model, out, cache = tmp_path / "model", tmp_path / "site", tmp_path / "cache"
    write(model, "authorities.ttl", AUTHORITIES)
    write(model, "services.ttl", SERVICES)
    write(model, "data.ttl", DATA)
    _build(model, out, cache)
    steps = [  # (file, text, a page that must show the change, what it shows)
        ("authorities.ttl", AUTHORITIES.replace("FOD Financiën", "FOD Geldzaken"),  # a label on neighbours' pages
         "nl/services/permit.html", "FOD Geldzaken"),
        ("data.ttl", DATA + "ex:e1 cv:supportsConcept ex:concept .\n",  # a finding comes
         "nl/services/permit.html", "only-once"),
        ("data.ttl", DATA, "nl/services/permit.html", None),  # and goes
        ("services.ttl", SERVICES.replace("Andere Dienst", "Nieuwe Dienst"), "nl/authorities/fin.html", "Nieuwe Dienst"),
        ("services.ttl", SERVICES.split("ex:other a")[0] + "ex:law" + SERVICES.split("ex:law", 2)[2],  # a service goes
         "nl/authorities/fin.html", None),
    ]
    for number, (name, text, shown, words) in enumerate(steps):
        write(model, name, text)
        _build(model, out, cache)
        fresh = tmp_path / f"fresh-{number}"
        _build(model, fresh, None)
        rebuilt, expected = _site(out), _site(fresh)
        assert rebuilt.keys() == expected.keys(), (name, set(rebuilt) ^ set(expected))
        assert [path for path in expected if rebuilt[path] != expected[path]] == [], name
        if words is not None:
            assert words in rebuilt[shown]
    assert "Andere Dienst" not in rebuilt["nl/search/search_index.json"]
    assert "only-once" not in rebuilt["nl/services/permit.html"]


def test_the_site_reads_the_model_for_the_burden_once(tmp_path, monkeypatch):
    """The dashboard's burden and its scenario are computed on the site's own analysis model, not on one
    built again, and each service is priced once: the scenario relieves the services the burden priced
    (a model's build and its burden are seconds each at 10,000 services, in the process every language
    waits for). Without forking, so that what the scenario does is counted here."""
    from eagraph.analyses import burden as burden_module
    from eagraph.analyses import savings
    from eagraph.analyses.model import AnalysisModel
    from eagraph.forking import no_forking
    from eagraph.generators.site.build import read_inputs
    from eagraph.generators.site.inputs import TOP_FINDINGS, read_policy

    write(tmp_path, "model/authorities.ttl", AUTHORITIES)
    write(tmp_path, "model/services.ttl", SERVICES)
    write(tmp_path, "model/data.ttl", DATA + "ex:e1 cv:supportsConcept ex:concept .\n")  # a finding to plan
    workspace = load(tmp_path / "model")
    built, priced = [], []
    original, price = AnalysisModel.build.__func__, burden_module.service_burden
    monkeypatch.setattr(AnalysisModel, "build", classmethod(lambda cls, source: built.append(1) or original(cls, source)))
    inputs = read_inputs(workspace)
    assert len(built) == 1  # the site's
    counting = lambda *args: priced.append(args[-1]) or price(*args)  # noqa: E731
    monkeypatch.setattr(burden_module, "service_burden", counting)
    monkeypatch.setattr(savings, "service_burden", counting)
    with no_forking():
        policy = read_policy(workspace, inputs.findings.analysis[:TOP_FINDINGS], 0, None, lambda text: None,
                             model=inputs.content.model)
    assert policy.burden is not None and policy.plan is not None and policy.plan.applied >= 1
    assert len(built) == 1
    assert sorted(priced) == sorted(s.service for s in policy.burden.services)


def test_the_scenario_is_computed_on_the_other_core_beside_the_burden(tmp_path, monkeypatch):
    """The dashboard's scenario (the burden after the top findings) runs in a forked process while this
    one reads the targets: the parent's time before any language starts, at every build."""
    import os

    from eagraph.analyses import savings
    from eagraph.generators.site.inputs import site_inputs

    write(tmp_path, "model/authorities.ttl", AUTHORITIES)
    write(tmp_path, "model/services.ttl", SERVICES)
    write(tmp_path, "model/data.ttl", DATA)
    original, where = savings.scenario, tmp_path / "pid"
    monkeypatch.setattr(savings, "scenario", lambda *args, **kwargs: where.write_text(str(os.getpid()))
                        or original(*args, **kwargs))
    inputs = site_inputs(load(tmp_path / "model"), 0, None)
    assert inputs.policy.plan is not None and inputs.policy.burden is not None
    assert where.read_text() != str(os.getpid())


def test_a_diagrams_swimlanes_come_out_in_one_order_whatever_graphviz_wrote():
    """Graphviz, given a batch of graphs, writes a graph's clusters (a process's swimlanes) in an order
    that varies from run to run: two builds of the example model differed in 30 process pages, 29 of
    them only so. The SVG put in a page has its clusters in their own order."""
    diagram = site_diagrams.Diagram("Process", rankdir="LR")
    for step, lane in (("a", "Leuven"), ("b", "Register"), ("c", "Leuven")):
        diagram.node(step, step.upper(), "step")
        diagram.lanes.setdefault(lane, []).append(step)
    diagram.edge("a", "b")
    diagram.edge("b", "c")
    raw = subprocess.run(["dot", "-Tsvg"], input=diagram.to_dot(), capture_output=True, text=True, check=True).stdout
    first, second = (re.search(rf'<g id="clust{n}" class="cluster">\n.*?</g>\n</g>\n', raw, re.S) for n in (1, 2))
    assert first and second and first.start() < second.start()
    swapped = (raw[:first.start()] + second.group(0) + raw[first.end():second.start()] + first.group(0)
               + raw[second.end():])
    assert site_diagrams._inline(swapped) == site_diagrams._inline(raw)


def test_the_site_renders_from_the_model_its_check_built(tmp_path, monkeypatch):
    """The analysis model is built once, by the check (beside the validation on the other core), and
    the site's content reads that one; when the check's results come from the cache it built none,
    and the site builds it."""
    import eagraph.check
    from eagraph.analyses.model import AnalysisModel
    from eagraph.generators.site.build import read_inputs

    write(tmp_path, "model/model.ttl", MODEL)
    monkeypatch.setenv("EAGRAPH_CACHE_DIR", str(tmp_path / "cache"))  # checked here first, whatever ran before
    built, checked = [], []
    build, check = AnalysisModel.build.__func__, eagraph.check.check
    monkeypatch.setattr(AnalysisModel, "build", classmethod(lambda cls, ws: built.append(ws) or build(cls, ws)))
    monkeypatch.setattr(eagraph.check, "check", lambda *a, **k: checked.append(check(*a, **k)) or checked[-1])
    inputs = read_inputs(load(tmp_path / "model"))
    assert len(built) == 1 and inputs.content.model is checked[0].model
    again = read_inputs(load(tmp_path / "model"))
    assert checked[1].checked.cached == ("validation", "analysis") and checked[1].model is None
    assert len(built) == 2 and again.content.model.labels == inputs.content.model.labels
