"""`eagraph fmt` keeps, per file content, what it found (as Black does): a file it already checked is
not read again, and any change to the bytes, to eagraph or to the layout's settings checks it anew."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

import eagraph
from eagraph.gittools import canonical, fmt
from eagraph.gittools.fmt import format_files, format_turtle
from eagraph.gittools.commented_turtle import FormatError
from helpers import write

MESSY = "@prefix ex: <https://example.org/> .\nex:b ex:p ex:o .\nex:a ex:p ex:o , [ ex:q ( 1 2 ) ] .\n"
TIDY = "@prefix ex: <https://example.org/> .\nex:c ex:p ex:o .\n"


@pytest.fixture
def model(tmp_path, monkeypatch):
    """A model of three files (two to reformat, one canonical), a cache of its own, and a count of
    the files the formatter reads."""
    monkeypatch.setenv("EAGRAPH_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "model"
    write(folder, "a.ttl", MESSY)
    write(folder, "b.ttl", MESSY.replace("ex:b", "ex:d"))
    write(folder, "c.ttl", format_turtle(TIDY))
    calls: list[str] = []
    real = fmt.format_turtle

    def counted(text: str, path: str = "<text>", base: str | None = None) -> str:
        calls.append(path)
        return real(text, path, base)

    monkeypatch.setattr(fmt, "format_turtle", counted)
    return Model(folder, calls)


@dataclass
class Model:
    """The model's folder, and the names of the files the formatter read since it was cleared."""

    path: Path
    calls: list[str]

    def __truediv__(self, name: str) -> Path:
        return self.path / name


def check(run, model: Model, *options: str):
    model.calls.clear()
    result = run("fmt", model.path, "--check", *options)
    return result, sorted(model.calls)


def test_a_second_check_reads_no_file_and_says_the_same(run, model):
    first, read = check(run, model)
    assert first.exit_code == 1 and read == ["a.ttl", "b.ttl", "c.ttl"]
    second, read = check(run, model)
    assert read == []  # nothing parsed: every verdict came from the cache
    assert second.exit_code == 1 and second.output == first.output
    assert "a.ttl" in second.output and "b.ttl" in second.output and "c.ttl" not in second.output


def test_a_changed_file_is_checked_again(run, model):
    check(run, model)
    (model / "c.ttl").write_text(TIDY.replace("ex:c", "ex:z ex:p ex:o . ex:c"), encoding="utf-8")
    result, read = check(run, model)
    assert read == ["c.ttl"]
    assert result.exit_code == 1 and "would reformat" in result.output and "c.ttl" in result.output


def test_equal_bytes_with_another_time_stamp_are_not_read_again(run, model):
    check(run, model)
    (model / "a.ttl").write_bytes((model / "a.ttl").read_bytes())  # touched, not changed
    assert check(run, model)[1] == []


def test_another_eagraph_version_checks_every_file_again(run, model, monkeypatch):
    check(run, model)
    monkeypatch.setattr(eagraph, "__version__", eagraph.__version__ + "+next")
    assert check(run, model)[1] == ["a.ttl", "b.ttl", "c.ttl"]


def test_another_layout_setting_checks_every_file_again(run, model, monkeypatch):
    check(run, model)
    monkeypatch.setattr(canonical, "WIDTH", canonical.WIDTH + 20)
    assert check(run, model)[1] == ["a.ttl", "b.ttl", "c.ttl"]


def test_a_damaged_cache_entry_is_a_miss_and_the_file_is_checked_again(run, model, tmp_path):
    first, _read = check(run, model)
    entries = [p for p in (tmp_path / "cache" / "fmt").rglob("*") if p.is_file()]
    assert len(entries) == 3
    for entry in entries:
        data = bytearray(entry.read_bytes())
        data[-1] ^= 0xFF  # "formatted" and "reformat" swapped would be a wrong answer, not a miss
        entry.write_bytes(bytes(data))
    result, read = check(run, model)
    assert read == ["a.ttl", "b.ttl", "c.ttl"]
    assert result.output == first.output


def test_no_cache_reads_every_file_and_keeps_nothing(run, model, tmp_path):
    assert check(run, model, "--no-cache")[1] == ["a.ttl", "b.ttl", "c.ttl"]
    assert check(run, model, "--no-cache")[1] == ["a.ttl", "b.ttl", "c.ttl"]
    assert not (tmp_path / "cache" / "fmt").exists()


