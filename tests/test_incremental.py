"""The incremental check (eagraph.check.incremental) gives a full check's results, finding by finding.

A model is checked, one file of a copy is changed, and the copy is checked twice: incrementally,
from the first version's results in the cache, and whole without any cache. Both must agree on
every finding (file and line included), on the validation report's counts and on the coverage.
Blank nodes are named anew by every load, so a finding about one is compared by the node and
property that hold it, as ``diff`` compares them.
"""

from __future__ import annotations

import random
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from model_edits import random_edit

from eagraph.check import ALL_UNLOCATED, CheckOptions, check_path
from eagraph.validators.validate import ValidationOptions
from eagraph.workspace import load
from helpers import MODELS

FULL_CHECK = replace(ALL_UNLOCATED, cache=False)
LOCATED = CheckOptions(validation=ValidationOptions(), kinds=(), locate=True)
FILE = Path("authorities") / "employment.ttl"
COMMENT = '<http://www.w3.org/2000/01/rdf-schema#comment> "note"'
NOWHERE = "<https://w3id.org/eagraph/be/authority/nowhere>"


@pytest.fixture
def versions(tmp_path, monkeypatch):
    """Two copies of the example model, the first to be checked (into a fresh cache), the second changed."""
    monkeypatch.setenv("EAGRAPH_CACHE_DIR", str(tmp_path / "cache"))
    before, after = tmp_path / "before" / "models", tmp_path / "after" / "models"
    shutil.copytree(MODELS, before)
    shutil.copytree(MODELS, after)
    return before, after


def comparable(results) -> dict:
    places = results.blank_places

    def key(finding):
        subject = finding.subject
        if subject.startswith("_:"):
            subject = places.get(subject, ("?", "?"))
        value = "_:" if (finding.value or "").startswith("_:") else finding.value
        return (finding.code, str(subject), tuple(finding.related), finding.path, value, finding.score,
                finding.location, finding.statement, sorted(finding.message.items()), finding.source,
                finding.savings, sorted((k, str(v)) for k, v in finding.extra.items()))

    report = results.validation
    return {"validation": sorted(map(key, report.findings)),
            "counts": (report.suppressed, report.baselined, report.checked_constraints, sorted(report.rules)),
            "analysis": sorted(map(key, results.analysis)), "coverage": results.coverage,
            "order": [f.code + f.subject for f in results.findings if not f.subject.startswith("_:")]}


def assert_same_as_full(before: Path, after: Path, options: CheckOptions = ALL_UNLOCATED):
    """Check ``before``, then ``after`` from it, and compare with a whole check of ``after``."""
    check_path(before, options)
    incremental = check_path(after, options, since=before)
    assert "validation" in incremental.checked.updated, "the change was checked incrementally"
    whole = check_path(after, replace(options, cache=False))
    assert comparable(incremental) == comparable(whole)
    return incremental


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def service_at(text: str) -> int:
    return text.rindex("\n\n", 0, text.index("a cpsv:PublicService")) + 2


def test_a_changed_title_is_checked_incrementally(versions):
    before, after = versions
    path = after / FILE
    text = path.read_text(encoding="utf-8")
    at = text.index('dct:title "', service_at(text)) + len('dct:title "')
    path.write_text(text[:at] + "Changed " + text[at:], encoding="utf-8")
    results = assert_same_as_full(before, after)
    assert results.checked.loaded < results.checked.files / 2, "only the part a change can affect was loaded"


def test_a_removed_service(versions):
    before, after = versions
    path = after / FILE
    text = path.read_text(encoding="utf-8")
    start = service_at(text)
    path.write_text(text[:start] + text[text.index("\n\n", start) + 2:], encoding="utf-8")
    assert_same_as_full(before, after)


