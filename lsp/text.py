"""Terms and ranges in a document's text: what is under the cursor, and how far a term reaches.

The editor speaks of positions as (line, character) counted from 0 in UTF-16 code units; eagraph's
locations are (line, column) counted from 1 in characters. The two are converted here only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from eagraph.workspace.turtle import resolve_iri

# A term of Turtle as written: an IRI, a prefixed name, a quoted literal (with its tag or type),
# a blank node label, a number or a keyword; good enough to find where one ends on its line.
_PNAME = r"(?:[A-Za-z\u00c0-\uffff][\w\-.\u00b7\u00c0-\uffff]*)?:(?:[\w\-:%\u00c0-\uffff]|\.(?=[\w\-:%]))*"
TERM = re.compile(
    r"<[^<>\"{}|^`\\\s]*>"
    rf"|{_PNAME}"
    r'|"(?:[^"\\]|\\.)*"(?:@[A-Za-z]+(?:-[A-Za-z0-9]+)*|\^\^(?:<[^>\s]*>|' + _PNAME + "))?"
    r"|_:[\w\-.]+|[+-]?[0-9][0-9.eE+-]*|[A-Za-z]+"
)
_NODE = re.compile(rf"<[^<>\"{{}}|^`\\\s]*>|{_PNAME}")
_PREFIX = re.compile(r"(?:@prefix|PREFIX)\s+([A-Za-z][\w\-.]*)?:\s*<([^>\s]*)>", re.IGNORECASE)
#: A line that declares a prefix (a quick fix adds its declaration after the last one).
PREFIX_DIRECTIVE = re.compile(r"\s*(?:@prefix|PREFIX)\s", re.IGNORECASE)
_BASE = re.compile(r"(?:@base|BASE)\s+<([^>\s]*)>", re.IGNORECASE)


@dataclass(frozen=True)
class Span:
    """A stretch of one line: 0-based line, 0-based start and end in characters."""

    line: int
    start: int
    end: int


def utf16(line_text: str, character: int) -> int:
    """A character offset in a line as the protocol counts it (UTF-16 code units)."""
    return len(line_text[:character].encode("utf-16-le")) // 2


def from_utf16(line_text: str, units: int) -> int:
    """The character offset of a protocol position (UTF-16 code units) in a line."""
    count = 0
    for index, char in enumerate(line_text):
        if count >= units:
            return index
        count += 2 if ord(char) > 0xFFFF else 1
    return len(line_text)


def term_span(lines: list[str], line: int, column: int) -> Span:
    """The term written at a location (1-based line and column, as findings give them): from the
    column to the end of the term there, else to the end of the line's text."""
    index = line - 1
    if not 0 <= index < len(lines):
        return Span(max(index, 0), 0, 0)
    text = lines[index]
    start = min(max(column - 1, 0), len(text))
    found = TERM.match(text, start)
    end = found.end() if found and found.end() > start else len(text.rstrip())
    return Span(index, start, max(end, start))


def node_at(lines: list[str], line: int, character: int) -> tuple[str, Span] | None:
    """The IRI or prefixed name written around a 0-based (line, character), as written, and its span."""
    if not 0 <= line < len(lines):
        return None
    for found in _NODE.finditer(lines[line]):
        if found.start() <= character <= found.end() and found.group() not in (":", ""):
            return found.group(), Span(line, found.start(), found.end())
    return None


def prefixes(text: str) -> dict[str, str]:
    """The prefixes a Turtle document declares (the last declaration of a name wins, as in Turtle)."""
    return {(m.group(1) or ""): m.group(2) for m in _PREFIX.finditer(text)}


def expand(term: str, text: str, base: str) -> str | None:
    """The IRI a term of the document names: ``<...>`` resolved against the document's base,
    ``prefix:local`` by the document's prefixes; None for an undeclared prefix."""
    if term.startswith("<"):
        declared = _BASE.search(text)
        return resolve_iri(declared.group(1) if declared else base, term[1:-1])
    name, _, local = term.partition(":")
    namespace = prefixes(text).get(name)
    return None if namespace is None else namespace + re.sub(r"\\(.)", r"\1", local)


