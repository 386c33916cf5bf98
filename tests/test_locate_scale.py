"""Locating findings stays linear in a national model (issue 16): each finding's file is looked up
by its graph, not found by comparing every file of the model with the finding's graphs."""

from __future__ import annotations

from unittest import mock

FILES = 40


def _model(folder):
    for number in range(FILES):
        (folder / f"service-{number:02}.ttl").write_text(
            "@prefix cpsv: <http://purl.org/vocab/cpsv#> .\n@prefix dct: <http://purl.org/dc/terms/> .\n"
            f"<https://example.org/service/{number}> a cpsv:PublicService ;\n"
            f'    dct:title "Service {number}"@en .\n', encoding="utf-8")


def test_each_subject_is_located_in_its_file(tmp_path):
    from eagraph.workspace import load

    _model(tmp_path)
    workspace = load(tmp_path, cache=False)
    for number in range(FILES):
        place = workspace.locate(f"https://example.org/service/{number}")
        assert (place.file, place.line, place.column) == (f"service-{number:02}.ttl", 3, 1)


def test_locating_a_finding_per_file_names_each_file_once(tmp_path):
    """40 findings in 40 files: a file's graph IRI is made once, not once per finding (1,600 times
    before; at 10,000 services, 1,400 findings among 2,500 files made 3.5 million)."""
    from eagraph.workspace import load
    from eagraph.workspace import sources

    _model(tmp_path)
    workspace = load(tmp_path, cache=False)
    with mock.patch.object(sources, "quote", wraps=sources.quote) as quote:
        for number in range(FILES):
            workspace.locate(f"https://example.org/service/{number}")
    assert quote.call_count <= FILES


def test_the_check_reads_each_file_of_its_findings_once(tmp_path):
    """The check step locates its findings by the subjects of the files they are in, each file read
    once however many findings it holds, and each finding is placed in its own file."""
    from eagraph.check import locate
    from eagraph.findings import Finding, Severity
    from eagraph.workspace import load, workspace as module

    _model(tmp_path)
    workspace = load(tmp_path, cache=False)
    findings = [Finding("X", Severity.INFO, f"https://example.org/service/{number}", {"en": x})
                for number in range(FILES) for x in "ab"]
    with mock.patch.object(module, "subject_positions", wraps=module.subject_positions) as read:
        places = locate(workspace, findings)
    assert read.call_count == FILES
    assert [(p.file, p.line, p.column) for p in places] == [(f"service-{n:02}.ttl", 3, 1) for n in range(FILES)
                                                            for _ in "ab"]


def test_many_files_are_read_half_here_half_in_a_forked_process(tmp_path, monkeypatch):
    """Where the files with findings are many, a forked process reads half of them (it has them in
    memory already) while the check's process reads the rest; each finding is placed alike."""
    from eagraph.check import locate
    from eagraph.findings import Finding, Severity
    from eagraph.workspace import load, workspace as module

    _model(tmp_path)
    monkeypatch.setattr(module, "PARALLEL_MIN_BYTES", 0)
    monkeypatch.setattr(module, "fork_workers", lambda: 2)
    workspace = load(tmp_path, cache=False)
    findings = [Finding("X", Severity.INFO, f"https://example.org/service/{number}", {"en": "x"})
                for number in range(FILES)]
    with mock.patch.object(module, "in_fork", wraps=module.in_fork) as fork:
        places = locate(workspace, findings)
    assert fork.call_count == 1 and len(workspace._subject_places) == FILES
    assert [(p.file, p.line, p.column) for p in places] == [(f"service-{n:02}.ttl", 3, 1) for n in range(FILES)]


def test_every_file_is_read_for_places_while_the_model_loads(tmp_path, monkeypatch):
    """Where the model is loaded for an analysis, a process forked before the load reads where the
    subjects of every file are written, on the core the load leaves idle (the service files alone,
    before session 9: the merge now learns from all of them which subjects files share); the check
    then places its findings as it would have alone."""
    import os
    import shutil

    import eagraph.check as checking
    from eagraph.check import CheckOptions, check_path
    from eagraph.forking import no_forking
    from eagraph.workspace import load, workspace as module

    from helpers import REPO

    model = tmp_path / "model"
    shutil.copytree(REPO / "tests" / "data" / "analyses" / "services", model)
    (model / "other.ttl").write_text("<https://example.org/x> <https://example.org/p> 1 .\n")
    log = tmp_path / "read.log"
    read = module.subject_places_of

    def recording(files, config):
        with log.open("a") as out:
            out.write(f"{os.getpid()} {' '.join(f.relpath for f in files)}\n")
        return read(files, config)

    monkeypatch.setattr(module, "subject_places_of", recording)
    monkeypatch.setattr(checking, "fork_workers", lambda: 2)
    events = []
    in_fork = checking.in_fork
    monkeypatch.setattr(checking, "in_fork", lambda function: events.append(function.__qualname__) or in_fork(function))
    options = CheckOptions(kinds=(), cache=False)
    found = check_path(model, options, load=lambda: events.append("load") or load(model))
    early = [e for e in events if "_read_places_early" in e]
    assert early and events.index(early[0]) < events.index("load")
    pid, *files = log.read_text().split("\n")[0].split()
    assert pid != str(os.getpid()) and sorted(files) == ["model.ttl", "other.ttl"]
    with no_forking():
        alone = check_path(model, options)
    assert len(found.analysis) >= 4 and all(f.location for f in found.analysis)
    assert [f.location for f in found.analysis] == [f.location for f in alone.analysis]


