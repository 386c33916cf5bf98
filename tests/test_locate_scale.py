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
