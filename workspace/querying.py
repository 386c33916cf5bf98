"""SPARQL over a loaded model, with the contract's prefixes declared for you.

Architects write ``?s a cpsv:PublicService`` without a PREFIX block: any prefix of the model
contract that a query uses but does not declare is added in front of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pyoxigraph as ox

from eagraph.ontology import PREFIXES

from .errors import EagraphError, SourceProblem
from .workspace import Workspace


class QueryError(EagraphError):
    """A SPARQL query that does not parse or cannot run."""


@dataclass
class QueryResult:
    """The answer of one query: ``kind`` is select, ask or construct."""

    kind: str
    variables: list[str]
    rows: list[list[object]]  # select: terms (or None); construct: [s, p, o]
    boolean: bool | None = None


#: The tokens of a query that matter for its prefixes and its form. Strings, IRIs and comments are
#: matched whole, so nothing inside them is taken for a prefix or a keyword.
_TOKENS = re.compile(r"""
    (?P<comment>\#[^\n]*)
  | (?P<string>"{3}(?:[^"\\]|\\.|"(?!""))*"{3}|'{3}(?:[^'\\]|\\.|'(?!''))*'{3}
              |"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
  | (?P<iri><[^<>"{}|^`\\\s]*>)
  | (?P<var>[?$]\w+)
  | (?P<pname>(?<![\w.-])(?P<prefix>[A-Za-z](?:[\w.-]*[\w-])?)?:)
  | (?P<word>[A-Za-z_]\w*)
""", re.X | re.S)
QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
UPDATE_FORMS = ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH")


@dataclass
class _Shape:
    """What a query declares and uses, read without parsing it: enough to say what is wrong in words."""

    form: tuple[str, int] | None  # the first keyword after PREFIX and BASE, and its offset
    declared: set[str]
    used: list[tuple[str, int]]  # every prefix used, and its offset


def _shape(sparql: str) -> _Shape:
    form, declared, used, after_prefix = None, set(), [], False
    for token in _TOKENS.finditer(sparql):
        kind = "pname" if token.lastgroup == "prefix" else token.lastgroup
        if kind == "pname":
            name = token.group("prefix") or ""
            if after_prefix:
                declared.add(name)
            else:
                used.append((name, token.start()))
        elif kind == "word" and form is None and token.group().upper() not in ("PREFIX", "BASE"):
            form = (token.group(), token.start())
        after_prefix = kind == "word" and token.group().upper() == "PREFIX"
    return _Shape(form, declared, used)


def with_prefixes(sparql: str) -> str:
    """The query with a PREFIX line in front for each contract prefix it uses without declaring."""
    shape = _shape(sparql)
    used = {name for name, _ in shape.used}
    missing = [p for p in PREFIXES if p in used and p not in shape.declared]
    return "".join(f"PREFIX {p}: <{PREFIXES[p]}>\n" for p in missing) + sparql


def check_query(sparql: str, source: str = "query") -> None:
    """Say in words what makes a query unrunnable, before the parser says it in its grammar's terms
    ("expected CONSTRUCT", five lines of Unicode ranges): an update, a misspelt form, an unknown prefix."""
    shape = _shape(sparql)
    if shape.form is None or shape.form[0].upper() not in QUERY_FORMS:
        word, offset = shape.form or ("(nothing)", 0)
        if word.upper() in UPDATE_FORMS:
            why = (f"{word}: updates are not run by `eagraph query`; a model changes in its files "
                   "(edit them; `eagraph publish` then puts them on a SPARQL server)")
        else:
            why = f"{word}: a query starts with SELECT, ASK, CONSTRUCT or DESCRIBE"
        raise QueryError(_problem(sparql, source, offset, why))
    for name, offset in shape.used:
        if name not in shape.declared and name not in PREFIXES:
            raise QueryError(_problem(sparql, source, offset,
                                      f"unknown prefix {name}: (declare it: PREFIX {name}: <...>)"))


def _problem(sparql: str, source: str, offset: int, message: str) -> str:
    line = sparql.count("\n", 0, offset) + 1
    column = offset - (sparql.rfind("\n", 0, offset) + 1) + 1
    return _at(sparql, source, line, column, message)


def _at(sparql: str, source: str, line: int, column: int, message: str) -> str:
    lines = sparql.splitlines()
    return SourceProblem(source, line, column, message, lines[line - 1] if 0 < line <= len(lines) else "").render()


def _readable(detail: str) -> str:
    """The parser's expectation without its lists of Unicode ranges (``['A' ..= 'Z' | ...]``)."""
    if not detail.startswith("expected one of "):
        return detail
    listed = re.sub(r"\[('(?:[^'\\]|\\.)*')\]", r"\1", detail[len("expected one of "):])  # ['.'] -> '.'
    words = re.sub(r"\[(?:'(?:[^'\\]|\\.)*'|[^\]'])*\]", "", listed).split(",")  # ranges of characters go
    words = [w.strip() for w in words if w.strip() and w.strip() != "Prefix not found"]
    return "expected " + " or ".join(words) if words else "unexpected character"


def run_query(workspace: Workspace, sparql: str, *, source: str = "query") -> QueryResult:
    check_query(sparql, source)
    text = with_prefixes(sparql)
    added = text.count("\n") - sparql.count("\n")
    try:
        result = workspace.query(text)
    except SyntaxError as exc:
        message = str(exc)
        match = re.match(r"error at (\d+):(\d+): (.*)", message, re.S)
        if match:
            message = _at(sparql, source, int(match.group(1)) - added, int(match.group(2)),
                          f"SPARQL syntax: {_readable(match.group(3))}")
        raise QueryError(message) from None
    except (OSError, ValueError, RuntimeError) as exc:
        raise QueryError(f"{source}: the query could not run: {exc}") from None
    if isinstance(result, ox.QueryBoolean):
        return QueryResult("ask", [], [], bool(result))
    if isinstance(result, ox.QuerySolutions):
        variables = [v.value for v in result.variables]
        rows = [[solution[v] for v in variables] for solution in result]
        return QueryResult("select", variables, rows)
    triples = [[t.subject, t.predicate, t.object] for t in result]
    return QueryResult("construct", ["subject", "predicate", "object"], triples)
