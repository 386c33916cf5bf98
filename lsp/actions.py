"""Quick fixes where the fix is certain, as code actions: a missing type the contract implies, and a
language tag a required-languages rule misses.

Each answers a finding of the last diagnosis (the rule says what is wrong) and edits only what it
must: a type inserted after the subject, a tag after the literal. Where more than one fix fits (two
languages missing), one action per fix is offered, titled with it, and none is preferred.
"""

from __future__ import annotations

import re

from lsprotocol import types
from pygls.uris import from_fs_path

from eagraph.findings import Finding
from eagraph.ontology import compact

from .model import LiveModel
from .text import term_span, utf16, written

#: A Turtle string literal as written: long ones (which span lines) first.
STRING = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\'|"(?:[^"\\\n]|\\.)*"'
                    r"|'(?:[^'\\\n]|\\.)*'")


def in_range(finding: Finding, wanted: types.Range) -> bool:
    where = finding.where
    return where is not None and wanted.start.line <= where.line - 1 <= wanted.end.line


def position(text: str, offset: int) -> types.Position:
    """The protocol position (0-based, UTF-16) of a character offset in ``text``."""
    line = text.count("\n", 0, offset)
    start = text.rfind("\n", 0, offset) + 1
    return types.Position(line, utf16(text[start:offset], offset - start))


def offset(text: str, line: int, column: int) -> int:
    """The character offset of a 1-based line and column."""
    starts = [0, *(m.end() for m in re.finditer("\n", text))]
    return starts[line - 1] + column - 1


def attached(diagnostics: list[types.Diagnostic], finding: Finding) -> list[types.Diagnostic] | None:
    """The editor's diagnostics that show ``finding`` (its code, line and message in any language)."""
    return [d for d in diagnostics if d.code == finding.code and d.range.start.line == finding.where.line - 1
            and d.message in finding.message.values()] or None


def tag_actions(model: LiveModel, relpath: str, uri: str, wanted: types.Range,
                diagnostics: list[types.Diagnostic]) -> list[types.CodeAction]:
    """For a required language missing on a subject's property (EAG003 and its kind), the literals
    without a language tag the file writes there, each tagged with the missing language: one action
    per language and literal, preferred when only one fits."""
    text = model.file(relpath).data.decode("utf-8", errors="replace")
    missing = [f for f in model.findings.get(relpath, []) if f.extra.get("language") and f.path and in_range(f, wanted)]
    actions = []
    for finding in missing:
        language = str(finding.extra["language"])
        for place in model.untagged(relpath, finding.subject, finding.path):
            start = offset(text, place.line, place.column)
            literal = STRING.match(text, start)
            if literal is None:
                continue
            end = position(text, literal.end())
            actions.append(types.CodeAction(
                f"Tag {literal.group()[:40]} as @{language}", kind=types.CodeActionKind.QuickFix,
                diagnostics=attached(diagnostics, finding),
                edit=types.WorkspaceEdit(changes={uri: [types.TextEdit(types.Range(end, end), "@" + language)]})))
    if len(actions) == 1:
        actions[0].is_preferred = True
    return actions


def type_actions(model: LiveModel, relpath: str, wanted: types.Range,
                 diagnostics: list[types.Diagnostic]) -> list[types.CodeAction]:
    """For a link to a node the model describes without a type (EAG090), the type the contract
    certainly gives it (``a cpsv:PublicService`` for a node with a competent authority, say),
    inserted after the node's subject where its file first describes it."""
    contract = model.contract()
    actions = {}
    for finding in model.findings.get(relpath, []):
        if finding.code != "EAG090" or not (finding.value or "").startswith("<") or not in_range(finding, wanted):
            continue
        node = finding.value[1:-1]
        described = model.described(node)
        if contract is None or not described or node in actions or model.labels(node).types:
            continue
        cls = contract.certain_class({predicate for _, predicate in described})
        place = model.definition(node)
        if cls is None or place is None:
            continue
        lines = model.lines(place.file)
        span = term_span(lines, place.line, place.column)
        rest = lines[span.line][span.end:].strip()
        text = model.file(place.file).data.decode("utf-8", errors="replace")
        insert = f" a {written(cls, text)} ;" + ("\n    " if rest else "")
        after = types.Position(span.line, utf16(lines[span.line], span.end))
        gap = len(lines[span.line][span.end:]) - len(lines[span.line][span.end:].lstrip())
        end = types.Position(span.line, utf16(lines[span.line], span.end + gap))
        actions[node] = types.CodeAction(
            f"Add a {compact(cls)} to {written(node, text)}", kind=types.CodeActionKind.QuickFix, is_preferred=True,
            diagnostics=attached(diagnostics, finding),
            edit=types.WorkspaceEdit(changes={from_fs_path(str(model.root / place.file)): [
                types.TextEdit(types.Range(after, end if rest else after), insert)]}))
    return list(actions.values())
