"""A rebuild renders again only the entity pages that read something a change touched, and is
still the site a build from scratch makes: after changes of every kind (a statement removed, a link
moved to another node, a text changed, in named and in blank nodes), drawn at random from the
example model's own statements, the rebuilt site equals, file for file, one built from nothing."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import rdflib

from eagraph.generators.site import SiteOptions
from eagraph.generators.site.build import _read_state, _state_dir, _write_state
from eagraph.workspace import load
from helpers import MODELS
from site_support import render_site

STEPS = 3
KINDS = ("drop", "relink", "retitle")
TITLES = {rdflib.DCTERMS.title, rdflib.SKOS.prefLabel}


def _build(model: Path, out: Path, cache: Path):
    return render_site(load(model), out, SiteOptions(languages=("nl",), cache_dir=cache), trend_commits=0)


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _differing(a: Path, b: Path) -> list[str]:
    left, right = _files(a), _files(b)
    return sorted(path for path in left.keys() | right.keys() if left.get(path) != right.get(path))


def _rendered(result) -> int:
    return int(result.seconds["pages rendered (all languages)"])


def _objects(model: Path) -> dict:
    """Every IRI object of the model by predicate: where a moved link may lead."""
    found: dict = {}
    for path in sorted(model.rglob("*.ttl")):
        for _s, p, o in rdflib.Graph().parse(path, format="turtle"):
            if isinstance(o, rdflib.URIRef):
                found.setdefault(p, set()).add(o)
    return {p: sorted(objects) for p, objects in found.items()}


def _change(model: Path, rng: random.Random, kind: str, objects: dict) -> str:
    """One change of ``kind`` to a random statement of a random file; says which."""
    path = rng.choice(sorted(p for p in model.rglob("*.ttl") if "queries" not in p.parts))
    graph = rdflib.Graph().parse(path, format="turtle")
    statements = sorted(graph, key=lambda t: tuple(map(str, t)))
    if kind == "retitle":  # a name other pages show: of a node something links to
        linked = {o for found in objects.values() for o in found}
        statements = [t for t in statements if isinstance(t[2], rdflib.Literal) and t[0] in linked
                      and t[1] in TITLES] or [t for t in statements if isinstance(t[2], rdflib.Literal)] or statements
    elif kind == "relink":
        statements = [t for t in statements if isinstance(t[2], rdflib.URIRef) and len(objects.get(t[1], ())) > 1]
        statements = statements or sorted(graph, key=lambda t: tuple(map(str, t)))
    s, p, o = rng.choice(statements)
    graph.remove((s, p, o))
    if kind == "retitle" and isinstance(o, rdflib.Literal):
        graph.add((s, p, rdflib.Literal(f"{o} herzien", lang=o.language, datatype=o.datatype)))
    elif kind == "relink" and isinstance(o, rdflib.URIRef):
        graph.add((s, p, rng.choice([other for other in objects[p] if other != o])))
    path.write_text(graph.serialize(format="turtle"), encoding="utf-8")
    return f"{kind} {s} {p} {o} in {path.name}"


def test_a_rebuild_after_changes_of_every_kind_is_the_site_built_from_scratch(tmp_path, monkeypatch):
    monkeypatch.setenv("EAGRAPH_CACHE_DIR", str(tmp_path / "check-cache"))
    model, cache, site = tmp_path / "model", tmp_path / "cache", tmp_path / "site"
    shutil.copytree(MODELS, model)
    first = _build(model, site, cache)
    objects = _objects(model)
    rng = random.Random(16)
    rendered = []
    for step in range(STEPS):
        changes = [_change(model, rng, kind, objects) for kind in (*KINDS, KINDS[step])]
        result = _build(model, site, cache)
        assert result.incremental
        scratch = tmp_path / f"scratch-{step}"  # another folder: no last build kept (the same diagrams)
        _build(model, scratch, cache)
        assert _differing(site, scratch) == [], changes
        rendered.append(_rendered(result))
    assert max(rendered) < first.pages / 2, rendered  # pages reused, not every page rendered again


def test_what_a_rebuild_cannot_trust_renders_every_page(tmp_path, monkeypatch):
    """A damaged record of what pages read, or a section's page shell that is not the last build's,
    makes the rebuild render every page, and its site is still the right one."""
    monkeypatch.setenv("EAGRAPH_CACHE_DIR", str(tmp_path / "check-cache"))
    model, cache, site = tmp_path / "model", tmp_path / "cache", tmp_path / "site"
    shutil.copytree(MODELS, model)
    first = _build(model, site, cache)
    state = _state_dir(site, cache)
    services = next(model.rglob("*.ttl"))

    def edit(old: str, new: str) -> None:
        text = services.read_text(encoding="utf-8")
        services.write_text(text.replace(old, new, 1) if old else text + new, encoding="utf-8")

    edit("", "\n# a comment changes the file, not what any page reads\n")
    assert _rendered(_build(model, site, cache)) < first.pages / 10

    (state / "nl" / "reads").write_bytes(b"damaged")
    edit("", "\n# again\n")
    assert _rendered(_build(model, site, cache)) == first.pages

    kept = _read_state(state / "nl" / "reads")
    kept["shells"] = {section: "another shell" for section in kept["shells"]}
    _write_state(state / "nl" / "reads", kept)
    edit("", "\n# and again\n")
    result = _build(model, site, cache)
    assert _rendered(result) == first.pages
    _build(model, tmp_path / "scratch", cache)
    assert _differing(site, tmp_path / "scratch") == []


def test_names_sort_by_their_folded_form_ascii_or_not():
    """The order of a section's entities: names folded (lower case, accents dropped) the one way,
    whether a name is ASCII (folded at once) or not."""
    import string
    import unicodedata

    from eagraph.generators.site.content import _fold

    def by_definition(text: str) -> str:
        return "".join(ch for ch in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(ch))

    rng = random.Random(3)
    texts = ["Événement", "Straße", "Ærø", "ÇA", "Brussel", "ﬁscalité", "Ⅻ"]
    texts += ["".join(rng.choice(string.printable + "éèàüßÆœ") for _ in range(rng.randint(0, 20))) for _ in range(2000)]
    assert [_fold(t) for t in texts] == [by_definition(t) for t in texts]
    assert _fold("Événement") == "evenement" and _fold("ABC") == "abc"


def test_languages_built_one_after_the_other_in_one_process_are_those_built_apart(tmp_path, monkeypatch):
    """Where there is one core, the languages are built in this process one after the other: the
    second is recorded on tables the first one's recording made, and comes out the same."""
    from eagraph.generators.site import build as site_build

    monkeypatch.setenv("EAGRAPH_CACHE_DIR", str(tmp_path / "check-cache"))
    options = SiteOptions(languages=("nl", "fr"), cache_dir=tmp_path / "cache")
    render_site(load(MODELS), tmp_path / "apart", options, trend_commits=0)
    monkeypatch.setattr(site_build, "fork_workers", lambda: 1)
    render_site(load(MODELS), tmp_path / "together", options, trend_commits=0)
    assert _differing(tmp_path / "apart", tmp_path / "together") == []