def test_what_fmt_wrote_is_known_canonical_and_not_read_by_the_next_check(run, model):
    model.calls.clear()
    assert run("fmt", model.path).exit_code == 0
    assert sorted(model.calls) == ["a.ttl", "b.ttl", "c.ttl"]
    assert (model / "a.ttl").read_text(encoding="utf-8") == format_turtle(MESSY)
    result, read = check(run, model)
    assert read == [] and result.exit_code == 0


def test_fmt_rewrites_a_file_the_cache_says_would_change(run, model):
    """A cached "would change" spares --check, never the rewrite: fmt reads the file and writes it."""
    check(run, model)
    assert run("fmt", model.path).exit_code == 0
    assert (model / "b.ttl").read_text(encoding="utf-8") == format_turtle(MESSY.replace("ex:b", "ex:d"))


def test_a_refused_file_is_refused_again_not_remembered(run, model):
    write(model.path, "bad.ttl", "@prefix ex: <https://example.org/> .\nex:a ex:p <relative> .\n")
    assert run("fmt", model.path, "--check").exit_code == 2
    result, read = check(run, model)
    assert result.exit_code == 2 and "bad.ttl:2: the file uses relative IRIs" in result.stderr
    assert read == ["bad.ttl"]


def test_many_files_in_worker_processes_give_what_one_process_gives(tmp_path, monkeypatch):
    files = [write(tmp_path, f"f{i}.ttl", MESSY.replace("ex:b", f"ex:b{i}")) for i in range(6)]
    files.append(write(tmp_path, "bad.ttl", "@prefix ex: <https://example.org/> .\nex:a ex:p .\n"))
    files = [Path(f) for f in files]
    alone = format_files(files, tmp_path, check=True)
    monkeypatch.setattr(fmt, "PARALLEL_MIN_FILES", 1)
    monkeypatch.setattr(fmt, "PARALLEL_MIN_BYTES", 1)
    monkeypatch.setattr(fmt, "fork_workers", lambda: 2)
    pooled = format_files(files, tmp_path, check=True)
    assert [(r.path, r.changed, str(r.error)) for r in pooled] == [(r.path, r.changed, str(r.error)) for r in alone]
    assert [r.changed for r in pooled] == [True] * 6 + [False] and "bad.ttl:2:" in str(pooled[-1].error)


@pytest.mark.parametrize("damage", [
    lambda text: text.replace("ex:o", "ex:other", 1),  # another object
    lambda text: text.replace('"q"', '"Q"'),  # another literal
    lambda text: text.replace("( 1 2 )", "( 2 1 )"),  # a list in another order
    lambda text: text.replace("ex:q ( 1 2 ) ", "ex:q ( 1 2 ) ; ex:r [] "),  # a statement more, on a blank node
], ids=["object", "literal", "list-order", "blank-statement"])
def test_a_writer_that_loses_anything_is_caught_before_the_file_is_written(monkeypatch, damage):
    """The new text is read back (by pyoxigraph) and compared with what the file said."""
    text = ("@prefix ex: <https://example.org/> .\nex:b ex:p ex:o .\n"
            'ex:a ex:p ex:o , [ ex:q ( 1 2 ) ; ex:s "q" ] .\n')
    real = canonical.Writer.document
    monkeypatch.setattr(canonical.Writer, "document", lambda self, *a: damage(real(self, *a)))
    with pytest.raises(FormatError, match="would not give the same graph"):
        format_turtle(text, "x.ttl")


def test_relative_iris_under_the_files_own_base_are_read_once_and_written_in_full():
    text = "@base <https://example.org/> .\n@prefix ex: <https://example.org/> .\n<b> ex:p <o> .\n<a> ex:p <o> .\n"
    assert format_turtle(text, "x.ttl") == "@prefix ex: <https://example.org/> .\n\nex:a ex:p ex:o .\n\nex:b ex:p ex:o .\n"


@pytest.mark.parametrize("text, line", [
    ("@prefix ex: <https://example.org/> .\nex:a ex:p ex:o .\n\nex:b ex:p <o> .\n", 4),
    ("@base <models/> .\n@prefix ex: <https://example.org/> .\n<a> ex:p ex:o .\n", 1),
])
def test_a_relative_iri_without_a_base_of_the_files_own_is_refused_at_its_line(text, line):
    with pytest.raises(FormatError, match=f"^x.ttl:{line}: the file uses relative IRIs"):
        format_turtle(text, "x.ttl")
