"""The last state a folder was checked in (eagraph.check.incremental.remember): what the next check
starts from, kept cheaply. At 10,000 services one cache entry per model file cost 2,475 file writes
(2 s of a 12 s ``validate``); the contents are kept in packs instead, and a pack is only written for
contents that no pack of the last state holds."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from eagraph.check import CheckOptions, check_path
from eagraph.validators.validate import ValidationOptions
from helpers import MODELS

VALIDATION = CheckOptions(validation=ValidationOptions())
FILE = Path("authorities") / "employment.ttl"
NOWHERE = "<https://w3id.org/eagraph/be/authority/nowhere>"


@pytest.fixture
def model(tmp_path, monkeypatch):
    monkeypatch.setenv("EAGRAPH_CACHE_DIR", str(tmp_path / "cache"))
    shutil.copytree(MODELS, tmp_path / "models")
    return tmp_path / "models"


def entries(cache: Path, kind: str) -> list[Path]:
    return sorted(p for p in (cache / kind).rglob("*") if p.is_file()) if (cache / kind).is_dir() else []


def edit(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("cv:hasCompetentAuthority ", f"cv:hasCompetentAuthority {NOWHERE}, ", 1),
                    encoding="utf-8")


def test_a_check_keeps_the_files_contents_in_one_entry_and_an_edit_in_one_more(model, tmp_path):
    cache = tmp_path / "cache"
    files = len(list(model.rglob("*.ttl")))
    assert files > 20
    check_path(model, VALIDATION)
    assert len(entries(cache, "check-file")) == 1, "one pack, not an entry per file"
    check_path(model, VALIDATION)
    assert len(entries(cache, "check-file")) == 1, "an unchanged model writes nothing new"
    edit(model / FILE)
    results = check_path(model, VALIDATION)
    assert results.checked.updated == ("validation",), "the edit was checked from the last state"
    assert len(entries(cache, "check-file")) == 2, "the edited file's content, alone, in a second pack"
    edit(model / FILE)
    results = check_path(model, VALIDATION)
    assert results.checked.updated == ("validation",), "the second edit is checked from the first's state"
    assert any("nowhere" in (f.value or "") for f in results.validation.findings)


def test_a_pack_gone_from_the_cache_is_written_again(model, tmp_path):
    """A cache cleared in part costs one whole check; the state kept then serves the next edit."""
    check_path(model, VALIDATION)
    shutil.rmtree(tmp_path / "cache" / "check-file")
    edit(model / FILE)
    assert check_path(model, VALIDATION).checked.updated == ()
    edit(model / FILE)
    assert check_path(model, VALIDATION).checked.updated == ("validation",)


def test_a_damaged_pack_is_a_miss_not_an_error(model, tmp_path):
    check_path(model, VALIDATION)
    for entry in entries(tmp_path / "cache", "check-file"):
        entry.write_bytes(entry.read_bytes()[:100])
    edit(model / FILE)
    results = check_path(model, VALIDATION)
    assert results.checked.updated == ()
    assert any("nowhere" in (f.value or "") for f in results.validation.findings)


def test_a_pack_written_by_a_forked_process_serves_the_next_check(model, tmp_path, monkeypatch):
    """A large model's new pack is compressed by a forked process while this one loads the model."""
    from eagraph import forking
    from eagraph.check import incremental

    monkeypatch.setattr(incremental, "FORKED_PACK_FROM", 0)
    monkeypatch.setattr(forking, "fork_workers", lambda: 2)
    forked = []
    in_fork = forking.in_fork
    monkeypatch.setattr(forking, "in_fork", lambda function: forked.append(function) or in_fork(function))
    check_path(model, VALIDATION)
    assert forked and len(entries(tmp_path / "cache", "check-file")) == 1
    edit(model / FILE)
    assert check_path(model, VALIDATION).checked.updated == ("validation",)


def test_analyzing_too_the_pack_is_written_while_the_model_loads(model, tmp_path, monkeypatch):
    """With analysis, validation's process is not idle once it has validated (at 10,000 services the
    analysis and duplicate-service's processes share the cores with it): the new pack is compressed
    by a process forked before the load, on the core the load leaves idle, as for validation alone."""
    from eagraph import forking
    from eagraph.check import incremental
    from eagraph.workspace import load

    monkeypatch.setattr(incremental, "FORKED_PACK_FROM", 0)
    monkeypatch.setattr(forking, "fork_workers", lambda: 2)
    events = []
    in_fork = forking.in_fork
    monkeypatch.setattr(forking, "in_fork", lambda function: events.append(function.__name__) or in_fork(function))
    check_path(model, CheckOptions(validation=ValidationOptions(), kinds=()),
               load=lambda: events.append("load") or load(model))
    assert "write" in events and events.index("write") < events.index("load")
    assert len(entries(tmp_path / "cache", "check-file")) == 1
    edit(model / FILE)
    assert check_path(model, VALIDATION).checked.updated == ("validation",)