@pytest.mark.parametrize("direction", ["introduced", "resolved"])
def test_a_dangling_link(versions, direction):
    before, after = versions
    edit((after if direction == "introduced" else before) / FILE, "cv:hasCompetentAuthority ",
         f"cv:hasCompetentAuthority {NOWHERE}, ")
    results = assert_same_as_full(before, after)
    dangling = [f for f in results.validation.findings if f.code == "EAG090" and "nowhere" in (f.value or "")]
    assert len(dangling) == (direction == "introduced")


@pytest.mark.parametrize("direction", ["introduced", "resolved"])
def test_a_changed_authority(versions, direction):
    before, after = versions
    edit((after if direction == "introduced" else before) / FILE, "a cv:PublicOrganisation",
         f"a cv:PublicOrganisation ; <http://www.w3.org/ns/org#subOrganizationOf> {NOWHERE}")
    assert_same_as_full(before, after)


def test_a_change_no_analysis_reads_keeps_the_analysis(versions):
    before, after = versions
    edit(after / FILE, "a cpsv:PublicService", f"a cpsv:PublicService ; {COMMENT}")
    results = assert_same_as_full(before, after)
    assert results.checked.updated == ("validation", "analysis")


def test_located_findings_follow_their_lines(versions):
    before, after = versions
    path = after / FILE
    text = path.read_text(encoding="utf-8")
    at = text.index("\n\n") + 2
    path.write_text(text[:at] + "# a comment\n# that moves every line below\n\n" + text[at:], encoding="utf-8")
    assert_same_as_full(before, after, LOCATED)


@pytest.mark.parametrize("seed", range(6))
def test_random_one_file_edits(versions, seed):
    before, after = versions
    random_edit(after, random.Random(seed))
    check_path(before, ALL_UNLOCATED)
    incremental = check_path(after, ALL_UNLOCATED, since=before)
    whole = check_path(after, FULL_CHECK)
    assert comparable(incremental) == comparable(whole)


def test_diff_after_analyze_reads_the_old_version_and_checks_only_the_changed_part(versions, run, monkeypatch):
    """The benchmark's case: ``analyze`` of a model, then ``diff`` against a copy with one file
    changed. The old version's findings are read (``analyze`` locates findings, ``diff`` does not:
    one entry serves both), and the new one is checked from them: neither is loaded whole."""
    from eagraph.workspace import workspace as loading

    before, after = versions
    assert run("analyze", before, "-q", "--format", "json").exit_code == 0
    edit(after / FILE, "a cpsv:PublicService", f"a cpsv:PublicService ; {COMMENT}")
    whole_loads = []
    monkeypatch.setattr(loading, "load", lambda *args, **kwargs: whole_loads.append(args) or load(*args, **kwargs))
    result = run("diff", before, after, "--format", "json")
    assert result.exit_code == 0, result.output
    assert whole_loads == []
    assert check_path(after, ALL_UNLOCATED).checked.cached == ("validation", "analysis")


def test_diff_of_a_description_change_loads_no_version_whole(versions, run, monkeypatch):
    """The benchmark's case with a text change: ``analyze``, then ``diff`` against a copy where one
    service of a duplicate cluster has another description. duplicate-service is brought up to date
    from its cached table; neither version is loaded whole, and the findings are the whole check's."""
    from eagraph.workspace import workspace as loading

    before, after = versions
    assert run("analyze", before, "-q", "--format", "json").exit_code == 0
    edit(after / HOMEAFFAIRS, '"Toute personne inscrite peut', '"Chaque personne inscrite peut')
    whole_loads = []
    monkeypatch.setattr(loading, "load", lambda *args, **kwargs: whole_loads.append(args) or load(*args, **kwargs))
    result = run("diff", before, after, "--format", "json")
    assert result.exit_code == 0, result.output
    assert whole_loads == []
    monkeypatch.undo()
    assert comparable(check_path(after, ALL_UNLOCATED)) == comparable(check_path(after, FULL_CHECK))