def test_a_build_leaves_every_files_mentions_for_the_next_builds_incremental_check(tmp_path, monkeypatch):
    """Which files a change can reach, the incremental check of the next build knows from every file's
    mentions: the first build reads them (on the core its burden leaves free), so that its first
    rebuild does not parse the whole model for them."""
    from eagraph.workspace.workspace import cache_key

    monkeypatch.setenv("EAGRAPH_CACHE_DIR", str(tmp_path / "check-cache"))
    shutil.copytree(MODELS, tmp_path / "model")
    _build(tmp_path / "model", tmp_path / "site", tmp_path / "cache")
    workspace = load(tmp_path / "model")
    missing = [f.relpath for f in workspace.files
               if not workspace.cache.has("mentions", cache_key(f, workspace.config, workspace.cache))]
    assert len(workspace.files) > 20 and missing == []


def test_a_rebuild_reads_for_search_only_the_pages_whose_text_changed(tmp_path, monkeypatch):
    """The search entries of a navigation page (a section's list, the dashboard …) are kept with the
    build like an entity page's: a rebuild after a change no page shows reads none again."""
    from eagraph.generators.site import search

    monkeypatch.setenv("EAGRAPH_CACHE_DIR", str(tmp_path / "check-cache"))
    model, cache, site = tmp_path / "model", tmp_path / "cache", tmp_path / "site"
    shutil.copytree(MODELS, model)
    _build(model, site, cache)
    read: list[str] = []
    quick = search.page_entries
    monkeypatch.setattr(search, "page_entries", lambda title, body, url: read.append(url) or quick(title, body, url))
    services = next(model.rglob("*.ttl"))
    services.write_text(services.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
    _build(model, site, cache)
    assert read == [], read
    _build(model, tmp_path / "scratch", cache)
    assert len(read) > 100 and _differing(site, tmp_path / "scratch") == []


#: A service whose evidence is linked to its requirement from another file: the evidence the service's
#: life event lists as still asked is made of three files' statements, and kept once made.
EVIDENCE_FILES = {
    "services.ttl": """ex:fin a cv:PublicOrganisation ; skos:prefLabel "FOD Financiën"@nl .
ex:birth a cv:LifeEvent ; dct:title "Geboorte"@nl .
ex:permit a cpsv:PublicService ; dct:title "Vergunning"@nl ; cv:hasCompetentAuthority ex:fin ;
    cv:isGroupedBy ex:birth ; cv:holdsRequirement ex:req .
""",
    "requirements.ttl": """ex:req a cv:Requirement ; dct:title "Bewijs van inkomen"@nl .
""",
    "evidence.ttl": """ex:payslip a cv:Evidence ; dct:title "Loonfiche"@nl ; cv:supportsRequirement ex:req .
""",
}


def test_a_page_given_an_answer_another_page_made_records_what_it_was_made_of(tmp_path, monkeypatch):
    """The evidence a service asks for is made once (from its requirement and the evidence that
    supports it, in other files) and kept: the life event's page, given it after the service's page
    made it, is rendered again when another piece of evidence supports the requirement, or one no
    longer does."""
    from helpers import PREFIXES, write

    monkeypatch.setenv("EAGRAPH_CACHE_DIR", str(tmp_path / "check-cache"))
    for name, text in EVIDENCE_FILES.items():
        write(tmp_path, f"model/{name}", PREFIXES + text)
    model, cache, site = tmp_path / "model", tmp_path / "cache", tmp_path / "site"
    _build(model, site, cache)
    assert "Loonfiche" in (site / "nl" / "events" / "birth.html").read_text(encoding="utf-8")
    write(tmp_path, "model/more.ttl", PREFIXES + 'ex:assessment a cv:Evidence ; dct:title "Aanslagbiljet"@nl ;'
                                                 ' cv:supportsRequirement ex:req .\n')
    _build(model, site, cache)
    assert "Aanslagbiljet" in (site / "nl" / "events" / "birth.html").read_text(encoding="utf-8")
    write(tmp_path, "model/evidence.ttl", PREFIXES + 'ex:payslip a cv:Evidence ; dct:title "Loonfiche"@nl .\n')
    _build(model, site, cache)
    assert "Loonfiche" not in (site / "nl" / "events" / "birth.html").read_text(encoding="utf-8")
    _build(model, tmp_path / "scratch", cache)
    assert _differing(site, tmp_path / "scratch") == []


def test_a_build_kept_nowhere_records_nothing(tmp_path, monkeypatch):
    """Without a cache no build comes after to use the record: the pages are rendered unrecorded
    (one language: rendered in this process, whose tables a record would have replaced)."""
    from eagraph.generators.site import build_site
    from eagraph.generators.site.inputs import site_inputs
    from eagraph.generators.site.reads import Watched

    monkeypatch.setenv("EAGRAPH_CACHE_DIR", str(tmp_path / "check-cache"))
    for cache_dir, recorded in ((None, False), (tmp_path / "cache", True)):
        workspace = load(MODELS)
        inputs = site_inputs(workspace, 0, None)
        build_site(workspace, tmp_path / f"site-{recorded}", SiteOptions(languages=("nl",), cache_dir=cache_dir), inputs)
        assert isinstance(inputs.content.model.links, Watched) is recorded


def test_one_of_two_alike_blank_nodes_removed_renders_their_holders_page_again(tmp_path, monkeypatch):
    """Two pieces of evidence written alike as blank nodes of one service: removing one changes no
    statement once each is named by the service that holds it, but the count of them: the service's
    page shows one piece less after the rebuild, as after a build from scratch."""
    from helpers import PREFIXES, write

    monkeypatch.setenv("EAGRAPH_CACHE_DIR", str(tmp_path / "check-cache"))
    evidence = ' cpsv:hasInput [ a cv:Evidence ; dct:title "Loonfiche"@nl ]'
    service = 'ex:permit a cpsv:PublicService ; dct:title "Vergunning"@nl ;{} .\n'
    write(tmp_path, "model/services.ttl", PREFIXES + service.format(evidence + " ;" + evidence))
    model, cache, site = tmp_path / "model", tmp_path / "cache", tmp_path / "site"
    _build(model, site, cache)
    page = site / "nl" / "services" / "permit.html"
    twice = page.read_text(encoding="utf-8").count("Loonfiche")
    write(tmp_path, "model/services.ttl", PREFIXES + service.format(evidence))
    _build(model, site, cache)
    assert page.read_text(encoding="utf-8").count("Loonfiche") < twice
    _build(model, tmp_path / "scratch", cache)
    assert _differing(site, tmp_path / "scratch") == []