def written(iri: str, text: str) -> str:
    """How the document would write ``iri``: with one of its prefixes where one fits, else in full."""
    for name, namespace in sorted(prefixes(text).items(), key=lambda item: -len(item[1])):
        local = iri[len(namespace):]
        if namespace and iri.startswith(namespace) and re.fullmatch(r"[\w\-]*", local):
            return f"{name}:{local}"
    return f"<{iri}>"


def word_before(line_text: str, character: int) -> tuple[str, int]:
    """What is being typed before the cursor (a prefixed name, an IRI or a word) and where it starts."""
    found = re.search(r"(?:<[^<>\s]*|[\w\-.:\u00c0-\uffff]*)$", line_text[:character])
    return (found.group(), found.start()) if found else ("", character)


# What a scan of a whole document steps over: strings (long ones span lines), comments and the
# prefix and base directives (their names are not terms); what it stops at: IRIs and prefixed names.
_SCAN = re.compile(
    r'(?P<skip>"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|#[^\n]*'
    r"|(?:@prefix|PREFIX)\s+(?:[A-Za-z][\w\-.]*)?:\s*<[^>\s]*>|(?:@base|BASE)\s+<[^>\s]*>)"
    rf"|(?P<node><[^<>\"{{}}|^`\\\s]*>|{_PNAME})",
    re.IGNORECASE,
)


def node_spans(text: str) -> list[tuple[str, Span]]:
    """Every IRI and prefixed name a Turtle document writes as a term, with its span, in order
    (not the words of its strings and comments, nor the names its prefix directives declare)."""
    found: list[tuple[str, Span]] = []
    line, line_start = 0, 0
    for match in _SCAN.finditer(text):
        if match.lastgroup != "node" or match.group() == ":":
            continue
        start = match.start()
        line += text.count("\n", line_start, start)
        line_start = text.rfind("\n", 0, start) + 1
        found.append((match.group(), Span(line, start - line_start, match.end() - line_start)))
    return found


def occurrences(iri: str, text: str, base: str) -> list[Span]:
    """Where a Turtle document writes ``iri``, in any of its forms (``<...>``, relative, prefixed)."""
    names: dict[str, str | None] = {}
    spans = []
    for term, span in node_spans(text):
        if term not in names:
            names[term] = expand(term, text, base)
        if names[term] == iri:
            spans.append(span)
    return spans


@dataclass(frozen=True)
class Slot:
    """Where the cursor is in a statement, as far as the lines before it tell: the subject being
    described, and the predicate whose object is being typed (None: a predicate is being typed)."""

    subject: str
    predicate: str | None


_DIRECTIVE = re.compile(r"\s*(?:@prefix|@base|PREFIX|BASE)\b", re.IGNORECASE)


def slot(lines: list[str], line: int, start: int) -> Slot | None:
    """The slot of a term typed at (``line``, ``start``) in the layout ``fmt`` writes: a subject at
    the start of a line, its predicates indented below it after ``;``. None where it cannot tell
    (a subject being typed, a blank node, a list)."""
    before = lines[line][:start] if 0 <= line < len(lines) else ""
    subject_line = line
    while subject_line >= 0 and not _starts_subject(lines[subject_line]):
        subject_line -= 1
    if subject_line < 0 or "[" in before or "(" in before:
        return None
    subject = _NODE.match(lines[subject_line])
    if subject is None:
        return None
    words = before.split()
    if subject_line == line:  # "subject predicate <typed>" or "subject <typed>"
        words = words[1:]
        if not words:
            return None
    if not words:
        previous = next((lines[n].split("#")[0].rstrip() for n in range(line - 1, subject_line - 1, -1)
                         if lines[n].split("#")[0].strip()), "")
        return Slot(subject.group(), None) if previous.endswith(";") else None
    if len(words) == 1 and _NODE.fullmatch(words[0]) or words == ["a"]:
        return Slot(subject.group(), words[0])
    return None


def _starts_subject(text: str) -> bool:
    return bool(text) and not text[0].isspace() and not text.startswith("#") and not _DIRECTIVE.match(text)