def test_the_findings_are_located_while_the_validation_still_runs(tmp_path, monkeypatch):
    """Validation (forked) and the analysis end at about the same time at 10,000 services: the
    analysis's findings are located (and its memo kept) as soon as they are known, not only once
    the validation is done."""
    import time

    import eagraph.check as checking
    from eagraph.check import CheckOptions, check_path
    from eagraph.validators.validate import ValidationOptions

    from helpers import REPO

    log = tmp_path / "events.log"
    validate, locate = checking._Check._validate, checking.locate

    def slow_validation(self, *args, **kwargs):
        report = validate(self, *args, **kwargs)
        time.sleep(1.5)  # the validation ends well after the analysis
        with log.open("a") as out:
            out.write("validated\n")
        return report

    def logged_locate(*args):
        with log.open("a") as out:
            out.write("located\n")
        return locate(*args)

    monkeypatch.setattr(checking._Check, "_validate", slow_validation)
    monkeypatch.setattr(checking, "locate", logged_locate)
    monkeypatch.setattr(checking, "fork_workers", lambda: 2)
    results = check_path(REPO / "tests" / "data" / "analyses" / "services",
                         CheckOptions(validation=ValidationOptions(), kinds=(), cache=False))
    assert log.read_text().split() == ["located", "validated"]
    assert results.analysis and all(f.location for f in results.analysis) and results.validation is not None


def test_a_failure_while_reading_here_still_takes_the_forked_half(tmp_path, monkeypatch):
    """If reading the files here fails, the forked process's half is still taken and the process
    ended: none is left waiting to send it (which would hold the command's exit for ever)."""
    import multiprocessing
    import os

    import pytest

    from eagraph.workspace import load, workspace as module

    _model(tmp_path)
    monkeypatch.setattr(module, "PARALLEL_MIN_BYTES", 0)
    monkeypatch.setattr(module, "fork_workers", lambda: 2)
    workspace = load(tmp_path, cache=False)
    parent, read = os.getpid(), module._read_subject_places

    def failing_here(model_file, config):
        if os.getpid() == parent:
            raise RuntimeError("reading failed")
        return read(model_file, config)

    monkeypatch.setattr(module, "_read_subject_places", failing_here)
    with pytest.raises(RuntimeError, match="reading failed"):
        workspace.read_subject_places(workspace.files)
    assert not multiprocessing.active_children()
    assert 0 < len(workspace._subject_places) < FILES  # the forked half, kept


def test_an_analysis_that_fails_still_takes_the_places_read_early(tmp_path, monkeypatch):
    """The process that read the service files' places while the model loaded is waited for
    whatever happens after: a failing analysis leaves no process behind, waiting to send them."""
    import multiprocessing
    import shutil

    import pytest

    import eagraph.check as checking
    from eagraph.check import CheckOptions, check_path

    from helpers import REPO

    model = tmp_path / "model"
    shutil.copytree(REPO / "tests" / "data" / "analyses" / "services", model)
    (model / "many.ttl").write_text(  # places enough to fill the pipe they are sent through
        "@prefix cpsv: <http://purl.org/vocab/cpsv#> .\n"
        + "".join(f"<https://example.org/many/{n}> a cpsv:PublicService .\n" for n in range(3000)))

    def failing(self):
        raise RuntimeError("analysis failed")

    monkeypatch.setattr(checking._Check, "_analyse", failing)
    monkeypatch.setattr(checking, "fork_workers", lambda: 2)
    with pytest.raises(RuntimeError, match="analysis failed"):
        check_path(model, CheckOptions(kinds=(), cache=False))
    alive = multiprocessing.active_children()
    for process in alive:
        process.kill()  # so that a failure here does not hold the tests' exit
    assert not alive
