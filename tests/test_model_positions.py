"""Positions in the example model, checked against the text of every file."""

from __future__ import annotations

import re

import pyoxigraph as ox
import pytest

from eagraph.workspace import load
from helpers import MODELS

PREFIX = re.compile(r"(?:@prefix|PREFIX)\s+([\w.-]*):\s*<([^>]*)>", re.I)
TOKEN = re.compile(r"<[^>]*>|[\w.-]*:(?:[\w\-.:%]|\\.)*[\w\-:%]|[\w.-]*:")


@pytest.fixture(scope="module")
def workspace():
    return load(MODELS, cache=False)


def expand(token: str, prefixes: dict[str, str]) -> str:
    if token.startswith("<"):
        return token
    prefix, _, local = token.partition(":")
    return f"<{prefixes[prefix]}{local.replace(chr(92), '')}>"


def text_at(lines: list[str], line: int, column: int) -> str:
    return lines[line - 1][column - 1:]


def test_every_subject_of_every_file_is_found_where_it_is_written(workspace):
    assert len(workspace.files) >= 15
    for model_file in workspace.files:
        text = model_file.data.decode("utf-8")
        lines = text.splitlines()
        prefixes = dict(PREFIX.findall(text))
        positions = workspace.positions(model_file)
        in_store = {str(q.subject) for q in workspace.store.quads_for_pattern(
            None, None, None, ox.NamedNode(model_file.source.graph)) if isinstance(q.subject, ox.NamedNode)}
        named = {s for s in positions.subjects if s.startswith("<")}
        assert named == in_store, model_file.relpath
        for subject, (line, column) in positions.subjects.items():
            written = text_at(lines, line, column)
            if subject.startswith("_:"):
                assert written[:1] in "[(" or written.startswith("_:"), (model_file.relpath, line, written)
            else:
                token = TOKEN.match(written)
                assert token and expand(token.group(), prefixes) == subject, (model_file.relpath, line, written)


def test_every_statement_points_at_its_object(workspace):
    checked = 0
    for model_file in workspace.files:
        lines = model_file.data.decode("utf-8").splitlines()
        prefixes = dict(PREFIX.findall(model_file.data.decode("utf-8")))
        positions = workspace.positions(model_file)
        for statement, number in positions.statement_index().items():
            obj = statement.split(" ", 2)[2]
            written = text_at(lines, positions.document.lines[number], positions.document.columns[number])
            if obj.startswith("<") and not statement.split(" ")[1].endswith("#type>"):
                token = TOKEN.match(written)
                assert token and expand(token.group(), prefixes) == obj, (model_file.relpath, statement, written)
            elif obj.startswith('"'):
                assert written[:1] in "\"'+-0123456789.tf", (model_file.relpath, statement, written)
            checked += 1
    assert checked == len(workspace.store)


def test_locate_finds_each_service_in_its_authority_file(workspace):
    rows = list(workspace.query("SELECT ?s WHERE { ?s a <http://purl.org/vocab/cpsv#PublicService> }"))
    assert len(rows) >= 100
    for row in rows:
        place = workspace.locate(row["s"])
        assert place is not None and place.file.startswith("authorities/"), row["s"]