def test_the_analyses_read_only_what_analysis_reads_names():
    """ANALYSIS_READS is complete: the analyses of the example model stripped of every other
    statement are its analyses."""
    from eagraph.analyses.registry import ANALYSIS_READS, analyze
    from eagraph.ontology import ensure_ontology

    whole, stripped = load(MODELS, cache=False), load(MODELS, cache=False)
    for quad in list(stripped.store.quads_for_pattern(None, None, None, None)):
        if quad.predicate.value not in ANALYSIS_READS:
            stripped.store.remove(quad)
    for workspace in (whole, stripped):
        ensure_ontology(workspace)

    def found(workspace):
        return [(f.code, f.subject, f.related, f.score, sorted(f.message.items()), f.savings)
                for f in analyze(workspace, locate=False)]

    assert found(stripped) == found(whole)
    assert len(found(whole)) > 20


LEUVEN, HOMEAFFAIRS = Path("authorities") / "leuven.ttl", Path("authorities") / "homeaffairs.ttl"
ONLINE_CERTIFICATE = '"Attest van gezinssamenstelling downloaden via Mijn Dossier"@nl'


def test_a_title_named_in_other_kinds_messages_reruns_only_those_kinds(versions):
    """A service named by only-once-violation (and others) gets a new title: the kinds whose messages
    name it run again on the changed model, every other kind keeps its findings, and the result is
    the whole check's, the new title in the messages."""
    before, after = versions
    edit(after / "authorities" / "nihdi.ttl", '"Increased reimbursement of healthcare costs"@en',
         '"Higher reimbursement of care"@en')
    results = assert_same_as_full(before, after)
    assert results.checked.analysed.get("only-once-violation") == "model"
    assert "orphan-regulation" not in results.checked.analysed
    assert any("Higher reimbursement of care" in f.message["en"] for f in results.analysis)


def test_a_concept_label_named_in_messages(versions):
    """A concept's preferred label is no service's title: duplicate-service does not read it, the kinds
    whose messages name the concept run again."""
    before, after = versions
    path = after / "authorities" / "ppsi.ttl"
    text = path.read_text(encoding="utf-8")
    if "skos:prefLabel" not in text:
        pytest.skip("no concept label in this file")
    at = text.index('"', text.index("skos:prefLabel")) + 1
    path.write_text(text[:at] + "Renamed " + text[at:], encoding="utf-8")
    results = assert_same_as_full(before, after)
    assert "duplicate-service" not in results.checked.analysed


def test_a_title_in_a_duplicate_cluster_is_brought_up_to_date_from_the_table(versions, monkeypatch):
    """The title of a service in a duplicate cluster changes in one language: duplicate-service is
    brought up to date from its cached table, the text model computed again for that field and
    language only (every service of the example model is in its sample), the message names the new
    title, and the result is the whole check's."""
    from eagraph.analyses import similarity

    before, after = versions
    check_path(before, ALL_UNLOCATED)
    edit(after / HOMEAFFAIRS, ONLINE_CERTIFICATE, '"Attest van gezinssamenstelling halen in Mijn Dossier"@nl')
    computed = []
    tfidf = similarity.tfidf
    monkeypatch.setattr(similarity, "tfidf", lambda texts: computed.append(texts) or tfidf(texts))
    incremental = check_path(after, ALL_UNLOCATED, since=before)
    monkeypatch.setattr(similarity, "tfidf", tfidf)
    # certificate-loop names the service too: it runs on the changed model
    assert incremental.checked.analysed == {"duplicate-service": "texts", "certificate-loop": "model"}
    assert len(computed) == 1 and "Attest van gezinssamenstelling halen in Mijn Dossier" in computed[0]
    assert comparable(incremental) == comparable(check_path(after, FULL_CHECK))
    assert any("halen in Mijn Dossier" in f.message["nl"]
               for f in incremental.analysis if f.code == "duplicate-service")


