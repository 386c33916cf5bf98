"""What a site rebuild may skip, and that it never shows a stale page: the diagrams of the last build
come from one pack kept with it (a damaged pack is laid out again), and only the pages whose inputs
changed are rendered again (a label on a neighbour's page, a finding that comes or goes, the search
index), with the same site as a build from scratch."""

from __future__ import annotations

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
    packs = list(cache.rglob("diagrams.pack"))
    assert len(packs) == 1

    laid_out: list[int] = []
    original = site_diagrams._run_dot
    monkeypatch.setattr(site_diagrams, "_run_dot", lambda dot, sources: laid_out.append(len(sources))
                        or original(dot, sources))
    write(tmp_path, "model/model.ttl", MODEL.replace("Wet Delta", "Wet Epsilon"))
    _build(tmp_path / "model", out, cache)
    assert sum(laid_out) == 2  # only the permit's diagram and the law's own name the law
    assert "Wet Epsilon" in _files(out)["nl/services/permit.html"]

    packs[0].write_bytes(b"\0damaged" * 10)
    laid_out.clear()
    write(tmp_path, "model/model.ttl", MODEL)
    _build(tmp_path / "model", out, cache)
    assert sum(laid_out) >= 2  # every diagram again, and the site as the first build made it
    assert _files(out) == first
