"""The check step (eagraph.check): a model's findings computed once per content, read after.

Validation and analysis are counted through a file (validation may run in a forked process, where
a counter in memory would not be seen): an unchanged model costs zero runs of either, any change of
what decides the findings (a file, the configuration, a shapes file, the kinds) costs a new run, a
damaged entry is recomputed, and ``--no-cache`` never reads a result.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from helpers import MODELS, REPO

SERVICES = REPO / "tests" / "data" / "analyses" / "services"


@pytest.fixture
def counted(tmp_path, monkeypatch):
    """The validation and analysis functions, counting their runs in a file; returns a reader."""
    from eagraph.analyses import registry
    from eagraph.validators import validate as validation

    log = tmp_path / "runs.log"
    monkeypatch.setenv("EAGRAPH_CACHE_DIR", str(tmp_path / "cache"))

    def counting(name, function):
        def run(*args, **kwargs):
            with log.open("a") as out:
                out.write(name + "\n")
            return function(*args, **kwargs)
        return run

    monkeypatch.setattr(validation, "validate", counting("validate", validation.validate))
    monkeypatch.setattr(registry, "analyze", counting("analyze", registry.analyze))

    def runs() -> dict[str, int]:
        lines = log.read_text().split() if log.exists() else []
        return {"validate": lines.count("validate"), "analyze": lines.count("analyze")}

    return runs


@pytest.fixture
def model(tmp_path) -> Path:
    folder = tmp_path / "model"
    shutil.copytree(SERVICES, folder)
    return folder


def analyze(run, model: Path, *args: str) -> dict:
    result = run("analyze", model, "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_an_unchanged_model_is_read_not_checked_again(run, model, counted):
    first = analyze(run, model)
    assert counted() == {"validate": 1, "analyze": 1}
    assert first["findings"], "the fixture has findings to cache"
    second = analyze(run, model)
    assert counted() == {"validate": 1, "analyze": 1}  # zero runs the second time
    assert second == first  # the same findings, coverage and all
    assert run("validate", model, "--format", "json").exit_code in (0, 1)
    assert counted()["validate"] == 1  # validate reads what analyze validated


def test_a_one_file_change_is_checked_again(run, model, counted):
    before = analyze(run, model)
    target = model / "model.ttl"
    target.write_text(target.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    after = analyze(run, model)
    # The content is new: checked again, from the state checked last (the incremental check): the
    # nodes of the changed file validated again, the analysis kept (a comment changes nothing it reads).
    assert counted() == {"validate": 2, "analyze": 1}
    assert after == before


@pytest.mark.parametrize("change", ["config", "burden", "shapes", "kinds"])
def test_what_decides_the_findings_is_in_the_key(run, model, counted, change, tmp_path):
    shapes = tmp_path / "extra.ttl"
    shapes.write_text("@prefix sh: <http://www.w3.org/ns/shacl#> .\n", encoding="utf-8")
    base = ("--shapes", str(shapes))
    assert run("validate", model, *base).exit_code in (0, 1)
    analyze(run, model, "--kind", "only-once-violation", "--no-validate")
    assert counted() == {"validate": 1, "analyze": 1}
    if change == "config":
        (model / "eagraph.toml").write_text('[model]\nlanguages = ["nl"]\n', encoding="utf-8")
        expected = {"validate": 2, "analyze": 2}
    elif change == "burden":  # the tariffs that price the findings' savings
        (model / "eagraph.toml").write_text("[burden]\ncitizen_hour = 50.0\n", encoding="utf-8")
        expected = {"validate": 1, "analyze": 2}
    elif change == "shapes":
        shapes.write_text("@prefix sh: <http://www.w3.org/ns/shacl#> .\n# another rule set\n", encoding="utf-8")
        expected = {"validate": 2, "analyze": 1}
    else:
        expected = {"validate": 1, "analyze": 2}
    assert run("validate", model, *base).exit_code in (0, 1)
    analyze(run, model, "--kind", "only-once-violation" if change != "kinds" else "automatic-granting-candidate",
            "--no-validate")
    assert counted() == expected


def test_a_damaged_entry_is_checked_again(run, model, counted, tmp_path):
    first = analyze(run, model)
    entries = [p for p in (tmp_path / "cache" / "check").rglob("*") if p.is_file()]
    assert len(entries) == 2  # the validation and the analysis
    for entry in entries:
        data = bytearray(entry.read_bytes())
        data[len(data) // 2] ^= 0xFF
        entry.write_bytes(bytes(data))
    assert analyze(run, model) == first
    assert counted() == {"validate": 2, "analyze": 2}


def test_no_cache_neither_reads_nor_writes_results(run, model, counted, tmp_path):
    first = analyze(run, model, "--no-cache")
    assert analyze(run, model, "--no-cache") == first
    assert counted() == {"validate": 2, "analyze": 2}
    assert not (tmp_path / "cache" / "check").exists()


def test_check_path_does_not_load_an_unchanged_model(model, counted):
    from eagraph.check import ALL_UNLOCATED, check_path

    first = check_path(model, ALL_UNLOCATED)
    loads = []
    second = check_path(model, ALL_UNLOCATED, load=lambda: loads.append(1))
    assert loads == [] and second.checked.cached == ("validation", "analysis")
    assert second.findings == first.findings and second.coverage == first.coverage


def test_diff_reads_the_old_versions_findings(model, counted, tmp_path):
    """diff reads the version checked before (the old) from the cache and checks the new one from
    it: a comment added validates the nodes of that file again and leaves the analysis as it was."""
    from eagraph.check import ALL_UNLOCATED, check_path
    from eagraph.gittools.diff import diff_versions

    check_path(model, ALL_UNLOCATED)
    new = tmp_path / "new"
    shutil.copytree(model, new)
    text = (new / "model.ttl").read_text(encoding="utf-8")
    (new / "model.ttl").write_text(text + "\n# edited\n", encoding="utf-8")
    diff_versions(model, new, before_name="old", after_name="new")
    assert counted() == {"validate": 2, "analyze": 1}  # the old version once, before; the new one's changed part
    assert check_path(new, ALL_UNLOCATED).checked.cached == ("validation", "analysis")


def test_findings_read_from_the_cache_keep_what_they_save(run, tmp_path, monkeypatch):
    """Savings are exact decimals: a finding read back from the cache must carry them to the cent."""
    monkeypatch.setenv("EAGRAPH_CACHE_DIR", str(tmp_path / "cache"))
    shutil.copytree(MODELS, tmp_path / "model")
    first = analyze(run, tmp_path / "model", "--no-validate")
    assert any(f.get("savings") for f in first["findings"]), "the example model states cases and burden facts"
    assert analyze(run, tmp_path / "model", "--no-validate") == first


def test_a_check_forks_to_share_its_validation_only_when_its_caller_gives_it_workers(monkeypatch):
    """The command line gives validation alone the machine's cores; a program with threads of its own
    (the language server, where a fork once copied a held lock and hung at 10,000 services) gives none,
    and the check step then never forks for it."""
    from eagraph.check import CheckOptions, check
    from eagraph.validators import validate as engine
    from eagraph.validators.validate import ValidationOptions
    from eagraph.workspace import load

    shared = []
    monkeypatch.setattr(engine, "SHARED_FROM", 0)
    monkeypatch.setattr(engine, "run_shared", lambda *args: shared.append(args[-1]) or [])
    check(load(MODELS, cache=False), CheckOptions(validation=ValidationOptions(), cache=False))
    assert shared == []
    check(load(MODELS, cache=False), CheckOptions(validation=ValidationOptions(), cache=False, workers=2))
    assert shared == [2]


def test_within_no_forking_the_work_runs_here_and_its_error_is_raised_when_asked():
    """The language server and the site's preview check the model in threads of their own, where a
    fork can copy a lock another thread holds: there the check step's work runs in the process itself,
    and what it raises is raised when its result is asked for, as from a fork."""
    import os

    from eagraph.forking import fork_workers, in_fork, no_forking

    with no_forking():
        assert fork_workers() == 1  # the pools of positions, fmt and the site's languages ask it too
        assert in_fork(os.getpid)() == os.getpid()
        failing = in_fork(lambda: 1 / 0)
        with pytest.raises(ZeroDivisionError):
            failing()
    assert in_fork(os.getpid)() != os.getpid()


def test_a_forked_result_says_whether_it_is_there_without_waiting_for_it():
    """The check takes the subjects' places a forked process reads during the load before its first
    query only when they are there (waiting for them would leave the load's core idle again): a
    pending result says so, and gives its value (or raises its error) as often as it is asked."""
    import os
    import time

    from eagraph.forking import in_fork, no_forking, ready

    pending = in_fork(lambda: time.sleep(0.5) or os.getpid())
    assert not ready(pending)
    child = pending()
    assert ready(pending) and pending() == child != os.getpid()
    failing = in_fork(lambda: 1 / 0)
    deadline = time.monotonic() + 10
    while not ready(failing) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert ready(failing)
    for _ in range(2):
        with pytest.raises(ZeroDivisionError):
            failing()
    with no_forking():
        assert ready(in_fork(os.getpid))


def test_duplicate_service_runs_beside_the_models_build_and_finds_the_same(monkeypatch, tmp_path):
    """At 10,000 services duplicate-service alone takes as long as the analysis model's build and every
    other kind together: the check step runs it in a forked process of its own, started before the
    build, on the labels alone. Its findings, named by the services' titles, are the ones it gives
    in the analysing process (where nothing forks)."""
    import dataclasses
    import os

    import eagraph.check as checking
    from eagraph.analyses import registry
    from eagraph.check import CheckOptions, check
    from eagraph.forking import no_forking
    from eagraph.workspace import load

    log = tmp_path / "pids"
    original = registry.DUPLICATE_SERVICE.run

    def recording(source, kind):
        with log.open("a") as out:
            out.write(f"{os.getpid()}\n")
        return original(source, kind)

    kinds = tuple(dataclasses.replace(kind, run=recording) if kind.name == "duplicate-service" else kind
                  for kind in registry.KINDS)
    monkeypatch.setattr(registry, "KINDS", kinds)
    monkeypatch.setattr(checking, "fork_workers", lambda: 2)  # two cores, as on the machines that wait
    model = REPO / "tests" / "data" / "duplicates" / "model.ttl"
    apart = check(load(model, cache=False), CheckOptions(kinds=(), cache=False)).analysis
    with no_forking():
        here = check(load(model, cache=False), CheckOptions(kinds=(), cache=False)).analysis
    first, second = log.read_text().split()
    assert first != str(os.getpid()) and second == str(os.getpid())
    named = {f.subject: f.message["nl"] for f in apart if f.code == "duplicate-service"}
    assert named["https://example.org/dup/childcare-allowance-agency"].startswith(
        "“Tegemoetkoming in de kosten van kinderopvang” en “Toelage voor kinderopvang”")
    assert apart == here


def test_texts_are_compared_without_importing_scikit_learn():
    """duplicate-service and concept-harmonisation compare texts with numpy and scipy alone
    (similarity.tfidf): importing scikit-learn cost a second, in each process that compared texts."""
    import subprocess
    import sys

    code = ("import sys; from eagraph.check import check, CheckOptions; from eagraph.workspace import load; "
            f"found = check(load({str(MODELS)!r}, cache=False), CheckOptions(kinds=(), cache=False)).analysis; "
            "print(sorted({f.code for f in found} & {'duplicate-service', 'concept-harmonisation'}), "
            "'sklearn' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.stdout.split("]")[-1].strip() == "False", done.stderr
    assert done.stdout.startswith("['concept-harmonisation', 'duplicate-service']"), done.stdout + done.stderr


def test_the_collector_is_paused_while_the_analysis_runs_and_back_after(monkeypatch):
    """The model's build and the kinds make millions of small containers, none in a cycle: Python's
    cycle collector walking them again and again cost two seconds at 10,000 services. It is paused
    while the check computes, and runs again once the check is done (and stays off if it was off)."""
    import gc

    from eagraph.analyses import registry
    from eagraph.check import CheckOptions, check
    from eagraph.forking import no_forking
    from eagraph.workspace import load

    seen = []
    analyze = registry.analyze
    monkeypatch.setattr(registry, "analyze", lambda *args, **kwargs: seen.append(gc.isenabled()) or
                        analyze(*args, **kwargs))
    with no_forking():
        check(load(SERVICES, cache=False), CheckOptions(kinds=(), cache=False))
        assert seen == [False] and gc.isenabled()
        gc.disable()
        try:
            check(load(SERVICES, cache=False), CheckOptions(kinds=(), cache=False))
            assert not gc.isenabled()
        finally:
            gc.enable()


def test_what_the_check_made_is_not_walked_again_by_the_next_young_collection():
    """Left in the youngest generation, the millions of containers a check makes were all walked by
    the first collection after it (0.36 s at the end of a cold ``analyze`` at 10,000 services, to
    free four objects): they join the oldest generation, which a full collection still walks."""
    import gc

    from eagraph.check import CheckOptions, check
    from eagraph.forking import no_forking
    from eagraph.workspace import load

    with no_forking():
        results = check(load(SERVICES, cache=False), CheckOptions(kinds=(), cache=False), keep_model=True)
    assert gc.isenabled()
    gc.collect(0)  # the youngest generation, as the next allocations would
    oldest = {id(o) for o in gc.get_objects(generation=2)}
    assert id(results.model) in oldest and id(results.model.notes) in oldest


def test_the_checked_state_is_kept_by_the_validations_process_once_it_has_validated(model, monkeypatch, tmp_path):
    """Keeping the state just checked as the base of the next check writes every file's content to the
    cache (2.6 s at 10,000 services): the forked validation, idle once it has validated, does it while
    the analysis goes on, and the next check of a one-file change still starts from that state."""
    import os

    import eagraph.check as checking
    from eagraph.check import CheckOptions, check_path, incremental
    from eagraph.validators.validate import ValidationOptions

    monkeypatch.setenv("EAGRAPH_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(checking, "fork_workers", lambda: 2)
    log, remember = tmp_path / "pids", incremental.remember

    def recording(*args):
        with log.open("a") as out:
            out.write(f"{os.getpid()}\n")
        return remember(*args)

    monkeypatch.setattr(incremental, "remember", recording)
    options = CheckOptions(validation=ValidationOptions(), kinds=())
    check_path(model, options)
    assert log.read_text().split() != [str(os.getpid())] and len(log.read_text().split()) == 1
    path = next(model.rglob("*.ttl"))
    path.write_text(path.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert check_path(model, options).checked.updated == ("validation", "analysis")


def test_an_error_of_the_analysis_leaves_no_forked_kind_behind(monkeypatch):
    """When the analysing process fails, the kind running in a fork of its own is waited for and its
    result taken: a large result left unread kept that process waiting to send it, and eagraph, which
    waits for its processes at exit, waited for ever. The error is the one the user sees."""
    import dataclasses
    import multiprocessing

    import eagraph.check as checking
    from eagraph.analyses import registry
    from eagraph.check import CheckOptions, check
    from eagraph.findings import Finding, Severity
    from eagraph.workspace import load

    def many(source, kind):  # more than a pipe holds
        return [Finding(kind.name, Severity.INFO, f"https://example.org/{n}", {"en": f"{n} " + "x" * 1000})
                for n in range(500)]

    def failing(model, kind):
        raise ValueError("a kind failed")

    kinds = tuple(dataclasses.replace(kind, run=many) if kind.name == "duplicate-service" else
                  dataclasses.replace(kind, run=failing) if kind.name == "orphan-regulation" else kind
                  for kind in registry.KINDS)
    monkeypatch.setattr(registry, "KINDS", kinds)
    monkeypatch.setattr(checking, "fork_workers", lambda: 2)
    try:
        with pytest.raises(ValueError, match="a kind failed"):
            check(load(SERVICES, cache=False), CheckOptions(kinds=(), cache=False))
        assert multiprocessing.active_children() == []
    finally:
        for process in multiprocessing.active_children():
            process.kill()