def test_a_cluster_title_change_located_as_analyze_locates(versions):
    """``analyze`` locates its findings: after a title change of a cluster's service with lines moved
    above it, the findings brought up to date are where a whole check puts them."""
    before, after = versions
    path = after / HOMEAFFAIRS
    text = path.read_text(encoding="utf-8").replace(ONLINE_CERTIFICATE, '"Attest downloaden in Mijn Dossier"@nl', 1)
    at = text.index("\n\n") + 2
    path.write_text(text[:at] + "# two lines\n# more\n\n" + text[at:], encoding="utf-8")
    results = assert_same_as_full(before, after, LOCATED)
    assert results.checked.analysed.get("duplicate-service") == "texts"


def test_a_description_change_keeps_every_title_similarity(versions, monkeypatch):
    """Only the French description of a cluster's service changes: no title is compared again."""
    from eagraph.analyses import similarity

    before, after = versions
    check_path(before, ALL_UNLOCATED)
    edit(after / HOMEAFFAIRS, '"Toute personne inscrite peut', '"Chaque personne inscrite peut')
    computed = []
    tfidf = similarity.tfidf
    monkeypatch.setattr(similarity, "tfidf", lambda texts: computed.append(texts) or tfidf(texts))
    incremental = check_path(after, ALL_UNLOCATED, since=before)
    monkeypatch.setattr(similarity, "tfidf", tfidf)
    assert incremental.checked.analysed == {"duplicate-service": "texts"}
    assert len(computed) == 1 and any(text.startswith("Chaque personne inscrite") for text in computed[0])
    assert comparable(incremental) == comparable(check_path(after, FULL_CHECK))


@pytest.mark.parametrize("direction", ["out of", "into"])
def test_a_change_that_moves_a_service_into_or_out_of_a_duplicate_cluster(versions, direction):
    """The online certificate without its requirement is no duplicate of the counter's one (and with
    it again, it is one): the cluster and its finding follow, as in a whole check."""
    before, after = versions
    path = (after if direction == "out of" else before) / HOMEAFFAIRS
    text = path.read_text(encoding="utf-8")
    start = text.index("service:household-composition-certificate-online a")
    end = text.index("\n\n", start)
    line = "    cv:holdsRequirement requirement:household-situation ;\n"
    assert line in text[start:end]
    path.write_text(text[:start] + text[start:end].replace(line, "") + text[end:], encoding="utf-8")
    results = assert_same_as_full(before, after)
    online = "https://w3id.org/eagraph/be/service/household-composition-certificate-online"
    clustered = any(online in f.related for f in results.analysis if f.code == "duplicate-service")
    assert clustered == (direction == "into")


@pytest.mark.parametrize("seed", range(6))
def test_random_title_edits(versions, seed):
    """A random title or label of a random file changed, removed or given in one more language."""
    before, after = versions
    rng = random.Random(seed)
    files = sorted(p for p in after.rglob("*.ttl") if "dct:title" in p.read_text(encoding="utf-8"))
    path = rng.choice(files)
    text = path.read_text(encoding="utf-8")
    starts = [i for i in range(len(text)) if text.startswith("dct:title ", i) or text.startswith("skos:prefLabel ", i)]
    at = text.index('"', rng.choice(starts)) + 1
    end = text.index('"', at)
    how = rng.choice(["prefix", "replace", "language"])
    if how == "prefix":
        text = text[:at] + "Changed " + text[at:]
    elif how == "replace":
        text = text[:at] + rng.choice(["Parking card", "Attest", "Kindergeld aanvragen"]) + text[end:]
    else:
        text = text[:at - 1] + '"Ein Titel"@de , ' + text[at - 1:]
    path.write_text(text, encoding="utf-8")
    check_path(before, ALL_UNLOCATED)
    incremental = check_path(after, ALL_UNLOCATED, since=before)
    assert "analysis" in incremental.checked.updated
    assert comparable(incremental) == comparable(check_path(after, FULL_CHECK))


def _kinds():
    from eagraph.analyses.registry import select

    return [kind.name for kind in select()]


@pytest.fixture(scope="module")
def example_model():
    from eagraph.ontology import ensure_ontology

    workspace = load(MODELS, cache=False)
    ensure_ontology(workspace)
    return workspace


