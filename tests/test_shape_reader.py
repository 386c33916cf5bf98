"""Shapes read once per process while their files are unchanged (the language server validates at
every keystroke), and read again as soon as a file changes: an edited shape is never ignored."""

from __future__ import annotations

import os

import pytest

from eagraph.validators.shape_reader import CONTRACT_SHAPES, ShapesError, read_shapes

SHAPE = """@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <https://example.org/> .
ex:shape a sh:NodeShape ; sh:targetClass ex:{cls} .
"""


def test_unchanged_shapes_are_parsed_once_and_a_changed_file_is_read_again(tmp_path):
    own = tmp_path / "shapes.ttl"
    own.write_text(SHAPE.format(cls="Service"), encoding="utf-8")
    first = read_shapes([CONTRACT_SHAPES, own])
    assert read_shapes([CONTRACT_SHAPES, own]) is first
    stat = own.stat()
    own.write_text(SHAPE.format(cls="Servicf"), encoding="utf-8")  # the same size,
    os.utime(own, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # the same time: rewritten within the clock's resolution
    changed = read_shapes([CONTRACT_SHAPES, own])
    classes = {str(o) for o in changed.objects(None, changed.namespace_manager.expand_curie("sh:targetClass"))}
    assert "https://example.org/Servicf" in classes and "https://example.org/Service" not in classes


def test_a_missing_or_broken_shapes_file_is_still_an_error_each_time(tmp_path):
    with pytest.raises(ShapesError, match="not found"):
        read_shapes([tmp_path / "nothing.ttl"])
    broken = tmp_path / "broken.ttl"
    broken.write_text("ex:a ex:b", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(ShapesError, match="not a readable shapes file"):
            read_shapes([broken])