@pytest.mark.parametrize("name", _kinds())
def test_each_kind_reads_only_what_it_declares(example_model, name):
    """A kind's declared reads (``Kind.reads``, with its savings') are complete: the example model
    stripped of every other statement (labels kept: messages name them) gives the kind the same
    findings, messages, scores, savings and coverage."""
    from eagraph.analyses.model import LABEL_PREDICATES, AnalysisModel
    from eagraph.analyses.registry import analyze, coverage, kinds, reads_of
    from eagraph.ontology import RDF_TYPE
    from eagraph.workspace import Workspace

    reads = reads_of(kinds()[name])
    store = example_model.store
    types = {}
    for quad in store.quads_for_pattern(None, None, None, None):
        if quad.predicate.value == RDF_TYPE:
            types.setdefault(str(quad.subject), set()).add(quad.object.value)
    stripped = Workspace(example_model.config, example_model.files, type(store)(), example_model.cache)
    kept = [quad for quad in store.quads_for_pattern(None, None, None, None)
            if quad.predicate.value in reads.anywhere | LABEL_PREDICATES
            or any(quad.predicate.value in read and cls in types.get(str(quad.subject), ())
                   for cls, read in reads.of_class.items())]
    stripped.store.extend(kept)
    assert len(kept) < len(list(store.quads_for_pattern(None, None, None, None)))

    def found(workspace):
        model = AnalysisModel.build(workspace)
        return ([(f.code, f.subject, f.related, f.score, sorted(f.message.items()), f.savings)
                 for f in analyze(workspace, [name], model=model, locate=False)], coverage(model, [name]))

    assert found(stripped) == found(example_model)


VALIDATION = CheckOptions(validation=ValidationOptions())


@pytest.mark.parametrize("cache_kept", [True, False])
def test_a_folder_is_checked_from_the_state_it_was_checked_in_last(versions, cache_kept, tmp_path):
    """The architect's loop: ``validate`` (or ``analyze``) after an edit of one file starts from the
    results of the last check of that folder; without the old content (a cache cleared in part),
    the folder is checked whole, with the same result."""
    _, model = versions
    check_path(model, VALIDATION)
    edit(model / FILE, "cv:hasCompetentAuthority ", f"cv:hasCompetentAuthority {NOWHERE}, ")
    if not cache_kept:
        shutil.rmtree(tmp_path / "cache" / "check-file")
    results = check_path(model, VALIDATION)
    assert results.checked.updated == (("validation",) if cache_kept else ())
    whole = check_path(model, replace(VALIDATION, cache=False))
    assert comparable_validation(results) == comparable_validation(whole)
    assert any("nowhere" in (f.value or "") for f in results.validation.findings)


def comparable_validation(results) -> list:
    return sorted((f.code, f.subject, f.path, f.value, f.location, sorted(f.message.items()))
                  for f in results.validation.findings if not f.subject.startswith("_:"))


def test_the_site_checks_a_loaded_model_from_its_last_check(versions):
    """``site build`` checks the model it loaded (check(workspace, since_last=True)): after a one-file
    change its findings are brought up to date, and are those of a whole check."""
    from eagraph.check import check

    _, model = versions
    check(load(model), ALL_UNLOCATED, since_last=True)
    edit(model / FILE, "cv:hasCompetentAuthority ", f"cv:hasCompetentAuthority {NOWHERE}, ")
    results = check(load(model), ALL_UNLOCATED, since_last=True)
    assert "validation" in results.checked.updated
    assert comparable(results) == comparable(check_path(model, FULL_CHECK))


def test_the_site_brings_its_analyses_up_to_date_with_the_model_it_built(versions):
    """The site builds the analysis model itself and passes it to the check: after a title change,
    the kinds that name the service run on that model, duplicate-service from its table, and the
    findings are a whole check's."""
    from eagraph.analyses.model import AnalysisModel
    from eagraph.check import check

    _, model = versions
    check(load(model), ALL_UNLOCATED, since_last=True)
    edit(model / HOMEAFFAIRS, ONLINE_CERTIFICATE, '"Attest van gezinssamenstelling halen in Mijn Dossier"@nl')
    workspace = load(model)
    results = check(workspace, ALL_UNLOCATED, model=AnalysisModel.build(workspace), since_last=True)
    assert results.checked.analysed == {"duplicate-service": "texts", "certificate-loop": "model"}
    assert comparable(results) == comparable(check_path(model, FULL_CHECK))


def test_a_check_that_keeps_the_model_builds_it_beside_the_update(versions):
    """``site build`` keeps the check's analysis model (check(keep_model=True)); an incremental check
    builds none, so the model is built while the update runs in a forked process: the model handed
    back is the whole model's, and the findings and what the update loaded and ran come back from
    the fork as a check in one process gives them."""
    from eagraph.analyses.model import AnalysisModel
    from eagraph.check import check

    _, model = versions
    check(load(model), ALL_UNLOCATED, since_last=True)
    edit(model / FILE, "a cpsv:PublicService", f"a cpsv:PublicService ; {COMMENT}")  # no kind reads it
    workspace = load(model)
    results = check(workspace, ALL_UNLOCATED, since_last=True, keep_model=True)
    assert results.checked.updated == ("validation", "analysis")
    assert 0 < results.checked.loaded < len(workspace.files)
    built = AnalysisModel.build(workspace)  # the same store: its blank nodes named alike
    assert (results.model.links, results.model.labels, dict(results.model.types)) == \
        (built.links, built.labels, dict(built.types))
    assert comparable(results) == comparable(check_path(model, FULL_CHECK))


def test_a_blank_nodes_label_counts_as_any_class(tmp_path):
    """A blank node's statements are named by their holder: a concept label changed inside one is
    told as a label of "_:", which every kind reading labels of some class reads (a concept's label
    under a service is no title of the service)."""
    import pyoxigraph as ox

    from eagraph.analyses.harmonisation import CONCEPT_HARMONISATION
    from eagraph.analyses.registry import reads_of
    from eagraph.validators.changes import read_change
    from eagraph.workspace import Workspace
    from eagraph.workspace.cache import NoCache
    from eagraph.workspace.workspace import model_sources, read_files

    text = ('<https://x/s> a <http://purl.org/vocab/cpsv#PublicService> ; <http://data.europa.eu/m8g/hasConcept> '
            '[ a <http://data.europa.eu/m8g/InformationConcept> ; <http://purl.org/dc/terms/title> "{}"@nl ] .\n')
    (tmp_path / "a.ttl").write_text(text.format("Nieuw"), encoding="utf-8")
    config, sources = model_sources(tmp_path)
    workspace = Workspace(config, [], ox.Store(), NoCache())
    workspace.add(read_files(sources)[0])
    change = read_change(workspace, {"a.ttl"}, {"a.ttl": text.format("Oud").encode()}, frozenset())
    assert ("_:", "http://purl.org/dc/terms/title") in change.statements
    assert reads_of(CONCEPT_HARMONISATION).touched(change.statements, lambda subject: set())


def test_findings_about_a_blank_node_nothing_holds_are_kept(versions):
    """A blank node no named node holds cannot be told apart across loads: when one has findings,
    they are not replaced by guesswork; the model is validated whole, with the same result (here
    the changed file gives such a node the title it lacked)."""
    before, after = versions
    orphan = "\n[] a <http://purl.org/vocab/cpsv#PublicService> "
    for folder, title in ((before, ""), (after, '; <http://purl.org/dc/terms/title> "Orphan"@nl ')):
        with (folder / FILE).open("a", encoding="utf-8") as out:
            out.write(orphan + title + ".\n")
    check_path(before, ALL_UNLOCATED)
    results = check_path(after, ALL_UNLOCATED, since=before)
    whole = check_path(after, FULL_CHECK)
    assert len(results.validation.findings) == len(whole.validation.findings)
    assert comparable(results) == comparable(whole)
